import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Lang, Service } from '../../contract/domain.js';
import type { ServiceInput } from '../../contract/settings.js';
import { apiRequest } from './api-client.js';
import { errorText, messages } from './i18n.js';
import { inputField, numberOf } from './settings-fields.js';
import { settingsStyles } from './settings-styles.js';
import { sharedStyles } from './shared-styles.js';
import {
  changedFields,
  describeServerError,
  normalisePrefix,
  serviceProblems,
  type Problems,
  type ServiceDraft,
} from './state/settings-validation.js';

const EMPTY: ServiceDraft = { nameTr: '', nameEn: '', prefix: '', targetMinutes: 4, active: true };

const draftOf = (s: Service): ServiceDraft => ({
  nameTr: s.name.tr,
  nameEn: s.name.en,
  prefix: s.prefix,
  targetMinutes: s.targetMinutes,
  active: s.active,
});

const inputOf = (d: ServiceDraft): ServiceInput => ({
  name: { tr: d.nameTr.trim(), en: d.nameEn.trim() },
  prefix: normalisePrefix(d.prefix),
  targetMinutes: d.targetMinutes,
  active: d.active,
});

/** Services: names TR/EN, ticket prefix, target minutes, whether they issue tickets. */
@customElement('manager-settings-services')
export class ManagerSettingsServices extends LitElement {
  static override styles = [sharedStyles, settingsStyles];

  /** The service being edited (`new` for a new one), or null when the form is closed. */
  @state() private _editing: string | null = null;
  @state() private _draft: ServiceDraft = EMPTY;
  @state() private _problems: Problems = {};
  @state() private _serverError: { field: string | null; text: string } | null = null;
  @state() private _busy = false;
  @state() private _saved = false;

  @property({ attribute: false }) services: Service[] = [];
  @property() language: Lang = 'tr';

  override render() {
    const m = messages(this.language);
    return html`<section class="card" aria-labelledby="services-heading">
      <div class="head">
        <h2 id="services-heading">${m.sections.services}</h2>
        <button type="button" @click=${() => this._open(null)}>${m.newService}</button>
      </div>
      ${this._saved ? html`<p class="ok" role="status">${m.saved}</p>` : nothing}
      ${this._editing ? this._renderForm() : nothing}
      <table>
        <thead>
          <tr>
            <th scope="col">${m.prefix}</th>
            <th scope="col">${m.nameTr}</th>
            <th scope="col">${m.nameEn}</th>
            <th scope="col" class="num">${m.targetMinutes}</th>
            <th scope="col">${m.serviceActive}</th>
            <th scope="col">${m.actions}</th>
          </tr>
        </thead>
        <tbody>
          ${this.services.map(
            (s) =>
              html`<tr class=${s.active ? '' : 'off'} data-service=${s.id}>
                <td><strong>${s.prefix}</strong></td>
                <th scope="row">${s.name.tr}</th>
                <td>${s.name.en}</td>
                <td class="num">${s.targetMinutes}</td>
                <td>${s.active ? m.yes : m.no}</td>
                <td>
                  <div class="row-actions">
                    <button
                      type="button"
                      @click=${() => this._open(s)}
                      aria-label=${`${m.edit}: ${s.name[this.language]}`}
                    >
                      ${m.edit}
                    </button>
                  </div>
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </section>`;
  }

  private _renderForm() {
    const m = messages(this.language);
    const d = this._draft;
    const editing = this.services.find((s) => s.id === this._editing);
    const problem = (f: string) =>
      this._problems[f]
        ? m.problems[this._problems[f]]
        : this._serverError?.field === f
          ? this._serverError.text
          : undefined;
    const set = (patch: Partial<ServiceDraft>) => (this._draft = { ...this._draft, ...patch });
    return html`<form
      class="edit"
      novalidate
      @submit=${this._save}
      aria-labelledby="service-form-heading"
    >
      <h3 id="service-form-heading">
        ${editing ? m.editing(editing.name[this.language]) : m.newService}
      </h3>
      ${inputField({ id: 'name.tr', label: m.nameTr, value: d.nameTr, problem: problem('name.tr'), onInput: (v) => set({ nameTr: v }) })}
      ${inputField({ id: 'name.en', label: m.nameEn, value: d.nameEn, problem: problem('name.en'), onInput: (v) => set({ nameEn: v }) })}
      ${inputField({ id: 'prefix', label: m.prefix, value: d.prefix, problem: problem('prefix'), onInput: (v) => set({ prefix: v }) })}
      ${inputField({ id: 'targetMinutes', label: m.targetMinutes, type: 'number', min: 1, max: 120, value: Number.isFinite(d.targetMinutes) ? d.targetMinutes : '', problem: problem('targetMinutes'), onInput: (v) => set({ targetMinutes: numberOf(v) }) })}
      <div class="field">
        <span class="check">
          <input
            id="active"
            type="checkbox"
            .checked=${d.active}
            @change=${(e: Event) => set({ active: (e.target as HTMLInputElement).checked })}
          />
          <label for="active">${m.serviceActive}</label>
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

  private _open(s: Service | null): void {
    this._editing = s ? s.id : 'new';
    this._draft = s ? draftOf(s) : EMPTY;
    this._problems = {};
    this._serverError = null;
    this._saved = false;
  }

  private _close = () => {
    this._editing = null;
  };

  private async _save(e: Event): Promise<void> {
    e.preventDefault();
    const m = messages(this.language);
    const current = this.services.find((s) => s.id === this._editing) ?? null;
    this._problems = serviceProblems(this._draft, this.services, current?.id ?? null);
    this._serverError = null;
    if (Object.keys(this._problems).length > 0) return;
    const input = inputOf(this._draft);
    const body = current ? changedFields(inputOf(draftOf(current)), input) : input;
    if (current && Object.keys(body).length === 0) return this._close();
    this._busy = true;
    const r = current
      ? await apiRequest<Service>('PATCH', `/services/${encodeURIComponent(current.id)}`, body)
      : await apiRequest<Service>('POST', '/services', body);
    this._busy = false;
    if (!r.ok) {
      const labels = {
        'name.tr': m.nameTr,
        'name.en': m.nameEn,
        prefix: m.prefix,
        targetMinutes: m.targetMinutes,
        active: m.serviceActive,
      };
      this._serverError = describeServerError(
        r.error,
        labels,
        errorText(this.language, r.error.code),
      );
      return;
    }
    this._editing = null;
    this._saved = true;
    this.dispatchEvent(
      new CustomEvent('manager-settings-changed', { bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-settings-services': ManagerSettingsServices;
  }
}
