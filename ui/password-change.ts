import { LitElement, adoptStyles, css, html, nothing } from 'lit';
import type { CSSResultOrNative, PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Me } from '../contract/api.js';
import type { CallResult } from '../contract/client.js';
import {
  PASSWORD_MIN_LENGTH,
  passwordProblem,
  type PasswordProblem,
} from '../contract/password.js';

type Field = 'current' | 'next' | 'repeat';

/** Everything the form says, in the page's language; the page fills it from its catalogue. */
export interface PasswordChangeText {
  changePasswordHeading: string;
  oneTimePasswordNotice: string;
  currentPassword: string;
  newPassword: string;
  repeatPassword: string;
  passwordRules: (min: number) => string;
  savePassword: string;
  savingPassword: string;
  cancel: string;
  passwordProblems: Record<PasswordProblem | 'mismatch' | 'wrong-current', string>;
  /** Plain-language text for an error code the server (or the network) answered with. */
  errorText: (code: string) => string;
}

/** What `POST /api/auth/password` answers, as the contract client reports it. */
export type PasswordChangeResult = CallResult<Me>;

/**
 * Changes the signed-in user's own password: forced after signing in with a one-time password
 * (`required`), or by choice. Shared by the staff pages, so it takes its words (`text`), the
 * request (`submit`) and the page's look (`pageStyles`) as properties and imports no page.
 * Fires `staff-password-changed` with the user, or `staff-password-cancel`.
 */
@customElement('staff-password-change')
export class StaffPasswordChange extends LitElement {
  // Applied after the page's styles: the form's own layout wins over the page's generic rules.
  static override styles = css`
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
    .rules {
      margin: 0;
    }
    .actions {
      display: flex;
      gap: 12px;
      margin-top: 6px;
    }
  `;

  @query('#current-password') private _current!: HTMLInputElement;
  @query('#new-password') private _next!: HTMLInputElement;
  @query('#repeat-password') private _repeat!: HTMLInputElement;
  @state() private _busy = false;
  @state() private _error = '';
  @state() private _errorField: Field | null = null;

  /** The form's words in the interface language. */
  @property({ attribute: false }) text!: PasswordChangeText;
  /** Sends the change; never throws (a network failure is an `ok: false` result). */
  @property({ attribute: false }) submit!: (
    currentPassword: string,
    newPassword: string,
  ) => Promise<PasswordChangeResult>;
  /** The page's shared styles (cards, buttons, fields, notices), applied before the form's. */
  @property({ attribute: false }) pageStyles: CSSResultOrNative[] = [];
  /** The signed-in user (their name may not be the new password). */
  @property({ attribute: false }) me!: Me;
  /** Signed in with a one-time password: there is no way on but changing it. */
  @property({ type: Boolean }) required = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('pageStyles') && this.renderRoot instanceof ShadowRoot) {
      const own = (this.constructor as typeof StaffPasswordChange).elementStyles;
      adoptStyles(this.renderRoot, [...this.pageStyles, ...own]);
    }
  }

  override firstUpdated(): void {
    this._current.focus();
  }

  override render() {
    const t = this.text;
    const invalid = (f: Field) => (this._errorField === f ? 'true' : 'false');
    return html`<section class="card" aria-labelledby="password-heading">
      <h2 id="password-heading">${t.changePasswordHeading}</h2>
      ${this.required ? html`<p class="notice">${t.oneTimePasswordNotice}</p>` : nothing}
      <form @submit=${this._submit} novalidate>
        <input type="hidden" name="username" autocomplete="username" .value=${this.me.username} />
        <label for="current-password"
          >${t.currentPassword}
          <input
            id="current-password"
            type="password"
            autocomplete="current-password"
            aria-invalid=${invalid('current')}
            required
        /></label>
        <label for="new-password"
          >${t.newPassword}
          <input
            id="new-password"
            type="password"
            autocomplete="new-password"
            aria-describedby="password-rules"
            aria-invalid=${invalid('next')}
            required
        /></label>
        <label for="repeat-password"
          >${t.repeatPassword}
          <input
            id="repeat-password"
            type="password"
            autocomplete="new-password"
            aria-invalid=${invalid('repeat')}
            required
        /></label>
        <p id="password-rules" class="rules muted">${t.passwordRules(PASSWORD_MIN_LENGTH)}</p>
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${this._busy}>
            ${this._busy ? t.savingPassword : t.savePassword}
          </button>
          ${
            this.required
              ? nothing
              : html`<button type="button" @click=${this._cancel}>${t.cancel}</button>`
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
    const t = this.text;
    const current = this._current.value;
    const next = this._next.value;
    if (!current) return this._fail('current', t.passwordProblems['wrong-current']);
    const problem = passwordProblem(this.me.username, current, next);
    if (problem) return this._fail('next', t.passwordProblems[problem]);
    if (this._repeat.value !== next) return this._fail('repeat', t.passwordProblems.mismatch);
    this._busy = true;
    this._error = '';
    this._errorField = null;
    const r = await this.submit(current, next);
    this._busy = false;
    if (!r.ok) {
      if (r.code === 'invalid-credentials') {
        this._current.value = '';
        return this._fail('current', t.passwordProblems['wrong-current']);
      }
      return this._fail(r.code === 'validation' ? 'next' : null, t.errorText(r.code));
    }
    this.dispatchEvent(
      new CustomEvent<Me>('staff-password-changed', {
        detail: r.data,
        bubbles: true,
        composed: true,
      }),
    );
  }

  private _cancel(): void {
    this.dispatchEvent(new CustomEvent('staff-password-cancel', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'staff-password-change': StaffPasswordChange;
  }
}
