import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import type { UserPatch, UserView, UserWithPassword } from '../../contract/settings.js';
import { apiRequest } from './api-client.js';
import { errorText, messages } from './i18n.js';
import { settingsStyles } from './settings-styles.js';
import { sharedStyles } from './shared-styles.js';
import { describeServerError } from './state/settings-validation.js';
import type { UserSaved } from './manager-user-form.js';
import './manager-secret-reveal.js';
import './manager-user-form.js';

type Confirm = { userId: string; action: 'reset' | 'deactivate' } | null;

/** Users: add (one-time password), rename or re-role, reset password, (de)activate. */
@customElement('manager-settings-users')
export class ManagerSettingsUsers extends LitElement {
  static override styles = [
    sharedStyles,
    settingsStyles,
    css`
      .confirm {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        align-items: center;
        font-weight: 600;
        color: var(--manager-red-text);
      }
    `,
  ];

  /** `new`, a user id, or null (no form). */
  @state() private _editing: string | null = null;
  @state() private _confirm: Confirm = null;
  @state() private _secret: { heading: string; password: string } | null = null;
  @state() private _rowError = '';

  @property({ attribute: false }) users: UserView[] = [];
  @property() meId = '';
  @property() language: Lang = 'tr';

  override render() {
    const m = messages(this.language);
    return html`<section class="card" aria-labelledby="users-heading">
      <div class="head">
        <h2 id="users-heading">${m.sections.users}</h2>
        <button type="button" @click=${() => this._open(null)}>${m.newUser}</button>
      </div>
      ${
        this._secret
          ? html`<manager-secret-reveal
              .heading=${this._secret.heading}
              .secret=${this._secret.password}
              .language=${this.language}
              @manager-secret-dismissed=${() => (this._secret = null)}
            ></manager-secret-reveal>`
          : nothing
      }
      ${
        this._editing
          ? html`<manager-user-form
              .user=${this.users.find((u) => u.id === this._editing) ?? null}
              .usernames=${this.users.map((u) => u.username)}
              .meId=${this.meId}
              .language=${this.language}
              @manager-user-saved=${this._onSaved}
              @manager-form-cancel=${() => (this._editing = null)}
            ></manager-user-form>`
          : nothing
      }
      ${this._rowError ? html`<p class="error" role="alert">${this._rowError}</p>` : nothing}
      <table>
        <thead>
          <tr>
            <th scope="col">${m.usernameLabel}</th>
            <th scope="col">${m.displayName}</th>
            <th scope="col">${m.role}</th>
            <th scope="col">${m.userActive}</th>
            <th scope="col">${m.actions}</th>
          </tr>
        </thead>
        <tbody>
          ${this.users.map((u) => this._renderRow(u))}
        </tbody>
      </table>
    </section>`;
  }

  private _renderRow(u: UserView) {
    const m = messages(this.language);
    const self = u.id === this.meId;
    const confirm = this._confirm?.userId === u.id ? this._confirm.action : null;
    return html`<tr class=${u.active ? '' : 'off'} data-user=${u.username}>
      <th scope="row">${u.username} ${self ? m.you : nothing}</th>
      <td>${u.displayName}</td>
      <td>${m.roles[u.role]}</td>
      <td>${u.active ? m.activeUser : m.inactiveUser}</td>
      <td>
        ${
          confirm
            ? html`<div class="confirm" role="group" aria-label=${m.actions}>
                <span
                  >${confirm === 'reset' ? m.confirmReset(u.username) : m.confirmDeactivate(u.username)}</span
                >
                <button type="button" class="primary" @click=${() => void this._run(u, confirm)}>
                  ${confirm === 'reset' ? m.resetPassword : m.deactivate}
                </button>
                <button type="button" @click=${() => (this._confirm = null)}>${m.cancel}</button>
              </div>`
            : html`<div class="row-actions">
                <button
                  type="button"
                  aria-label=${`${m.edit}: ${u.username}`}
                  @click=${() => this._open(u)}
                >
                  ${m.edit}
                </button>
                <button
                  type="button"
                  aria-label=${`${m.resetPassword}: ${u.username}`}
                  @click=${() => (this._confirm = { userId: u.id, action: 'reset' })}
                >
                  ${m.resetPassword}
                </button>
                ${
                  self
                    ? nothing
                    : u.active
                      ? html`<button
                          type="button"
                          aria-label=${`${m.deactivate}: ${u.username}`}
                          @click=${() => (this._confirm = { userId: u.id, action: 'deactivate' })}
                        >
                          ${m.deactivate}
                        </button>`
                      : html`<button
                          type="button"
                          aria-label=${`${m.activate}: ${u.username}`}
                          @click=${() => void this._patch(u, { active: true })}
                        >
                          ${m.activate}
                        </button>`
                }
              </div>`
        }
      </td>
    </tr>`;
  }

  private _labels() {
    const m = messages(this.language);
    return {
      username: m.usernameLabel,
      displayName: m.displayName,
      role: m.role,
      active: m.userActive,
    };
  }

  private _open(u: UserView | null): void {
    this._editing = u ? u.id : 'new';
    this._secret = null;
    this._rowError = '';
  }

  private _onSaved(e: CustomEvent<UserSaved>): void {
    this._editing = null;
    const { username, password } = e.detail;
    if (password !== null) {
      this._secret = { heading: messages(this.language).passwordFor(username), password };
    }
  }

  /** (De)activates a user from the table; a refusal shows above the table. */
  private async _patch(u: UserView, patch: UserPatch): Promise<void> {
    this._rowError = '';
    const r = await apiRequest<UserView>('PATCH', `/users/${encodeURIComponent(u.id)}`, patch);
    if (!r.ok) {
      this._rowError = describeServerError(
        r.error,
        this._labels(),
        errorText(this.language, r.error.code),
      ).text;
      return;
    }
    this._changed();
  }

  private async _run(u: UserView, action: 'reset' | 'deactivate'): Promise<void> {
    this._confirm = null;
    if (action === 'deactivate') {
      await this._patch(u, { active: false });
      return;
    }
    this._rowError = '';
    const r = await apiRequest<UserWithPassword>(
      'POST',
      `/users/${encodeURIComponent(u.id)}/reset-password`,
    );
    if (!r.ok) {
      this._rowError = describeServerError(
        r.error,
        this._labels(),
        errorText(this.language, r.error.code),
      ).text;
      return;
    }
    this._secret = {
      heading: messages(this.language).passwordFor(u.username),
      password: r.data.password,
    };
    this._changed();
  }

  private _changed(): void {
    this.dispatchEvent(
      new CustomEvent('manager-settings-changed', { bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-settings-users': ManagerSettingsUsers;
  }
}
