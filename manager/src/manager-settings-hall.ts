import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Hall, Lang, NoCounterPolicy } from '../../contract/domain.js';
import { apiRequest } from './api-client.js';
import { errorText, messages } from './i18n.js';
import { inputField, numberOf, selectField } from './settings-fields.js';
import { settingsStyles } from './settings-styles.js';
import { sharedStyles } from './shared-styles.js';
import {
  changedFields,
  describeServerError,
  hallProblems,
  type HallDraft,
  type Problems,
} from './state/settings-validation.js';

const draftOf = (h: Hall): HallDraft => ({
  name: h.name,
  timeZone: h.timeZone,
  priorityRatio: h.priorityRatio,
  escalationMinutes: h.escalationMinutes,
  noShowGraceMinutes: h.noShowGraceMinutes,
  noteRetentionDays: h.noteRetentionDays,
  whenNoCounterOpen: h.whenNoCounterOpen ?? 'issue',
});

const NO_COUNTER_POLICIES: readonly NoCounterPolicy[] = ['issue', 'refuse'];

/**
 * The hall: name, time zone, priority ratio, escalation limit, no-show grace, note retention,
 * and whether tickets are issued for a service no open counter serves.
 */
@customElement('manager-settings-hall')
export class ManagerSettingsHall extends LitElement {
  static override styles = [sharedStyles, settingsStyles];

  @state() private _draft: HallDraft | null = null;
  @state() private _problems: Problems = {};
  @state() private _serverError: { field: string | null; text: string } | null = null;
  @state() private _busy = false;
  @state() private _saved = false;

  @property({ attribute: false }) hall!: Hall;
  @property() language: Lang = 'tr';

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('hall') && this.hall && !this._busy) this._draft = draftOf(this.hall);
  }

  override render() {
    const m = messages(this.language);
    const d = this._draft;
    if (!d) return nothing;
    const problem = (f: string) =>
      this._problems[f]
        ? m.problems[this._problems[f]]
        : this._serverError?.field === f
          ? this._serverError.text
          : undefined;
    const set = (patch: Partial<HallDraft>) => {
      this._draft = { ...d, ...patch };
      this._saved = false;
    };
    return html`<section class="card" aria-labelledby="hall-heading">
      <div class="head"><h2 id="hall-heading">${m.sections.hall}</h2></div>
      ${this._saved ? html`<p class="ok" role="status">${m.saved}</p>` : nothing}
      <form class="edit" novalidate @submit=${this._save}>
        ${inputField({ id: 'name', label: m.hallName, value: d.name, problem: problem('name'), wide: true, onInput: (v) => set({ name: v }) })}
        ${inputField({ id: 'timeZone', label: m.timeZone, value: d.timeZone, help: m.timeZoneHelp, problem: problem('timeZone'), onInput: (v) => set({ timeZone: v }) })}
        ${inputField({ id: 'priorityRatio', label: m.priorityRatio, type: 'number', min: 0, max: 10, value: numberText(d.priorityRatio), help: m.priorityRatioHelp, problem: problem('priorityRatio'), onInput: (v) => set({ priorityRatio: numberOf(v) }) })}
        ${inputField({ id: 'escalationMinutes', label: m.escalationMinutes, type: 'number', min: 1, max: 240, value: numberText(d.escalationMinutes), help: m.escalationHelp, problem: problem('escalationMinutes'), onInput: (v) => set({ escalationMinutes: numberOf(v) }) })}
        ${inputField({ id: 'noShowGraceMinutes', label: m.noShowGraceMinutes, type: 'number', min: 0, max: 60, value: numberText(d.noShowGraceMinutes), problem: problem('noShowGraceMinutes'), onInput: (v) => set({ noShowGraceMinutes: numberOf(v) }) })}
        ${inputField({ id: 'noteRetentionDays', label: m.noteRetentionDays, type: 'number', min: 1, max: 3650, value: numberText(d.noteRetentionDays), help: m.noteRetentionHelp, problem: problem('noteRetentionDays'), onInput: (v) => set({ noteRetentionDays: numberOf(v) }) })}
        ${selectField({ id: 'whenNoCounterOpen', label: m.whenNoCounterOpen, value: d.whenNoCounterOpen, help: m.whenNoCounterOpenHelp, problem: problem('whenNoCounterOpen'), options: NO_COUNTER_POLICIES.map((p) => ({ value: p, label: m.noCounterPolicies[p] })), onChange: (v) => set({ whenNoCounterOpen: v as NoCounterPolicy }) })}
        <div class="form-actions">
          <button class="primary" type="submit" ?disabled=${this._busy}>
            ${this._busy ? m.saving : m.save}
          </button>
          ${
            Object.keys(this._problems).length > 0
              ? html`<p class="error" role="alert">${m.fixProblems}</p>`
              : this._serverError
                ? html`<p class="error" role="alert">${this._serverError.text}</p>`
                : nothing
          }
        </div>
      </form>
    </section>`;
  }

  private async _save(e: Event): Promise<void> {
    e.preventDefault();
    const m = messages(this.language);
    const d = {
      ...this._draft!,
      name: this._draft!.name.trim(),
      timeZone: this._draft!.timeZone.trim(),
    };
    this._problems = hallProblems(d);
    this._serverError = null;
    if (Object.keys(this._problems).length > 0) return;
    const patch = changedFields(draftOf(this.hall), d);
    if (Object.keys(patch).length === 0) {
      this._saved = true;
      return;
    }
    this._busy = true;
    const r = await apiRequest<Hall>('PATCH', `/halls/${encodeURIComponent(this.hall.id)}`, patch);
    this._busy = false;
    if (!r.ok) {
      const labels = {
        name: m.hallName,
        timeZone: m.timeZone,
        priorityRatio: m.priorityRatio,
        escalationMinutes: m.escalationMinutes,
        noShowGraceMinutes: m.noShowGraceMinutes,
        noteRetentionDays: m.noteRetentionDays,
        whenNoCounterOpen: m.whenNoCounterOpen,
      };
      this._serverError = describeServerError(
        r.error,
        labels,
        errorText(this.language, r.error.code),
      );
      return;
    }
    this._saved = true;
    this.dispatchEvent(
      new CustomEvent('manager-settings-changed', { bubbles: true, composed: true }),
    );
  }
}

/** A number as a field shows it: empty while nothing valid is typed. */
function numberText(n: number): string {
  return Number.isFinite(n) ? String(n) : '';
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-settings-hall': ManagerSettingsHall;
  }
}
