import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { call } from '../../contract/client.js';
import type { Directorate, Lang } from '../../contract/domain.js';
import {
  createDirectorate,
  updateDirectorate,
} from '../../contract/endpoints/settings-directorates.js';
import type { DirectorateInput } from '../../contract/settings.js';
import { directorateCreateBody } from '../../contract/settings-schemas.js';
import { checkField, inputField } from '../../ui/settings-fields.js';
import { editForm, rowActions, settingsCard, settingsTable } from '../../ui/settings-section.js';
import { messages } from './i18n.js';
import { managerEditor, patchOf } from './settings-editor.js';
import { settingsStyles } from './settings-styles.js';
import { schemaProblems } from './state/settings-validation.js';

interface Draft {
  nameTr: string;
  nameEn: string;
  active: boolean;
}

const EMPTY: Draft = { nameTr: '', nameEn: '', active: true };

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
  static override styles = settingsStyles;

  private _editor = managerEditor(this, EMPTY, (m) => ({
    'name.tr': m.nameTr,
    'name.en': m.directorateNameEn,
    active: m.directorateState,
  }));

  @property({ attribute: false }) directorates: Directorate[] = [];
  @property() language: Lang = 'tr';

  override render() {
    const m = messages(this.language);
    const e = this._editor;
    const name = (d: Directorate) =>
      this.language === 'en' ? (d.name.en ?? d.name.tr) : d.name.tr;
    return settingsCard(e, {
      id: 'directorates-heading',
      heading: m.sections.directorates,
      add: { label: m.newDirectorate, onClick: () => e.open(null) },
      intro: m.directoratesIntro,
      body: html`${e.editing ? this._renderForm() : nothing}
      ${settingsTable({
        key: 'directorate',
        id: (d) => d.id,
        off: (d) => !d.active,
        rows: this.directorates,
        columns: [
          { label: m.nameTr, cell: (d) => d.name.tr, rowHeader: true },
          { label: m.nameEn, cell: (d) => d.name.en ?? '' },
          {
            label: m.directorateState,
            cell: (d) => (d.active ? m.directorateInUse : m.directorateRetired),
          },
          {
            label: m.actions,
            cell: (d) =>
              rowActions(name(d), [
                { label: m.edit, onClick: () => e.open(d.id, draftOf(d)) },
                {
                  label: d.active ? m.retireDirectorate : m.restoreDirectorate,
                  disabled: e.busy,
                  onClick: () => void e.run(() => this._patch(d, { active: !d.active }), m.saved),
                },
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
    const editing = this.directorates.find((x) => x.id === e.editing);
    return editForm(e, {
      id: 'directorate-form-heading',
      heading: editing ? m.editing(editing.name.tr) : m.newDirectorate,
      onSubmit: () => void this._save(),
      fields: html`
        ${inputField({ id: 'name.tr', label: m.nameTr, value: d.nameTr, problem: e.problem('name.tr'), onInput: (v) => e.set({ nameTr: v }) })}
        ${inputField({ id: 'name.en', label: m.directorateNameEn, value: d.nameEn, problem: e.problem('name.en'), onInput: (v) => e.set({ nameEn: v }) })}
        ${checkField({ id: 'active', label: m.directorateInUse, checked: d.active, onChange: (v) => e.set({ active: v }) })}
      `,
    });
  }

  /** The server's schema on the draft, and a name another directorate has (case as in Turkish). */
  private _check(d: Draft, editingId: string | null): Record<string, string> {
    const out: Record<string, string> = schemaProblems(directorateCreateBody, inputOf(d));
    const key = d.nameTr.trim().toLocaleLowerCase('tr');
    const taken = this.directorates.some(
      (x) => x.id !== editingId && x.name.tr.toLocaleLowerCase('tr') === key,
    );
    if (!out['name.tr'] && taken) out['name.tr'] = messages(this.language).directorateNameTaken;
    return out;
  }

  private _patch(d: Directorate, body: Partial<DirectorateInput>) {
    return call(updateDirectorate, { params: { directorateId: d.id }, body });
  }

  private async _save(): Promise<void> {
    const e = this._editor;
    const current = this.directorates.find((x) => x.id === e.editing) ?? null;
    await e.save({
      problems: this._check(e.draft, current?.id ?? null),
      send: current
        ? patchOf(inputOf(draftOf(current)), inputOf(e.draft), (body) => this._patch(current, body))
        : () => call(createDirectorate, { body: inputOf(e.draft) }),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-settings-directorates': ManagerSettingsDirectorates;
  }
}
