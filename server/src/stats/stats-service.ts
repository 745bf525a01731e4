import type { Writable } from 'node:stream';
import { clerkLabel } from '../../../contract/clerk-label.js';
import { StatsAggregator } from './aggregate.js';
import { BookingVisitTotals, readBookingCounts, type BookingsReader } from './booking-stats.js';
import type { EstimateAccuracyReport } from '../../../contract/estimate-accuracy.js';
import { writeCsv, type CsvDialect } from './csv-export.js';
import { localDay, type WaitHistory } from '../domain/index.js';
import { bookingStateOf } from '../domain/bookings/index.js';
import { estimateAccuracy, hasEstimates, type EstimateRow } from './estimate-accuracy.js';
import { waitHistoryOf } from './estimate-history.js';
import { UNKNOWN_DIRECTORATE, type ExportNames } from './export-columns.js';
import { writeJson } from './json-export.js';
import { ExportAborted } from './stream-sink.js';
import { recordsByDay, statsRowsByDay, type RecordsSourceDeps } from './records-source.js';
import type { GroupBy, StatsReport } from './stats-types.js';
import { writeXlsx } from './xlsx-export.js';

export interface StatsServiceDeps extends RecordsSourceDeps {
  /** The hall's booking ledger (appointments in stats; names in an export that asks). */
  bookings?: BookingsReader;
  clerkName: (userId: string) => string | null;
  /** The clerk's user name: two clerks may share a display name, never a user name. */
  clerkUsername?: (userId: string) => string | null;
  /** Rows an XLSX export may hold; Excel's sheet limit less the header unless a test says. */
  xlsxMaxRows?: number;
  now: () => number;
  log: (msg: string) => void;
}

export interface DayRange {
  from: string;
  to: string;
}

export type ExportFormat = 'csv' | 'xlsx' | 'json';

export interface ExportOptions {
  /** Add the name on each booking (a manager's explicit, audited request; KVKK). */
  bookingNames?: boolean;
}

/** An Excel sheet holds 1,048,576 rows; the first is the header. */
export const XLSX_MAX_ROWS = 1_048_575;

/** More visits in the range than one XLSX sheet can hold; nothing was written. */
export class TooManyRowsError extends Error {
  constructor(
    readonly rows: number,
    readonly limit: number,
  ) {
    super(
      `The range holds ${rows} visits; an XLSX sheet takes at most ${limit}. Choose a shorter range or the CSV export.`,
    );
  }
}

/** How far back the estimate history reaches: eight of each weekday. */
const HISTORY_DAYS = 56;
const DAY_MS = 86_400_000;

const WEEKDAYS = ['', 'Pazartesi', 'Salı', 'Çarşamba', 'Perşembe', 'Cuma', 'Cumartesi', 'Pazar'];

/** Stats and exports of a hall's history, read day by day (see `recordsByDay`). */
export class StatsService {
  constructor(private readonly deps: StatsServiceDeps) {}

  /** Aggregates of `range`, grouped; undefined for an unknown hall. */
  async stats(hallId: string, range: DayRange, groupBy: GroupBy): Promise<StatsReport | undefined> {
    const names = this.names(hallId);
    if (!names) return undefined;
    const agg = new StatsAggregator(groupBy);
    const visits = new BookingVisitTotals();
    for await (const batch of statsRowsByDay(this.deps, hallId, range.from, range.to)) {
      agg.add(visits.tap(batch));
    }
    const { groups, total } = agg.result((key) => labelOf(groupBy, key, names));
    const { from, to } = range;
    const byDirectorate = agg.forwardedByDirectorate().map((d) => ({
      ...d,
      ...names.directorate(d.directorateId),
    }));
    const hall = this.deps.hallConfig(hallId)!.hall;
    const counts = await readBookingCounts(this.deps.bookings, hall, range, this.deps.now());
    const bookings = { ...counts, ...visits.result() };
    return {
      hallId,
      timeZone: names.timeZone,
      from,
      to,
      groupBy,
      groups,
      total,
      byDirectorate,
      bookings,
    };
  }

  /** How well the waits promised at issue came true in `range`; undefined for an unknown hall. */
  async estimates(hallId: string, range: DayRange): Promise<EstimateAccuracyReport | undefined> {
    if (!this.deps.hallConfig(hallId)) return undefined;
    const rows: EstimateRow[] = [];
    for await (const batch of statsRowsByDay(this.deps, hallId, range.from, range.to)) {
      // Rows may be one object refilled per record: keep copies of the few fields read.
      for (const r of batch) if (hasEstimates(r)) rows.push({ ...r });
    }
    return estimateAccuracy(rows);
  }

