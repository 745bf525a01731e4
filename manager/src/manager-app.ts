import { css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { Me } from '../../contract/api.js';
import { StaffShell } from '../../ui/staff-shell.js';
import { staffPalette } from '../../ui/staff-styles.js';
import { messages } from './i18n.js';
import { sharedStyles } from './shared-styles.js';
import { managerShellPage } from './staff-ui-props.js';
import { mayUseManagerPage } from './state/tabs.js';
import './manager-desk.js';

/** The manager page: the staff shell (sign-in, password, TR/EN), a clear stop for clerks, the desk. */
@customElement('manager-app')
export class ManagerApp extends StaffShell {
  static override styles = [
    staffPalette('manager'),
    sharedStyles,
    StaffShell.styles,
    css`
      .stop {
        max-width: 560px;
        margin: 48px auto 0;
      }
      .stop h2 {
        font-size: 1.4rem;
      }
      .stop .actions {
        display: flex;
        gap: 12px;
        margin-top: 16px;
      }
    `,
  ];

  protected readonly page = managerShellPage;

  protected renderSignedIn(me: Me) {
    const m = messages(this.language);
    if (!mayUseManagerPage(me.role)) {
      return html`<section
        class="card stop"
        aria-labelledby="stop-heading"
        data-testid="not-manager"
      >
        <h2 id="stop-heading">${m.notManagerHeading}</h2>
        <p>${m.notManagerText(me.displayName)}</p>
        <div class="actions">
          <a class="button" href="/counter">${m.toCounterPage}</a>
          <button type="button" @click=${this.signOut}>${m.signOut}</button>
        </div>
      </section>`;
    }
    return html`<manager-desk
      .me=${me}
      .language=${this.language}
      @manager-session-expired=${() => this.sessionExpired()}
    ></manager-desk>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-app': ManagerApp;
  }
}
