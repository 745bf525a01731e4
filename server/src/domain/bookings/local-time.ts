import { WEEKDAYS, type Weekday } from '../../../../contract/bookings.js';

/*
 * Wall-clock arithmetic in a hall's time zone for booking slots. `localDay` (../local-day.ts)
 * turns an instant into a day; these turn a day and a time back into an instant, safely across
 * daylight-saving changes (Türkiye has none since 2016, but the zone is a parameter).
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function wallClock(at: number, timeZone: string): { day: string; time: string; asUtc: number } {
  const p: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(at)) p[part.type] = part.value;
  const day = `${p.year}-${p.month}-${p.day}`;
  const time = `${p.hour}:${p.minute}`;
  return { day, time, asUtc: Date.parse(`${day}T${time}:00Z`) };
}

/** The wall-clock time (`HH:MM`) of an instant in the hall's time zone. */
export function localTime(at: number, timeZone: string): string {
  return wallClock(at, timeZone).time;
}

/** Minutes since local midnight of an `HH:MM` time. */
export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** `HH:MM` of minutes since midnight (0 ≤ minutes < 1440). */
export function timeOf(minutes: number): string {
  const h = Math.floor(minutes / 60);
  return `${String(h).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * The instant a hall's clock shows `time` on `day`, or null when that wall-clock time does
 * not exist there (skipped by a spring-forward change). A time shown twice (autumn) is its
 * first occurrence.
 */
export function localInstant(day: string, time: string, timeZone: string): number | null {
  const asUtc = Date.parse(`${day}T${time}:00Z`);
  if (Number.isNaN(asUtc)) return null;
  const shows = (at: number) => {
    const w = wallClock(at, timeZone);
    return w.day === day && w.time === time;
  };
  const offsetAt = (probe: number) =>
    wallClock(probe, timeZone).asUtc - Math.floor(probe / MINUTE) * MINUTE;
  // Usually the offset at the naive instant is the right one; near a change, try the offsets a
  // day either side too (a zone changes at most once a day), earliest match first.
  const guess = asUtc - offsetAt(asUtc);
  const before = asUtc - offsetAt(asUtc - DAY);
  if (guess <= before && shows(guess)) return guess;
  const hits = [before, guess, asUtc - offsetAt(asUtc + DAY)].filter(shows).sort((a, b) => a - b);
  return hits[0] ?? null;
}

/**
 * The zone's offset (ms) all through `day` when it does not change that day, else null. Each
 * instant of the day lies within 14 hours of the day in UTC, so equal offsets 14 hours before
 * and after mean none changed between (zones change at most twice a year).
 */
export function steadyOffsetOn(day: string, timeZone: string): number | null {
  const start = Date.parse(`${day}T00:00:00Z`);
  const offsetAt = (probe: number) =>
    wallClock(probe, timeZone).asUtc - Math.floor(probe / MINUTE) * MINUTE;
  const before = offsetAt(start - 14 * 60 * MINUTE);
  return before === offsetAt(start + DAY + 14 * 60 * MINUTE) ? before : null;
}

/** The calendar day `n` days after `day` (negative: before). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / (1440 * MINUTE),
  );
}

/** The weekday of a calendar day. */
export function weekdayOf(day: string): Weekday {
  // getUTCDay: 0 is Sunday; WEEKDAYS starts on Monday (ISO).
  return WEEKDAYS[(new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7]!;
}
