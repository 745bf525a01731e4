import { setImmediate as nextTurn } from 'node:timers/promises';
import type { HallConfig } from '../domain/index.js';
import type { RevEvent } from '../../../contract/events.js';
import {
  summaryRecords,
  summaryStatsRows,
  type DayStatsSummary,
  type DaySummary,
} from './day-summary.js';
import type { StatsRow } from './record-columns.js';
import type { TicketRecord } from './ticket-record.js';
import { foldRecords } from './ticket-records.js';

/**
 * What the records are read from: the store's journal and day summaries (`EventJournal` and
 * `DaySummaryStore` in store/store.ts satisfy these). Stated here, narrowed to the reads, so
 * stats/ does not import store/, which imports the summary types from stats/.
 */
export interface RecordsJournal {
  read(hallId: string, day: string): Promise<{ events: RevEvent[] }>;
  days(hallId: string): Promise<string[]>;
}

/** See `RecordsJournal`. */
export interface RecordsSummaries {
  read(hallId: string, day: string): Promise<DaySummary | undefined>;
  readStats(hallId: string, day: string): Promise<DayStatsSummary | undefined>;
  days(hallId: string): Promise<string[]>;
}

export interface RecordsSourceDeps {
  journal: RecordsJournal;
  summaries: RecordsSummaries;
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
 * the running queue's commands for longer than one day's file takes to parse; the next few
 * days are read meanwhile.
 */
export function recordsByDay(
  deps: RecordsSourceDeps,
  hallId: string,
  from: string,
  to: string,
): AsyncGenerator<TicketRecord[]> {
  return byDay(deps, hallId, from, to, async (day) => {
    const summary = await deps.summaries.read(hallId, day);
    return summary && summaryRecords(summary);
  });
}

/**
 * What aggregates read of the same records (`StatsRow`), a day per batch: closed days read
 * only the stats part of their summaries. A batch may reuse one row object (see `statsRows`).
 */
export function statsRowsByDay(
  deps: RecordsSourceDeps,
  hallId: string,
  from: string,
  to: string,
): AsyncGenerator<Iterable<StatsRow>> {
  return byDay(deps, hallId, from, to, async (day) => {
    const summary = await deps.summaries.readStats(hallId, day);
    return summary && summaryStatsRows(summary);
  });
}

/** Days read ahead while the current one is processed, so a long range never waits on disk. */
const READ_AHEAD = 4;

async function* byDay<T>(
  deps: RecordsSourceDeps,
  hallId: string,
  from: string,
  to: string,
  fromSummary: (day: string) => Promise<T | undefined>,
): AsyncGenerator<T | TicketRecord[]> {
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
  const load = async (day: string): Promise<T | TicketRecord[]> => {
    const batch = day !== live && closed.has(day) ? await fromSummary(day) : undefined;
    if (batch) return batch;
    const { events } = await deps.journal.read(hallId, day);
    return foldRecords(events, config.hall, config.services);
  };
  const ahead: Array<Promise<T | TicketRecord[]>> = [];
  for (let next = 0; next < days.length || ahead.length > 0;) {
    while (next < days.length && ahead.length < READ_AHEAD) {
      const loading = load(days[next++]!);
      loading.catch(() => undefined); // awaited below; not unhandled if the reader stops first
      ahead.push(loading);
    }
    yield await ahead.shift()!;
    await nextTurn();
  }
}
