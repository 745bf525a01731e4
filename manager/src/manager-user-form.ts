import { LitElement, html, nothing } from 'lit';
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

const ROLES: Role[] = ['clerk', 'manager', 'admin'];

/** What a saved user form reports: the new user's one-time password, if one was made. */
export interface UserSaved {
  username: string;
  password: string | null;
}

/**
 * Adds a user (user name, display name, role) or changes one (display name, role; an admin's
 * own role stays). Fires `manager-user-saved` and `manager-settings-changed` on success,
 * `manager-form-cancel` on cancel.
 */
@customElement('manager-user-form')
export class ManagerUserForm extends LitElement {
  static override styles = [sharedStyles, settingsStyles];

  @state() private _draft: UserDraft = { username: '', displayName: '', role: 'clerk' };
  @state() private _problems: Problems = {};
  @state() private _serverError: { field: string | null; text: string } | null = null;
  @state() private _busy = false;

  /** The user to change; null adds a new one. */
  @property({ attribute: false }) user: UserView | null = null;
  /** Every user name of the hall (a new one must differ). */
  @property({ attribute: false }) usernames: string[] = [];
  @property() meId = '';
  @property() language: Lang = 'tr';

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('user')) {
      const u = this.user;
      this._draft = u
        ? { username: u.username, displayName: u.displayName, role: u.role }
        : { username: '', displayName: '', role: 'clerk' };
      this._problems = {};
      this._serverError = null;
    }
  }

  override render() {
    const m = messages(this.language);
    const d = this._draft;
    const editing = this.user;
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
      ${inputField({
        id: 'displayName',
        label: m.displayName,
        value: d.displayName,
        problem: problem('displayName'),
        onInput: (v) => set({ displayName: v }),
      })}
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
        <button type="button" @click=${this._cancel}>${m.cancel}</button>
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

  private async _save(e: Event): Promise<void> {
    e.preventDefault();
    const m = messages(this.language);
    const current = this.user;
    const others = this.usernames.filter((u) => u !== current?.username);
    const draft = current ? { ...this._draft, username: current.username } : this._draft;
    this._problems = userProblems(draft, others);
    this._serverError = null;
    if (Object.keys(this._problems).length > 0) return;
    let r;
    if (current) {
      const patch: UserPatch = {};
      const name = this._draft.displayName.trim();
      if (name !== current.displayName) patch.displayName = name;
      if (this._draft.role !== current.role) patch.role = this._draft.role;
      if (Object.keys(patch).length === 0)
        return this._done({ username: current.username, password: null });
      this._busy = true;
      r = await apiRequest<UserView>('PATCH', `/users/${encodeURIComponent(current.id)}`, patch);
    } else {
      this._busy = true;
      r = await apiRequest<UserWithPassword>('POST', '/users', {
        username: normaliseUsername(this._draft.username),
        displayName: this._draft.displayName.trim(),
        role: this._draft.role,
      });
    }
    this._busy = false;
    if (!r.ok) {
      const labels = { username: m.usernameLabel, displayName: m.displayName, role: m.role };
      this._serverError = describeServerError(
        r.error,
        labels,
        errorText(this.language, r.error.code),
      );
      return;
    }
    const data = r.data as UserView | UserWithPassword;
    this._done(
      'password' in data
        ? { username: data.user.username, password: data.password }
        : { username: data.username, password: null },
    );
    this.dispatchEvent(
      new CustomEvent('manager-settings-changed', { bubbles: true, composed: true }),
    );
  }

  private _done(saved: UserSaved): void {
    this.dispatchEvent(new CustomEvent<UserSaved>('manager-user-saved', { detail: saved }));
  }

  private _cancel(): void {
    this.dispatchEvent(new CustomEvent('manager-form-cancel'));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-user-form': ManagerUserForm;
  }
}
