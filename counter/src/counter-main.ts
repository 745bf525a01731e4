import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CounterView } from '../../contract/api.js';
import type { Lang } from '../../contract/domain.js';
import { messages } from './i18n.js';
import type { RunCommand } from './run-command.js';
import { sharedStyles } from './shared-styles.js';
import { legalActions } from './state/actions.js';
import { currentTicket, ownStats, type CounterModel } from './state/model.js';
import { restorableNoShows } from './state/no-shows.js';
import { coveredQueueLines } from './state/queue-lines.js';
import { numberPlaceholder, waitingLine } from './state/waiting-line.js';
import './counter-actions.js';
import './counter-current-visit.js';
import './counter-no-shows.js';
import './counter-own-stats.js';
import './counter-queue-summary.js';

/** The main screen of an open counter: the visit, the actions, the line and the day so far. */
@customElement('counter-main')
export class CounterMain extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .title {
        display: flex;
        align-items: baseline;
        gap: 14px;
        margin: 0 0 12px;
      }
      h2.counter {
        font-size: 1.6rem;
        color: var(--counter-text);
        margin: 0;
      }
      .state {
        font-weight: 700;
        padding: 2px 10px;
        border-radius: 999px;
        background: var(--counter-ok-bg);
        color: var(--counter-ok-text);
      }
      .state.paused {
        background: var(--counter-amber-bg);
        color: var(--counter-amber-text);
      }
      .grid {
        display: grid;
        grid-template-columns: minmax(0, 2fr) minmax(0, 1fr);
        gap: 16px;
        align-items: start;
      }
      .left,
      .right {
        display: grid;
        gap: 16px;
      }
    `,
  ];

  @state() private _localNow = Date.now();
  private _tick: ReturnType<typeof setInterval> | undefined;

  /** The hall as last received. */
  @property({ attribute: false }) model!: CounterModel;
  /** The counter this clerk holds. */
  @property({ attribute: false }) counter!: CounterView;
  /** The interface language. */
  @property() language: Lang = 'tr';
  /** Sends a command for this counter. */
  @property({ attribute: false }) run!: RunCommand;

  override connectedCallback(): void {
    super.connectedCallback();
    this._tick = setInterval(() => (this._localNow = Date.now()), 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this._tick);
  }

  override render() {
    const m = messages(this.language);
    const { model, counter } = this;
    const now = this._localNow + model.clockOffsetMs;
    const ticket = currentTicket(model, counter);
    const service = ticket ? (model.services.find((s) => s.id === ticket.serviceId) ?? null) : null;
    const legal = legalActions(counter.status, ticket?.status ?? null);
    const noShows = restorableNoShows(model, counter.id, now);
    const waiting = waitingLine(model, counter, now);
    const stateLabel =
      counter.status === 'paused' && counter.pauseReason
        ? `${m.counterStatus.paused} · ${m.pauseReasons[counter.pauseReason]}`
        : m.counterStatus[counter.status];
    return html`
      <div class="title">
        <h2 class="counter">${counter.name}</h2>
        <span class="state ${counter.status}" data-testid="counter-state">${stateLabel}</span>
      </div>
      <div class="grid">
        <div class="left">
          <counter-current-visit
            .ticket=${ticket}
            .service=${service}
            .counterStatus=${counter.status}
            .pauseReason=${counter.pauseReason}
            .now=${now}
            .language=${this.language}
          ></counter-current-visit>
          <counter-actions
            .legal=${legal}
            .counterStatus=${counter.status}
            .ticket=${ticket}
            .waiting=${waiting}
            .numberPlaceholder=${numberPlaceholder(counter, model.services)}
            .services=${model.services.filter((s) => s.active)}
            .language=${this.language}
            .run=${this.run}
          ></counter-actions>
        </div>
        <div class="right">
          ${
            noShows.length > 0
              ? html`<counter-no-shows
                  .items=${noShows}
                  .services=${model.services}
                  .now=${now}
                  .graceMinutes=${model.hall.noShowGraceMinutes}
                  .language=${this.language}
                  .run=${this.run}
                ></counter-no-shows>`
              : null
          }
          <counter-queue-summary
            .lines=${coveredQueueLines(counter, model.services, model.queues, now)}
            .waiting=${waiting}
            .language=${this.language}
          ></counter-queue-summary>
          <counter-own-stats
            .stats=${ownStats(model.own)}
            .language=${this.language}
          ></counter-own-stats>
        </div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'counter-main': CounterMain;
  }
}
