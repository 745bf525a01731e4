import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { LoginRequest, Me } from '../../contract/api.js';
import type { Lang } from '../../contract/domain.js';
import { apiRequest } from './api-client.js';
import { errorText, messages } from './i18n.js';
import { sharedStyles } from './shared-styles.js';

/** Sign-in form; fires `manager-signed-in` with the signed-in user (of any role). */
@customElement('manager-sign-in')
export class ManagerSignIn extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        max-width: 420px;
        margin: 48px auto 0;
      }
      h2 {
        font-size: 1.4rem;
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
      button {
        margin-top: 6px;
        min-height: 44px;
      }
    `,
  ];

  @query('#username') private _username!: HTMLInputElement;
  @query('#password') private _password!: HTMLInputElement;
  @state() private _busy = false;
  @state() private _error = '';

  /** The interface language. */
  @property() language: Lang = 'tr';
  /** A message shown above the form (e.g. that the session expired). */
  @property() notice = '';

  override firstUpdated(): void {
    this._username.focus();
  }

  override render() {
    const m = messages(this.language);
    return html`<section class="card" aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">${m.signInHeading}</h2>
      ${this.notice ? html`<p class="notice" role="alert">${this.notice}</p>` : null}
      <form @submit=${this._submit} novalidate>
        <label for="username"
          >${m.username} <input id="username" name="username" autocomplete="username" required
        /></label>
        <label for="password"
          >${m.password}
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
        /></label>
        <button class="primary" type="submit" ?disabled=${this._busy}>
          ${this._busy ? m.signingIn : m.signIn}
        </button>
        ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : null}
      </form>
    </section>`;
  }

  private async _submit(e: Event): Promise<void> {
    e.preventDefault();
    const m = messages(this.language);
    const body: LoginRequest = {
      username: this._username.value.trim(),
      password: this._password.value,
    };
    if (!body.username || !body.password) {
      this._error = m.wrongCredentials;
      return;
    }
    this._busy = true;
    this._error = '';
    const r = await apiRequest<Me>('POST', '/auth/login', body);
    this._busy = false;
    if (!r.ok) {
      // One message for a wrong name or a wrong password: no hint which part was wrong.
      const code = r.error.code;
      this._error =
        code === 'invalid-credentials' || code === 'validation'
          ? m.wrongCredentials
          : errorText(this.language, code);
      this._password.value = '';
      this._password.focus();
      return;
    }
    this.dispatchEvent(
      new CustomEvent<Me>('manager-signed-in', { detail: r.data, bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-sign-in': ManagerSignIn;
  }
}
