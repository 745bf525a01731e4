import { MAX_RANGE_DAYS } from '../../../contract/stats.js';

/** A range of local calendar days of the hall, both ends included, written `YYYY-MM-DD`. */
export interface DayRange {
  from: string;
  to: string;
}

export const QUICK_PICKS = ['today', 'yesterday', 'this-week', 'this-month', 'last-month'] as const;
export type QuickPick = (typeof QUICK_PICKS)[number];

/** The server refuses longer ranges: one limit, in the contract. */
export { MAX_RANGE_DAYS };

const DAY_MS = 86_400_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar day of an instant in the hall's time zone. */
export function localDay(at: number, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

function toUtc(day: string): number {
  const m = DAY.exec(day);
  if (!m) return NaN;
  const [, y, mo, d] = m.map(Number) as [number, number, number, number];
  const t = Date.UTC(y, mo - 1, d);
  // Rejects 2026-02-30 and the like, which Date.UTC would roll over.
  return new Date(t).getUTCDate() === d && new Date(t).getUTCMonth() === mo - 1 ? t : NaN;
}

const fromUtc = (t: number) => new Date(t).toISOString().slice(0, 10);

/** A real calendar day written `YYYY-MM-DD`. */
export function isDay(day: string): boolean {
  return !Number.isNaN(toUtc(day));
}

export function addDays(day: string, n: number): string {
  return fromUtc(toUtc(day) + n * DAY_MS);
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export function isoWeekday(day: string): number {
  return ((new Date(toUtc(day)).getUTCDay() + 6) % 7) + 1;
}

/** Days covered, both ends included. */
export function daysIn(range: DayRange): number {
  return Math.round((toUtc(range.to) - toUtc(range.from)) / DAY_MS) + 1;
}

/** The range of a quick pick, seen from `today` (the hall's local day). Weeks start on Monday. */
export function quickRange(pick: QuickPick, today: string): DayRange {
  switch (pick) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday': {
      const y = addDays(today, -1);
      return { from: y, to: y };
    }
    case 'this-week':
      return { from: addDays(today, 1 - isoWeekday(today)), to: today };
    case 'this-month':
      return { from: `${today.slice(0, 8)}01`, to: today };
    case 'last-month': {
      const lastOfPrevious = addDays(`${today.slice(0, 8)}01`, -1);
      return { from: `${lastOfPrevious.slice(0, 8)}01`, to: lastOfPrevious };
    }
  }
}

/** The quick pick that gives exactly `range` today, if any (shown as pressed). */
export function matchingPick(range: DayRange, today: string): QuickPick | null {
  return (
    QUICK_PICKS.find((p) => {
      const r = quickRange(p, today);
      return r.from === range.from && r.to === range.to;
    }) ?? null
  );
}

export type RangeProblem = 'invalid-from' | 'invalid-to' | 'order' | 'too-long';

/** What is wrong with a range before it is sent, or null; the same rules as the server's. */
export function rangeProblem(range: DayRange): RangeProblem | null {
  if (!isDay(range.from)) return 'invalid-from';
  if (!isDay(range.to)) return 'invalid-to';
  if (range.to < range.from) return 'order';
  if (daysIn(range) > MAX_RANGE_DAYS) return 'too-long';
  return null;
}
