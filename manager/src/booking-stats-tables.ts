import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Lang } from '../../contract/domain.js';
import type { BookingStats } from '../../contract/stats.js';
import { messages } from './i18n.js';
import { channelRows, latenessRows, WAIT_ROWS, waitCell } from './manager-booking-stats-model.js';
import { formatCount, formatShare } from './state/format.js';

/**
 * The three small appointment tables that the statistics page (screen) and the printable report
 * (A4) both show, laid out alike; each view places them, styles them and names them for tests.
 * `corner` is the empty top-left header cell's content (the screen gives it a hidden caption).
 */
export interface BookingTableOptions {
  testId?: string;
  corner?: TemplateResult | string;
}

/** Bookings by who made them: count and share of all made. */
export function channelTable(lang: Lang, b: BookingStats, o: BookingTableOptions = {}) {
  const t = messages(lang).bookingStats;
  return html`<table data-testid=${ifDefined(o.testId)}>
    <thead>
      <tr>
        <th scope="col">${o.corner ?? ''}</th>
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
  </table>`;
}

/** How late booked visitors were called: mean, median, p90, and within 5 minutes. */
export function latenessTable(lang: Lang, b: BookingStats, o: BookingTableOptions = {}) {
  return html`<table data-testid=${ifDefined(o.testId)}>
    <tbody>
      ${latenessRows(lang, b).map(
        (r) =>
          html`<tr data-row=${r.row}>
            <th scope="row">${r.label}</th>
            <td class="num">${r.text}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** Booked visitors' waits against walk-ins': visits, mean, median, p90. */
export function waitsTable(lang: Lang, b: BookingStats, o: BookingTableOptions = {}) {
  const t = messages(lang).bookingStats;
  return html`<table data-testid=${ifDefined(o.testId)}>
    <thead>
      <tr>
        <th scope="col">${o.corner ?? ''}</th>
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
  </table>`;
}
