import type { Writable } from 'node:stream';
import { StatsAggregator } from './aggregate.js';
import { writeCsv } from './csv-export.js';
import type { ExportNames } from './export-columns.js';
import { writeJson } from './json-export.js';
import { ExportAborted } from './stream-sink.js';
import { recordsByDay, statsRowsByDay, type RecordsSourceDeps } from './records-source.js';
import type { GroupBy, StatsReport } from './stats-types.js';
import { writeXlsx } from './xlsx-export.js';

export interface StatsServiceDeps extends RecordsSourceDeps {
  clerkName: (userId: string) => string | null;
  now: () => number;
  log: (msg: string) => void;
}

export interface DayRange {
  from: string;
  to: string;
}

export type ExportFormat = 'csv' | 'xlsx' | 'json';

const WEEKDAYS = ['', 'Pazartesi', 'Salı', 'Çarşamba', 'Perşembe', 'Cuma', 'Cumartesi', 'Pazar'];

/** Stats and exports of a hall's history, read day by day (see `recordsByDay`). */
export class StatsService {
  constructor(private readonly deps: StatsServiceDeps) {}

  /** Aggregates of `range`, grouped; undefined for an unknown hall. */
  async stats(hallId: string, range: DayRange, groupBy: GroupBy): Promise<StatsReport | undefined> {
    const names = this.names(hallId);
    if (!names) return undefined;
    const agg = new StatsAggregator(groupBy);
    for await (const batch of statsRowsByDay(this.deps, hallId, range.from, range.to)) {
      agg.add(batch);
    }
    const { groups, total } = agg.result((key) => labelOf(groupBy, key, names));
    const { from, to } = range;
    return { hallId, timeZone: names.timeZone, from, to, groupBy, groups, total };
  }

  /** Streams the per-visit rows of `range` to `out` and ends it; rejects if it cannot finish. */
  async exportTickets(
    hallId: string,
    range: DayRange,
    format: ExportFormat,
    out: Writable,
  ): Promise<void> {
    const names = this.names(hallId);
    if (!names) throw new Error(`No hall ${hallId}.`);
    const batches = recordsByDay(this.deps, hallId, range.from, range.to);
    try {
      if (format === 'csv') return await writeCsv(out, batches, names);
      if (format === 'json') return await writeJson(out, batches, names);
      const hallName = this.deps.hallConfig(hallId)!.hall.name;
      return await writeXlsx(out, batches, names, { hallName, ...range, at: this.deps.now() });
    } catch (err) {
      if (!(err instanceof ExportAborted))
        this.deps.log(`export ${hallId} ${range.from}..${range.to} failed: ${String(err)}`);
      throw err;
    }
  }

  /** Display names from the current configuration; an id that was removed shows as itself. */
  names(hallId: string): ExportNames | undefined {
    const config = this.deps.hallConfig(hallId);
    if (!config) return undefined;
    return {
      hallId,
      timeZone: config.hall.timeZone,
      service: remembered((id) => config.services.get(id)?.name.tr ?? id),
      counter: remembered((id) => config.counters.get(id)?.name ?? id),
      clerk: remembered((id) => this.deps.clerkName(id) ?? id),
    };
  }
}

/** A name lookup done once per id for the life of one report (a million rows, a few ids). */
function remembered(nameOf: (id: string) => string): (id: string) => string {
  const names = new Map<string, string>();
  return (id) => {
    let name = names.get(id);
    if (name === undefined) names.set(id, (name = nameOf(id)));
    return name;
  };
}

function labelOf(groupBy: GroupBy, key: string | null, names: ExportNames): string {
  if (key === null) return 'Bankoya çağrılmadı';
  switch (groupBy) {
    case 'service':
      return names.service(key);
    case 'counter':
      return names.counter(key);
    case 'clerk':
      return names.clerk(key);
    case 'weekday':
      return WEEKDAYS[Number(key)] ?? key;
    case 'hour':
      return `${key}:00–${String(Number(key) + 1).padStart(2, '0')}:00`;
    default:
      return key;
  }
}
