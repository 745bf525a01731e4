import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Counter, Lang, Service } from '../../contract/domain.js';
import { call } from '../../contract/client.js';
import { createCounter, updateCounter } from '../../contract/endpoints/settings-services.js';
import type { CounterInput } from '../../contract/settings.js';
import { inputField, numberOf } from '../../ui/settings-fields.js';
import { editForm, rowActions, settingsCard, settingsTable } from '../../ui/settings-section.js';
import { messages } from './i18n.js';
import { managerEditor, patchOf } from './settings-editor.js';
import { settingsStyles } from './settings-styles.js';
import { formatDecimal } from './state/format.js';
import { counterProblems, type CounterDraft } from './state/settings-validation.js';

const draftOf = (c: Counter): CounterDraft => ({
  number: c.number,
  name: c.name,
  services: c.services.map((s) => ({ ...s })),
});

/** Counters: number, name, and the services each covers with their weights. */
@customElement('manager-settings-counters')
export class ManagerSettingsCounters extends LitElement {
  static override styles = [
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

  private _editor = managerEditor<CounterDraft>(
    this,
    { number: NaN, name: '', services: [] },
    (m) => ({ number: m.counterNumber, name: m.counterName, services: m.coverage }),
  );

  @property({ attribute: false }) counters: Counter[] = [];
  @property({ attribute: false }) services: Service[] = [];
  @property() language: Lang = 'tr';

  override render() {
    const m = messages(this.language);
    const e = this._editor;
    const name = (id: string) => this.services.find((s) => s.id === id)?.name[this.language] ?? id;
    const coverage = (c: Counter) =>
      c.services
        .map((s) => `${name(s.serviceId)} (${formatDecimal(this.language, s.weight, 2)})`)
        .join(', ');
    return settingsCard(e, {
      id: 'counters-set-heading',
      heading: m.sections.counters,
      add: { label: m.newCounter, onClick: () => this._openNew() },
      body: html`${e.editing ? this._renderForm() : nothing}
      ${settingsTable({
        key: 'counter',
        id: (c) => c.id,
        rows: [...this.counters].sort((a, b) => a.number - b.number),
        columns: [
          { label: m.counterNumber, cell: (c) => c.number, num: true },
          { label: m.counterName, cell: (c) => c.name, rowHeader: true },
          { label: `${m.coverage} (${m.weight})`, cell: coverage },
          {
            label: m.actions,
            cell: (c) =>
              rowActions(c.name, [{ label: m.edit, onClick: () => e.open(c.id, draftOf(c)) }]),
          },
        ],
      })}`,
    });
  }

  private _renderForm() {
    const m = messages(this.language);
    const e = this._editor;
    const d = e.draft;
    const editing = this.counters.find((c) => c.id === e.editing);
    const servicesProblem = e.problem('services');
    return editForm(e, {
      id: 'counter-form-heading',
      heading: editing ? m.editing(editing.name) : m.newCounter,
      onSubmit: () => void this._save(),
      fields: html`
        ${inputField({ id: 'number', label: m.counterNumber, type: 'number', min: 1, max: 999, value: d.number, problem: e.problem('number'), onInput: (v) => e.set({ number: numberOf(v) }) })}
        ${inputField({ id: 'name', label: m.counterName, value: d.name, problem: e.problem('name'), onInput: (v) => e.set({ name: v }) })}
        <fieldset aria-describedby="weight-help">
          <legend>${m.coverage}</legend>
          ${this.services.map((s) => this._renderCoverage(s))}
          <span class="help muted" id="weight-help">${m.weightHelp}</span>
          ${servicesProblem ? html`<span class="problem">${servicesProblem}</span>` : nothing}
        </fieldset>
      `,
    });
  }

  private _renderCoverage(s: Service) {
    const m = messages(this.language);
    const i = this._editor.draft.services.findIndex((c) => c.serviceId === s.id);
    const cover = i >= 0 ? this._editor.draft.services[i]! : null;
    const weightProblem = i >= 0 ? this._editor.problem(`services.${i}.weight`) : undefined;
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
        title=${weightProblem ?? ''}
        ?disabled=${cover === null}
        .value=${cover ? String(cover.weight) : ''}
        @input=${(e: Event) => this._weight(s.id, numberOf((e.target as HTMLInputElement).value))}
      />
    </div>`;
  }

  private _toggle(serviceId: string, on: boolean): void {
    const rest = this._editor.draft.services.filter((c) => c.serviceId !== serviceId);
    // Keep the order of the hall's services, so the coverage reads the same everywhere.
    const next = on ? [...rest, { serviceId, weight: 1 }] : rest;
    const order = (id: string) => this.services.findIndex((s) => s.id === id);
    next.sort((a, b) => order(a.serviceId) - order(b.serviceId));
    this._editor.set({ services: next });
  }

  private _weight(serviceId: string, weight: number): void {
    const services = this._editor.draft.services;
    this._editor.set({
      services: services.map((c) => (c.serviceId === serviceId ? { ...c, weight } : c)),
    });
  }

  private _openNew(): void {
    const next = Math.max(0, ...this.counters.map((x) => x.number)) + 1;
    this._editor.open(null, { number: next, name: `Banko ${next}`, services: [] });
  }

  private async _save(): Promise<void> {
    const e = this._editor;
    const current = this.counters.find((c) => c.id === e.editing) ?? null;
    const input: CounterInput = { ...e.draft, name: e.draft.name.trim() };
    await e.save({
      problems: counterProblems(e.draft, this.counters, current?.id ?? null),
      send: current
        ? patchOf(draftOf(current), input, (body) =>
            call(updateCounter, { params: { counterId: current.id }, body }),
          )
        : () => call(createCounter, { body: input }),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-settings-counters': ManagerSettingsCounters;
  }
}
