import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Me } from '../../contract/api.js';
import type { Lang } from '../../contract/domain.js';
import {
  PASSWORD_MIN_LENGTH,
  passwordProblem,
  type PasswordChangeRequest,
} from '../../contract/password.js';
import { apiRequest } from './api-client.js';
import { errorText, messages } from './i18n.js';
import { sharedStyles } from './shared-styles.js';

type Field = 'current' | 'next' | 'repeat';

/**
 * Changes the signed-in user's own password: forced after signing in with a one-time password
 * (`required`), or by choice. Fires `counter-password-changed` with the user, or
 * `counter-password-cancel`. The manager page has its twin (manager-password-change) until a
 * shared staff-UI folder holds one for both.
 */
@customElement('counter-password-change')
export class CounterPasswordChange extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        max-width: 460px;
        margin: 32px auto 0;
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
      h2 {
        color: var(--counter-text);
      }
      .rules {
        margin: 0;
        color: var(--counter-muted);
      }
      .notice {
        margin: 0 0 16px;
        padding: 10px 12px;
        border-radius: 8px;
        background: var(--counter-amber-bg);
        color: var(--counter-amber-text);
        border-left: 5px solid var(--counter-amber-edge);
        font-weight: 600;
      }
      .actions {
        display: flex;
        gap: 12px;
        margin-top: 6px;
      }
      .actions button {
        justify-content: center;
      }
    `,
  ];

  @query('#current-password') private _current!: HTMLInputElement;
  @query('#new-password') private _next!: HTMLInputElement;
  @query('#repeat-password') private _repeat!: HTMLInputElement;
  @state() private _busy = false;
  @state() private _error = '';
  @state() private _errorField: Field | null = null;

  /** The interface language. */
  @property() language: Lang = 'tr';
  /** The signed-in user (their name may not be the new password). */
  @property({ attribute: false }) me!: Me;
  /** Signed in with a one-time password: there is no way on but changing it. */
  @property({ type: Boolean }) required = false;

  override firstUpdated(): void {
    this._current.focus();
  }

  override render() {
    const m = messages(this.language);
    const invalid = (f: Field) => (this._errorField === f ? 'true' : 'false');
    return html`<section class="card" aria-labelledby="password-heading">
      <h2 id="password-heading">${m.changePasswordHeading}</h2>
      ${this.required ? html`<p class="notice">${m.oneTimePasswordNotice}</p>` : nothing}
      <form @submit=${this._submit} novalidate>
        <input type="hidden" name="username" autocomplete="username" .value=${this.me.username} />
        <label for="current-password"
          >${m.currentPassword}
          <input
            id="current-password"
            type="password"
            autocomplete="current-password"
            aria-invalid=${invalid('current')}
            required
        /></label>
        <label for="new-password"
          >${m.newPassword}
          <input
            id="new-password"
            type="password"
            autocomplete="new-password"
            aria-describedby="password-rules"
            aria-invalid=${invalid('next')}
            required
        /></label>
        <label for="repeat-password"
          >${m.repeatPassword}
          <input
            id="repeat-password"
            type="password"
            autocomplete="new-password"
            aria-invalid=${invalid('repeat')}
            required
        /></label>
        <p id="password-rules" class="rules">${m.passwordRules(PASSWORD_MIN_LENGTH)}</p>
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${this._busy}>
            ${this._busy ? m.savingPassword : m.savePassword}
          </button>
          ${
            this.required
              ? nothing
              : html`<button type="button" @click=${this._cancel}>${m.cancel}</button>`
          }
        </div>
        ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      </form>
    </section>`;
  }

  private _fail(field: Field | null, text: string): void {
    this._errorField = field;
    this._error = text;
    ({ current: this._current, next: this._next, repeat: this._repeat })[
      field ?? 'current'
    ].focus();
  }

  private async _submit(e: Event): Promise<void> {
    e.preventDefault();
    const m = messages(this.language);
    const body: PasswordChangeRequest = {
      currentPassword: this._current.value,
      newPassword: this._next.value,
    };
    if (!body.currentPassword) return this._fail('current', m.passwordProblems['wrong-current']);
    const problem = passwordProblem(this.me.username, body.currentPassword, body.newPassword);
    if (problem) return this._fail('next', m.passwordProblems[problem]);
    if (this._repeat.value !== body.newPassword)
      return this._fail('repeat', m.passwordProblems.mismatch);
    this._busy = true;
    this._error = '';
    this._errorField = null;
    const r = await apiRequest<Me>('POST', '/auth/password', body);
    this._busy = false;
    if (!r.ok) {
      if (r.error.code === 'invalid-credentials') {
        this._current.value = '';
        return this._fail('current', m.passwordProblems['wrong-current']);
      }
      return this._fail(
        r.error.code === 'validation' ? 'next' : null,
        errorText(this.language, r.error.code),
      );
    }
    this.dispatchEvent(
      new CustomEvent<Me>('counter-password-changed', {
        detail: r.data,
        bubbles: true,
        composed: true,
      }),
    );
  }

  private _cancel(): void {
    this.dispatchEvent(
      new CustomEvent('counter-password-cancel', { bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'counter-password-change': CounterPasswordChange;
  }
}
