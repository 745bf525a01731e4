import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import type { BookingStats } from '../../contract/stats.js';
import { messages } from './i18n.js';
import {
  BOOKING_FIGURES,
  bookingFigureText,
  channelRows,
  minutesText,
  noBookings,
  onTimeText,
  punctualitySentence,
  WAIT_ROWS,
  waitCell,
  waitsSentence,
} from './manager-booking-stats-model.js';
import { sharedStyles } from './shared-styles.js';
import { formatCount, formatShare } from './state/format.js';

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
    css`
      :host {
        display: block;
        font-size: 0.8rem;
      }
      th,
      td {
        padding: 3px 6px;
      }
      tr,
      p {
        break-inside: avoid;
      }
      thead {
        display: table-header-group;
      }
      tbody th {
        white-space: nowrap;
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
          <table>
            <thead>
              <tr>
                <th scope="col"></th>
                <th scope="col" class="num">${t.count}</th>
                <th scope="col" class="num">${t.share}</th>
              </tr>
            </thead>
            <tbody>
              ${channelRows(b).map(
                (r) =>
                  html`<tr data-channel=${r.channel}>
                    <th scope="row">${t.channel[r.channel]}</th>
                    <td class="num">${formatCount(lang, r.count)}</td>
                    <td class="num">${formatShare(lang, r.share)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
          <h4>${t.punctualityHeading}</h4>
          <table>
            <tbody>
              <tr data-row="mean">
                <th scope="row">${t.lateness}: ${t.waitRows.mean}</th>
                <td class="num">${minutesText(lang, b.punctuality.meanSeconds)}</td>
              </tr>
              <tr data-row="median">
                <th scope="row">${t.lateness}: ${t.waitRows.median}</th>
                <td class="num">${minutesText(lang, b.punctuality.medianSeconds)}</td>
              </tr>
              <tr data-row="p90">
                <th scope="row">${t.lateness}: ${t.waitRows.p90}</th>
                <td class="num">${minutesText(lang, b.punctuality.p90Seconds)}</td>
              </tr>
              <tr data-row="on-time">
                <th scope="row">${t.onTime}</th>
                <td class="num">${b.punctuality.count === 0 ? '—' : onTimeText(lang, b)}</td>
              </tr>
            </tbody>
          </table>
        </div>
        <div>
          <h4>${t.waitsHeading}</h4>
          <table data-testid="report-bookings-waits">
            <thead>
              <tr>
                <th scope="col"></th>
                <th scope="col" class="num">${t.bookedVisitors}</th>
                <th scope="col" class="num">${t.walkIns}</th>
              </tr>
            </thead>
            <tbody>
              ${WAIT_ROWS.map(
                (row) =>
                  html`<tr data-row=${row}>
                    <th scope="row">${t.waitRows[row]}</th>
                    <td class="num">${waitCell(lang, b.bookedWait, row)}</td>
                    <td class="num">${waitCell(lang, b.walkInWait, row)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
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
