import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Me } from '../../contract/api.js';
import type { Lang } from '../../contract/domain.js';
import { apiRequest } from './api-client.js';
import { messages } from './i18n.js';
import {
  changePassword,
  passwordChangeText,
  signIn,
  signInText,
  staffFormStyles,
} from './staff-ui-props.js';
import { sharedStyles } from './shared-styles.js';
import '../../ui/password-change.js';
import '../../ui/staff-lang-switch.js';
import '../../ui/staff-sign-in.js';
import { mayUseManagerPage } from './state/tabs.js';
import './manager-desk.js';

const LANG_KEY = 'siramatik.manager.lang';

function storedLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'tr';
  } catch {
    return 'tr';
  }
}

/** The manager page: sign-in, a clear stop for clerks, then the desk; TR/EN for the page. */
@customElement('manager-app')
export class ManagerApp extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 100vh;
      }
      header {
        display: flex;
        align-items: center;
        gap: 16px;
        min-height: 52px;
        padding: 6px 20px;
        background: var(--manager-accent-strong);
        color: var(--manager-on-accent);
      }
      header h1 {
        font-size: 1.15rem;
        margin: 0;
        flex: 1;
      }
      staff-lang-switch {
        --staff-on-accent: var(--manager-on-accent);
        --staff-accent-strong: var(--manager-accent-strong);
        --staff-focus: var(--manager-focus);
      }
      header .who {
        font-weight: 600;
      }
      header button {
        min-height: 34px;
        background: transparent;
        color: var(--manager-on-accent);
        border-color: var(--manager-on-accent);
      }
      header button:hover:not(:disabled) {
        background: var(--manager-accent);
      }
      main {
        flex: 1;
        padding: 12px 20px 24px;
      }
      @media print {
        header {
          display: none;
        }
        main {
          padding: 0;
        }
      }
      .stop {
        max-width: 560px;
        margin: 48px auto 0;
      }
      .done {
        margin: 0 0 10px;
        padding: 8px 12px;
        border-radius: 8px;
        background: var(--manager-ok-bg);
        color: var(--manager-ok-text);
        border-left: 5px solid var(--manager-ok-edge);
        font-weight: 600;
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

  /** `undefined` while asking the server who is signed in. */
  @state() private _me: Me | null | undefined = undefined;
  @state() private _lang: Lang = storedLang();
  @state() private _expired = false;
  /** The user chose to change their password (a one-time one is changed without asking). */
  @state() private _changingPassword = false;
  @state() private _passwordChanged = false;

  override connectedCallback(): void {
    super.connectedCallback();
    document.documentElement.lang = this._lang;
    void this._checkSession();
  }

  override render() {
    const m = messages(this._lang);
    document.title = `Sıramatik — ${m.appTitle}`;
    return html`
      <header>
        <h1>Sıramatik · ${m.appTitle}</h1>
        ${
          this._me
            ? html`<span class="who">${m.signedInAs(this._me.displayName)}</span>
                ${
                  this._me.passwordChangeRequired || this._changingPassword
                    ? null
                    : html`<button type="button" @click=${this._changePassword}>
                        ${m.changePassword}
                      </button>`
                }
                <button type="button" @click=${this._signOut}>${m.signOut}</button>`
            : null
        }
        <staff-lang-switch
          .language=${this._lang}
          label=${m.language}
          @staff-lang=${this._onLang}
        ></staff-lang-switch>
      </header>
      <main>${this._renderBody()}</main>
    `;
  }

  private _renderBody() {
    const m = messages(this._lang);
    if (this._me === undefined) return html`<p class="muted" role="status">${m.loading}</p>`;
    if (this._me === null) {
      return html`<staff-sign-in
        .text=${signInText(this._lang)}
        .submit=${signIn}
        .pageStyles=${staffFormStyles}
        .notice=${this._expired ? m.sessionExpired : ''}
        @staff-signed-in=${this._onSignedIn}
      ></staff-sign-in>`;
    }
    if (this._me.passwordChangeRequired || this._changingPassword) {
      return html`<staff-password-change
        .text=${passwordChangeText(this._lang)}
        .submit=${changePassword}
        .pageStyles=${staffFormStyles}
        .me=${this._me}
        ?required=${this._me.passwordChangeRequired}
        @staff-password-changed=${this._onPasswordChanged}
        @staff-password-cancel=${() => (this._changingPassword = false)}
      ></staff-password-change>`;
    }
    const changed = this._passwordChanged
      ? html`<p class="done" role="status">${m.passwordChanged}</p>`
      : null;
    if (!mayUseManagerPage(this._me.role)) {
      return html`<section
        class="card stop"
        aria-labelledby="stop-heading"
        data-testid="not-manager"
      >
        <h2 id="stop-heading">${m.notManagerHeading}</h2>
        <p>${m.notManagerText(this._me.displayName)}</p>
        <div class="actions">
          <a class="button" href="/counter">${m.toCounterPage}</a>
          <button type="button" @click=${this._signOut}>${m.signOut}</button>
        </div>
      </section>`;
    }
    return html`${changed}<manager-desk
        .me=${this._me}
        .language=${this._lang}
        @manager-session-expired=${this._onExpired}
      ></manager-desk>`;
  }

  private async _checkSession(): Promise<void> {
    const r = await apiRequest<Me | { kind: 'device' }>('GET', '/auth/me');
    this._me = r.ok && r.data.kind === 'user' ? r.data : null;
  }

  private _onLang(e: CustomEvent<Lang>): void {
    this._lang = e.detail;
    document.documentElement.lang = e.detail;
    try {
      localStorage.setItem(LANG_KEY, e.detail);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }

  private _onSignedIn(e: CustomEvent<Me>): void {
    this._expired = false;
    this._me = e.detail;
  }

  private _changePassword(): void {
    this._passwordChanged = false;
    this._changingPassword = true;
  }

  private _onPasswordChanged(e: CustomEvent<Me>): void {
    this._me = e.detail;
    this._changingPassword = false;
    this._passwordChanged = true;
  }

  private _onExpired(): void {
    this._expired = true;
    this._me = null;
  }

  private async _signOut(): Promise<void> {
    // Leave the desk first, so its socket's "session expired" is not taken for an expiry.
    this._expired = false;
    this._changingPassword = false;
    this._passwordChanged = false;
    this._me = null;
    await apiRequest('POST', '/auth/logout');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-app': ManagerApp;
  }
}