  /** What the hall's last eight weeks (to yesterday) say of its estimates (`waitHistoryOf`). */
  async waitHistory(hallId: string): Promise<WaitHistory | undefined> {
    const config = this.deps.hallConfig(hallId);
    if (!config) return undefined;
    const now = this.deps.now();
    const from = localDay(now - HISTORY_DAYS * DAY_MS, config.hall.timeZone);
    const to = localDay(now - DAY_MS, config.hall.timeZone);
    const rows: EstimateRow[] = [];
    for await (const batch of statsRowsByDay(this.deps, hallId, from, to))
      for (const r of batch) if (r.segment === 0 && r.estimateMinutes != null) rows.push({ ...r });
    return waitHistoryOf(rows);
  }

  /** How many visit rows an export of `range` holds (read from the stats parts only). */
  async visitCount(hallId: string, range: DayRange): Promise<number> {
    let count = 0;
    for await (const batch of statsRowsByDay(this.deps, hallId, range.from, range.to)) {
      if (Array.isArray(batch)) count += batch.length;
      else for (const _ of batch) count += 1;
    }
    return count;
  }

  /**
   * Streams the per-visit rows of `range` to `out` and ends it; rejects if it cannot finish,
   * and with `TooManyRowsError` before writing anything if an XLSX sheet could not hold them.
   */
  async exportTickets(
    hallId: string,
    range: DayRange,
    format: ExportFormat,
    out: Writable,
    csvDialect: CsvDialect = 'rfc4180',
    options: ExportOptions = {},
  ): Promise<void> {
    const hallNames = this.names(hallId);
    if (!hallNames) throw new Error(`No hall ${hallId}.`);
    const names = options.bookingNames
      ? { ...hallNames, bookingName: await this.bookingNames(hallId) }
      : hallNames;
    if (format === 'xlsx') {
      const rows = await this.visitCount(hallId, range);
      const limit = this.deps.xlsxMaxRows ?? XLSX_MAX_ROWS;
      if (rows > limit) throw new TooManyRowsError(rows, limit);
    }
    const batches = recordsByDay(this.deps, hallId, range.from, range.to);
    try {
      if (format === 'csv') return await writeCsv(out, batches, names, csvDialect);
      if (format === 'json') return await writeJson(out, batches, names);
      const hallName = this.deps.hallConfig(hallId)!.hall.name;
      return await writeXlsx(out, batches, names, { hallName, ...range, at: this.deps.now() });
    } catch (err) {
      if (!(err instanceof ExportAborted))
        this.deps.log(`export ${hallId} ${range.from}..${range.to} failed: ${String(err)}`);
      throw err;
    }
  }

  /** The name on each booking of the hall's ledger ('' once erased or unknown). */
  private async bookingNames(hallId: string): Promise<(bookingId: string) => string> {
    const events = this.deps.bookings ? await this.deps.bookings.read(hallId) : [];
    const state = bookingStateOf(hallId, events);
    return (id) => state.bookings.get(id)?.name ?? '';
  }

  /** Display names from the current configuration; an id that was removed shows as itself. */
  names(hallId: string): (ExportNames & Required<Pick<ExportNames, 'directorate'>>) | undefined {
    const config = this.deps.hallConfig(hallId);
    if (!config) return undefined;
    const username = remembered((id) => this.deps.clerkUsername?.(id) ?? '');
    return {
      hallId,
      timeZone: config.hall.timeZone,
      service: remembered((id) => config.services.get(id)?.name.tr ?? id),
      counter: remembered((id) => config.counters.get(id)?.name ?? id),
      clerk: remembered((id) => this.deps.clerkName(id) ?? id),
      clerkUsername: (id) => username(id) || null,
      directorate: (id) => {
        if (id === null) return { name: UNKNOWN_DIRECTORATE, nameEn: null };
        const d = config.directorates.get(id);
        return { name: d?.name.tr ?? id, nameEn: d?.name.en ?? null };
      },
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
      return clerkLabel(names.clerk(key), names.clerkUsername?.(key) ?? null);
    case 'weekday':
      return WEEKDAYS[Number(key)] ?? key;
    case 'hour':
      return `${key}:00–${String(Number(key) + 1).padStart(2, '0')}:00`;
    case 'weekday-hour': {
      const [weekday, hour] = key.split('-');
      return `${WEEKDAYS[Number(weekday)] ?? weekday} ${hour}:00`;
    }
    default:
      return key;
  }
}
