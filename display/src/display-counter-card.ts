import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styles } from './display-counter-card.styles.js';
import { text } from './i18n.js';
import type { CounterTile } from './state/board.js';

/** One counter: the ticket number it calls and the counter number, both huge. */
@customElement('display-counter-card')
export class DisplayCounterCard extends LitElement {
  static override styles = styles;

  /** What to show for this counter. */
  @property({ attribute: false }) tile: CounterTile | null = null;
  override render() {
    const t = this.tile;
    if (!t) return html``;
    const idle = t.paused ? text.counterPaused : text.counterFree;
    return html`<div
      class=${t.flashing ? 'card flashing' : 'card'}
      role="group"
      aria-label="${text.counterLabel(t.counterNumber).tr} / ${
        text.counterLabel(t.counterNumber).en
      }"
    >
      <div class="labels">
        <span>${text.ticket.tr} · <span lang="en">${text.ticket.en}</span></span>
        <span>${text.counter.tr} · <span lang="en">${text.counter.en}</span></span>
      </div>
      <div class="values">
        ${
          t.ticketNumber
            ? html`<span class="ticket" data-ticket>${t.ticketNumber}</span>`
            : html`<span class="ticket idle">${idle.tr} · <span lang="en">${idle.en}</span></span>`
        }
        <span class="number" data-counter>${t.counterNumber}</span>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'display-counter-card': DisplayCounterCard;
  }
}
