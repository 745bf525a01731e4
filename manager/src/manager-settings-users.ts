import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Lang, Role } from '../../contract/domain.js';
import type { UserPatch, UserView, UserWithPassword } from '../../contract/settings.js';
import { apiRequest } from './api-client.js';
import { errorText, messages } from './i18n.js';
import { inputField, selectField } from './settings-fields.js';
import { settingsStyles } from './settings-styles.js';
import { sharedStyles } from './shared-styles.js';
import {
  describeServerError,
  normaliseUsername,
  userProblems,
  type Problems,
  type UserDraft,
} from './state/settings-validation.js';
import './manager-secret-reveal.js';

const ROLES: Role[] = ['clerk', 'manager', 'admin'];
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
  @state() private _draft: UserDraft = { username: '', displayName: '', role: 'clerk' };
  @state() private _problems: Problems = {};
  @state() private _serverError: { field: string | null; text: string } | null = null;
  @state() private _busy = false;
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
      ${this._editing ? this._renderForm() : nothing}
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

  private _renderForm() {
    const m = messages(this.language);
    const d = this._draft;
    const editing = this.users.find((u) => u.id === this._editing);
    const problem = (f: string) =>
      this._problems[f]
        ? m.problems[this._problems[f]]
        : this._serverError?.field === f
          ? this._serverError.text
          : undefined;
    const set = (patch: Partial<UserDraft>) => (this._draft = { ...this._draft, ...patch });
    return html`<form
      class="edit"
      novalidate
      @submit=${this._save}
      aria-labelledby="user-form-heading"
    >
      <h3 id="user-form-heading">${editing ? m.editing(editing.username) : m.newUser}</h3>
      ${
        editing
          ? nothing
          : inputField({
              id: 'username',
              label: m.usernameLabel,
              value: d.username,
              problem: problem('username'),
              help: m.problems['username-format'],
              onInput: (v) => set({ username: v }),
            })
      }
      ${inputField({ id: 'displayName', label: m.displayName, value: d.displayName, problem: problem('displayName'), onInput: (v) => set({ displayName: v }) })}
      ${
        editing?.id === this.meId
          ? nothing
          : selectField({
              id: 'role',
              label: m.role,
              value: d.role,
              problem: problem('role'),
              options: ROLES.map((r) => ({ value: r, label: m.roles[r] })),
              onChange: (v) => set({ role: v as Role }),
            })
      }
      <div class="form-actions">
        <button class="primary" type="submit" ?disabled=${this._busy}>
          ${this._busy ? m.saving : m.save}
        </button>
        <button type="button" @click=${() => (this._editing = null)}>${m.cancel}</button>
        ${
          Object.keys(this._problems).length > 0
            ? html`<p class="error" role="alert">${m.fixProblems}</p>`
            : this._serverError
              ? html`<p class="error" role="alert">${this._serverError.text}</p>`
              : nothing
        }
      </div>
    </form>`;
  }

  private _open(u: UserView | null): void {
    this._editing = u ? u.id : 'new';
    this._draft = u
      ? { username: u.username, displayName: u.displayName, role: u.role }
      : { username: '', displayName: '', role: 'clerk' };
    this._problems = {};
    this._serverError = null;
    this._secret = null;
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

  private async _save(e: Event): Promise<void> {
    e.preventDefault();
    const current = this.users.find((u) => u.id === this._editing) ?? null;
    const others = this.users.filter((u) => u.id !== current?.id).map((u) => u.username);
    this._problems = userProblems(
      current ? { ...this._draft, username: current.username } : this._draft,
      others,
    );
    this._serverError = null;
    if (Object.keys(this._problems).length > 0) return;
    this._busy = true;
    if (current) {
      const patch: UserPatch = {};
      if (this._draft.displayName.trim() !== current.displayName)
        patch.displayName = this._draft.displayName.trim();
      if (this._draft.role !== current.role) patch.role = this._draft.role;
      const done = Object.keys(patch).length === 0 || (await this._patch(current, patch, true));
      this._busy = false;
      if (done) this._editing = null;
      return;
    }
    const r = await apiRequest<UserWithPassword>('POST', '/users', {
      username: normaliseUsername(this._draft.username),
      displayName: this._draft.displayName.trim(),
      role: this._draft.role,
    });
    this._busy = false;
    if (!r.ok) {
      this._serverError = describeServerError(
        r.error,
        this._labels(),
        errorText(this.language, r.error.code),
      );
      return;
    }
    this._editing = null;
    this._secret = {
      heading: messages(this.language).passwordFor(r.data.user.username),
      password: r.data.password,
    };
    this._changed();
  }

  /** PATCHes a user; form errors go under the form, row errors above the table. */
  private async _patch(u: UserView, patch: UserPatch, fromForm = false): Promise<boolean> {
    this._rowError = '';
    const r = await apiRequest<UserView>('PATCH', `/users/${encodeURIComponent(u.id)}`, patch);
    if (!r.ok) {
      const err = describeServerError(
        r.error,
        this._labels(),
        errorText(this.language, r.error.code),
      );
      if (fromForm) this._serverError = err;
      else this._rowError = err.text;
      return false;
    }
    this._changed();
    return true;
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
