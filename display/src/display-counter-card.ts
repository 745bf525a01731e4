import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styles } from './display-counter-card.styles.js';
import { text } from './i18n.js';
import { rowEms, ticketEms, type CardLayout } from './state/board-layout.js';
import type { CounterTile } from './state/board.js';

/** One counter: the ticket number it calls and the counter number, both huge. */
@customElement('display-counter-card')
export class DisplayCounterCard extends LitElement {
  static override styles = styles;

  /** What to show for this counter. */
  @property({ attribute: false }) tile: CounterTile | null = null;
  /** Side by side on a wide card, ticket above counter on a squarer one (from `boardPlan`). */
  @property() layout: CardLayout = 'row';
  /** The longest ticket number on the board, so every card uses the same type size. */
  @property({ type: Number }) ticketChars = 4;
  /** Digits of the highest counter number on the board. */
  @property({ type: Number }) counterDigits = 1;

  override render() {
    const t = this.tile;
    if (!t) return html``;
    const idle = t.paused ? text.counterPaused : text.counterFree;
    const label = text.counterLabel(t.counterNumber);
    // The type sizes are set from how many characters must fit across the card.
    const fit = `--ticket-ems: ${ticketEms(this.ticketChars)}; --row-ems: ${rowEms(
      this.ticketChars,
      this.counterDigits,
    )}; --idle-ems: ${Math.max(idle.tr.length + idle.en.length + 3, 6) * 0.62}`;
    return html`<div
      class="card ${this.layout} ${t.flashing ? 'flashing' : ''}"
      style=${fit}
      role="group"
      aria-label="${label.tr} / ${label.en}"
    >
      ${
        // A booked visitor's number is marked where its label is (the same place on every card);
        // the dot keeps to "Randevu" when a narrow card wraps the mark.
        t.appointment
          ? html`<span class="label ticket-label appointment" data-appointment
              >${text.appointment.tr}&nbsp;· <span lang="en">${text.appointment.en}</span></span
            >`
          : html`<span class="label ticket-label"
              >${text.ticket.tr} · <span lang="en">${text.ticket.en}</span></span
            >`
      }
      ${
        t.ticketNumber
          ? html`<span class="ticket" data-ticket>${t.ticketNumber}</span>`
          : html`<span class="ticket idle">${idle.tr} · <span lang="en">${idle.en}</span></span>`
      }
      <span class="counter">
        <span class="label counter-label"
          ><span>${text.counter.tr}</span> <span lang="en">${text.counter.en}</span></span
        >
        <span class="number" data-counter>${t.counterNumber}</span>
      </span>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'display-counter-card': DisplayCounterCard;
  }
}
