import type { GroupBy } from '../../../contract/stats.js';

export type {
  DurationStats,
  GroupBy,
  GroupStats,
  ServiceTimeStats,
  StatsReport,
} from '../../../contract/stats.js';

/** Every grouping `GET /api/stats` accepts (validated against this list). */
export const GROUP_BY = [
  'day',
  'hour',
  'weekday',
  'weekday-hour',
  'service',
  'counter',
  'clerk',
  'none',
] as const satisfies readonly GroupBy[];
