import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { PrinterStatusView } from '../../contract/api.js';
import type { Lang, Role } from '../../contract/domain.js';
import { messages } from './i18n.js';
import { sharedStyles } from './shared-styles.js';
import { counterRows, liveSummary, serverNow, serviceRows } from './state/live-board.js';
import type { DeviceRow } from './state/equipment.js';
import type { LiveModel } from './state/live-model.js';
import { formatCount, formatDuration } from './state/format.js';
import './manager-counter-card.js';
import './manager-equipment.js';
import './manager-service-table.js';
import './manager-webhooks-alert.js';

const TICK_MS = 1_000;

/**
 * The live monitor: the hall's summary, every counter with its visit's clock against the
 * target, every service's line, and the printers and devices. Redraws every second while shown,
 * so a visit turns amber and red on time without any message from the server.
 */
@customElement('manager-live-view')
export class ManagerLiveView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .summary {
        display: grid;
        grid-template-columns: repeat(7, minmax(0, 1fr));
        gap: 10px;
        margin: 0 0 12px;
        padding: 0;
      }
      .summary div {
        background: var(--manager-surface);
        border: 1px solid var(--manager-border);
        border-radius: var(--manager-radius);
        padding: 8px 12px;
      }
      .summary dt {
        font-size: 0.85rem;
        color: var(--manager-muted);
        font-weight: 600;
      }
      .summary dd {
        margin: 0;
        font-size: 1.6rem;
        font-weight: 800;
        font-variant-numeric: tabular-nums;
      }
      .summary div.alert {
        background: var(--manager-amber-bg);
        border-color: var(--manager-amber-edge);
        color: var(--manager-amber-text);
      }
      .summary div.alert dt {
        color: inherit;
      }
      /* A hint, not an alarm: the visitor may not be coming. */
      .summary div.hint {
        border: 2px dashed var(--manager-amber-edge);
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 1.4fr) minmax(0, 1fr);
        gap: 14px;
        align-items: start;
      }
      .board {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(230px, 1fr));
        gap: 10px;
      }
      .side {
        display: grid;
        gap: 14px;
      }
      @media (max-width: 1100px) {
        .layout {
          grid-template-columns: 1fr;
        }
        .summary {
          grid-template-columns: repeat(4, minmax(0, 1fr));
        }
      }
    `,
  ];

  /** The hall as last received; null while connecting. */
  @property({ attribute: false }) model: LiveModel | null = null;
  @property({ attribute: false }) printers: PrinterStatusView[] | null = null;
  @property({ type: Boolean }) printersFailed = false;
  @property({ attribute: false }) printersCheckedAt: number | null = null;
  @property({ attribute: false }) devices: DeviceRow[] | null = null;
  /** The signed-in user's role (admins also see the registered devices). */
  @property() userRole: Role = 'manager';
  @property() language: Lang = 'tr';
  /** Whether the tab is shown; the clock only ticks while it is. */
  @property({ type: Boolean }) active = true;

  private _timer: ReturnType<typeof setInterval> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this._timer = setInterval(() => {
      if (this.active) this.requestUpdate();
    }, TICK_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this._timer);
  }

  override render() {
    const m = messages(this.language);
    const model = this.model;
    if (!model) return html`<p class="muted" role="status">${m.connecting}</p>`;
    const now = serverNow(model, Date.now());
    const counters = counterRows(model, now);
    const services = serviceRows(model, now);
    const s = liveSummary(counters, services);
    const lang = this.language;
    return html`
      <h2 class="visually-hidden">${m.tabs.live}</h2>
      <dl class="summary" aria-label=${m.summaryLabel}>
        <div>
          <dt>${m.summaryWaiting}</dt>
          <dd data-testid="summary-waiting">${formatCount(lang, s.waiting)}</dd>
        </div>
        <div>
          <dt>${m.summaryOpen}</dt>
          <dd>${formatCount(lang, s.open)}</dd>
        </div>
        <div>
          <dt>${m.summaryPaused}</dt>
          <dd>${formatCount(lang, s.paused)}</dd>
        </div>
        <div>
          <dt>${m.summaryClosed}</dt>
          <dd>${formatCount(lang, s.closed)}</dd>
        </div>
        <div class=${s.overTarget > 0 ? 'alert' : ''}>
          <dt>${m.summaryOver}</dt>
          <dd data-testid="summary-over">${formatCount(lang, s.overTarget)}</dd>
        </div>
        <div class=${s.walkingLong > 0 ? 'hint' : ''}>
          <dt>${m.summaryWalkingLong}</dt>
          <dd data-testid="summary-walking-long">${formatCount(lang, s.walkingLong)}</dd>
        </div>
        <div>
          <dt>${m.summaryLongest}</dt>
          <dd>${s.longestWaitMs === null ? m.nobody : formatDuration(s.longestWaitMs)}</dd>
        </div>
      </dl>
      <div class="layout">
        <section aria-labelledby="counters-heading">
          <h2 id="counters-heading">${m.countersHeading}</h2>
          <div class="board">
            ${counters.map(
              (c) =>
                html`<manager-counter-card .row=${c} .language=${lang}></manager-counter-card>`,
            )}
          </div>
        </section>
        <div class="side">
          <manager-webhooks-alert
            .userRole=${this.userRole}
            .timeZone=${model.hall.timeZone}
            .language=${lang}
          ></manager-webhooks-alert>
          <manager-service-table .rows=${services} .language=${lang}></manager-service-table>
          <manager-equipment
            .printers=${this.printers}
            .printersFailed=${this.printersFailed}
            .printersCheckedAt=${this.printersCheckedAt}
            .devices=${this.devices}
            .timeZone=${model.hall.timeZone}
            .language=${lang}
          ></manager-equipment>
        </div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-live-view': ManagerLiveView;
  }
}
