import type { DayRange } from './date-range.js';
import { shareMeetsGoal } from './format.js';
import { MIN_RATINGS, RESOLVED_GOAL, ratingHeadline } from './kpi.js';
import type { GroupBy, GroupStats, StatsReport } from './stats-report.js';

/** The report's headline figures, each with its goal where the hall has one. */
export type HeadlineId = 'mean-service' | 'resolved' | 'mean-wait' | 'served' | 'no-shows';

export interface Headline {
  id: HeadlineId;
  kind: 'duration' | 'share' | 'count';
  value: number | null;
  /** Seconds for the mean service time, a share for resolved; null without a goal. */
  goal: number | null;
  /** Whether the goal was met; null without a goal or a value. */
  met: boolean | null;
}

/** Mean service time against the target, resolved at the desk against 98%, waits, served, no-shows. */
export function headlines(total: GroupStats, targetMinutes: number): Headline[] {
  const mean = total.serviceTime.meanSeconds;
  const goal = Math.round(targetMinutes * 60);
  return [
    {
      id: 'mean-service',
      kind: 'duration',
      value: mean,
      goal,
      met: mean === null ? null : Math.round(mean) <= goal,
    },
    {
      id: 'resolved',
      kind: 'share',
      value: total.resolvedShare,
      goal: RESOLVED_GOAL,
      met: total.resolvedShare === null ? null : shareMeetsGoal(total.resolvedShare, RESOLVED_GOAL),
    },
    { id: 'mean-wait', kind: 'duration', value: total.wait.meanSeconds, goal: null, met: null },
    { id: 'served', kind: 'count', value: total.served, goal: null, met: null },
    { id: 'no-shows', kind: 'count', value: total.noShows, goal: null, met: null },
  ];
}

export type ComparedId =
  'served' | 'mean-service' | 'mean-wait' | 'resolved' | 'no-shows' | 'rating';

export interface ComparisonRow {
  id: ComparedId;
  kind: 'count' | 'duration' | 'share' | 'rating';
  current: number | null;
  other: number | null;
  /** current − other (seconds, share points, count), null when either is missing. */
  delta: number | null;
  /** Whether the change is for the better; null when there is no change or no better way. */
  better: boolean | null;
}

/** A comparison with another period: its rows, or `none` when that period has no visits. */
export type Comparison =
  | {
      kind: 'ready';
      range: DayRange;
      rows: ComparisonRow[];
      /**
       * Days with data in the other period, when fewer than in this one (the hall started using
       * the system within it, say): its totals are not like for like. Null otherwise.
       */
      fewerDays: number | null;
    }
  | { kind: 'none'; range: DayRange }
  | { kind: 'loading'; range: DayRange };

/**
 * The headline figures beside another period's. A period without a single ticket issued has
 * nothing to compare with (the hall was not using the system, or the data is not there).
 * `days` counts the days with a ticket issued in this period and the other, when known.
 */
export function compare(
  current: GroupStats,
  other: GroupStats | null,
  range: DayRange,
  days: { current: number; other: number } | null = null,
): Comparison {
  if (other === null || other.issued === 0) return { kind: 'none', range };
  const row = (
    id: ComparedId,
    kind: ComparisonRow['kind'],
    pick: (g: GroupStats) => number | null,
    lowerIsBetter: boolean | null,
  ): ComparisonRow => {
    const c = pick(current);
    const o = pick(other);
    const delta = c === null || o === null ? null : c - o;
    const better =
      delta === null || delta === 0 || lowerIsBetter === null ? null : delta < 0 === lowerIsBetter;
    return { id, kind, current: c, other: o, delta, better };
  };
  const rating = (g: GroupStats) => (g.ratings >= MIN_RATINGS ? ratingHeadline(g) : null);
  return {
    kind: 'ready',
    range,
    fewerDays: days !== null && days.other < days.current ? days.other : null,
    rows: [
      row('served', 'count', (g) => g.served, null),
      row('mean-service', 'duration', (g) => g.serviceTime.meanSeconds, true),
      row('mean-wait', 'duration', (g) => g.wait.meanSeconds, true),
      row('resolved', 'share', (g) => g.resolvedShare, false),
      row('no-shows', 'count', (g) => g.noShows, true),
      row('rating', 'rating', rating, false),
    ],
  };
}

