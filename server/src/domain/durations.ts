import type { Ticket } from '../../../contract/domain.js';

export interface Durations {
  /** First call − issue. */
  waitMs: number | null;
  /** Start − last call: the walk from the seat to the counter. */
  walkMs: number | null;
  /** Complete − start, of the last service segment. */
  serviceMs: number | null;
  /** Complete − issue. */
  totalMs: number | null;
}

const span = (from: number | null, to: number | null): number | null =>
  from === null || to === null ? null : Math.max(0, to - from);

/** The durations of a ticket as far as it has got; `null` where a step has not happened. */
export function durationsOf(t: Ticket): Durations {
  return {
    waitMs: span(t.issuedAt, t.firstCalledAt),
    walkMs: span(t.lastCalledAt, t.startedAt),
    serviceMs: span(t.startedAt, t.completedAt),
    totalMs: span(t.issuedAt, t.completedAt),
  };
}
