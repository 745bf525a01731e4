import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import { messages } from './i18n.js';
import { sharedStyles } from './shared-styles.js';
import {
  matchingPick,
  QUICK_PICKS,
  quickRange,
  rangeProblem,
  type DayRange,
  type QuickPick,
} from './state/date-range.js';

/**
 * From/to dates with quick picks (today, yesterday, this week, this month, last month) in the
 * hall's days; fires `manager-range` with a valid range. A quick pick applies at once.
 */
@customElement('manager-range-picker')
export class ManagerRangePicker extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px 14px;
      }
      label {
        display: inline-flex;
        align-items: center;
        gap: 8px;
        font-size: 0.9rem;
      }
      .quick {
        flex-basis: 100%;
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        align-items: center;
        border: 0;
        margin: 0;
        padding: 0;
      }
      .quick legend {
        float: left;
        font-weight: 600;
        font-size: 0.9rem;
        margin-right: 6px;
      }
      .quick button {
        min-height: 36px;
        padding: 4px 10px;
      }
      .note {
        margin: 6px 0 0;
        font-size: 0.85rem;
      }
    `,
  ];

  @state() private _from = '';
  @state() private _to = '';
  @state() private _error = '';

  /** The range shown now. */
  @property({ attribute: false }) range!: DayRange;
  /** The hall's local day today (`YYYY-MM-DD`), for the quick picks. */
  @property() today = '';
  @property() timeZone = 'Europe/Istanbul';
  @property() language: Lang = 'tr';

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('range') && this.range) {
      this._from = this.range.from;
      this._to = this.range.to;
      this._error = '';
    }
  }

  override render() {
    const m = messages(this.language);
    const pressed = matchingPick({ from: this._from, to: this._to }, this.today);
    return html`<form @submit=${this._submit} novalidate aria-label=${m.rangeHeading}>
        <fieldset class="quick">
          <legend>${m.quickPicks}</legend>
          ${QUICK_PICKS.map(
            (p) =>
              html`<button
                type="button"
                aria-pressed=${p === pressed ? 'true' : 'false'}
                @click=${() => this._pick(p)}
              >
                ${m.quick[p]}
              </button>`,
          )}
        </fieldset>
        <label
          >${m.from}
          <input
            type="date"
            name="from"
            .value=${this._from}
            max=${this.today}
            aria-invalid=${this._error ? 'true' : 'false'}
            @change=${(e: Event) => (this._from = (e.target as HTMLInputElement).value)}
        /></label>
        <label
          >${m.to}
          <input
            type="date"
            name="to"
            .value=${this._to}
            aria-invalid=${this._error ? 'true' : 'false'}
            @change=${(e: Event) => (this._to = (e.target as HTMLInputElement).value)}
        /></label>
        <button class="primary" type="submit">${m.show}</button>
      </form>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      <p class="note muted">${m.timeZoneNote(this.timeZone)}</p>`;
  }

  private _pick(pick: QuickPick): void {
    const r = quickRange(pick, this.today);
    this._from = r.from;
    this._to = r.to;
    this._emit(r);
  }

  private _submit(e: Event): void {
    e.preventDefault();
    this._emit({ from: this._from, to: this._to });
  }

  private _emit(range: DayRange): void {
    const problem = rangeProblem(range);
    this._error = problem ? messages(this.language).rangeProblem[problem] : '';
    if (problem) return;
    this.dispatchEvent(
      new CustomEvent<DayRange>('manager-range', { detail: range, bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-range-picker': ManagerRangePicker;
  }
}
