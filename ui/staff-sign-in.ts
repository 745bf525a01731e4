import { LitElement, adoptStyles, css, html, nothing } from 'lit';
import type { CSSResultOrNative, PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Me } from '../contract/api.js';
import type { CallResult } from '../contract/client.js';

/** Everything the sign-in form says, in the page's language; the page fills it from its catalogue. */
export interface SignInText {
  signInHeading: string;
  username: string;
  password: string;
  signIn: string;
  signingIn: string;
  /** One message for a wrong name or a wrong password: no hint which part was wrong. */
  wrongCredentials: string;
  /** Plain-language text for an error code the server (or the network) answered with. */
  errorText: (code: string) => string;
}

/** What `POST /api/auth/login` answers, as the contract client reports it. */
export type SignInResult = CallResult<Me>;

/**
 * The staff sign-in form of the counter and manager pages. Shared, so it takes its words
 * (`text`), the request (`submit`) and the page's look (`pageStyles`) as properties and imports
 * no page. Fires `staff-signed-in` with the signed-in user.
 */
@customElement('staff-sign-in')
export class StaffSignIn extends LitElement {
  // Applied after the page's styles: the form's own layout wins over the page's generic rules.
  static override styles = css`
    :host {
      display: block;
      max-width: 420px;
      margin: 48px auto 0;
    }
    h2 {
      font-size: 1.45rem;
      margin-bottom: 14px;
    }
    form {
      display: grid;
      gap: 14px;
    }
    label {
      display: grid;
      gap: 6px;
    }
    button[type='submit'] {
      justify-content: center;
      margin-top: 6px;
      min-height: 44px;
    }
  `;

  @query('#username') private _username!: HTMLInputElement;
  @query('#password') private _password!: HTMLInputElement;
  @state() private _busy = false;
  @state() private _error = '';

  /** The form's words in the interface language. */
  @property({ attribute: false }) text!: SignInText;
  /** Sends the sign-in; never throws (a network failure is an `ok: false` result). */
  @property({ attribute: false }) submit!: (
    username: string,
    password: string,
  ) => Promise<SignInResult>;
  /** The page's shared styles (cards, buttons, fields, notices), applied before the form's. */
  @property({ attribute: false }) pageStyles: CSSResultOrNative[] = [];
  /** A message shown above the form (e.g. that the session expired). */
  @property() notice = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('pageStyles') && this.renderRoot instanceof ShadowRoot) {
      const own = (this.constructor as typeof StaffSignIn).elementStyles;
      adoptStyles(this.renderRoot, [...this.pageStyles, ...own]);
    }
  }

  override firstUpdated(): void {
    this._username.focus();
  }

  override render() {
    const t = this.text;
    return html`<section class="card" aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">${t.signInHeading}</h2>
      ${this.notice ? html`<p class="notice" role="alert">${this.notice}</p>` : nothing}
      <form @submit=${this._submit} novalidate>
        <label for="username"
          >${t.username} <input id="username" name="username" autocomplete="username" required
        /></label>
        <label for="password"
          >${t.password}
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
        /></label>
        <button class="primary" type="submit" ?disabled=${this._busy}>
          ${this._busy ? t.signingIn : t.signIn}
        </button>
        ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      </form>
    </section>`;
  }

  private async _submit(e: Event): Promise<void> {
    e.preventDefault();
    const t = this.text;
    const username = this._username.value.trim();
    const password = this._password.value;
    if (!username || !password) {
      this._error = t.wrongCredentials;
      return;
    }
    this._busy = true;
    this._error = '';
    const r = await this.submit(username, password);
    this._busy = false;
    if (!r.ok) {
      const code = r.code;
      this._error =
        code === 'invalid-credentials' || code === 'validation'
          ? t.wrongCredentials
          : t.errorText(code);
      this._password.value = '';
      this._password.focus();
      return;
    }
    this.dispatchEvent(
      new CustomEvent<Me>('staff-signed-in', { detail: r.data, bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'staff-sign-in': StaffSignIn;
  }
}