export interface HeatCell {
  /** `09` */
  hour: string;
  issued: number;
  meanWaitSeconds: number | null;
  /** 0 (none) to 4 (the busiest cell), by tickets issued. */
  level: 0 | 1 | 2 | 3 | 4;
}

export interface HeatRow {
  /** ISO weekday, 1 Monday … 7 Sunday. */
  weekday: number;
  cells: HeatCell[];
}

export interface HeatMap {
  hours: string[];
  rows: HeatRow[];
  maxIssued: number;
}

/**
 * Weekday × hour cells from a `weekday-hour` report: the hours from the first to the last with
 * a ticket, Monday to Friday always and the weekend only when it had visitors.
 */
export function heatMap(groups: GroupStats[]): HeatMap {
  const byKey = new Map(groups.filter((g) => g.key !== null).map((g) => [g.key!, g]));
  const hoursSeen = [...byKey.keys()].map((k) => Number(k.split('-')[1]));
  if (hoursSeen.length === 0) return { hours: [], rows: [], maxIssued: 0 };
  const first = Math.min(...hoursSeen);
  const last = Math.max(...hoursSeen);
  const hours = Array.from({ length: last - first + 1 }, (_, i) =>
    String(first + i).padStart(2, '0'),
  );
  const maxIssued = Math.max(...[...byKey.values()].map((g) => g.issued));
  const rows: HeatRow[] = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    const cells = hours.map((hour): HeatCell => {
      const g = byKey.get(`${weekday}-${hour}`);
      const issued = g?.issued ?? 0;
      const level =
        issued === 0 || maxIssued === 0
          ? 0
          : (Math.min(4, Math.ceil((issued / maxIssued) * 4)) as HeatCell['level']);
      return { hour, issued, meanWaitSeconds: g?.wait.meanSeconds ?? null, level };
    });
    if (weekday <= 5 || cells.some((c) => c.issued > 0)) rows.push({ weekday, cells });
  }
  return { hours, rows, maxIssued };
}

/** Days of a by-day report on which a ticket was issued. */
export function daysWithData(byDay: GroupStats[]): number {
  return byDay.filter((g) => g.key !== null && g.issued > 0).length;
}

/** Groups with a share of the total issued (the service mix), busiest first. */
export function serviceMix(
  byService: GroupStats[],
): Array<{ group: GroupStats; share: number | null }> {
  const all = byService.reduce((n, g) => n + g.issued, 0);
  return [...byService]
    .filter((g) => g.key !== null)
    .sort((a, b) => b.issued - a.issued)
    .map((group) => ({ group, share: all === 0 ? null : group.issued / all }));
}

/** The report's sections in print order; each starts on a new page from the second on. */
export const REPORT_SECTIONS = [
  'headlines',
  'daily',
  'arrivals',
  'services',
  'clerks',
  'directorates',
  'satisfaction',
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

/** The statistics a report is drawn from: one reply per grouping, fetched together. */
export const REPORT_GROUPS = [
  'day',
  'hour',
  'weekday',
  'weekday-hour',
  'service',
  'clerk',
] as const satisfies readonly GroupBy[];

/** Everything the printable report shows. */
export interface ReportData {
  range: DayRange;
  hallName: string;
  timeZone: string;
  /** When the report was made, epoch ms (printed in its header). */
  printedAt: number;
  reports: Partial<Record<GroupBy, StatsReport>>;
  /** The target the mean service time is held against, in minutes. */
  targetMinutes: number;
  previous: Comparison;
  lastYear: Comparison;
}
