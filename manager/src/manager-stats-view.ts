import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Lang, Service } from '../../contract/domain.js';
import { call } from '../../contract/client.js';
import { exportTickets, statsReport } from '../../contract/endpoints/stats.js';
import { errorText, messages } from './i18n.js';
import { sharedStyles } from './shared-styles.js';
import {
  binMinutesFor,
  dailyMeanChart,
  groupLabel,
  hourlyChart,
  meanServiceChart,
  serviceMinutesOf,
  serviceTimeHistogram,
} from './state/charts.js';
import { daysIn, localDay, quickRange, type DayRange } from './state/date-range.js';
import { formatDayRange, formatDecimal } from './state/format.js';
import { kpiTiles, weightedTargetMinutes } from './state/kpi.js';
import type { GroupBy, StatsReport } from './state/stats-report.js';
import './manager-booking-stats.js';
import './manager-directorate-table.js';
import './manager-estimate-accuracy.js';
import './manager-export-bar.js';
import './manager-kpi-tiles.js';
import './manager-range-picker.js';
import './manager-stats-charts.js';
import './manager-stats-table.js';

/** Ranges up to this long get a service-time distribution (read from the per-visit export). */
export const DISTRIBUTION_MAX_DAYS = 62;

/** What the charts need, always fetched together with the table's grouping. */
const CHART_GROUPS: GroupBy[] = ['day', 'hour', 'service', 'clerk'];

type Distribution =
  | { kind: 'loading' }
  | { kind: 'ready'; minutes: number[] }
  | { kind: 'too-long' }
  | { kind: 'failed' };

/**
 * Statistics of a range of days: KPI tiles, charts, a sortable table, and the exports.
 * Loads one report per grouping it shows; a new range cancels what is still loading.
 */
