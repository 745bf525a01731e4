import type { Ticket } from '../../../contract/domain.js';
import {
  decodeRecords,
  encodeRecords,
  statsRows,
  type RecordColumns,
  type StatsRow,
} from './record-columns.js';
import type { TicketRecord } from './ticket-record.js';

// The summary types live here, beside their codec, and the store's contract imports them: stats
// read the store only through the ports it is given (records-source.ts), so store/ → stats/ is
// the one direction between the two folders.

/** Written once when a day closes, so history never replays journals. */
export type DaySummary = DaySummaryV1 | DaySummaryV2 | DaySummaryV3;

/** Before stats: the day's final tickets. Still read; stats fold such a day from its journal. */
export interface DaySummaryV1 {
  version: 1;
  hallId: string;
  day: string;
  closedAt: number;
  lastRev: number;
  tickets: Ticket[];
}

/** The day's per-ticket records (one per service segment), folded once at day close. */
export interface DaySummaryV2 {
  version: 2;
  hallId: string;
  day: string;
  closedAt: number;
  lastRev: number;
  records: TicketRecord[];
}

/** The day's records by column (see `RecordColumns`); written since version 3. */
export interface DaySummaryV3 {
  version: 3;
  hallId: string;
  day: string;
  closedAt: number;
  lastRev: number;
  records: RecordColumns;
}

/** A summary as aggregates read it: a version 3 summary without its detail columns. */
export type DayStatsSummary =
  | DaySummaryV1
  | DaySummaryV2
  | (Omit<DaySummaryV3, 'records'> & { records: Omit<RecordColumns, 'detail'> });

/** The summary written when a day closes: its folded records, by column. */
export function daySummaryOf(
  head: Omit<DaySummaryV3, 'version' | 'records'>,
  records: readonly TicketRecord[],
): DaySummaryV3 {
  return { version: 3, ...head, records: encodeRecords(records) };
}

/** A summary as `readStats` gives it: a version 3 summary without its detail columns. */
export function statsPartOf(summary: DaySummary): DayStatsSummary {
  if (summary.version !== 3) return summary;
  const { detail: _detail, ...stats } = summary.records;
  return { ...summary, records: stats };
}

/** The records of a summary; undefined for version 1, which predates stats (fold its journal). */
export function summaryRecords(summary: DaySummary): TicketRecord[] | undefined {
  if (summary.version === 3) return decodeRecords(summary.records);
  if (summary.version === 2) return summary.records;
  return undefined;
}

/** What aggregates read of a summary's records; undefined for version 1 (see above). */
export function summaryStatsRows(summary: DayStatsSummary): Iterable<StatsRow> | undefined {
  if (summary.version === 3) return statsRows(summary.records);
  if (summary.version === 2) return summary.records;
  return undefined;
}
