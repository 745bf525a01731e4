import type { DayStatsSummary, DaySummary, DaySummaryV3 } from '../store/store.js';
import { decodeRecords, encodeRecords, statsRows, type StatsRow } from './record-columns.js';
import type { TicketRecord } from './ticket-record.js';

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
