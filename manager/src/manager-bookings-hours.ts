import {
  NATIONAL_HOLIDAYS,
  WEEKDAYS,
  type OpeningSpan,
  type ServiceBookingSettings,
} from '../../contract/bookings.js';
import type { Lang } from '../../contract/domain.js';

/**
 * The booking settings form's text fields: a weekday's hours as one line
 * ("09:00-12:00, 13:00-17:00") and the hall's extra closed days as a list of dates. Pure; the
 * contract's schemas check what these produce.
 */

/** A weekday's spans as the form shows them: `09:00-12:00, 13:00-17:00` ('' for none). */
export function spansText(spans: readonly OpeningSpan[]): string {
  return spans.map((s) => `${s.from}-${s.to}`).join(', ');
}

const TIME = String.raw`(\d{1,2})[:.](\d{2})`;
const SPAN = new RegExp(`^${TIME}\\s*[-–—]\\s*${TIME}$`);

const pad = (h: string, m: string) => `${h.padStart(2, '0')}:${m}`;

/**
 * A weekday's line as spans, `null` when a part is not `HH:MM-HH:MM` (9.00–12.30 and 9:00 are
 * read too). Order and overlaps are left to the contract's schema.
 */
export function parseSpans(text: string): OpeningSpan[] | null {
  const parts = text
    .split(/[,;\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const spans: OpeningSpan[] = [];
  for (const part of parts) {
    const m = SPAN.exec(part);
    if (!m) return null;
    spans.push({ from: pad(m[1]!, m[2]!), to: pad(m[3]!, m[4]!) });
  }
  return spans;
}

/** Closed days as typed (comma, space or one a line): the dates, sorted, each once. */
export function parseClosedDays(text: string): string[] {
  const days = text
    .split(/[\s,;]+/)
    .map((d) => d.trim())
    .filter(Boolean);
  return [...new Set(days)].sort();
}

/** A service that has never had booking settings: off, no hours, one place a slot. */
export const NO_BOOKING: ServiceBookingSettings = {
  enabled: false,
  hours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
  slotMinutes: null,
  perSlot: 1,
};

/** The weekdays' lines of a service's hours, in the form's order (Monday first). */
export function hoursLines(hours: ServiceBookingSettings['hours']): Record<string, string> {
  return Object.fromEntries(WEEKDAYS.map((w) => [w, spansText(hours[w])]));
}

/** The fixed national holidays as words: "1 Ocak, 23 Nisan, …" / "1 January, 23 April, …". */
export function nationalHolidaysText(lang: Lang): string {
  const f = new Intl.DateTimeFormat(lang === 'tr' ? 'tr-TR' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });
  return NATIONAL_HOLIDAYS.map((md) => {
    const [m, d] = md.split('-').map(Number);
    return f.format(new Date(Date.UTC(2026, m! - 1, d!)));
  }).join(', ');
}
