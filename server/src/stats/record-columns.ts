import type { EstimateSample, IdleEntry, TicketRecord } from './ticket-record.js';

/**
 * A day's records stored by column: the format of version 3 day summaries. Five years of a
 * hall are a million records; as JSON objects they are 700 MB that take seconds to parse, so
 * every long report ran at the speed of the parser. By column, each repeated string (ids,
 * codes, the day) is written once and referred to by index, instants are milliseconds after
 * `base`, a column whose records all hold one value is that value, and the rest are arrays of
 * small integers, which `JSON.parse` reads several times faster than objects.
 *
 * The columns come in two parts: `stats`, what aggregates read, and `detail`, what only the
 * per-visit exports need, so a store can hand the aggregate the small part alone. Lossless:
 * `decodeRecords(encodeRecords(rs))` equals `rs`.
 */
export interface RecordColumns {
  count: number;
  /** Instants are stored as milliseconds after this (the earliest issue of the day). */
  base: number;
  stats: StatsColumns;
  detail: DetailColumns;
}

/** One value per record, or the single value every record holds. */
export type Column = Array<number | null> | number | null;

export interface StatsColumns {
  /** The strings of the text columns of this part, referred to by index. */
  strings: string[];
  /**
   * `directorateId` is absent in summaries written before directorates were recorded;
   * `appointment` (1 for a booked visitor) and `slotCallMs` in those written before
   * appointments, whose records read as walk-ins.
   */
  columns: Record<Exclude<StatsField, 'directorateId'>, Column> & {
    directorateId?: Column;
    appointment?: Column;
    slotCallMs?: Column;
  };
  /** Idle entries of all records in order: record i has `count[i]` of them. */
  idle: { count: Column; counterId: number[]; clerkId: number[]; ms: number[] };
  /**
   * Estimate samples of all records in order (record i has `count[i]`), `at` in ms after
   * `base`. Absent in summaries written before samples were taken, and when a day has none.
   */
  samples?: { count: Column; at: number[]; minutes: number[]; leftMs: Array<number | null> };
}

export interface DetailColumns {
  strings: string[];
  /** `bookingId` and `slotAt` (ms after `base`) are absent in summaries before appointments. */
  columns: Record<DetailField, Column> & { bookingId?: Column; slotAt?: Column };
}

const STATS_TEXT = [
  'day',
  'serviceId',
  'counterId',
  'clerkId',
  'end',
  'outcome',
  'directorateId',
] as const;
const STATS_NUMBER = [
  'segment',
  'hour',
  'weekday',
  'targetMinutes',
  'waitMs',
  'serviceMs',
  'rating',
  'estimateMinutes',
  'estimateMin',
  'estimateMax',
  'estimateFactor',
] as const;
const DETAIL_TEXT = [
  'hallId',
  'ticketId',
  'number',
  'priority',
  'lang',
  'transferredTo',
  'cancelledBy',
  'note',
] as const;
const DETAIL_NUMBER = ['walkMs', 'totalMs', 'recalls', 'transfers'] as const;
const INSTANT = [
  'issuedAt',
  'queuedAt',
  'firstCalledAt',
  'lastCalledAt',
  'startedAt',
  'completedAt',
  'endedAt',
] as const;

type StatsField = (typeof STATS_TEXT)[number] | (typeof STATS_NUMBER)[number];
type DetailField =
  (typeof DETAIL_TEXT)[number] | (typeof DETAIL_NUMBER)[number] | (typeof INSTANT)[number] | 'last';

/** What an aggregate reads of a record (see `statsRows`). */
export type StatsRow = Pick<
  TicketRecord,
  StatsField | 'idle' | 'samples' | 'appointment' | 'slotCallMs'
>;

/** Interns strings of one part, in first-seen order. */
class Strings {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();

  of(s: string | null): number | null {
    if (s === null) return null;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.push(s) - 1;
      this.index.set(s, i);
    }
    return i;
  }
}

/** A column from its values: the value itself when all are equal (and there is one at least). */
function column(values: Array<number | null>): Column {
  const first = values[0];
  if (first === undefined) return [];
  return values.every((v) => v === first) ? first : values;
}

/** The value of record `i` of a column. */
function at(c: Column, i: number): number | null {
  return Array.isArray(c) ? (c[i] ?? null) : c;
}

