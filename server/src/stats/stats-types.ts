export type {
  DurationStats,
  GroupBy,
  GroupStats,
  ServiceTimeStats,
  StatsReport,
} from '../../../contract/stats.js';

/** Every grouping `GET /api/stats` accepts (validated against this list). */
export { GROUP_BY } from '../../../contract/stats.js';
