import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Counter, Lang, Service } from '../../contract/domain.js';
import type { CounterInput } from '../../contract/settings.js';
import { apiRequest } from './api-client.js';
import { errorText, messages } from './i18n.js';
import { inputField, numberOf } from './settings-fields.js';
import { settingsStyles } from './settings-styles.js';
import { sharedStyles } from './shared-styles.js';
import { formatDecimal } from './state/format.js';
import {
  changedFields,
  counterProblems,
  describeServerError,
  type CounterDraft,
  type Problems,
} from './state/settings-validation.js';

const draftOf = (c: Counter): CounterDraft => ({
  number: c.number,
  name: c.name,
  services: c.services.map((s) => ({ ...s })),
});

/** Counters: number, name, and the services each covers with their weights. */
@customElement('manager-settings-counters')
export class ManagerSettingsCounters extends LitElement {
  static override styles = [
    sharedStyles,
    settingsStyles,
    css`
      fieldset {
        grid-column: 1 / -1;
        border: 1px solid var(--manager-border);
        border-radius: 8px;
        padding: 8px 12px;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(260px, 1fr));
        gap: 6px 16px;
      }
      legend {
        font-weight: 700;
      }
      .cover {
        display: flex;
        align-items: center;
        gap: 8px;
      }
      .cover input[type='number'] {
        width: 80px;
      }
      .cover label {
        flex: 1;
      }
    `,
  ];

  @state() private _editing: string | null = null;
  @state() private _draft: CounterDraft = { number: NaN, name: '', services: [] };
  @state() private _problems: Problems = {};
  @state() private _serverError: { field: string | null; text: string } | null = null;
  @state() private _busy = false;
  @state() private _saved = false;

  @property({ attribute: false }) counters: Counter[] = [];
  @property({ attribute: false }) services: Service[] = [];
  @property() language: Lang = 'tr';

