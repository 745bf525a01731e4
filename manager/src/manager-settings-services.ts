import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang, Service } from '../../contract/domain.js';
import { call } from '../../contract/client.js';
import { createService, updateService } from '../../contract/endpoints/settings-services.js';
import type { ServiceInput } from '../../contract/settings.js';
import { checkField, inputField, numberOf } from '../../ui/settings-fields.js';
import { editForm, rowActions, settingsCard, settingsTable } from '../../ui/settings-section.js';
import { messages } from './i18n.js';
import { managerEditor, patchOf } from './settings-editor.js';
import { settingsStyles } from './settings-styles.js';
import {
  normalisePrefix,
  serviceProblems,
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
  static override styles = settingsStyles;

  private _editor = managerEditor(this, EMPTY, (m) => ({
    'name.tr': m.nameTr,
    'name.en': m.nameEn,
    prefix: m.prefix,
    targetMinutes: m.targetMinutes,
    active: m.serviceActive,
  }));

  @property({ attribute: false }) services: Service[] = [];
  @property() language: Lang = 'tr';

  override render() {
    const m = messages(this.language);
    const e = this._editor;
    return settingsCard(e, {
      id: 'services-heading',
      heading: m.sections.services,
      add: { label: m.newService, onClick: () => e.open(null) },
      body: html`${e.editing ? this._renderForm() : null}
      ${settingsTable({
        key: 'service',
        id: (s) => s.id,
        off: (s) => !s.active,
        rows: this.services,
        columns: [
          { label: m.prefix, cell: (s) => html`<strong>${s.prefix}</strong>` },
          { label: m.nameTr, cell: (s) => s.name.tr, rowHeader: true },
          { label: m.nameEn, cell: (s) => s.name.en },
          { label: m.targetMinutes, cell: (s) => s.targetMinutes, num: true },
          { label: m.serviceActive, cell: (s) => (s.active ? m.yes : m.no) },
          {
            label: m.actions,
            cell: (s) =>
              rowActions(s.name[this.language], [
                { label: m.edit, onClick: () => e.open(s.id, draftOf(s)) },
              ]),
          },
        ],
      })}`,
    });
  }

  private _renderForm() {
    const m = messages(this.language);
    const e = this._editor;
    const d = e.draft;
    const editing = this.services.find((s) => s.id === e.editing);
    return editForm(e, {
      id: 'service-form-heading',
      heading: editing ? m.editing(editing.name[this.language]) : m.newService,
      onSubmit: () => void this._save(),
      fields: html`
        ${inputField({ id: 'name.tr', label: m.nameTr, value: d.nameTr, problem: e.problem('name.tr'), onInput: (v) => e.set({ nameTr: v }) })}
        ${inputField({ id: 'name.en', label: m.nameEn, value: d.nameEn, problem: e.problem('name.en'), onInput: (v) => e.set({ nameEn: v }) })}
        ${inputField({ id: 'prefix', label: m.prefix, value: d.prefix, problem: e.problem('prefix'), onInput: (v) => e.set({ prefix: v }) })}
        ${inputField({ id: 'targetMinutes', label: m.targetMinutes, type: 'number', min: 1, max: 120, value: d.targetMinutes, problem: e.problem('targetMinutes'), onInput: (v) => e.set({ targetMinutes: numberOf(v) }) })}
        ${checkField({ id: 'active', label: m.serviceActive, checked: d.active, onChange: (v) => e.set({ active: v }) })}
      `,
    });
  }

  private async _save(): Promise<void> {
    const e = this._editor;
    const current = this.services.find((s) => s.id === e.editing) ?? null;
    const input = inputOf(e.draft);
    await e.save({
      problems: serviceProblems(e.draft, this.services, current?.id ?? null),
      send: current
        ? patchOf(inputOf(draftOf(current)), input, (body) =>
            call(updateService, { params: { serviceId: current.id }, body }),
          )
        : () => call(createService, { body: input }),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-settings-services': ManagerSettingsServices;
  }
}
