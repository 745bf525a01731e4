import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Lang, Service } from '../../contract/domain.js';
import type { EstimateAccuracyReply } from '../../contract/estimate-accuracy.js';
import { apiRequest } from './api-client.js';
import {
  ESTIMATE_TEXT,
  groupRows,
  hourLabel,
  serviceLabel,
  tendencyText,
  type EstimateRowText,
} from './manager-estimate-text.js';
import { sharedStyles } from './shared-styles.js';
import type { DayRange } from './state/date-range.js';
import { formatCount, formatDecimal, formatShare } from './state/format.js';

type Load =
  { kind: 'loading' } | { kind: 'ready'; report: EstimateAccuracyReply } | { kind: 'failed' };

/**
 * How well the waits promised at the kiosk came true over the statistics range: the headline
 * figures and the tendency, then by service and by hour of issue. Loads its own report
 * (`GET /api/stats/estimates`) whenever the range changes.
 */
@customElement('manager-estimate-accuracy')
export class ManagerEstimateAccuracy extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .figures {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
        gap: 8px 16px;
        margin: 8px 0;
      }
      .figures div {
        display: grid;
        gap: 2px;
      }
      dt {
        font-size: 0.85rem;
      }
      dd {
        margin: 0;
        font-size: 1.25rem;
        font-weight: 700;
      }
      .tables {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 28rem), 1fr));
        gap: 12px;
      }
      .scroll {
        overflow-x: auto;
      }
      h3 {
        margin: 8px 0 4px;
        font-size: 1rem;
      }
    `,
  ];

  @state() private _load: Load = { kind: 'loading' };
  private _abort: AbortController | null = null;

  @property({ attribute: false }) range: DayRange | null = null;
  @property({ attribute: false }) services: Service[] = [];
  @property() language: Lang = 'tr';

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._abort?.abort();
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('range') && this.range) void this._fetch(this.range);
  }

  override render() {
    const t = ESTIMATE_TEXT[this.language];
    return html`<section class="card" aria-labelledby="estimate-heading" data-testid="estimates">
      <h2 id="estimate-heading">${t.heading}</h2>
      <p class="muted">${t.lead}</p>
      ${this._body()}
    </section>`;
  }

  private _body() {
    const t = ESTIMATE_TEXT[this.language];
    const lang = this.language;
    const load = this._load;
    if (load.kind === 'loading') return html`<p class="muted" role="status">${t.loading}</p>`;
    if (load.kind === 'failed') return html`<p class="error" role="alert">${t.failed}</p>`;
    const { total, byService, byHour } = load.report;
    if (total.called === 0) return html`<p class="notice" role="status">${t.none}</p>`;
    return html`
      <dl class="figures">
        <div>
          <dt>${t.measured}</dt>
          <dd>
            ${formatCount(lang, total.called)}
            <span class="muted">${t.ofPromised(formatCount(lang, total.promised))}</span>
          </dd>
        </div>
        <div>
          <dt>${t.mae}</dt>
          <dd>${t.minutes(formatDecimal(lang, total.medianAbsErrorMinutes))}</dd>
        </div>
        <div>
          <dt>${t.within2}</dt>
          <dd>${formatShare(lang, total.within2)}</dd>
        </div>
        <div>
          <dt>${t.within5}</dt>
          <dd>${formatShare(lang, total.within5)}</dd>
        </div>
        <div>
          <dt>${t.tendency}</dt>
          <dd data-testid="estimate-tendency">${tendencyText(lang, total)}</dd>
        </div>
      </dl>
      <p class="muted">
        ${t.longerLess(formatShare(lang, total.waitedLonger), formatShare(lang, total.waitedLess))}
      </p>
      <div class="tables">
        ${this._table(
          t.byService,
          t.service,
          groupRows(lang, byService, serviceLabel(lang, this.services)),
        )}
        ${this._table(t.byHour, t.hour, groupRows(lang, byHour, hourLabel))}
      </div>
    `;
  }

  private _table(caption: string, first: string, rows: EstimateRowText[]) {
    const t = ESTIMATE_TEXT[this.language];
    const heads = [t.measured, t.mae, t.within2, t.within5, t.longer, t.less];
    return html`<div class="scroll">
      <table>
        <caption>
          <h3>${caption}</h3>
        </caption>
        <thead>
          <tr>
            <th scope="col">${first}</th>
            ${heads.map((h) => html`<th scope="col" class="num">${h}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${
            rows.length === 0
              ? nothing
              : rows.map(
                  (r) =>
                    html`<tr>
                      <th scope="row">${r.label}</th>
                      ${r.cells.map((c) => html`<td class="num">${c}</td>`)}
                    </tr>`,
                )
          }
        </tbody>
      </table>
    </div>`;
  }

  private async _fetch(range: DayRange): Promise<void> {
    this._abort?.abort();
    const abort = new AbortController();
    this._abort = abort;
    this._load = { kind: 'loading' };
    const q = new URLSearchParams({ from: range.from, to: range.to });
    const r = await apiRequest<EstimateAccuracyReply>(
      'GET',
      `/api/stats/estimates?${q.toString()}`,
      undefined,
      abort.signal,
    );
    if (abort.signal.aborted) return;
    this._load = r.ok ? { kind: 'ready', report: r.data } : { kind: 'failed' };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-estimate-accuracy': ManagerEstimateAccuracy;
  }
}
