import { describe, expect, it } from 'vitest';
import { DurationHistogram } from '../../../server/src/stats/duration-histogram.js';

const of = (...seconds: number[]) => {
  const h = new DurationHistogram();
  for (const s of seconds) h.add(s * 1000);
  return h;
};

describe('DurationHistogram', () => {
  it.each([
    [[7], 0.5, 7],
    [[1, 2, 3, 4], 0.5, 2.5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5, 5.5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, 9.1],
    [[10, 1, 5], 0, 1],
    [[10, 1, 5], 1, 10],
    [[60, 60, 60, 120, 300, 420], 0.9, 360],
  ])(
    'when the durations are %j, then the %s quantile is %s s (like Excel PERCENTILE.INC)',
    (s, p, want) => {
      expect(of(...s).quantileMs(p)).toBeCloseTo(want * 1000, 6);
    },
  );

  it('when durations are not whole seconds, then quantiles round to the second and the mean stays exact', () => {
    const h = new DurationHistogram();
    h.add(1_400);
    h.add(2_600);

    expect(h.quantileMs(0)).toBe(1000);
    expect(h.quantileMs(1)).toBe(3000);
    expect(h.meanMs()).toBe(2000);
  });

  it('when a duration is over two hours, then it falls in a one-minute bin, shown at its middle', () => {
    const h = of(3 * 3600 + 10);

    expect(h.quantileMs(0.5)).toBe((3 * 3600 + 30) * 1000);
  });

  it('when histograms are merged, then the quantiles are those of all durations together', () => {
    const a = of(1, 2, 3);
    const b = of(4, 5, 6, 7, 8, 9, 10, 9000);
    a.merge(b);

    expect(a.count).toBe(11);
    expect(a.quantileMs(0.5)).toBe(6000);
    expect(a.meanMs()).toBe(((55 + 9000) * 1000) / 11);
  });

  it('when a million visits are counted, then count, median and p90 are exact', () => {
    const h = new DurationHistogram();
    // 556 visits of each whole second 0–1799 s.
    for (let i = 0; i < 556 * 1800; i++) h.add((i % 1800) * 1000);

    expect(h.count).toBe(1_000_800);
    expect(h.quantileMs(0.5)).toBe(899.5 * 1000);
    expect(h.quantileMs(0.9)).toBeCloseTo(1619.1 * 1000, 3);
  });
});
