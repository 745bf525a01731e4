import type { Lang } from '../../contract/domain.js';
import type { BookingStats, DurationStats } from '../../contract/stats.js';
import { messages } from './i18n.js';
import { formatCount, formatDecimal, formatShare } from './state/format.js';

/** The appointment figures shown as tiles, in this order. */
export const BOOKING_FIGURES = [
  'made',
  'checkedIn',
  'noShows',
  'cancelled',
  'booked',
  'showRate',
] as const;
export type BookingFigureId = (typeof BOOKING_FIGURES)[number];
export type BookingChannel = keyof BookingStats['byChannel'];

/**
 * The share of the bookings whose check-in window is over that were checked in: checked in /
 * (checked in + no-shows). Cancelled and still-open bookings say nothing about turning up;
 * null when no booking's window is over yet.
 */
export function showRate(b: BookingStats): number | null {
  const due = b.checkedIn + b.noShows;
  return due === 0 ? null : b.checkedIn / due;
}

/** Whether the range holds no appointment at all: then one quiet line replaces the section. */
export function noBookings(b: BookingStats): boolean {
  return b.made === 0 && b.punctuality.count === 0 && b.bookedWait.count === 0;
}

/** Each tile's text as shown: counts with digit grouping, the show rate as a share. */
export function bookingFigureText(lang: Lang, b: BookingStats, id: BookingFigureId): string {
  return id === 'showRate' ? formatShare(lang, showRate(b)) : formatCount(lang, b[id]);
}

/** Bookings by who made them, with their share of all bookings made. */
export function channelRows(
  b: BookingStats,
): Array<{ channel: BookingChannel; count: number; share: number | null }> {
  return (['citizen', 'staff'] as const).map((channel) => ({
    channel,
    count: b.byChannel[channel],
    share: b.made === 0 ? null : b.byChannel[channel] / b.made,
  }));
}

/** Seconds as minutes with one decimal and the unit (`7,2 dk`), `—` when there is none. */
export function minutesText(lang: Lang, seconds: number | null): string {
  if (seconds === null) return '—';
  return messages(lang).bookingStats.minutes(formatDecimal(lang, seconds / 60, 1));
}

/** The punctuality in one plain sentence: how late, on average, booked visitors were called. */
export function punctualitySentence(lang: Lang, b: BookingStats): string {
  const t = messages(lang).bookingStats;
  const mean = b.punctuality.meanSeconds;
  if (b.punctuality.count === 0 || mean === null) return t.noPunctuality;
  // Under half a minute late shows as "0 dk": say "at their time" instead.
  if (mean < 30) return t.punctualityOnTime;
  return t.punctuality(formatDecimal(lang, mean / 60, 1));
}

/** How many booked visitors were called within 5 minutes of their slot, `2 / 3 (%66,6)`. */
export function onTimeText(lang: Lang, b: BookingStats): string {
  const p = b.punctuality;
  return `${formatCount(lang, p.withinFiveMinutes)} / ${formatCount(lang, p.count)} (${formatShare(lang, p.withinFiveMinutesShare)})`;
}

/** Booked and walk-in waits compared in one sentence; empty when either side has no visit. */
export function waitsSentence(lang: Lang, b: BookingStats): string {
  const booked = b.bookedWait.meanSeconds;
  const walkIn = b.walkInWait.meanSeconds;
  if (booked === null || walkIn === null) return '';
  return messages(lang).bookingStats.waitsSentence(
    formatDecimal(lang, booked / 60, 1),
    formatDecimal(lang, walkIn / 60, 1),
  );
}

/** The rows of the waits table: visits, mean, median, 90th percentile of each side. */
export const WAIT_ROWS = ['count', 'mean', 'median', 'p90'] as const;
export type WaitRow = (typeof WAIT_ROWS)[number];

export function waitCell(lang: Lang, d: DurationStats, row: WaitRow): string {
  switch (row) {
    case 'count':
      return formatCount(lang, d.count);
    case 'mean':
      return minutesText(lang, d.meanSeconds);
    case 'median':
      return minutesText(lang, d.medianSeconds);
    case 'p90':
      return minutesText(lang, d.p90Seconds);
  }
}

/** The rows of the lateness table: mean, median, 90th percentile, and called within 5 minutes. */
export const LATENESS_ROWS = ['mean', 'median', 'p90', 'on-time'] as const;
export type LatenessRow = (typeof LATENESS_ROWS)[number];

/** Each lateness row's label and value as shown; `—` where no booked visitor was called. */
export function latenessRows(
  lang: Lang,
  b: BookingStats,
): Array<{ row: LatenessRow; label: string; text: string }> {
  const t = messages(lang).bookingStats;
  const p = b.punctuality;
  return LATENESS_ROWS.map((row) => {
    if (row === 'on-time')
      return { row, label: t.onTime, text: p.count === 0 ? '—' : onTimeText(lang, b) };
    const seconds = { mean: p.meanSeconds, median: p.medianSeconds, p90: p.p90Seconds }[row];
    return { row, label: `${t.lateness}: ${t.waitRows[row]}`, text: minutesText(lang, seconds) };
  });
}
