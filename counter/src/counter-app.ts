import { css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { Me } from '../../contract/api.js';
import { StaffShell } from '../../ui/staff-shell.js';
import { staffPalette } from '../../ui/staff-styles.js';
import { sharedStyles } from './shared-styles.js';
import { counterShellPage } from './staff-ui-props.js';
import './counter-workspace.js';

/** The counter terminal: the staff shell (sign-in, password, TR/EN), then the clerk's workspace. */
@customElement('counter-app')
export class CounterApp extends StaffShell {
  static override styles = [
    staffPalette('counter'),
    sharedStyles,
    StaffShell.styles,
    // Touch-sized: larger controls and cards than the manager's desk.
    css`
      :host {
        --staff-control-height: 44px;
        --staff-card-padding: 16px 18px;
        --staff-header-height: 56px;
        --staff-main-padding: 16px 20px;
      }
    `,
  ];

  protected readonly page = counterShellPage;

  protected renderSignedIn(me: Me) {
    return html`<counter-workspace
      .me=${me}
      .language=${this.language}
      @counter-session-expired=${() => this.sessionExpired()}
    ></counter-workspace>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'counter-app': CounterApp;
  }
}
