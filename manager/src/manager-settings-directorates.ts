import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Directorate, Lang } from '../../contract/domain.js';
import type { DirectorateInput } from '../../contract/settings.js';
import { apiRequest } from './api-client.js';
import { errorText, messages } from './i18n.js';
import { inputField } from './settings-fields.js';
import { settingsStyles } from './settings-styles.js';
import { sharedStyles } from './shared-styles.js';
import { changedFields, describeServerError } from './state/settings-validation.js';

interface Draft {
  nameTr: string;
  nameEn: string;
  active: boolean;
}

const EMPTY: Draft = { nameTr: '', nameEn: '', active: true };
const CONTROL = /[\p{Cc}\p{Cf}]/u;

const draftOf = (d: Directorate): Draft => ({
  nameTr: d.name.tr,
  nameEn: d.name.en ?? '',
  active: d.active,
});

const inputOf = (d: Draft): DirectorateInput => {
  const en = d.nameEn.trim();
  return { name: en ? { tr: d.nameTr.trim(), en } : { tr: d.nameTr.trim() }, active: d.active };
};

/** Directorates forwarded visits go to: add, rename, retire (never delete: history keeps names). */
@customElement('manager-settings-directorates')
export class ManagerSettingsDirectorates extends LitElement {
  static override styles = [sharedStyles, settingsStyles];

  /** The directorate being edited (`new` for a new one), or null when the form is closed. */
  @state() private _editing: string | null = null;
  @state() private _draft: Draft = EMPTY;
  @state() private _problems: Record<string, string> = {};
  @state() private _serverError: { field: string | null; text: string } | null = null;
  @state() private _busy = false;
  @state() private _saved = false;

  @property({ attribute: false }) directorates: Directorate[] = [];
  @property() language: Lang = 'tr';

  override render() {
    const m = messages(this.language);
    return html`<section class="card" aria-labelledby="directorates-heading">
      <div class="head">
        <h2 id="directorates-heading">${m.sections.directorates}</h2>
        <button type="button" @click=${() => this._open(null)}>${m.newDirectorate}</button>
      </div>
      <p class="muted">${m.directoratesIntro}</p>
      ${this._saved ? html`<p class="ok" role="status">${m.saved}</p>` : nothing}
      ${this._editing ? this._renderForm() : nothing}
      ${
        this._serverError && !this._editing
          ? html`<p class="error" role="alert">${this._serverError.text}</p>`
          : nothing
      }
      <table>
        <thead>
          <tr>
            <th scope="col">${m.nameTr}</th>
            <th scope="col">${m.nameEn}</th>
            <th scope="col">${m.directorateState}</th>
            <th scope="col">${m.actions}</th>
          </tr>
        </thead>
        <tbody>
          ${this.directorates.map((d) => this._renderRow(d))}
        </tbody>
      </table>
    </section>`;
  }

  private _renderRow(d: Directorate) {
    const m = messages(this.language);
    const name = this.language === 'en' ? (d.name.en ?? d.name.tr) : d.name.tr;
    return html`<tr class=${d.active ? '' : 'off'} data-directorate=${d.id}>
      <th scope="row">${d.name.tr}</th>
      <td>${d.name.en ?? ''}</td>
      <td>${d.active ? m.directorateInUse : m.directorateRetired}</td>
      <td>
        <div class="row-actions">
          <button type="button" @click=${() => this._open(d)} aria-label=${`${m.edit}: ${name}`}>
            ${m.edit}
          </button>
          <button
            type="button"
            ?disabled=${this._busy}
            @click=${() => this._send(d, { active: !d.active })}
            aria-label=${`${d.active ? m.retireDirectorate : m.restoreDirectorate}: ${name}`}
          >
            ${d.active ? m.retireDirectorate : m.restoreDirectorate}
          </button>
        </div>
      </td>
    </tr>`;
  }

