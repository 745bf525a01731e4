import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import type { BookingStats } from '../../contract/stats.js';
import { channelTable, latenessTable, waitsTable } from './booking-stats-tables.js';
import { messages } from './i18n.js';
import {
  BOOKING_FIGURES,
  bookingFigureText,
  noBookings,
  punctualitySentence,
  waitsSentence,
} from './manager-booking-stats-model.js';
import { sharedStyles } from './shared-styles.js';

/** A table's top-left cell: its caption for screen readers only. */
const hidden = (text: string) => html`<span class="visually-hidden">${text}</span>`;

/**
 * The statistics page's appointments section: counts (made, checked in, no-shows, cancelled,
 * not yet due, show rate), who booked, punctuality in a sentence and figures, and booked against
 * walk-in waits side by side. One quiet line when the range holds no appointment.
 */
@customElement('manager-booking-stats')
export class ManagerBookingStats extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .figures {
        list-style: none;
        margin: 0 0 12px;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(6, minmax(0, 1fr));
        gap: 8px;
      }
      .figures li {
        display: grid;
        align-content: start;
        gap: 2px;
        padding: 8px 10px;
        border: 1px solid var(--manager-border);
        border-radius: 8px;
      }
      .figure-label {
        font-size: 0.85rem;
        font-weight: 700;
        color: var(--manager-muted);
        overflow-wrap: anywhere;
        hyphens: auto;
      }
      .figure-value {
        font-size: 1.5rem;
        font-weight: 800;
        font-variant-numeric: tabular-nums;
        line-height: 1.15;
      }
      .parts {
        display: grid;
        grid-template-columns: repeat(3, minmax(0, 1fr));
        gap: 16px;
        align-items: start;
      }
      .parts p {
        margin: 0 0 8px;
        line-height: 1.4;
      }
      td,
      th {
        padding: 4px 8px;
        font-size: 0.9rem;
      }
      .definitions {
        margin: 10px 0 0;
        font-size: 0.85rem;
      }
      @media (max-width: 1250px) {
        .figures {
          grid-template-columns: repeat(3, minmax(0, 1fr));
        }
      }
      @media (max-width: 1000px) {
        .parts {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  /** The report's appointments block; nothing is shown when the server sent none. */
  @property({ attribute: false }) stats: BookingStats | null = null;
  @property() language: Lang = 'tr';

  override render() {
    const b = this.stats;
    if (!b) return nothing;
    const t = messages(this.language).bookingStats;
    return html`<section
      class="card"
      aria-labelledby="booking-stats-heading"
      data-testid="booking-stats"
    >
      <h2 id="booking-stats-heading">${t.heading}</h2>
      ${
        noBookings(b)
          ? html`<p class="muted" data-testid="booking-stats-none">${t.none}</p>`
          : this._body(b)
      }
    </section>`;
  }

  private _body(b: BookingStats) {
    const lang = this.language;
    const t = messages(lang).bookingStats;
    const waits = waitsSentence(lang, b);
    return html`<ul class="figures" aria-label=${t.figuresLabel}>
        ${BOOKING_FIGURES.map(
          (id) =>
            html`<li data-id=${id}>
              <span class="figure-label">${t.figures[id]}</span>
              <strong class="figure-value">${bookingFigureText(lang, b, id)}</strong>
            </li>`,
        )}
      </ul>
      <div class="parts">
        <div>
          <h3>${t.channelHeading}</h3>
          ${channelTable(lang, b, { testId: 'booking-channels', corner: hidden(t.channelHeading) })}
        </div>
        <div>
          <h3>${t.punctualityHeading}</h3>
          <p data-testid="booking-punctuality">${punctualitySentence(lang, b)}</p>
          ${
            b.punctuality.count === 0
              ? nothing
              : latenessTable(lang, b, { testId: 'booking-lateness' })
          }
        </div>
        <div>
          <h3>${t.waitsHeading}</h3>
          ${waits ? html`<p data-testid="booking-waits-sentence">${waits}</p>` : nothing}
          ${waitsTable(lang, b, { testId: 'booking-waits', corner: hidden(t.waitsHeading) })}
        </div>
      </div>
      <p class="muted definitions">${t.definitions}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-booking-stats': ManagerBookingStats;
  }
}
