import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import { call } from '../../contract/client.js';
import { staffingPlan } from '../../contract/endpoints/staffing.js';
import { errorText } from './i18n.js';
import { sharedStyles } from './shared-styles.js';
import { addDays, localDay } from './state/date-range.js';
import { formatDay, formatDecimal } from './state/format.js';
import {
  DEFAULT_TARGET_MINUTES,
  backtestSentence,
  chartSummary,
  historyLines,
  parseTarget,
  plannableDay,
  planChart,
  planRows,
  shortLines,
  understaffedLines,
  type StaffingPlan,
} from './state/staffing.js';
import { staffingText } from './state/staffing-text.js';
import './manager-staffing-chart.js';

/**
 * The staffing plan tab: a day (default tomorrow) and a target wait; per hour the expected
 * visitors, the counters needed, the counters open on the same weekdays before, a chart,
 * the hours that were understaffed, and how far the forecast has been off.
 */
@customElement('manager-staffing-view')
export class ManagerStaffingView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: grid;
        gap: 12px;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 10px 16px;
        align-items: end;
      }
      .field {
        display: grid;
        gap: 4px;
      }
      .target {
        width: 8ch;
      }
      .intro,
      .plan-title {
        margin: 0 0 8px;
      }
      .plan-title {
        font-size: 1.1rem;
        font-weight: 700;
      }
      .table-wrap {
        overflow-x: auto;
      }
      tr.under th,
      tr.under td {
        background: var(--manager-amber-bg);
      }
      .flag {
        display: block;
        font-size: 0.8rem;
        font-weight: 700;
        color: var(--manager-amber-text);
      }
      .cols {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 380px), 1fr));
        gap: 12px;
      }
      ul.lines {
        margin: 0;
        padding-left: 1.2em;
        display: grid;
        gap: 4px;
      }
      .card p {
        margin: 0 0 6px;
      }
    `,
  ];

  @state() private _date = '';
  @state() private _target = String(DEFAULT_TARGET_MINUTES);
  @state() private _plan: StaffingPlan | null = null;
  @state() private _loading = false;
  @state() private _error = '';
  @state() private _problem: 'date' | 'target' | null = null;
  private _abort: AbortController | null = null;

  /** The hall's time zone (tomorrow is the hall's tomorrow). */
  @property() timeZone = 'Europe/Istanbul';
  @property() language: Lang = 'tr';

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this._date) {
      this._date = addDays(localDay(Date.now(), this.timeZone), 1);
      void this._load();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._abort?.abort();
  }

  override render() {
    const t = staffingText(this.language);
    const plan = this._plan;
    return html`
      <section class="card" aria-labelledby="plan-heading">
        <h2 id="plan-heading">${t.heading}</h2>
        <p class="intro muted">${t.intro}</p>
        <form @submit=${this._onSubmit} novalidate>
          <div class="field">
            <label for="plan-date">${t.dateLabel}</label>
            <input
              id="plan-date"
              type="date"
              .value=${this._date}
              aria-invalid=${this._problem === 'date' ? 'true' : 'false'}
              aria-describedby=${this._problem === 'date' ? 'plan-problem' : nothing}
              @input=${(e: Event) => (this._date = (e.target as HTMLInputElement).value)}
            />
          </div>
          <div class="field">
            <label for="plan-target">${t.targetLabel}</label>
            <input
              id="plan-target"
              class="target"
              inputmode="decimal"
              .value=${this._target}
              aria-invalid=${this._problem === 'target' ? 'true' : 'false'}
              aria-describedby=${this._problem === 'target' ? 'plan-problem' : nothing}
              @input=${(e: Event) => (this._target = (e.target as HTMLInputElement).value)}
            />
          </div>
          <button type="submit" class="primary" ?disabled=${this._loading}>${t.compute}</button>
        </form>
        ${
          this._problem
            ? html`<p class="error" id="plan-problem" role="alert">
                ${this._problem === 'target' ? t.targetProblem : t.dateProblem}
              </p>`
            : nothing
        }
        ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
        ${this._loading ? html`<p class="muted" role="status">${t.loading}</p>` : nothing}
      </section>
      ${plan ? this._renderPlan(plan) : nothing}
    `;
  }

  private _renderPlan(plan: StaffingPlan) {
    const t = staffingText(this.language);
    const lang = this.language;
    if (plan.usedDays.length === 0)
      return html`<p class="notice" role="status" data-testid="no-history">${t.noHistory}</p>`;
    const under = understaffedLines(plan, lang);
    const short = shortLines(plan, lang);
    return html`
      <section class="card" aria-labelledby="plan-title">
        <p class="plan-title" id="plan-title" data-testid="plan-title">
          ${t.planFor(formatDay(lang, plan.date, true), formatDecimal(lang, plan.targetWaitMinutes, 1))}
        </p>
        <manager-staffing-chart
          .chart=${planChart(plan)}
          .summary=${`${t.chartTitle}. ${chartSummary(plan, lang)}`}
          .language=${lang}
        ></manager-staffing-chart>
      </section>
      <div class="cols">
        <section class="card" aria-labelledby="under-heading" data-testid="understaffed">
          <h3 id="under-heading">${t.understaffedHeading}</h3>
          ${
            under.length
              ? html`<ul class="lines">
                  ${under.map((l) => html`<li>${l}</li>`)}
                </ul>`
              : html`<p>${t.noneUnderstaffed}</p>`
          }
          ${
            short.length
              ? html`<ul class="lines">
                  ${short.map((l) => html`<li>${l}</li>`)}
                </ul>`
              : nothing
          }
        </section>
        <section class="card" aria-labelledby="backtest-heading">
          <h3 id="backtest-heading">${t.backtestHeading}</h3>
          <p data-testid="backtest">${backtestSentence(plan, lang)}</p>
          ${historyLines(plan, lang).map((l) => html`<p class="muted">${l}</p>`)}
        </section>
      </div>
      <section class="card table-wrap">
        <table data-testid="plan-table">
          <caption class="visually-hidden">
            ${t.tableCaption}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t.columns.hour}</th>
              <th scope="col" class="num">${t.columns.arrivals}</th>
              <th scope="col" class="num">${t.columns.hold}</th>
              <th scope="col" class="num">${t.columns.needed}</th>
              <th scope="col" class="num">${t.columns.open}</th>
              <th scope="col" class="num">${t.columns.expected}</th>
              <th scope="col" class="num">${t.columns.measured}</th>
            </tr>
          </thead>
          <tbody>
            ${planRows(plan, lang).map(
              (r) =>
                html`<tr class=${r.understaffed ? 'under' : ''}>
                  <th scope="row">
                    ${r.hour}
                    ${r.understaffed ? html`<span class="flag">${t.understaffedMark}</span>` : nothing}
                  </th>
                  <td class="num">${r.arrivals}</td>
                  <td class="num">${r.hold}</td>
                  <td class="num">
                    ${r.needed}${r.short ? html`<span class="flag">${t.notEnough}</span>` : nothing}
                  </td>
                  <td class="num">${r.open}</td>
                  <td class="num">${r.expected}</td>
                  <td class="num">${r.measured}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </section>
      <section class="card" aria-labelledby="method-heading">
        <h3 id="method-heading">${t.methodHeading}</h3>
        ${t.method.map((p) => html`<p>${p}</p>`)}
      </section>
    `;
  }

  private _onSubmit(e: Event): void {
    e.preventDefault();
    void this._load();
  }

  private async _load(): Promise<void> {
    const target = parseTarget(this._target);
    const today = localDay(Date.now(), this.timeZone);
    this._problem = !plannableDay(this._date, today) ? 'date' : target === null ? 'target' : null;
    if (this._problem || target === null) return;
    this._abort?.abort();
    const abort = new AbortController();
    this._abort = abort;
    this._loading = true;
    this._error = '';
    const query = { date: this._date, targetWaitMinutes: target };
    const r = await call(staffingPlan, { query }, { signal: abort.signal });
    if (abort.signal.aborted) return;
    this._loading = false;
    if (r.ok) {
      this._plan = r.data;
      return;
    }
    if (r.status === 401)
      this.dispatchEvent(
        new CustomEvent('manager-session-expired', { bubbles: true, composed: true }),
      );
    this._error = errorText(this.language, r.code);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-staffing-view': ManagerStaffingView;
  }
}
