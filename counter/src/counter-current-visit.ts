import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type {
  CounterStatus,
  Lang,
  PauseReason,
  Service,
  StaffTicket,
} from '../../contract/domain.js';
import { DEFAULT_WALK_HINT_SEC, visitTiming } from '../../contract/visit-timing.js';
import { messages } from './i18n.js';
import { sharedStyles } from './shared-styles.js';
import { formatDuration, levelOf } from './state/timer.js';
import './counter-priority-badge.js';

/** The visit in progress: number, service, status and a timer against the service's target. */
@customElement('counter-current-visit')
export class CounterCurrentVisit extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      /* One height with or without a visit, so the buttons below never move under the mouse. */
      section {
        min-height: 206px;
      }
      .visit {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr) auto;
        gap: 6px 24px;
        align-items: center;
      }
      .number {
        font-size: 4rem;
        font-weight: 800;
        line-height: 1;
        letter-spacing: 0.02em;
        font-variant-numeric: tabular-nums;
      }
      .service {
        font-size: 1.3rem;
        font-weight: 700;
      }
      .status {
        color: var(--counter-muted);
        font-weight: 600;
      }
      .timer {
        display: grid;
        justify-items: end;
        gap: 4px;
        padding: 10px 14px;
        border-radius: 8px;
        border: 2px solid transparent;
        background: var(--counter-neutral-bg);
        color: var(--counter-neutral-text);
        min-width: 210px;
      }
      .timer[data-level='amber'] {
        background: var(--counter-amber-bg);
        color: var(--counter-amber-text);
        border-color: var(--counter-amber-edge);
      }
      .timer[data-level='red'] {
        background: var(--counter-red-bg);
        color: var(--counter-red-text);
        border-color: var(--counter-red-edge);
      }
      .clock {
        font-size: 2rem;
        font-weight: 800;
        font-variant-numeric: tabular-nums;
        line-height: 1.1;
      }
      .caption,
      .level {
        font-weight: 600;
        font-size: 0.95rem;
      }
      .level::before {
        content: '● ';
      }
      .timer[data-level='amber'] .level::before {
        content: '▲ ';
      }
      .timer[data-level='red'] .level::before {
        content: '■ ';
      }
      /* The walk is not service: its own look, never amber or red. */
      .timer[data-phase='walk'] {
        background: var(--counter-bg);
        border-style: dashed;
        border-color: var(--counter-muted);
      }
      .timer[data-walk='long'] {
        border-color: var(--counter-amber-edge);
        color: var(--counter-amber-text);
      }
      .timer[data-phase='walk'] .level::before {
        content: '';
      }
      .timer[data-walk='long'] .level::before {
        content: '⚠ ';
      }
      .priority {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 4px 10px;
        margin-top: 4px;
        font-size: 1.05rem;
      }
      .hint {
        color: var(--counter-muted);
        font-size: 0.95rem;
      }
      .empty {
        margin: 0;
        font-size: 1.15rem;
        color: var(--counter-muted);
      }
    `,
  ];

  /** The counter's current ticket, or `null`. */
  @property({ attribute: false }) ticket: StaffTicket | null = null;
  /** The service of that ticket. */
  @property({ attribute: false }) service: Service | null = null;
  /** The counter's status (a paused counter says so here). */
  @property() counterStatus: CounterStatus = 'open';
  /** Why the counter is paused, when it is. */
  @property() pauseReason: PauseReason | null = null;
  /** Seconds after a call from which the walk counts as long (a hint of a no-show). */
  @property({ type: Number }) walkHintSec = DEFAULT_WALK_HINT_SEC;
  /** Server time now, in ms. */
  @property({ type: Number }) now = 0;
  /** The interface language. */
  @property() language: Lang = 'tr';

  override render() {
    const m = messages(this.language);
    return html`<section class="card" aria-labelledby="visit-heading">
      <h2 id="visit-heading">${m.currentHeading}</h2>
      ${this.ticket ? this._renderVisit(this.ticket) : this._renderEmpty()}
    </section>`;
  }

  private _renderEmpty() {
    const m = messages(this.language);
    if (this.counterStatus === 'paused') {
      const reason = this.pauseReason ? m.pauseReasons[this.pauseReason] : '';
      return html`<p class="empty">${m.pausedNotice(reason)}</p>`;
    }
    return html`<p class="empty">${m.noCurrent}</p>`;
  }

  private _renderVisit(t: StaffTicket) {
    const m = messages(this.language);
    const target = this.service?.targetMinutes ?? 0;
    // A ticket in any other state does not occupy the counter; read it as a walk of 0.
    const timing = visitTiming(
      t.status === 'serving' ? 'serving' : 'called',
      t.lastCalledAt,
      t.startedAt,
      this.now,
      target * 60,
      this.walkHintSec,
    );
    const walk = timing.phase === 'walk';
    const level = levelOf(timing);
    return html`<div class="visit">
      <span class="number" data-testid="current-number">${t.number}</span>
      <div>
        <div class="service">${this.service?.name[this.language] ?? t.serviceId}</div>
        <div class="status" data-testid="current-status">${m.ticketStatus[t.status]}</div>
        ${
          t.recalls > 0
            ? html`<div class="status" data-testid="current-recalls">${m.recalled(t.recalls)}</div>`
            : null
        }
        ${
          t.priority
            ? html`<div class="priority" data-testid="current-priority">
                <counter-priority-badge
                  long
                  .group=${t.priority}
                  .language=${this.language}
                ></counter-priority-badge>
                <span class="hint">${m.priorityDocumentHint}</span>
              </div>`
            : null
        }
      </div>
      <div
        class="timer"
        data-phase=${timing.phase}
        data-level=${level}
        data-walk=${timing.walkLong ? 'long' : 'short'}
        data-testid="visit-timer"
        role="timer"
      >
        <span class="caption">${walk ? m.walkCaption : m.serviceTime}</span>
        <span class="clock">${formatDuration(timing.elapsedSec * 1000)}</span>
        ${
          walk
            ? html`<span class="level" data-testid="walk-level"
                >${
                  timing.walkLong ? m.walkLong(Math.round(this.walkHintSec / 60)) : m.walkNotCounted
                }</span
              >`
            : html`<span class="level" data-testid="timer-level">${m.timerLevel[level]}</span>
                <span class="caption">${m.target(target)}</span>`
        }
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'counter-current-visit': CounterCurrentVisit;
  }
}
