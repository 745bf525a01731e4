import type { GroupBy } from '../../../contract/stats.js';

export type {
  DurationStats,
  GroupBy,
  GroupStats,
  ServiceTimeStats,
  StatsReport,
} from '../../../contract/stats.js';

/** `/api/stats?from=…&to=…&groupBy=…` */
export function statsUrl(range: { from: string; to: string }, groupBy: GroupBy): string {
  const q = new URLSearchParams({ from: range.from, to: range.to, groupBy });
  return `/api/stats?${q.toString()}`;
}