/** Encodes records by column (see `RecordColumns`). */
export function encodeRecords(records: readonly TicketRecord[]): RecordColumns {
  const base = records.reduce((min, r) => Math.min(min, r.issuedAt), Infinity);
  const statsStrings = new Strings();
  const detailStrings = new Strings();
  const stats = {} as StatsColumns['columns'];
  const detail = {} as DetailColumns['columns'];
  for (const f of STATS_TEXT) stats[f] = column(records.map((r) => statsStrings.of(r[f] ?? null)));
  for (const f of STATS_NUMBER) stats[f] = column(records.map((r) => r[f] ?? null));
  for (const f of DETAIL_TEXT) detail[f] = column(records.map((r) => detailStrings.of(r[f])));
  for (const f of DETAIL_NUMBER) detail[f] = column(records.map((r) => r[f]));
  for (const f of INSTANT)
    detail[f] = column(records.map((r) => (r[f] === null ? null : r[f] - base)));
  detail.last = column(records.map((r) => (r.last ? 1 : 0)));
  // Appointment columns only on a day that had one: older readers and summaries stay as they were.
  if (records.some((r) => r.appointment)) {
    stats.appointment = column(records.map((r) => (r.appointment ? 1 : 0)));
    stats.slotCallMs = column(records.map((r) => r.slotCallMs ?? null));
    detail.bookingId = column(records.map((r) => detailStrings.of(r.bookingId ?? null)));
    detail.slotAt = column(records.map((r) => (r.slotAt == null ? null : r.slotAt - base)));
  }
  const idle = { counterId: [] as number[], clerkId: [] as number[], ms: [] as number[] };
  for (const r of records) {
    for (const e of r.idle) {
      idle.counterId.push(statsStrings.of(e.counterId)!);
      idle.clerkId.push(statsStrings.of(e.clerkId)!);
      idle.ms.push(e.ms);
    }
  }
  const samples = {
    at: [] as number[],
    minutes: [] as number[],
    leftMs: [] as Array<number | null>,
  };
  for (const r of records) {
    for (const s of r.samples ?? []) {
      samples.at.push(s.at - base);
      samples.minutes.push(s.minutes);
      samples.leftMs.push(s.leftMs);
    }
  }
  return {
    count: records.length,
    base: records.length ? base : 0,
    stats: {
      strings: statsStrings.list,
      columns: stats,
      idle: { count: column(records.map((r) => r.idle.length)), ...idle },
      ...(samples.at.length === 0
        ? {}
        : { samples: { count: column(records.map((r) => r.samples?.length ?? 0)), ...samples } }),
    },
    detail: { strings: detailStrings.list, columns: detail },
  };
}

/**
 * The stats part of each record in order, as one object refilled for every record (no
 * allocation per record): read each row before taking the next, and keep none of them.
 */
export function* statsRows(
  c: Pick<RecordColumns, 'count' | 'base' | 'stats'>,
): Generator<StatsRow> {
  const { strings, columns: col, idle, samples } = c.stats;
  const text = (v: number | null) => (v === null ? null : strings[v]!);
  const row: StatsRow = {
    day: '',
    serviceId: '',
    counterId: null,
    clerkId: null,
    end: 'open',
    outcome: null,
    directorateId: null,
    segment: 0,
    hour: 0,
    weekday: 0,
    targetMinutes: 0,
    waitMs: null,
    serviceMs: null,
    rating: null,
    estimateMinutes: null,
    estimateMin: null,
    estimateMax: null,
    estimateFactor: null,
    idle: [],
  };
  const idleEntries: IdleEntry[] = [];
  let idleAt = 0;
  let sampleAt = 0;
  for (let i = 0; i < c.count; i++) {
    row.day = text(at(col.day, i))!;
    row.serviceId = text(at(col.serviceId, i))!;
    row.counterId = text(at(col.counterId, i));
    row.clerkId = text(at(col.clerkId, i));
    row.end = text(at(col.end, i)) as StatsRow['end'];
    row.outcome = text(at(col.outcome, i)) as StatsRow['outcome'];
    row.directorateId = text(at(col.directorateId ?? null, i));
    row.segment = at(col.segment, i)!;
    row.hour = at(col.hour, i)!;
    row.weekday = at(col.weekday, i)!;
    row.targetMinutes = at(col.targetMinutes, i)!;
    row.waitMs = at(col.waitMs, i);
    row.serviceMs = at(col.serviceMs, i);
    row.rating = at(col.rating, i);
    // Summaries written before estimates were recorded have no such columns.
    row.estimateMinutes = at(col.estimateMinutes ?? null, i);
    row.estimateMin = at(col.estimateMin ?? null, i);
    row.estimateMax = at(col.estimateMax ?? null, i);
    row.estimateFactor = at(col.estimateFactor ?? null, i);
    // Summaries written before appointments have no such columns: walk-ins.
    if (at(col.appointment ?? null, i) === 1) {
      row.appointment = true;
      row.slotCallMs = at(col.slotCallMs ?? null, i);
    } else {
      delete row.appointment;
      delete row.slotCallMs;
    }
    idleEntries.length = 0;
    for (let n = at(idle.count, i)!; n > 0; n--, idleAt++) {
      idleEntries.push({
        counterId: strings[idle.counterId[idleAt]!]!,
        clerkId: strings[idle.clerkId[idleAt]!]!,
        ms: idle.ms[idleAt]!,
      });
    }
    row.idle = idleEntries;
    // Few records have samples: a new list for each of those (kept by copies of the row).
    const n = samples ? at(samples.count, i)! : 0;
    if (n === 0) delete row.samples;
    else {
      const list: EstimateSample[] = [];
      for (let k = 0; k < n; k++, sampleAt++) {
        list.push({
          at: c.base + samples!.at[sampleAt]!,
          minutes: samples!.minutes[sampleAt]!,
          leftMs: samples!.leftMs[sampleAt] ?? null,
        });
      }
      row.samples = list;
    }
    yield row;
  }
}

