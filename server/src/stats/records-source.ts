import { setImmediate as nextTurn } from 'node:timers/promises';
import type { HallConfig } from '../domain/index.js';
import type { DaySummaryStore, EventJournal } from '../store/store.js';
import type { TicketRecord } from './ticket-record.js';
import { foldRecords } from './ticket-records.js';

export interface RecordsSourceDeps {
  journal: EventJournal;
  summaries: DaySummaryStore;
  hallConfig: (hallId: string) => HallConfig | undefined;
  /** The day the hall's queue is running now (its journal is still growing). */
  liveDay: (hallId: string) => string | undefined;
}

/**
 * The records of a hall for the days `from`–`to` (inclusive, `YYYY-MM-DD`), a day per batch in
 * day order. Closed days come from their day summaries and are never replayed; the live day is
 * folded from its journal. Only two cases fold an older journal: a day whose summary predates
 * stats (version 1), and a day past midnight that the queue has not closed yet (seconds).
 * Between days the generator yields to the event loop, so a year of history does not hold up
 * the running queue's commands for longer than one day's file takes to parse.
 */
export async function* recordsByDay(
  deps: RecordsSourceDeps,
  hallId: string,
  from: string,
  to: string,
): AsyncGenerator<TicketRecord[]> {
  const config = deps.hallConfig(hallId);
  if (!config) return;
  const live = deps.liveDay(hallId);
  const [summarised, journalled] = await Promise.all([
    deps.summaries.days(hallId),
    deps.journal.days(hallId),
  ]);
  const closed = new Set(summarised);
  const days = [...new Set([...summarised, ...journalled])]
    .filter((d) => d >= from && d <= to)
    .sort();
  for (const day of days) {
    const summary =
      day !== live && closed.has(day) ? await deps.summaries.read(hallId, day) : undefined;
    if (summary?.version === 2) {
      yield summary.records;
    } else {
      const { events } = await deps.journal.read(hallId, day);
      yield foldRecords(events, config.hall, config.services);
    }
    await nextTurn();
  }
}
