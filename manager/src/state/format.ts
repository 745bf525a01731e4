import type { Lang } from '../../../contract/domain.js';

/** Turkish formats in Turkish; British English (day first, 24-hour clock) in English. */
export function localeOf(lang: Lang): string {
  return lang === 'tr' ? 'tr-TR' : 'en-GB';
}

/** `m:ss` (or `h:mm:ss` past an hour); negative durations show as 0:00. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const ss = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** A duration given in seconds (as the stats report has them), `—` when there is none. */
export function formatSeconds(seconds: number | null): string {
  return seconds === null ? '—' : formatDuration(Math.round(seconds) * 1000);
}

/** A count with digit grouping (`1.234` in Turkish). */
export function formatCount(lang: Lang, n: number): string {
  return new Intl.NumberFormat(localeOf(lang)).format(n);
}

/** A decimal such as minutes or a rating (`3,5` in Turkish), `—` when there is none. */
export function formatDecimal(lang: Lang, n: number | null, digits = 1): string {
  if (n === null) return '—';
  return new Intl.NumberFormat(localeOf(lang), {
    minimumFractionDigits: 0,
    maximumFractionDigits: digits,
  }).format(n);
}

/**
 * A share 0–1 cut down (never rounded up) to a whole tenth of a percent. The cut makes a shown
 * share agree with any verdict made on the exact value against a goal on that grid: 97.95%
 * misses 98% and shows as 97.9%, never as a 98% that "misses" 98%.
 */
export function shareTenths(share: number): number {
  // The epsilon keeps a share that is exactly on the grid there (0.58 * 1000 is 579.99…).
  return Math.floor(share * 1000 + 1e-9) / 1000;
}

/**
 * The one way a share is shown: 0–1 as a percentage with exactly one decimal, cut down to the
 * tenth (`%97,9` in Turkish, `97.9%` in English; see `shareTenths`), `—` when none.
 */
export function formatShare(lang: Lang, share: number | null): string {
  if (share === null) return '—';
  return new Intl.NumberFormat(localeOf(lang), {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(shareTenths(share));
}

/**
 * Whether a share reaches its goal, judged on the figure `formatShare` shows. For a goal on the
 * tenth-of-a-percent grid (98%) that is the same verdict as on the exact value, and rounding
 * noise in the value (0.98 computed as 0.97999…) cannot make the text and the verdict disagree.
 */
export function shareMeetsGoal(share: number, goal: number): boolean {
  return shareTenths(share) >= goal;
}

/** Bytes as B, KB or MB with one decimal (`1,2 MB`). */
export function formatBytes(lang: Lang, bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${formatDecimal(lang, unit === 0 ? value : Math.round(value * 10) / 10)} ${units[unit]}`;
}

/** Time of day in the hall's time zone (`14:05`). */
export function formatClock(lang: Lang, at: number, timeZone: string): string {
  return new Intl.DateTimeFormat(localeOf(lang), {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone,
  }).format(at);
}

const dayDate = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
};

/** A calendar day `YYYY-MM-DD` written out (`3 Kasım 2026`, or `Sal 3 Kas 2026` with the weekday). */
export function formatDay(lang: Lang, day: string, weekday = false): string {
  const at = dayDate(day);
  const date = new Intl.DateTimeFormat(localeOf(lang), {
    day: 'numeric',
    month: weekday ? 'short' : 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(at);
  if (!weekday) return date;
  const name = new Intl.DateTimeFormat(localeOf(lang), { weekday: 'short', timeZone: 'UTC' });
  return `${name.format(at)} ${date}`;
}

/** A range of calendar days written out (`1–30 Kasım 2026`); one day when from equals to. */
export function formatDayRange(lang: Lang, from: string, to: string): string {
  const f = new Intl.DateTimeFormat(localeOf(lang), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return from === to ? f.format(dayDate(from)) : f.formatRange(dayDate(from), dayDate(to));
}
