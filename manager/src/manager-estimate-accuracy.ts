import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Lang, Service } from '../../contract/domain.js';
import type { EstimateAccuracy, EstimateAccuracyReply } from '../../contract/estimate-accuracy.js';
import { call } from '../../contract/client.js';
import { estimateAccuracy } from '../../contract/endpoints/stats.js';
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
 * figures and the tendency, the same for the estimates shown on the phone while waiting, then
 * both side by side by service and by hour of issue. Loads its own report
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
        /* Eight figures a row: one table to a row on a desk screen, none cut off. */
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 44rem), 1fr));
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
    // A report from a server before the samples has none.
    const shown = load.report.shown ?? null;
    const anyShown = shown !== null && shown.total.called > 0;
    if (total.called === 0 && !anyShown) return html`<p class="notice" role="status">${t.none}</p>`;
    return html`
      <h3>${t.atIssue}</h3>
      ${
        total.called === 0
          ? html`<p class="notice">${t.none}</p>`
          : html`${this._figures(total, t.measured, t.ofPromised, 'estimate-tendency')}
              <p class="muted">
                ${t.longerLess(
                  formatShare(lang, total.waitedLonger),
                  formatShare(lang, total.waitedLess),
                )}
              </p>`
      }
      <h3>${t.shownHeading}</h3>
      <p class="muted">${t.shownLead}</p>
      ${
        anyShown
          ? this._figures(shown.total, t.shownMeasured, t.ofShown, 'estimate-shown-tendency')
          : html`<p class="notice">${t.shownNone}</p>`
      }
      <div class="tables">
        ${this._table(
          t.byService,
          t.service,
          groupRows(lang, byService, serviceLabel(lang, this.services), shown?.byService),
          shown !== null,
        )}
        ${this._table(t.byHour, t.hour, groupRows(lang, byHour, hourLabel, shown?.byHour), shown !== null)}
      </div>
    `;
  }

  private _figures(
    a: EstimateAccuracy,
    measured: string,
    of: (n: string) => string,
    tendencyId: string,
  ) {
    const t = ESTIMATE_TEXT[this.language];
    const lang = this.language;
    return html`<dl class="figures">
      <div>
        <dt>${measured}</dt>
        <dd>
          ${formatCount(lang, a.called)}
          <span class="muted">${of(formatCount(lang, a.promised))}</span>
        </dd>
      </div>
      <div>
        <dt>${t.mae}</dt>
        <dd>${t.minutes(formatDecimal(lang, a.medianAbsErrorMinutes))}</dd>
      </div>
      <div>
        <dt>${t.within2}</dt>
        <dd>${formatShare(lang, a.within2)}</dd>
      </div>
      <div>
        <dt>${t.within5}</dt>
        <dd>${formatShare(lang, a.within5)}</dd>
      </div>
      <div>
        <dt>${t.tendency}</dt>
        <dd data-testid=${tendencyId}>${tendencyText(lang, a)}</dd>
      </div>
    </dl>`;
  }

  private _table(caption: string, first: string, rows: EstimateRowText[], withShown: boolean) {
    const t = ESTIMATE_TEXT[this.language];
    const heads = [t.measured, t.mae, t.within2, t.within5, t.longer, t.less];
    if (withShown) heads.push(t.shownMae, t.shownWithin5);
    // On a narrow screen the table scrolls: a keyboard reaches it too.
    return html`<div class="scroll" tabindex="0" role="region" aria-label=${caption}>
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
    const query = { from: range.from, to: range.to };
    const r = await call(estimateAccuracy, { query }, { signal: abort.signal });
    if (abort.signal.aborted) return;
    this._load = r.ok ? { kind: 'ready', report: r.data } : { kind: 'failed' };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-estimate-accuracy': ManagerEstimateAccuracy;
  }
}