/** The records of `encodeRecords`, in their order. */
export function decodeRecords(c: RecordColumns): TicketRecord[] {
  const { strings, columns: col } = c.detail;
  const text = (v: number | null) => (v === null ? null : strings[v]!);
  const instant = (v: number | null) => (v === null ? null : c.base + v);
  const out: TicketRecord[] = new Array<TicketRecord>(c.count);
  let i = 0;
  for (const s of statsRows(c)) {
    out[i] = {
      hallId: text(at(col.hallId, i))!,
      ticketId: text(at(col.ticketId, i))!,
      number: text(at(col.number, i))!,
      segment: s.segment,
      last: at(col.last, i) === 1,
      day: s.day,
      hour: s.hour,
      weekday: s.weekday,
      serviceId: s.serviceId,
      targetMinutes: s.targetMinutes,
      priority: text(at(col.priority, i)) as TicketRecord['priority'],
      lang: text(at(col.lang, i)) as TicketRecord['lang'],
      counterId: s.counterId,
      clerkId: s.clerkId,
      issuedAt: instant(at(col.issuedAt, i))!,
      queuedAt: instant(at(col.queuedAt, i))!,
      firstCalledAt: instant(at(col.firstCalledAt, i)),
      lastCalledAt: instant(at(col.lastCalledAt, i)),
      startedAt: instant(at(col.startedAt, i)),
      completedAt: instant(at(col.completedAt, i)),
      endedAt: instant(at(col.endedAt, i)),
      waitMs: s.waitMs,
      walkMs: at(col.walkMs, i),
      serviceMs: s.serviceMs,
      totalMs: at(col.totalMs, i),
      end: s.end,
      outcome: s.outcome,
      ...(s.directorateId ? { directorateId: s.directorateId } : {}),
      transferredTo: text(at(col.transferredTo, i)),
      cancelledBy: text(at(col.cancelledBy, i)) as TicketRecord['cancelledBy'],
      recalls: at(col.recalls, i)!,
      transfers: at(col.transfers, i)!,
      idle: [...s.idle],
      rating: s.rating,
      note: text(at(col.note, i)),
      // Only where one was recorded, so records round-trip as they were folded.
      ...(s.estimateMinutes === null
        ? {}
        : {
            estimateMinutes: s.estimateMinutes,
            estimateMin: s.estimateMin,
            estimateMax: s.estimateMax,
            ...(s.estimateFactor === null ? {} : { estimateFactor: s.estimateFactor }),
          }),
      ...(s.samples ? { samples: s.samples } : {}),
      ...(s.appointment ? appointmentOf(c, i, s.slotCallMs ?? null) : {}),
    };
    i++;
  }
  return out;
}

/** An appointment record's own fields, as `foldRecords` sets them. */
function appointmentOf(
  c: RecordColumns,
  i: number,
  slotCallMs: number | null,
): Pick<TicketRecord, 'appointment' | 'slotAt' | 'bookingId' | 'slotCallMs'> {
  const { strings, columns: col } = c.detail;
  const slot = at(col.slotAt ?? null, i);
  const booking = at(col.bookingId ?? null, i);
  const segment = at(c.stats.columns.segment, i);
  return {
    appointment: true,
    slotAt: slot === null ? null : c.base + slot,
    bookingId: booking === null ? null : strings[booking]!,
    ...(segment === 0 ? { slotCallMs } : {}),
  };
}
