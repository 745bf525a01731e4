/**
 * The arrivals forecast for one day: per hour and service, from the same weekday of the weeks
 * before it.
 *
 * Method, and why: a 1-in-8 trimmed mean. For each hour × service, the counts of the history
 * days are sorted and, when five or more days are there, the highest and the lowest are
 * dropped before averaging. A plain mean is pulled by a one-off rush (a tax deadline) and a
 * median throws away most of eight observations; trimming one at each end keeps six of eight
 * and ignores a single odd week either way. No trend term: eight weeks are too few to tell a
 * trend from noise, and the back-test says how far off the forecast has been.
 *
 * Missing weeks (no history at all: the hall was closed, the day not yet lived) are left out,
 * never counted as zero. A day whose whole count is under half of the median day is taken as a
 * holiday or half day (bayram arifesi) and left out as an outlier, as it says nothing about a
 * normal day.
 */

/** Hours of a local day. */
export const HOURS = 24;

/** One history day's arrivals: per service id, 24 counts (local hour of issue). */
export interface DayArrivals {
  day: string;
  byService: Record<string, number[]>;
}

export interface Forecast {
  /** Expected arrivals per service id, 24 hours each (fractional: they are means). */
  byService: Record<string, number[]>;
  /** The history days the forecast used. */
  usedDays: string[];
  /** Days left out as holidays or half days. */
  outlierDays: string[];
}

/** A day whose total is under this share of the median day's is an outlier. */
export const OUTLIER_SHARE = 0.5;
/** With at least this many days, the highest and lowest value of each cell are dropped. */
export const TRIM_FROM_DAYS = 5;

/** The total arrivals of a day. */
export function dayTotal(day: DayArrivals): number {
  let total = 0;
  for (const counts of Object.values(day.byService)) for (const n of counts) total += n;
  return total;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The history days split into those that look like normal days and the outliers. */
export function splitOutliers(history: readonly DayArrivals[]): {
  normal: DayArrivals[];
  outliers: DayArrivals[];
} {
  if (history.length === 0) return { normal: [], outliers: [] };
  const limit = median(history.map(dayTotal)) * OUTLIER_SHARE;
  const normal = history.filter((d) => dayTotal(d) >= limit && dayTotal(d) > 0);
  const outliers = history.filter((d) => !normal.includes(d));
  return { normal, outliers };
}

/** The mean of `values` with the highest and lowest dropped when there are enough. */
export function trimmedMean(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const kept = s.length >= TRIM_FROM_DAYS ? s.slice(1, -1) : s;
  return kept.reduce((a, b) => a + b, 0) / kept.length;
}

/** The forecast from the history days (any order; see the module comment for the method). */
export function forecastArrivals(history: readonly DayArrivals[]): Forecast {
  const { normal, outliers } = splitOutliers(history);
  const services = new Set(normal.flatMap((d) => Object.keys(d.byService)));
  const byService: Record<string, number[]> = {};
  for (const id of [...services].sort()) {
    byService[id] = Array.from({ length: HOURS }, (_, h) =>
      trimmedMean(normal.map((d) => d.byService[id]?.[h] ?? 0)),
    );
  }
  return {
    byService,
    usedDays: normal.map((d) => d.day).sort(),
    outlierDays: outliers.map((d) => d.day).sort(),
  };
}

/** Forecast arrivals of all services, per hour. */
export function hourTotals(byService: Record<string, number[]>): number[] {
  const totals = new Array<number>(HOURS).fill(0);
  for (const counts of Object.values(byService))
    counts.forEach((n, h) => (totals[h] = totals[h]! + n));
  return totals;
}