  override render() {
    const m = messages(this.language);
    const name = (id: string) => this.services.find((s) => s.id === id)?.name[this.language] ?? id;
    const sorted = [...this.counters].sort((a, b) => a.number - b.number);
    return html`<section class="card" aria-labelledby="counters-set-heading">
      <div class="head">
        <h2 id="counters-set-heading">${m.sections.counters}</h2>
        <button type="button" @click=${() => this._open(null)}>${m.newCounter}</button>
      </div>
      ${this._saved ? html`<p class="ok" role="status">${m.saved}</p>` : nothing}
      ${this._editing ? this._renderForm() : nothing}
      <table>
        <thead>
          <tr>
            <th scope="col" class="num">${m.counterNumber}</th>
            <th scope="col">${m.counterName}</th>
            <th scope="col">${m.coverage} (${m.weight})</th>
            <th scope="col">${m.actions}</th>
          </tr>
        </thead>
        <tbody>
          ${sorted.map(
            (c) =>
              html`<tr data-counter=${c.id}>
                <td class="num">${c.number}</td>
                <th scope="row">${c.name}</th>
                <td>
                  ${c.services
                    .map(
                      (s) => `${name(s.serviceId)} (${formatDecimal(this.language, s.weight, 2)})`,
                    )
                    .join(', ')}
                </td>
                <td>
                  <div class="row-actions">
                    <button
                      type="button"
                      aria-label=${`${m.edit}: ${c.name}`}
                      @click=${() => this._open(c)}
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
    const editing = this.counters.find((c) => c.id === this._editing);
    const problem = (f: string) =>
      this._problems[f]
        ? m.problems[this._problems[f]]
        : this._serverError?.field === f
          ? this._serverError.text
          : undefined;
    const set = (patch: Partial<CounterDraft>) => (this._draft = { ...this._draft, ...patch });
    return html`<form
      class="edit"
      novalidate
      @submit=${this._save}
      aria-labelledby="counter-form-heading"
    >
      <h3 id="counter-form-heading">${editing ? m.editing(editing.name) : m.newCounter}</h3>
      ${inputField({ id: 'number', label: m.counterNumber, type: 'number', min: 1, max: 999, value: Number.isFinite(d.number) ? d.number : '', problem: problem('number'), onInput: (v) => set({ number: numberOf(v) }) })}
      ${inputField({ id: 'name', label: m.counterName, value: d.name, problem: problem('name'), onInput: (v) => set({ name: v }) })}
      <fieldset aria-describedby="weight-help">
        <legend>${m.coverage}</legend>
        ${this.services.map((s) => this._renderCoverage(s))}
        <span class="help muted" id="weight-help">${m.weightHelp}</span>
        ${problem('services') ? html`<span class="problem">${problem('services')}</span>` : nothing}
      </fieldset>
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

  private _renderCoverage(s: Service) {
    const m = messages(this.language);
    const i = this._draft.services.findIndex((c) => c.serviceId === s.id);
    const cover = i >= 0 ? this._draft.services[i]! : null;
    const weightProblem = i >= 0 ? this._problems[`services.${i}.weight`] : undefined;
    return html`<div class="cover">
      <input
        type="checkbox"
        id=${`cover-${s.id}`}
        .checked=${cover !== null}
        @change=${(e: Event) => this._toggle(s.id, (e.target as HTMLInputElement).checked)}
      />
      <label for=${`cover-${s.id}`}>${s.prefix} · ${s.name[this.language]}</label>
      <input
        type="number"
        min="0.1"
        max="10"
        step="0.1"
        aria-label=${m.weightFor(s.name[this.language])}
        aria-invalid=${weightProblem ? 'true' : 'false'}
        title=${weightProblem ? m.problems[weightProblem] : ''}
        ?disabled=${cover === null}
        .value=${cover ? String(cover.weight) : ''}
        @input=${(e: Event) => this._weight(s.id, numberOf((e.target as HTMLInputElement).value))}
      />
    </div>`;
  }

  private _toggle(serviceId: string, on: boolean): void {
    const rest = this._draft.services.filter((c) => c.serviceId !== serviceId);
    // Keep the order of the hall's services, so the coverage reads the same everywhere.
    const next = on ? [...rest, { serviceId, weight: 1 }] : rest;
    const order = (id: string) => this.services.findIndex((s) => s.id === id);
    next.sort((a, b) => order(a.serviceId) - order(b.serviceId));
    this._draft = { ...this._draft, services: next };
  }

  private _weight(serviceId: string, weight: number): void {
    this._draft = {
      ...this._draft,
      services: this._draft.services.map((c) => (c.serviceId === serviceId ? { ...c, weight } : c)),
    };
  }

  private _open(c: Counter | null): void {
    this._editing = c ? c.id : 'new';
    const next = Math.max(0, ...this.counters.map((x) => x.number)) + 1;
    this._draft = c ? draftOf(c) : { number: next, name: `Banko ${next}`, services: [] };
    this._problems = {};
    this._serverError = null;
    this._saved = false;
  }

  private async _save(e: Event): Promise<void> {
    e.preventDefault();
    const m = messages(this.language);
    const current = this.counters.find((c) => c.id === this._editing) ?? null;
    this._problems = counterProblems(this._draft, this.counters, current?.id ?? null);
    this._serverError = null;
    if (Object.keys(this._problems).length > 0) return;
    const input: CounterInput = { ...this._draft, name: this._draft.name.trim() };
    const body = current ? changedFields(draftOf(current), input) : input;
    if (current && Object.keys(body).length === 0) {
      this._editing = null;
      return;
    }
    this._busy = true;
    const r = current
      ? await apiRequest<Counter>('PATCH', `/counters/${encodeURIComponent(current.id)}`, body)
      : await apiRequest<Counter>('POST', '/counters', body);
    this._busy = false;
    if (!r.ok) {
      const labels = { number: m.counterNumber, name: m.counterName, services: m.coverage };
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
    'manager-settings-counters': ManagerSettingsCounters;
  }
}