  private _renderForm() {
    const m = messages(this.language);
    const d = this._draft;
    const editing = this.directorates.find((x) => x.id === this._editing);
    const problem = (f: string) =>
      this._problems[f] ?? (this._serverError?.field === f ? this._serverError.text : undefined);
    const set = (patch: Partial<Draft>) => (this._draft = { ...this._draft, ...patch });
    return html`<form
      class="edit"
      novalidate
      @submit=${this._save}
      aria-labelledby="directorate-form-heading"
    >
      <h3 id="directorate-form-heading">
        ${editing ? m.editing(editing.name.tr) : m.newDirectorate}
      </h3>
      ${inputField({ id: 'name.tr', label: m.nameTr, value: d.nameTr, problem: problem('name.tr'), onInput: (v) => set({ nameTr: v }) })}
      ${inputField({ id: 'name.en', label: m.directorateNameEn, value: d.nameEn, problem: problem('name.en'), onInput: (v) => set({ nameEn: v }) })}
      <div class="field">
        <span class="check">
          <input
            id="active"
            type="checkbox"
            .checked=${d.active}
            @change=${(e: Event) => set({ active: (e.target as HTMLInputElement).checked })}
          />
          <label for="active">${m.directorateInUse}</label>
        </span>
      </div>
      <div class="form-actions">
        <button class="primary" type="submit" ?disabled=${this._busy}>
          ${this._busy ? m.saving : m.save}
        </button>
        <button type="button" @click=${this._close}>${m.cancel}</button>
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

  /** What is wrong with the draft, in the interface language, by the field the server names. */
  private _check(d: Draft, editingId: string | null): Record<string, string> {
    const m = messages(this.language);
    const out: Record<string, string> = {};
    const text = (field: string, v: string, required: boolean) => {
      if (!v.trim()) {
        if (required) out[field] = m.problems.required;
      } else if (v.trim().length > 60) out[field] = m.problems['too-long'];
      else if (CONTROL.test(v)) out[field] = m.problems['control-characters'];
    };
    text('name.tr', d.nameTr, true);
    text('name.en', d.nameEn, false);
    const key = d.nameTr.trim().toLocaleLowerCase('tr');
    if (
      !out['name.tr'] &&
      this.directorates.some((x) => x.id !== editingId && x.name.tr.toLocaleLowerCase('tr') === key)
    )
      out['name.tr'] = m.directorateNameTaken;
    return out;
  }

  private _open(d: Directorate | null): void {
    this._editing = d ? d.id : 'new';
    this._draft = d ? draftOf(d) : EMPTY;
    this._problems = {};
    this._serverError = null;
    this._saved = false;
  }

  private _close = () => {
    this._editing = null;
  };

  private async _save(e: Event): Promise<void> {
    e.preventDefault();
    const current = this.directorates.find((x) => x.id === this._editing) ?? null;
    this._problems = this._check(this._draft, current?.id ?? null);
    this._serverError = null;
    if (Object.keys(this._problems).length > 0) return;
    const input = inputOf(this._draft);
    if (!current) return this._send(null, input);
    const body = changedFields(inputOf(draftOf(current)), input);
    if (Object.keys(body).length === 0) return this._close();
    return this._send(current, body);
  }

  /** Adds (`current` null) or changes a directorate; on success the settings reload. */
  private async _send(current: Directorate | null, body: Partial<DirectorateInput>) {
    const m = messages(this.language);
    this._busy = true;
    this._saved = false;
    const r = current
      ? await apiRequest<Directorate>(
          'PATCH',
          `/directorates/${encodeURIComponent(current.id)}`,
          body,
        )
      : await apiRequest<Directorate>('POST', '/directorates', body);
    this._busy = false;
    if (!r.ok) {
      const labels = {
        'name.tr': m.nameTr,
        'name.en': m.directorateNameEn,
        active: m.directorateState,
      };
      this._serverError = describeServerError(
        r.error,
        labels,
        errorText(this.language, r.error.code),
      );
      return;
    }
    this._serverError = null;
    this._editing = null;
    this._saved = true;
    this.dispatchEvent(
      new CustomEvent('manager-settings-changed', { bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-settings-directorates': ManagerSettingsDirectorates;
  }
}
