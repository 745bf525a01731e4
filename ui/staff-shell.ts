import {
  LitElement,
  css,
  html,
  nothing,
  type CSSResultGroup,
  type CSSResultOrNative,
  type TemplateResult,
} from 'lit';
import { state } from 'lit/decorators.js';
import type { Me } from '../contract/api.js';
import type { Lang } from '../contract/domain.js';
import type { staffUi } from './staff-ui.js';
import './password-change.js';
import './staff-lang-switch.js';
import './staff-sign-in.js';

/** The shell's words in the page's language (each page's catalogue has them). */
export interface ShellText {
  appTitle: string;
  language: string;
  loading: string;
  sessionExpired: string;
  signOut: string;
  signedInAs: (name: string) => string;
  changePassword: string;
  passwordChanged: string;
}

/** What a staff page tells its shell: its catalogue, its requests and where it keeps the language. */
export interface ShellPage {
  /** The `localStorage` key of the chosen language. */
  langKey: string;
  words: (lang: Lang) => ShellText;
  /** The session's requests and the shared forms' words (`staffUi`). */
  session: ReturnType<typeof staffUi>;
  /** The page's look for the shared forms, applied before their own. */
  formStyles: CSSResultOrNative[];
}

function storedLang(key: string): Lang {
  try {
    return localStorage.getItem(key) === 'en' ? 'en' : 'tr';
  } catch {
    return 'tr';
  }
}

/**
 * The app shell of the staff pages (counter, manager): a header with the app's name, the
 * signed-in user, "change password", sign-out and the TR/EN switch; under it the gates (asking
 * the server who is signed in, the sign-in form, a one-time password to change) and then the
 * page's own body. A page extends it: it names its `page` and renders `renderSignedIn`, and a
 * body that finds the session ended calls `sessionExpired()`. Its styles start with the
 * page's palette mapped with `staffPalette` and the page's base styles (`staffBaseStyles`).
 */
export abstract class StaffShell extends LitElement {
  /** The shell's own layout; a page puts its palette and base styles before it. */
  static override styles: CSSResultGroup = [
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
        min-height: var(--staff-header-height, 52px);
        padding: 6px 20px;
        background: var(--staff-accent-strong);
        color: var(--staff-on-accent);
      }
      header h1 {
        font-size: 1.15rem;
        margin: 0;
        flex: 1;
      }
      header .who {
        font-weight: 600;
      }
      header button {
        min-height: 36px;
        justify-content: center;
        background: transparent;
        color: var(--staff-on-accent);
        border-color: var(--staff-on-accent);
      }
      header button:hover:not(:disabled) {
        background: var(--staff-accent);
      }
      main {
        flex: 1;
        padding: var(--staff-main-padding, 12px 20px 24px);
      }
      .done {
        margin: 0 0 10px;
        padding: 8px 12px;
        border-radius: 8px;
        background: var(--staff-ok-bg);
        color: var(--staff-ok-text);
        font-weight: 600;
      }
      @media print {
        header {
          display: none;
        }
        main {
          padding: 0;
        }
      }
    `,
  ];

  /** `undefined` while asking the server who is signed in. */
  @state() protected me: Me | null | undefined = undefined;
  @state() protected language: Lang = 'tr';
  @state() private _expired = false;
  /** The user chose to change their password (a one-time one is changed without asking). */
  @state() private _changingPassword = false;
  @state() private _passwordChanged = false;

  /** The page this shell serves. */
  protected abstract readonly page: ShellPage;

  /** The page's body for a signed-in user who needs no password change. */
  protected abstract renderSignedIn(me: Me): unknown;

  override connectedCallback(): void {
    super.connectedCallback();
    this.language = storedLang(this.page.langKey);
    document.documentElement.lang = this.language;
    void this.page.session.whoAmI().then((me) => (this.me = me));
  }

  override render(): TemplateResult {
    const w = this.page.words(this.language);
    document.title = `Sıramatik — ${w.appTitle}`;
    const me = this.me;
    return html`
      <header>
        <h1>Sıramatik · ${w.appTitle}</h1>
        ${
          me
            ? html`<span class="who">${w.signedInAs(me.displayName)}</span>
                ${
                  me.passwordChangeRequired || this._changingPassword
                    ? nothing
                    : html`<button type="button" @click=${this._changePassword}>
                        ${w.changePassword}
                      </button>`
                }
                <button type="button" @click=${this.signOut}>${w.signOut}</button>`
            : nothing
        }
        <staff-lang-switch
          .language=${this.language}
          label=${w.language}
          @staff-lang=${this._onLang}
        ></staff-lang-switch>
      </header>
      <main>${this._renderBody(w)}</main>
    `;
  }

  private _renderBody(w: ShellText) {
    const { session: forms, formStyles } = this.page;
    const me = this.me;
    if (me === undefined) return html`<p class="muted" role="status">${w.loading}</p>`;
    if (me === null) {
      return html`<staff-sign-in
        .text=${forms.signInText(this.language)}
        .submit=${forms.signIn}
        .pageStyles=${formStyles}
        .notice=${this._expired ? w.sessionExpired : ''}
        @staff-signed-in=${this._onSignedIn}
      ></staff-sign-in>`;
    }
    if (me.passwordChangeRequired || this._changingPassword) {
      return html`<staff-password-change
        .text=${forms.passwordChangeText(this.language)}
        .submit=${forms.changePassword}
        .pageStyles=${formStyles}
        .me=${me}
        ?required=${me.passwordChangeRequired}
        @staff-password-changed=${this._onPasswordChanged}
        @staff-password-cancel=${() => (this._changingPassword = false)}
      ></staff-password-change>`;
    }
    return html`${
      this._passwordChanged ? html`<p class="done" role="status">${w.passwordChanged}</p>` : nothing
    }${this.renderSignedIn(me)}`;
  }

  /** The body found the session ended (its socket was refused): back to sign-in, saying why. */
  protected sessionExpired(): void {
    this._expired = true;
    this.me = null;
  }

  protected signOut = async (): Promise<void> => {
    // Leave the body first, so its socket's "session expired" is not taken for an expiry.
    this._expired = false;
    this._changingPassword = false;
    this._passwordChanged = false;
    this.me = null;
    await this.page.session.signOut();
  };

  private _onLang(e: CustomEvent<Lang>): void {
    this.language = e.detail;
    document.documentElement.lang = e.detail;
    try {
      localStorage.setItem(this.page.langKey, e.detail);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }

  private _onSignedIn(e: CustomEvent<Me>): void {
    this._expired = false;
    this.me = e.detail;
  }

  private _changePassword(): void {
    this._passwordChanged = false;
    this._changingPassword = true;
  }

  private _onPasswordChanged(e: CustomEvent<Me>): void {
    this.me = e.detail;
    this._changingPassword = false;
    this._passwordChanged = true;
  }
}