@customElement('manager-stats-view')
export class ManagerStatsView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: grid;
        gap: 12px;
      }
      .top {
        display: grid;
        grid-template-columns: minmax(0, 1.6fr) minmax(0, 1fr);
        gap: 12px;
        align-items: start;
      }
      .report-title {
        margin: 0;
        font-size: 1.15rem;
      }
      .definitions {
        margin: -4px 0 0;
        font-size: 0.85rem;
      }
      @media (max-width: 1100px) {
        .top {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  @state() private _range: DayRange | null = null;
  @state() private _reports = new Map<GroupBy, StatsReport>();
  @state() private _loading = false;
  @state() private _error = '';
  @state() private _tableGroup: GroupBy = 'day';
  @state() private _distribution: Distribution = { kind: 'loading' };
  private _abort: AbortController | null = null;

  @property() hallId = '';
  @property() timeZone = 'Europe/Istanbul';
  @property({ attribute: false }) services: Service[] = [];
  @property() language: Lang = 'tr';

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this._range) void this._load(quickRange('this-month', this._today()));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._abort?.abort();
  }

  override render() {
    const m = messages(this.language);
    const lang = this.language;
    const range = this._range;
    const any = this._reports.get(this._tableGroup) ?? [...this._reports.values()][0];
    const byService = this._reports.get('service')?.groups ?? [];
    const target = weightedTargetMinutes(byService, this.services);
    return html`
      <h2 class="visually-hidden">${m.tabs.stats}</h2>
      <div class="top">
        <section class="card" aria-labelledby="range-heading">
          <h2 id="range-heading">${m.rangeHeading}</h2>
          ${
            range
              ? html`<manager-range-picker
                  .range=${range}
                  .today=${this._today()}
                  .timeZone=${this.timeZone}
                  .language=${lang}
                  @manager-range=${(e: CustomEvent<DayRange>) => void this._load(e.detail)}
                ></manager-range-picker>`
              : nothing
          }
        </section>
        ${
          range
            ? html`<manager-export-bar
                .range=${range}
                .hallId=${this.hallId}
                .language=${lang}
              ></manager-export-bar>`
            : nothing
        }
      </div>
      ${
        range
          ? html`<p class="report-title" data-testid="report-title">
              ${m.reportFor(formatDayRange(lang, range.from, range.to))}
            </p>`
          : nothing
      }
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      ${this._loading && !any ? html`<p class="muted" role="status">${m.loadingStats}</p>` : nothing}
      ${
        any
          ? html`<manager-kpi-tiles
              .tiles=${kpiTiles(any.total, target)}
              .language=${lang}
            ></manager-kpi-tiles>`
          : nothing
      }
      ${any ? html`<p class="muted definitions">${m.definitions}</p>` : nothing}
      ${
        any && any.total.issued === 0 && !this._loading
          ? html`<p class="notice" role="status">${m.noData}</p>`
          : nothing
      }
      ${any && any.total.issued > 0 ? this._renderCharts(target) : nothing}
      ${
        any && any.total.served > 0
          ? html`<manager-directorate-table
              .rows=${any.byDirectorate ?? []}
              .language=${lang}
            ></manager-directorate-table>`
          : nothing
      }
      ${
        any?.bookings
          ? html`<manager-booking-stats
              .stats=${any.bookings}
              .language=${lang}
            ></manager-booking-stats>`
          : nothing
      }
      ${
        range
          ? html`<manager-stats-table
              .report=${this._reports.get(this._tableGroup) ?? null}
              .groupBy=${this._tableGroup}
              .services=${this.services}
              .loading=${this._loading}
              .language=${lang}
              @manager-group-by=${this._onGroupBy}
            ></manager-stats-table>`
          : nothing
      }
      ${
        range
          ? html`<manager-estimate-accuracy
              .range=${range}
              .services=${this.services}
              .language=${lang}
            ></manager-estimate-accuracy>`
          : nothing
      }
    `;
  }

  private _renderCharts(target: number) {
    const m = messages(this.language);
    const lang = this.language;
    const label = (groupBy: GroupBy) => (g: Parameters<typeof groupLabel>[1]) =>
      groupLabel(groupBy, g, lang, this.services, m.notAtCounter);
    const targetOfService = (g: { key: string | null }) =>
      this.services.find((s) => s.id === g.key)?.targetMinutes ?? target;
    const d = this._distribution;
    return html`<manager-stats-charts
      .daily=${dailyMeanChart(this._reports.get('day')?.groups ?? [], label('day'), target)}
      .hourly=${hourlyChart(this._reports.get('hour')?.groups ?? [])}
      .distribution=${
        d.kind === 'ready' ? serviceTimeHistogram(d.minutes, target, binMinutesFor(target)) : null
      }
      .distributionNote=${
        d.kind === 'loading'
          ? m.distributionLoading
          : d.kind === 'too-long'
            ? m.distributionTooLong
            : d.kind === 'failed'
              ? m.distributionFailed
              : ''
      }
      .byService=${meanServiceChart(
        this._reports.get('service')?.groups ?? [],
        label('service'),
        target,
        targetOfService,
      )}
      .byClerk=${meanServiceChart(this._reports.get('clerk')?.groups ?? [], label('clerk'), target)}
      .targetText=${m.targetLine(formatDecimal(lang, target, 2))}
      .language=${lang}
    ></manager-stats-charts>`;
  }

  private _today(): string {
    return localDay(Date.now(), this.timeZone);
  }

  private async _load(range: DayRange): Promise<void> {
    this._abort?.abort();
    const abort = new AbortController();
    this._abort = abort;
    this._range = range;
    this._reports = new Map();
    this._error = '';
    this._loading = true;
    const groups = [...new Set([...CHART_GROUPS, this._tableGroup])];
    void this._loadDistribution(range, abort.signal);
    const results = await Promise.all(groups.map((g) => this._fetch(range, g, abort.signal)));
    if (abort.signal.aborted) return;
    this._loading = false;
    const failed = results.find((r) => r !== null && !r.ok);
    if (failed && !failed.ok) this._error = errorText(this.language, failed.code);
  }

  private async _fetch(range: DayRange, groupBy: GroupBy, signal: AbortSignal) {
    const query = { from: range.from, to: range.to, groupBy };
    const r = await call(statsReport, { query }, { signal });
    if (signal.aborted) return null;
    if (r.ok) this._reports = new Map(this._reports).set(groupBy, r.data);
    else if (r.status === 401) {
      this.dispatchEvent(
        new CustomEvent('manager-session-expired', { bubbles: true, composed: true }),
      );
    }
    return r;
  }

  private async _loadDistribution(range: DayRange, signal: AbortSignal): Promise<void> {
    if (daysIn(range) > DISTRIBUTION_MAX_DAYS) {
      this._distribution = { kind: 'too-long' };
      return;
    }
    this._distribution = { kind: 'loading' };
    const query = { from: range.from, to: range.to };
    const r = await call(exportTickets.json, { query }, { signal });
    if (signal.aborted) return;
    this._distribution = r.ok
      ? { kind: 'ready', minutes: serviceMinutesOf(r.data) }
      : { kind: 'failed' };
  }

  private async _onGroupBy(e: CustomEvent<GroupBy>): Promise<void> {
    this._tableGroup = e.detail;
    const range = this._range;
    if (!range || this._reports.has(e.detail) || !this._abort) return;
    this._loading = true;
    const r = await this._fetch(range, e.detail, this._abort.signal);
    if (r === null) return;
    this._loading = false;
    if (!r.ok) this._error = errorText(this.language, r.code);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-stats-view': ManagerStatsView;
  }
}
