import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { call } from '../../contract/client.js';
import type { Lang, Role } from '../../contract/domain.js';
import { createUser, resetPassword, updateUser } from '../../contract/endpoints/settings-users.js';
import type { UserPatch, UserView, UserWithPassword } from '../../contract/settings.js';
import { inputField, selectField } from '../../ui/settings-fields.js';
import {
  confirmInRow,
  editForm,
  rowActions,
  settingsCard,
  settingsTable,
} from '../../ui/settings-section.js';
import { messages } from './i18n.js';
import { managerEditor } from './settings-editor.js';
import { settingsStyles } from './settings-styles.js';
import { normaliseUsername, userProblems, type UserDraft } from './state/settings-validation.js';
import './manager-secret-reveal.js';

const ROLES: Role[] = ['clerk', 'manager', 'admin'];
const EMPTY: UserDraft = { username: '', displayName: '', role: 'clerk' };

/**
 * Users: add one (user name, display name, role; a one-time password shown once), change the
 * display name or role (an admin's own role stays), reset a password, (de)activate.
 */
@customElement('manager-settings-users')
export class ManagerSettingsUsers extends LitElement {
  static override styles = settingsStyles;

  private _editor = managerEditor(this, EMPTY, (m) => ({
    username: m.usernameLabel,
    displayName: m.displayName,
    role: m.role,
    active: m.userActive,
  }));

  /** A one-time password to show once: a new user's, or a reset one. */
  @state() private _secret: { username: string; password: string } | null = null;

  @property({ attribute: false }) users: UserView[] = [];
  @property() meId = '';
  @property() language: Lang = 'tr';

  override render() {
    const m = messages(this.language);
    const e = this._editor;
    return settingsCard(e, {
      id: 'users-heading',
      heading: m.sections.users,
      add: { label: m.newUser, onClick: () => this._open(null) },
      body: html`${
        this._secret
          ? html`<manager-secret-reveal
              .heading=${m.passwordFor(this._secret.username)}
              .secret=${this._secret.password}
              .language=${this.language}
              @manager-secret-dismissed=${() => (this._secret = null)}
            ></manager-secret-reveal>`
          : nothing
      }
      ${e.editing ? this._renderForm() : nothing}
      ${settingsTable({
        key: 'user',
        id: (u) => u.username,
        off: (u) => !u.active,
        rows: this.users,
        columns: [
          {
            label: m.usernameLabel,
            cell: (u) => html`${u.username} ${u.id === this.meId ? m.you : nothing}`,
            rowHeader: true,
          },
          { label: m.displayName, cell: (u) => u.displayName },
          { label: m.role, cell: (u) => m.roles[u.role] },
          { label: m.userActive, cell: (u) => (u.active ? m.activeUser : m.inactiveUser) },
          { label: m.actions, cell: (u) => this._renderActions(u) },
        ],
      })}`,
    });
  }

  private _renderActions(u: UserView) {
    const m = messages(this.language);
    const e = this._editor;
    const asked = e.confirmation(u.id);
    if (asked === 'reset' || asked === 'deactivate') {
      const reset = asked === 'reset';
      return confirmInRow(e, {
        question: reset ? m.confirmReset(u.username) : m.confirmDeactivate(u.username),
        confirm: reset ? m.resetPassword : m.deactivate,
        onConfirm: () => void (reset ? this._reset(u) : this._patch(u, { active: false })),
      });
    }
    const self = u.id === this.meId;
    return rowActions(u.username, [
      { label: m.edit, onClick: () => this._open(u) },
      { label: m.resetPassword, onClick: () => e.ask(u.id, 'reset') },
      !self && u.active && { label: m.deactivate, onClick: () => e.ask(u.id, 'deactivate') },
      !self &&
        !u.active && { label: m.activate, onClick: () => void this._patch(u, { active: true }) },
    ]);
  }

  private _renderForm() {
    const m = messages(this.language);
    const e = this._editor;
    const d = e.draft;
    const editing = this.users.find((u) => u.id === e.editing);
    return editForm(e, {
      id: 'user-form-heading',
      heading: editing ? m.editing(editing.username) : m.newUser,
      onSubmit: () => void this._save(editing ?? null),
      fields: html`
        ${editing ? nothing : inputField({ id: 'username', label: m.usernameLabel, value: d.username, problem: e.problem('username'), help: m.problems['username-format'], onInput: (v) => e.set({ username: v }) })}
        ${inputField({ id: 'displayName', label: m.displayName, value: d.displayName, problem: e.problem('displayName'), onInput: (v) => e.set({ displayName: v }) })}
        ${editing?.id === this.meId ? nothing : selectField({ id: 'role', label: m.role, value: d.role, problem: e.problem('role'), options: ROLES.map((r) => ({ value: r, label: m.roles[r] })), onChange: (v) => e.set({ role: v as Role }) })}
      `,
    });
  }

  private _open(u: UserView | null): void {
    this._secret = null;
    const draft = u ? { username: u.username, displayName: u.displayName, role: u.role } : EMPTY;
    this._editor.open(u?.id ?? null, draft);
  }

  private async _save(current: UserView | null): Promise<void> {
    const e = this._editor;
    const d = current ? { ...e.draft, username: current.username } : e.draft;
    const others = this.users.map((u) => u.username).filter((u) => u !== current?.username);
    const patch: UserPatch = {};
    if (current && d.displayName.trim() !== current.displayName)
      patch.displayName = d.displayName.trim();
    if (current && d.role !== current.role) patch.role = d.role;
    const created = await e.save<UserView | UserWithPassword>({
      problems: userProblems(d, others),
      send: current
        ? Object.keys(patch).length === 0
          ? null
          : () => call(updateUser, { params: { userId: current.id }, body: patch })
        : () =>
            call(createUser, {
              body: {
                username: normaliseUsername(d.username),
                displayName: d.displayName.trim(),
                role: d.role,
              },
            }),
    });
    if (created && 'password' in created) {
      this._secret = { username: created.user.username, password: created.password };
    }
  }

  /** (De)activates a user from the table; a refusal shows above the table. */
  private _patch(u: UserView, patch: UserPatch) {
    return this._editor.run(() => call(updateUser, { params: { userId: u.id }, body: patch }));
  }

  private async _reset(u: UserView): Promise<void> {
    const r = await this._editor.run(() => call(resetPassword, { params: { userId: u.id } }));
    if (r) this._secret = { username: u.username, password: r.password };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-settings-users': ManagerSettingsUsers;
  }
}
