import path from 'node:path';
import { summaryRecords, type DaySummary } from '../../server/src/stats/day-summary.js';
import type { TicketRecord } from '../../server/src/stats/ticket-record.js';
import { DaySummaryFiles } from '../../server/src/store/embedded/day-summary-files.js';

/** A day summary as the embedded store left it in `dataDir`, with its records decoded. */
export async function readDaySummary(
  dataDir: string,
  hallId: string,
  day: string,
): Promise<DaySummary & { decoded: TicketRecord[] }> {
  const summary = await new DaySummaryFiles(path.join(dataDir, 'days')).read(hallId, day);
  if (!summary) throw new Error(`no day summary for ${hallId} ${day} in ${dataDir}`);
  return { ...summary, decoded: summaryRecords(summary) ?? [] };
}
