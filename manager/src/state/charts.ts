import type { Lang, Service } from '../../../contract/domain.js';
import { formatDay, localeOf } from './format.js';
import type { GroupBy, GroupStats } from './stats-report.js';

/** What one bar chart draws: category labels and one or more series of the same length. */
export interface BarChartData {
  labels: string[];
  series: Array<{ id: string; values: number[] }>;
  /** Per category: at or past the target (drawn in the warning colour, and said in text). */
  over: boolean[];
  /** Where the target line goes: a value on the value axis, or null for no line. */
  targetValue: number | null;
  /** Where the target line goes on a category axis (fractional index), or null. */
  targetIndex: number | null;
}

/** A group's name in the interface language (the server labels in Turkish). */
export function groupLabel(
  groupBy: GroupBy,
  g: GroupStats,
  lang: Lang,
  services: Service[],
  none: string,
): string {
  if (g.key === null) return none;
  switch (groupBy) {
    case 'service': {
      const s = services.find((x) => x.id === g.key);
      return s ? s.name[lang] : g.label;
    }
    case 'day':
      return formatDay(lang, g.key, true);
    case 'weekday': {
      // 2024-01-01 was a Monday: key 1…7 lands on Monday…Sunday.
      const at = Date.UTC(2024, 0, Number(g.key));
      return new Intl.DateTimeFormat(localeOf(lang), { weekday: 'long', timeZone: 'UTC' }).format(
        at,
      );
    }
    case 'hour':
      return `${g.key}:00–${String(Number(g.key) + 1).padStart(2, '0')}:00`;
    default:
      return g.label;
  }
}

/**
 * Tickets issued and visits served per hour of the day, every hour from the first to the last
 * with any ticket (hours in between with none show as zero), at least 08:00–17:00.
 */
export function hourlyChart(byHour: GroupStats[]): BarChartData {
  const hours = byHour.filter((g) => g.key !== null).map((g) => Number(g.key));
  const first = Math.min(8, ...hours);
  const last = Math.max(17, ...hours);
  const labels: string[] = [];
  const issued: number[] = [];
  const served: number[] = [];
  for (let h = first; h <= last; h++) {
    const key = String(h).padStart(2, '0');
    const g = byHour.find((x) => x.key === key);
    labels.push(`${key}:00`);
    issued.push(g?.issued ?? 0);
    served.push(g?.served ?? 0);
  }
  return {
    labels,
    series: [
      { id: 'issued', values: issued },
      { id: 'served', values: served },
    ],
    over: labels.map(() => false),
    targetValue: null,
    targetIndex: null,
  };
}

const minutesOf = (seconds: number | null) =>
  seconds === null ? 0 : Math.round((seconds / 60) * 100) / 100;

/**
 * Mean service time in minutes per group (service, counter or clerk), busiest first, with the
 * target as a line. Groups with no measured visit, and visits that never reached a counter,
 * are left out.
 */
export function meanServiceChart(
  groups: GroupStats[],
  labelOf: (g: GroupStats) => string,
  targetMinutes: number,
  targetOf: (g: GroupStats) => number = () => targetMinutes,
): BarChartData {
  const shown = groups
    .filter((g) => g.key !== null && g.serviceTime.meanSeconds !== null)
    .sort((a, b) => b.serviceTime.count - a.serviceTime.count);
  return {
    labels: shown.map(labelOf),
    series: [
      { id: 'mean-service', values: shown.map((g) => minutesOf(g.serviceTime.meanSeconds)) },
    ],
    over: shown.map((g) => (g.serviceTime.meanSeconds ?? 0) > targetOf(g) * 60),
    targetValue: targetMinutes,
    targetIndex: null,
  };
}

/** Service times (minutes) of the visits in export rows; rows without one are skipped. */
export function serviceMinutesOf(rows: unknown): number[] {
  if (!Array.isArray(rows)) return [];
  const out: number[] = [];
  for (const r of rows) {
    const v = (r as { serviceMinutes?: unknown } | null)?.serviceMinutes;
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0) out.push(v);
  }
  return out;
}

/** Bin width for a target: half-minute bins up to a 5-minute target, whole minutes beyond. */
export function binMinutesFor(targetMinutes: number): number {
  return targetMinutes <= 5 ? 0.5 : 1;
}

const clockLabel = (minutes: number) => {
  const s = Math.round(minutes * 60);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/**
 * Service-time distribution: visits per bin from 0 to 2.5× the target (at least 10 min), the
 * rest in a last open bin; bins from the target on are flagged, and the target line sits on
 * the boundary where the target falls.
 */
export function serviceTimeHistogram(
  minutes: number[],
  targetMinutes: number,
  binMinutes = binMinutesFor(targetMinutes),
): BarChartData {
  const limit = Math.max(10, Math.ceil((targetMinutes * 2.5) / binMinutes) * binMinutes);
  const bins = Math.round(limit / binMinutes);
  const counts = new Array<number>(bins + 1).fill(0);
  for (const m of minutes) {
    const i = Math.min(bins, Math.floor(m / binMinutes + 1e-9));
    counts[i]! += 1;
  }
  const labels = counts.map((_, i) =>
    i === bins ? `${clockLabel(limit)}+` : clockLabel(i * binMinutes),
  );
  return {
    labels,
    series: [{ id: 'visits', values: counts }],
    over: counts.map((_, i) => i * binMinutes >= targetMinutes - 1e-9),
    targetValue: null,
    // Bin i is centred on index i: its left edge is at i − 0.5.
    targetIndex: targetMinutes > 0 ? Math.min(bins + 0.5, targetMinutes / binMinutes - 0.5) : null,
  };
}

/**
 * Mean service time per day in minutes, in date order, with the target line: how the published
 * figure moved over the range. Days without a measured visit are left out.
 */
export function dailyMeanChart(
  byDay: GroupStats[],
  labelOf: (g: GroupStats) => string,
  targetMinutes: number,
): BarChartData {
  const shown = byDay
    .filter((g) => g.key !== null && g.serviceTime.meanSeconds !== null)
    .sort((a, b) => (a.key! < b.key! ? -1 : a.key! > b.key! ? 1 : 0));
  return {
    labels: shown.map(labelOf),
    series: [
      { id: 'mean-service', values: shown.map((g) => minutesOf(g.serviceTime.meanSeconds)) },
    ],
    over: shown.map((g) => (g.serviceTime.meanSeconds ?? 0) > targetMinutes * 60),
    targetValue: targetMinutes,
    targetIndex: null,
  };
}
