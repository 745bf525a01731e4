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
import { reportTableStyles } from './report-table-styles.js';
import { sharedStyles } from './shared-styles.js';

/**
 * The printable report's appointments section: the counts in one table row, two plain
 * sentences (punctuality, booked against walk-in waits), then who booked, the lateness and the
 * waits as small tables. Black on white; rows never break across a page. One line when the
 * range holds no appointment.
 */
@customElement('manager-report-bookings')
export class ManagerReportBookings extends LitElement {
  static override styles = [
    sharedStyles,
    reportTableStyles,
    css`
      p {
        break-inside: avoid;
      }
      table.figures th {
        font-weight: 600;
        vertical-align: bottom;
        overflow-wrap: anywhere;
        hyphens: auto;
      }
      table.figures td {
        font-size: 1rem;
        font-weight: 700;
      }
      .sentences p {
        margin: 6px 0;
        line-height: 1.45;
      }
      .two {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 16px;
      }
      h4 {
        font-size: 0.9rem;
        margin: 10px 0 4px;
        break-after: avoid;
      }
      .small {
        font-size: 0.75rem;
      }
    `,
  ];

  @property({ attribute: false }) stats: BookingStats | null = null;
  @property() language: Lang = 'tr';

  override render() {
    const b = this.stats;
    if (!b) return nothing;
    const lang = this.language;
    const t = messages(lang).bookingStats;
    if (noBookings(b))
      return html`<p class="muted" data-testid="report-bookings-none">${t.none}</p>`;
    const waits = waitsSentence(lang, b);
    return html`<div data-testid="report-bookings">
      <table class="figures">
        <thead>
          <tr>
            ${BOOKING_FIGURES.map((id) => html`<th scope="col" class="num">${t.figures[id]}</th>`)}
          </tr>
        </thead>
        <tbody>
          <tr>
            ${BOOKING_FIGURES.map(
              (id) => html`<td class="num" data-id=${id}>${bookingFigureText(lang, b, id)}</td>`,
            )}
          </tr>
        </tbody>
      </table>
      <div class="sentences">
        <p data-testid="report-bookings-punctuality">${punctualitySentence(lang, b)}</p>
        ${waits ? html`<p>${waits}</p>` : nothing}
      </div>
      <div class="two">
        <div>
          <h4>${t.channelHeading}</h4>
          ${channelTable(lang, b)}
          <h4>${t.punctualityHeading}</h4>
          ${latenessTable(lang, b)}
        </div>
        <div>
          <h4>${t.waitsHeading}</h4>
          ${waitsTable(lang, b, { testId: 'report-bookings-waits' })}
        </div>
      </div>
      <p class="muted small">${t.definitions}</p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'manager-report-bookings': ManagerReportBookings;
  }
}
