import fc from 'fast-check';
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

  /** Excel's PERCENTILE.INC over the durations as the bins keep them, computed naively. */
  function bruteQuantile(ms: number[], p: number): number {
    const v = ms
      .map((m) => Math.max(0, Math.round(m / 1000)))
      .map((s) => (s < 7200 ? s : 7200 + Math.min(1319, Math.floor((s - 7200) / 60)) * 60 + 30))
      .sort((a, b) => a - b);
    const h = (v.length - 1) * p;
    const lo = Math.floor(h);
    return (v[lo]! + (h - lo) * ((v[lo + 1] ?? v[lo]!) - v[lo]!)) * 1000;
  }

  it('when small and large groups are filled and merged in any order, then every quantile is the naive one (small groups keep a list, large ones bins)', () => {
    const duration = fc.oneof(
      fc.integer({ min: 0, max: 600_000 }),
      fc.integer({ min: 0, max: 3 * 3600_000 }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(duration, { maxLength: 700 }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom(0, 0.1, 0.5, 0.9, 1),
        (parts, p) => {
          const all = parts.flat();
          fc.pre(all.length > 0);
          const merged = new DurationHistogram();
          for (const part of parts) {
            const h = new DurationHistogram();
            for (const ms of part) h.add(ms);
            merged.merge(h);
          }
          const direct = new DurationHistogram();
          for (const ms of all) direct.add(ms);
          const want = bruteQuantile(all, p);
          expect(direct.quantileMs(p)).toBeCloseTo(want, 6);
          expect(merged.quantileMs(p)).toBeCloseTo(want, 6);
          expect(merged.count).toBe(all.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
