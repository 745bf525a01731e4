export type {
  DurationStats,
  GroupBy,
  GroupStats,
  ServiceTimeStats,
  StatsReport,
} from '../../../contract/stats.js';
