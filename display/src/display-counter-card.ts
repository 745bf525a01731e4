import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { text } from './i18n.js';
import type { CounterTile } from './state/board.js';

/** One counter: the ticket number it calls, an arrow, and the counter number, both huge. */
@customElement('display-counter-card')
export class DisplayCounterCard extends LitElement {
  static override styles = css`
    :host {
      display: block;
      container-type: size;
      min-height: 0;
    }
    .card {
      box-sizing: border-box;
      height: 100%;
      display: grid;
      grid-template-columns: 1fr auto;
      grid-template-rows: auto 1fr;
      column-gap: 24px;
      padding: 10px 28px 14px;
      border-radius: var(--display-radius);
      background: var(--display-panel);
      border: 4px solid var(--display-panel-edge);
    }
    .label {
      font-size: max(18px, 11cqh);
      font-weight: 600;
      color: var(--card-muted, var(--display-muted));
      text-transform: uppercase;
    }
    .label.counter {
      text-align: right;
    }
    .ticket,
    .number {
      align-self: center;
      font-size: min(58cqh, 21cqw);
      line-height: 1;
      font-weight: 800;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .number {
      min-width: 1.1em;
      padding: 0.04em 0.18em;
      border-radius: 16px;
      text-align: center;
      background: var(--card-badge-bg, var(--display-accent));
      color: var(--card-badge-fg, var(--display-accent-text));
    }
    .ticket.idle {
      color: var(--card-muted, var(--display-muted));
      font-size: min(40cqh, 14cqw);
      font-weight: 700;
    }
    /* A new call blinks between two high-contrast faces, switching without fades. */
    .card.flashing {
      border-color: var(--display-accent);
      animation: flash 1s steps(1, end) infinite;
    }
    @keyframes flash {
      0% {
        background: var(--display-accent);
        color: var(--display-accent-text);
        --card-muted: var(--display-accent-text);
        --card-badge-bg: var(--display-accent-text);
        --card-badge-fg: var(--display-accent);
      }
      50% {
        background: var(--display-panel);
        color: var(--display-text);
        --card-muted: var(--display-muted);
        --card-badge-bg: var(--display-accent);
        --card-badge-fg: var(--display-accent-text);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .card.flashing {
        animation: none;
        background: var(--display-accent);
        color: var(--display-accent-text);
        --card-muted: var(--display-accent-text);
        --card-badge-bg: var(--display-accent-text);
        --card-badge-fg: var(--display-accent);
      }
    }
  `;

  /** What to show for this counter. */
  @property({ attribute: false }) tile: CounterTile | null = null;
  override render() {
    const t = this.tile;
    if (!t) return html``;
    const idle = t.paused ? text.counterPaused : text.counterFree;
    return html`<div
      class=${t.flashing ? 'card flashing' : 'card'}
      role="group"
      aria-label="${text.counterLabel(t.counterNumber).tr} / ${text.counterLabel(t.counterNumber)
        .en}"
    >
      <span class="label">${text.ticket.tr} · <span lang="en">${text.ticket.en}</span></span>
      <span class="label counter">${text.counter.tr} · <span lang="en">${text.counter.en}</span></span>
      ${t.ticketNumber
        ? html`<span class="ticket" data-ticket>${t.ticketNumber}</span>`
        : html`<span class="ticket idle">${idle.tr} · <span lang="en">${idle.en}</span></span>`}
      <span class="number" data-counter>${t.counterNumber}</span>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'display-counter-card': DisplayCounterCard;
  }
}
