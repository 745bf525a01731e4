import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Lang, Service } from '../../contract/domain.js';
import { call } from '../../contract/client.js';
import { statsReport } from '../../contract/endpoints/stats.js';
import { errorText, messages } from './i18n.js';
import { sharedStyles } from './shared-styles.js';
import { localDay, type DayRange } from './state/date-range.js';
import { formatDay, localeOf } from './state/format.js';
import { weightedTargetMinutes } from './state/kpi.js';
import {
  compare,
  daysWithData,
  REPORT_GROUPS,
  type Comparison,
  type ReportData,
} from './state/report-model.js';
import {
  defaultReportRange,
  lastYearRange,
  periodTitle,
  previousRange,
} from './state/report-period.js';
import { reportText } from './state/report-text.js';
import type { GroupBy, StatsReport } from './state/stats-report.js';
import './manager-range-picker.js';
import './manager-report-document.js';

/** The named page the report prints on (see `pageRule`): others keep the browser's pages. */
const PAGE_NAME = 'siramatik-report';

/** A CSS string: quotes, backslashes and line breaks escaped. */
const cssString = (s: string) => `"${s.replace(/[\\"]/g, '\\$&').replace(/[\n\r]/g, ' ')}"`;

/**
 * The document-level print rule: A4 portrait, the hall and period at the top of every page,
 * the date it was made, and "Sayfa 2 / 5" at the bottom (CSS page-margin boxes; a page rule
 * cannot live in a shadow root).
 */
function pageRule(header: string, printed: string, lang: Lang): string {
  const t = reportText(lang);
  const box = 'font: 8pt sans-serif; color: #4a5866;';
  return `@page ${PAGE_NAME} {
  size: A4 portrait;
  margin: 16mm 14mm 16mm 14mm;
  @top-left { content: ${cssString(header)}; ${box} }
  @top-right { content: ${cssString(printed)}; ${box} }
  @bottom-center { content: ${cssString(`${t.page} `)} counter(page) ${cssString(` ${t.of} `)} counter(pages); ${box} }
}`;
}

/**
 * The printable report tab: a range (the last full month by default), a print button, and the
 * report document. Loads one statistics reply per grouping the report shows, and the totals
 * of the previous period and of the same period a year before.
 */
