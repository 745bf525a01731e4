import type {
  EstimateAccuracy,
  EstimateAccuracyFigures,
  EstimateAccuracyGroup,
  EstimateAccuracyReport,
} from '../../../contract/estimate-accuracy.js';
import type { EstimateSample, TicketRecord } from './ticket-record.js';

const MINUTE = 60_000;

/** What the accuracy report reads of a record: the promise, and the wait that followed. */
export type EstimateRow = Pick<
  TicketRecord,
  | 'segment'
  | 'serviceId'
  | 'hour'
  | 'weekday'
  | 'waitMs'
  | 'estimateMinutes'
  | 'estimateFactor'
  | 'samples'
>;

/** A row the report reads: one with a promise at issue, or with estimates sampled later. */
export function hasEstimates(row: EstimateRow): boolean {
  return (row.segment === 0 && row.estimateMinutes != null) || (row.samples?.length ?? 0) > 0;
}

/**
 * How far an estimate shown on the phone page was from the wait that followed it, in minutes
 * (positive: the visitor waited longer than shown); null if no call followed.
 */
export function sampleError(sample: EstimateSample): number | null {
  return sample.leftMs === null ? null : sample.leftMs / MINUTE - sample.minutes;
}

/**
 * How far a promised wait was from the wait that followed, in minutes: positive when the
 * visitor waited longer than promised (the estimate promised too little).
 */
export function estimateError(row: EstimateRow): number | null {
  if (row.segment !== 0 || row.estimateMinutes == null || row.waitMs === null) return null;
  return row.waitMs / MINUTE - row.estimateMinutes;
}

/** Accumulates errors of one group. */
class Errors {
  readonly values: number[] = [];
  promised = 0;

  add(error: number | null): void {
    this.promised += 1;
    if (error !== null) this.values.push(error);
  }

  result(): EstimateAccuracy {
    const n = this.values.length;
    const abs = this.values.map(Math.abs).sort((a, b) => a - b);
    const signed = [...this.values].sort((a, b) => a - b);
    const share = (f: (e: number) => boolean) =>
      n === 0 ? null : this.values.filter(f).length / n;
    return {
      promised: this.promised,
      called: n,
      medianAbsErrorMinutes: median(abs),
      within2: share((e) => Math.abs(e) <= 2),
      within5: share((e) => Math.abs(e) <= 5),
      medianErrorMinutes: median(signed),
      // Outside ±2 minutes: the visitor noticed the promise was off, one way or the other.
      waitedLonger: share((e) => e > 2),
      waitedLess: share((e) => e < -2),
    };
  }
}

function median(sorted: number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The accuracy of the waits promised at issue, over tickets that were called: for the whole
 * range, by service and by hour of issue. A ticket issued with no time promised (no open
 * counter) or before estimates were recorded is not counted; one never called (cancelled,
 * still waiting) counts as promised but not as called.
 */
export function estimateAccuracy(rows: Iterable<EstimateRow>): EstimateAccuracyReport {
  const atIssue = new Figures();
  const shown = new Figures();
  for (const row of rows) {
    if (row.segment === 0 && row.estimateMinutes != null) atIssue.add(row, estimateError(row));
    for (const s of row.samples ?? []) shown.add(row, sampleError(s));
  }
  return { ...atIssue.result(), shown: shown.result() };
}

/** The errors of one kind of estimate: in total, by service and by hour of issue. */
class Figures {
  private readonly total = new Errors();
  private readonly byService = new Map<string, Errors>();
  private readonly byHour = new Map<number, Errors>();

  add(row: EstimateRow, error: number | null): void {
    this.total.add(error);
    into(this.byService, row.serviceId).add(error);
    into(this.byHour, row.hour).add(error);
  }

  result(): EstimateAccuracyFigures {
    return {
      total: this.total.result(),
      byService: groups(this.byService),
      byHour: groups(this.byHour),
    };
  }
}

function into<K>(map: Map<K, Errors>, key: K): Errors {
  let e = map.get(key);
  if (!e) map.set(key, (e = new Errors()));
  return e;
}

function groups<K extends string | number>(map: Map<K, Errors>): EstimateAccuracyGroup[] {
  return [...map.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, e]) => ({ key: String(key), ...e.result() }));
}
