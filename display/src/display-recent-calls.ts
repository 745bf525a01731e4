import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styles } from './display-recent-calls.styles.js';
import { text } from './i18n.js';
import type { RecentCallRow } from './state/board.js';

/** The last calls, newest on top: ticket number (marked "Randevu" for a booked visitor) and counter. */
@customElement('display-recent-calls')
export class DisplayRecentCalls extends LitElement {
  static override styles = styles;

  /** Newest first. */
  @property({ attribute: false }) rows: RecentCallRow[] = [];

  override render() {
    return html`<h2>${text.recentCalls.tr} <span lang="en">${text.recentCalls.en}</span></h2>
      ${
        this.rows.length === 0
          ? html`<p class="empty">
              ${text.noRecentCalls.tr} <span lang="en">${text.noRecentCalls.en}</span>
            </p>`
          : html`<ol>
              ${this.rows.map(
                (r) =>
                  html`<li class=${r.flashing ? 'flashing' : ''}>
                    <span data-ticket>${r.ticketNumber}</span>
                    ${
                      r.appointment
                        ? html`<span
                            class="mark"
                            data-appointment
                            title="${text.appointment.tr} / ${text.appointment.en}"
                            >${text.appointment.tr}</span
                          >`
                        : ''
                    }
                    <span class="counter"
                      >${text.counter.tr} <span data-counter>${r.counterNumber}</span></span
                    >
                  </li>`,
              )}
            </ol>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'display-recent-calls': DisplayRecentCalls;
  }
}
