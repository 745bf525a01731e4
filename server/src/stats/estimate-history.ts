import { HISTORY_FROM_MINUTES, type WaitHistory } from '../domain/index.js';
import type { EstimateRow } from './estimate-accuracy.js';

/** A weekday-hour needs this many measured promises before its factor is trusted. */
export const HISTORY_MIN_TICKETS = 20;
/** However the past went, a factor never more than halves or doubles the forecast. */
const FACTOR_RANGE = [0.5, 2] as const;

/**
 * The hall's history of its promises at issue, as the forecast uses it: by ISO weekday and
 * local hour, the median of (wait that followed ÷ wait the forecast alone promised) over at
 * least `HISTORY_MIN_TICKETS` tickets told two minutes or more. A promise recorded with a
 * history factor is divided by it first, so a history is learnt against the forecast, never
 * against an earlier history (a restart loses nothing).
 */
export function waitHistoryOf(rows: Iterable<EstimateRow>): WaitHistory {
  const ratios = new Map<string, number[]>();
  for (const r of rows) {
    if (r.segment !== 0 || r.waitMs === null || r.estimateMinutes == null) continue;
    const forecast = r.estimateMinutes / (r.estimateFactor ?? 1);
    if (forecast < HISTORY_FROM_MINUTES) continue;
    const key = `${r.weekday}-${r.hour}`;
    let list = ratios.get(key);
    if (!list) ratios.set(key, (list = []));
    list.push(r.waitMs / 60_000 / forecast);
  }
  const factors = new Map<string, number>();
  for (const [key, list] of ratios) {
    if (list.length < HISTORY_MIN_TICKETS) continue;
    list.sort((a, b) => a - b);
    const mid = list.length >> 1;
    const median = list.length % 2 ? list[mid]! : (list[mid - 1]! + list[mid]!) / 2;
    factors.set(key, Math.min(FACTOR_RANGE[1], Math.max(FACTOR_RANGE[0], median)));
  }
  return { factors };
}
