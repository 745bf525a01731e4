/**
 * The stats report as `GET /api/stats` sends it. The server declares these in
 * `server/src/stats/stats-types.ts`, not yet in `contract/`; a front end may not import the
 * server, so they are mirrored here until they move to the contract.
 * Durations are seconds; shares are fractions 0–1 and null when there is nothing to divide.
 */

export const GROUP_BY = ['day', 'hour', 'weekday', 'service', 'counter', 'clerk', 'none'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export interface DurationStats {
  count: number;
  meanSeconds: number | null;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

export interface ServiceTimeStats extends DurationStats {
  withinTarget: number;
  withinTargetShare: number | null;
}

export interface GroupStats {
  /** Day, hour `00`–`23`, weekday `1`–`7`, a service, counter or clerk id, `all`; null = none. */
  key: string | null;
  /** Turkish label from the server. */
  label: string;
  issued: number;
  served: number;
  noShows: number;
  cancelled: number;
  transferred: number;
  wait: DurationStats;
  serviceTime: ServiceTimeStats;
  resolved: number;
  forwarded: number;
  resolvedShare: number | null;
  forwardedShare: number | null;
  idleSeconds: number;
  ratings: number;
  meanRating: number | null;
}

export interface StatsReport {
  hallId: string;
  timeZone: string;
  from: string;
  to: string;
  groupBy: GroupBy;
  groups: GroupStats[];
  total: GroupStats;
}

/** `/api/stats?from=…&to=…&groupBy=…` */
export function statsUrl(range: { from: string; to: string }, groupBy: GroupBy): string {
  const q = new URLSearchParams({ from: range.from, to: range.to, groupBy });
  return `/api/stats?${q.toString()}`;
}
