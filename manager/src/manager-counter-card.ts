import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import { messages } from './i18n.js';
import { sharedStyles } from './shared-styles.js';
import { formatDecimal, formatDuration } from './state/format.js';
import type { CounterRow } from './state/live-board.js';

/** One counter on the live board: clerk, state, and its visit's clock against the target. */
@customElement('manager-counter-card')
export class ManagerCounterCard extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      article.card {
        height: 100%;
        display: grid;
        grid-template-rows: auto auto 1fr;
        gap: 6px;
        border-left-width: 6px;
      }
      article[data-status='closed'] {
        background: var(--manager-bg);
      }
      article[data-status='paused'] {
        border-left-color: var(--manager-amber-edge);
      }
      article[data-status='open'] {
        border-left-color: var(--manager-accent);
      }
      .head {
        display: flex;
        align-items: baseline;
        justify-content: space-between;
        gap: 8px;
      }
      h3 {
        margin: 0;
        font-size: 1.05rem;
      }
      .state {
        font-weight: 700;
        font-size: 0.85rem;
        padding: 2px 8px;
        border-radius: 999px;
        background: var(--manager-neutral-bg);
      }
      article[data-status='paused'] .state {
        background: var(--manager-amber-bg);
        color: var(--manager-amber-text);
      }
      .clerk {
        font-weight: 600;
      }
      .visit {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: 2px 10px;
        align-items: center;
        padding: 8px 10px;
        border-radius: 8px;
        border: 2px solid transparent;
        background: var(--manager-neutral-bg);
      }
      .visit[data-level='over'] {
        background: var(--manager-amber-bg);
        color: var(--manager-amber-text);
        border-color: var(--manager-amber-edge);
      }
      /* The walk to the desk is not an overrun: no alarm colour, a dashed edge once it is long. */
      .visit[data-level='walk-long'] {
        border: 2px dashed var(--manager-amber-edge);
      }
      .visit[data-level='far-over'] {
        background: var(--manager-red-bg);
        color: var(--manager-red-text);
        border-color: var(--manager-red-edge);
      }
      .number {
        font-size: 1.7rem;
        font-weight: 800;
        line-height: 1.1;
        font-variant-numeric: tabular-nums;
      }
      .clock {
        font-size: 1.5rem;
        font-weight: 800;
        font-variant-numeric: tabular-nums;
        text-align: right;
      }
      .small {
        font-size: 0.85rem;
        font-weight: 600;
      }
      .visit .small {
        grid-column: 1 / -1;
      }
      .level {
        grid-column: 1 / -1;
        font-weight: 700;
      }
      .level::before {
        content: '● ';
      }
      .visit[data-level='over'] .level::before {
        content: '▲ ';
      }
      .visit[data-level='far-over'] .level::before {
        content: '■ ';
      }
      .visit[data-level='walk'] .level::before {
        content: '→ ';
      }
      .visit[data-level='walk-long'] .level::before {
        content: '○ ';
      }
      .quiet {
        color: var(--manager-muted);
        font-weight: 600;
        margin: 0;
      }
    `,
  ];

  /** The counter as computed for this second. */
  @property({ attribute: false }) row!: CounterRow;
  @property() language: Lang = 'tr';

  override render() {
    const m = messages(this.language);
    const c = this.row;
    return html`<article
      class="card"
      data-testid="counter-card"
      data-counter=${c.id}
      data-status=${c.status}
      aria-labelledby=${`counter-${c.id}`}
    >
      <div class="head">
        <h3 id=${`counter-${c.id}`}>${c.name}</h3>
        <span class="state" data-testid="counter-status">${m.counterStatus[c.status]}</span>
      </div>
      <div class="clerk" data-testid="counter-clerk">
        ${c.clerkName ?? html`<span class="muted">${m.noClerk}</span>`}
        ${
          c.pauseReason
            ? html`<div class="small">${m.pausedWith(m.pauseReasons[c.pauseReason])}</div>`
            : nothing
        }
      </div>
      ${this._renderVisit()}
    </article>`;
  }

  private _renderVisit() {
    const m = messages(this.language);
    const v = this.row.visit;
    if (!v) {
      return this.row.status === 'open'
        ? html`<p class="quiet">${m.idle}</p>`
        : html`<p class="quiet small">
            ${m.covers}: ${this.row.services.map((s) => s[this.language]).join(', ')}
          </p>`;
    }
    return html`<div class="visit" data-testid="counter-visit" data-level=${v.level}>
      <span class="number" data-testid="visit-number">${v.number}</span>
      <span class="clock" data-testid="visit-clock" role="timer" aria-live="off"
        >${formatDuration(v.elapsedMs)}</span
      >
      <span class="small">${v.serviceName[this.language]} · ${m.phase[v.phase]}</span>
      ${
        v.phase === 'serving'
          ? html`<span class="small"
              >${m.serviceTime} ·
              ${m.target(formatDecimal(this.language, v.targetMinutes, 2))}</span
            >`
          : html`<span class="small">${m.sinceCall}, ${m.walkNotService}</span>`
      }
      ${v.priority ? html`<span class="small">${m.priority[v.priority]}</span>` : nothing}
      ${v.recalls > 0 ? html`<span class="small">${m.recalled(v.recalls)}</span>` : nothing}
      <span class="level" data-testid="overrun-label">${m.overrun[v.level]}</span>
      ${
        v.level === 'walk-long'
          ? html`<span class="small" data-testid="walk-hint"
              >${m.walkHint(formatDecimal(this.language, v.walkHintSec / 60))}</span
            >`
          : nothing
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-counter-card': ManagerCounterCard;
  }
}
