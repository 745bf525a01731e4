import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { call } from '../../contract/client.js';
import type { Hall, Lang, NoCounterPolicy } from '../../contract/domain.js';
import { updateHall } from '../../contract/endpoints/settings-hall.js';
import { inputField, numberOf, selectField } from '../../ui/settings-fields.js';
import { editForm, settingsCard } from '../../ui/settings-section.js';
import { messages } from './i18n.js';
import { managerEditor, patchOf } from './settings-editor.js';
import { settingsStyles } from './settings-styles.js';
import { hallProblems, type HallDraft } from './state/settings-validation.js';

const draftOf = (h: Hall): HallDraft => ({
  name: h.name,
  timeZone: h.timeZone,
  priorityRatio: h.priorityRatio,
  escalationMinutes: h.escalationMinutes,
  noShowGraceMinutes: h.noShowGraceMinutes,
  noteRetentionDays: h.noteRetentionDays,
  whenNoCounterOpen: h.whenNoCounterOpen ?? 'issue',
  smsNotifyAhead: h.smsNotifyAhead ?? null,
});

/** Replaced by the hall's own values before the first render. */
const UNSET: HallDraft = {
  name: '',
  timeZone: '',
  priorityRatio: NaN,
  escalationMinutes: NaN,
  noShowGraceMinutes: NaN,
  noteRetentionDays: NaN,
  whenNoCounterOpen: 'issue',
  smsNotifyAhead: null,
};

type NumberField =
  'priorityRatio' | 'escalationMinutes' | 'noShowGraceMinutes' | 'noteRetentionDays';

const NO_COUNTER_POLICIES: readonly NoCounterPolicy[] = ['issue', 'refuse'];

/**
 * The hall: name, time zone, priority ratio, escalation limit, no-show grace, note retention,
 * whether tickets are issued for a service no open counter serves, and the SMS when the turn
 * nears (people ahead; empty is off). One record, so its form is always open.
 */
@customElement('manager-settings-hall')
export class ManagerSettingsHall extends LitElement {
  static override styles = settingsStyles;

  private _editor = managerEditor(this, UNSET, (m) => ({
    name: m.hallName,
    timeZone: m.timeZone,
    priorityRatio: m.priorityRatio,
    escalationMinutes: m.escalationMinutes,
    noShowGraceMinutes: m.noShowGraceMinutes,
    noteRetentionDays: m.noteRetentionDays,
    whenNoCounterOpen: m.whenNoCounterOpen,
    smsNotifyAhead: m.smsNotifyAhead,
  }));

  @property({ attribute: false }) hall!: Hall;
  @property() language: Lang = 'tr';

  override willUpdate(changed: PropertyValues<this>): void {
    // The settings reload after a save: the form shows what is now stored.
    if (changed.has('hall') && this.hall && !this._editor.busy) {
      this._editor.draft = draftOf(this.hall);
    }
  }

  override render() {
    const m = messages(this.language);
    const e = this._editor;
    const d = e.draft;
    if (!this.hall) return nothing;
    const set = (patch: Partial<HallDraft>) => e.set(patch);
    const num = (o: { id: NumberField; label: string; min: number; max: number; help?: string }) =>
      inputField({
        ...o,
        type: 'number',
        value: d[o.id],
        problem: e.problem(o.id),
        onInput: (v) => set({ [o.id]: numberOf(v) }),
      });
    return settingsCard(e, {
      id: 'hall-heading',
      heading: m.sections.hall,
      body: editForm(e, {
        cancel: false,
        onSubmit: () => void this._save(d),
        fields: html`
          ${inputField({ id: 'name', label: m.hallName, value: d.name, problem: e.problem('name'), wide: true, onInput: (v) => set({ name: v }) })}
          ${inputField({ id: 'timeZone', label: m.timeZone, value: d.timeZone, help: m.timeZoneHelp, problem: e.problem('timeZone'), onInput: (v) => set({ timeZone: v }) })}
          ${num({ id: 'priorityRatio', label: m.priorityRatio, min: 0, max: 10, help: m.priorityRatioHelp })}
          ${num({ id: 'escalationMinutes', label: m.escalationMinutes, min: 1, max: 240, help: m.escalationHelp })}
          ${num({ id: 'noShowGraceMinutes', label: m.noShowGraceMinutes, min: 0, max: 60 })}
          ${num({ id: 'noteRetentionDays', label: m.noteRetentionDays, min: 1, max: 3650, help: m.noteRetentionHelp })}
          ${selectField({ id: 'whenNoCounterOpen', label: m.whenNoCounterOpen, value: d.whenNoCounterOpen, help: m.whenNoCounterOpenHelp, problem: e.problem('whenNoCounterOpen'), options: NO_COUNTER_POLICIES.map((p) => ({ value: p, label: m.noCounterPolicies[p] })), onChange: (v) => set({ whenNoCounterOpen: v as NoCounterPolicy }) })}
          ${inputField({ id: 'smsNotifyAhead', label: m.smsNotifyAhead, type: 'number', min: 1, max: 20, value: d.smsNotifyAhead ?? '', help: m.smsNotifyAheadHelp, problem: e.problem('smsNotifyAhead'), onInput: (v) => set({ smsNotifyAhead: v.trim() === '' ? null : numberOf(v) }) })}
        `,
      }),
    });
  }

  private async _save(draft: HallDraft): Promise<void> {
    const d = { ...draft, name: draft.name.trim(), timeZone: draft.timeZone.trim() };
    await this._editor.save({
      problems: hallProblems(d),
      send: patchOf(draftOf(this.hall), d, (body) =>
        call(updateHall, { params: { hallId: this.hall.id }, body }),
      ),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-settings-hall': ManagerSettingsHall;
  }
}
