import { describe, expect, it } from 'vitest';
import { backtest } from '../../../../server/src/stats/staffing/backtest.js';
import {
  forecastArrivals,
  trimmedMean,
  type DayArrivals,
} from '../../../../server/src/stats/staffing/forecast.js';

/** A day with the given arrivals of one service at some hours. */
function day(d: string, counts: Record<number, number>, service = 'vezne'): DayArrivals {
  const hours = new Array<number>(24).fill(0);
  for (const [h, n] of Object.entries(counts)) hours[Number(h)] = n;
  return { day: d, byService: { [service]: hours } };
}

const MONDAYS = [
  '2026-10-05',
  '2026-10-12',
  '2026-10-19',
  '2026-10-26',
  '2026-11-02',
  '2026-11-09',
  '2026-11-16',
  '2026-11-23',
];

describe('arrivals forecast', () => {
  it('when eight weeks are there, then the highest and lowest of each hour are dropped', () => {
    const values = [10, 12, 11, 13, 9, 10, 50, 12];
    const history = MONDAYS.map((d, i) => day(d, { 9: values[i]!, 10: 40 }));
    const f = forecastArrivals(history);
    // 9 and 50 dropped: (10 + 10 + 11 + 12 + 12 + 13) / 6.
    expect(f.byService.vezne![9]).toBeCloseTo(68 / 6, 12);
    expect(f.byService.vezne![10]).toBe(40);
    expect(f.byService.vezne![11]).toBe(0);
    expect(f.usedDays).toEqual(MONDAYS);
    expect(f.outlierDays).toEqual([]);
  });

  it('when a week is a holiday with few visitors, then it is left out as an outlier', () => {
    const history = MONDAYS.map((d) => day(d, { 9: 20, 10: 30 }));
    history[3] = day(MONDAYS[3]!, { 9: 4, 10: 0 }); // bayram arifesi: 4 of the usual 50
    const f = forecastArrivals(history);
    expect(f.outlierDays).toEqual([MONDAYS[3]]);
    expect(f.usedDays).toHaveLength(7);
    expect(f.byService.vezne![9]).toBe(20);
    expect(f.byService.vezne![10]).toBe(30);
  });

  it('when weeks are missing, then the forecast uses those there and does not trim few', () => {
    const history = [
      day(MONDAYS[6]!, { 9: 10 }),
      day(MONDAYS[7]!, { 9: 14 }),
      day(MONDAYS[5]!, { 9: 15 }),
    ];
    const f = forecastArrivals(history);
    expect(f.byService.vezne![9]).toBe(13);
    expect(f.usedDays).toEqual([MONDAYS[5], MONDAYS[6], MONDAYS[7]]);
    expect(forecastArrivals([]).byService).toEqual({});
  });

  it('when a service appears only on some days, then the others count as zero for it', () => {
    const history = [
      day(MONDAYS[0]!, { 9: 10 }),
      {
        day: MONDAYS[1]!,
        byService: { ...day('', { 9: 10 }).byService, ruhsat: day('', { 9: 4 }).byService.vezne! },
      },
    ];
    const f = forecastArrivals(history);
    expect(f.byService.ruhsat![9]).toBe(2);
    expect(trimmedMean([1, 2, 3, 4, 100])).toBe(3);
  });
});

describe('back-test', () => {
  it('when a small history is scored, then MAE, MAPE and the naive error are the hand-computed ones', () => {
    // Tested day: 10 at 09:00, 20 at 10:00. Weeks before: (8, 16) last week and (12, 20).
    // Forecast (two days, no trim) = (10, 18): errors 0 and 2 → MAE 1, MAPE (0 + 2/20) / 2 = 0.05.
    // Naive = last week (8, 16): errors 2 and 4 → 3.
    const tested = day('2026-11-30', { 9: 10, 10: 20 });
    const before: Record<string, DayArrivals[]> = {
      '2026-11-30': [day('2026-11-23', { 9: 8, 10: 16 }), day('2026-11-16', { 9: 12, 10: 20 })],
    };
    const r = backtest([tested], (d) => before[d] ?? []);
    expect(r.days).toEqual([{ day: '2026-11-30', mae: 1, mape: 0.05, naiveMae: 3, hours: 2 }]);
    expect(r.mae).toBe(1);
    expect(r.mape).toBeCloseTo(0.05, 12);
    expect(r.naiveMae).toBe(3);
  });

  it('when two days are scored, then the totals are over all their hours together', () => {
    // Day A: one hour, error 4 (forecast 6, actual 10). Day B: two hours, errors 1 and 1.
    const a = day('2026-11-30', { 9: 10 });
    const b = day('2026-11-23', { 9: 5, 10: 5 });
    const before: Record<string, DayArrivals[]> = {
      '2026-11-30': [day('2026-11-16', { 9: 6 })],
      '2026-11-23': [day('2026-11-09', { 9: 4, 10: 6 })],
    };
    const r = backtest([a, b], (d) => before[d] ?? []);
    expect(r.mae).toBe((4 + 1 + 1) / 3);
    expect(r.mape).toBeCloseTo((0.4 + 0.2 + 0.2) / 3, 12);
    // Neither tested day has its week-before in the history: no naive figure.
    expect(r.naiveMae).toBeNull();
  });

  it('when only some tested days have their week before, then the forecast error to compare with the naive one is over those days only', () => {
    // Day A (with last week): forecast (6+4)/2 = 5 vs 5 → error 0; naive 6 vs 5 → 1.
    // Day B (no last week): forecast 20 vs 40 → error 20, no naive forecast.
    const a = day('2026-11-30', { 9: 5 });
    const b = day('2026-11-23', { 9: 40 });
    const before: Record<string, DayArrivals[]> = {
      '2026-11-30': [day('2026-11-23', { 9: 6 }), day('2026-11-16', { 9: 4 })],
      '2026-11-23': [day('2026-11-09', { 9: 20 })],
    };
    const r = backtest([a, b], (d) => before[d] ?? []);
    expect(r.mae).toBe(10);
    expect(r.naiveMae).toBe(1);
    // The figure beside the naive one: 0, not the 10 of all days (which made the method look worse).
    expect(r.comparedMae).toBe(0);
  });

  it('when the tested day is a holiday or has no weeks before, then it is skipped', () => {
    const holiday = day('2026-11-30', { 9: 1 });
    const r = backtest([holiday, day('2026-11-23', { 9: 9 })], (d) =>
      d === '2026-11-30' ? [day('2026-11-16', { 9: 30 }), day('2026-11-09', { 9: 30 })] : [],
    );
    expect(r.days).toEqual([]);
    expect(r.mae).toBeNull();
  });
});
