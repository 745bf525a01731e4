import { describe, expect, it } from 'vitest';
import type { EstimateRow } from '../../../server/src/stats/estimate-accuracy.js';
import { HISTORY_MIN_TICKETS, waitHistoryOf } from '../../../server/src/stats/estimate-history.js';

/** `n` Monday 09:xx tickets promised `promised` minutes (under `factor`) that waited `waited`. */
function rows(
  n: number,
  promised: number,
  waited: number,
  over: Partial<EstimateRow> = {},
): EstimateRow[] {
  return Array.from({ length: n }, () => ({
    segment: 0,
    serviceId: 'vezne',
    weekday: 1,
    hour: 9,
    waitMs: waited * 60_000,
    estimateMinutes: promised,
    ...over,
  }));
}

describe('waitHistoryOf', () => {
  it('when a weekday-hour has enough promises, then its factor is the median of waited ÷ promised', () => {
    const history = waitHistoryOf([...rows(10, 10, 12), ...rows(11, 10, 15), ...rows(5, 4, 2)]);

    // Ratios: ten 1.2, eleven 1.5, five 0.5 → 26 values, the median between the 13th and 14th.
    expect(history.factors).toEqual(new Map([['1-9', 1.2]]));
  });

  it('when a weekday-hour has fewer than the minimum, or only short promises, then it has no factor', () => {
    const history = waitHistoryOf([
      ...rows(HISTORY_MIN_TICKETS - 1, 10, 20),
      ...rows(40, 1, 5, { hour: 10 }),
      ...rows(40, 10, 20, { segment: 1, hour: 11 }),
      ...rows(40, 10, 20, { waitMs: null, hour: 12 }),
    ]);

    expect(history.factors.size).toBe(0);
  });

  it('when the promises carried a history factor, then the factor is learnt against the forecast alone', () => {
    // Promised 15 under × 1.5: the forecast said 10; they waited 15.
    const history = waitHistoryOf(rows(30, 15, 15, { estimateFactor: 1.5 }));

    expect(history.factors.get('1-9')).toBe(1.5);
  });

  it('when the past is extreme, then a factor never more than halves or doubles the forecast', () => {
    const history = waitHistoryOf([...rows(30, 10, 60), ...rows(30, 10, 1, { weekday: 2 })]);

    expect(history.factors).toEqual(
      new Map([
        ['1-9', 2],
        ['2-9', 0.5],
      ]),
    );
  });
});