@customElement('manager-report-view')
export class ManagerReportView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: grid;
        gap: 12px;
      }
      .controls {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: 12px;
        align-items: start;
      }
      .print {
        display: grid;
        gap: 6px;
        justify-items: end;
        max-width: 320px;
      }
      .print p {
        margin: 0;
        font-size: 0.8rem;
        text-align: right;
      }
      manager-report-document {
        page: siramatik-report;
      }
      @media (max-width: 900px) {
        .controls {
          grid-template-columns: 1fr;
        }
      }
      @media print {
        .controls,
        .error,
        .status {
          display: none;
        }
      }
    `,
  ];

  @state() private _range: DayRange | null = null;
  @state() private _data: ReportData | null = null;
  @state() private _loading = false;
  @state() private _error = '';
  private _abort: AbortController | null = null;
  private _pageStyle: HTMLStyleElement | null = null;

  /** The hall's name, printed at the top of every page. */
  @property() hallName = '';
  @property() timeZone = 'Europe/Istanbul';
  @property({ attribute: false }) services: Service[] = [];
  @property() language: Lang = 'tr';

  override connectedCallback(): void {
    super.connectedCallback();
    this._pageStyle = document.createElement('style');
    this._pageStyle.dataset.for = PAGE_NAME;
    document.head.append(this._pageStyle);
    if (!this._range) void this._load(defaultReportRange(this._today()));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._abort?.abort();
    this._pageStyle?.remove();
    this._pageStyle = null;
  }

  override updated(): void {
    const d = this._data;
    if (!this._pageStyle || !d) return;
    const t = reportText(this.language);
    const printed = new Intl.DateTimeFormat(localeOf(this.language), {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: this.timeZone,
    }).format(d.printedAt);
    const header = `${this.hallName} — ${t.title}: ${periodTitle(this.language, d.range)}`;
    const rule = pageRule(header, t.printedOn(printed), this.language);
    if (this._pageStyle.textContent !== rule) this._pageStyle.textContent = rule;
  }

  override render() {
    const m = messages(this.language);
    const t = reportText(this.language);
    const range = this._range;
    return html`
      <h2 class="visually-hidden">${m.tabs.report}</h2>
      <div class="controls">
        <section class="card" aria-labelledby="report-range-heading">
          <h2 id="report-range-heading">${m.rangeHeading}</h2>
          ${
            range
              ? html`<manager-range-picker
                  .range=${range}
                  .today=${this._today()}
                  .timeZone=${this.timeZone}
                  .language=${this.language}
                  @manager-range=${(e: CustomEvent<DayRange>) => void this._load(e.detail)}
                ></manager-range-picker>`
              : nothing
          }
        </section>
        <div class="print">
          <button
            type="button"
            class="primary"
            data-testid="report-print"
            ?disabled=${!this._data}
            @click=${() => window.print()}
          >
            ${t.print}
          </button>
          <p class="muted">${t.printHint}</p>
        </div>
      </div>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      ${
        this._loading
          ? html`<p class="muted status" role="status">
              ${t.loading}
              ${range ? html`(${formatDay(this.language, range.from)} – ${formatDay(this.language, range.to)})` : nothing}
            </p>`
          : nothing
      }
      ${
        this._data && !this._loading
          ? html`<manager-report-document
              .data=${this._data}
              .services=${this.services}
              .language=${this.language}
            ></manager-report-document>`
          : nothing
      }
    `;
  }

  private _today(): string {
    return localDay(Date.now(), this.timeZone);
  }

  private async _load(range: DayRange): Promise<void> {
    this._abort?.abort();
    const abort = new AbortController();
    this._abort = abort;
    this._range = range;
    this._error = '';
    this._loading = true;
    const previous = previousRange(range);
    const lastYear = lastYearRange(range);
    const [main, before, yearAgo] = await Promise.all([
      Promise.all(REPORT_GROUPS.map((g) => this._fetch(range, g, abort.signal))),
      this._fetch(previous, 'day', abort.signal),
      this._fetch(lastYear, 'day', abort.signal),
    ]);
    if (abort.signal.aborted) return;
    this._loading = false;
    const failed = [...main, before, yearAgo].find((r) => !r.ok);
    if (failed && !failed.ok) {
      this._error = errorText(this.language, failed.code);
      this._data = null;
      return;
    }
    const reports: Partial<Record<GroupBy, StatsReport>> = {};
    main.forEach((r, i) => {
      if (r.ok) reports[REPORT_GROUPS[i]!] = r.data;
    });
    const total = reports.service!.total;
    const days = daysWithData(reports.day?.groups ?? []);
    const other = (r: typeof before, at: DayRange): Comparison =>
      r.ok
        ? compare(total, r.data.total, at, { current: days, other: daysWithData(r.data.groups) })
        : compare(total, null, at);
    this._data = {
      range,
      hallName: this.hallName,
      timeZone: this.timeZone,
      printedAt: Date.now(),
      reports,
      targetMinutes: weightedTargetMinutes(reports.service!.groups, this.services),
      previous: other(before, previous),
      lastYear: other(yearAgo, lastYear),
    };
  }

  private async _fetch(range: DayRange, groupBy: GroupBy, signal: AbortSignal) {
    const query = { from: range.from, to: range.to, groupBy };
    const r = await call(statsReport, { query }, { signal });
    if (!r.ok && r.status === 401 && !signal.aborted) {
      this.dispatchEvent(
        new CustomEvent('manager-session-expired', { bubbles: true, composed: true }),
      );
    }
    return r;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-report-view': ManagerReportView;
  }
}
