import { expect } from 'vitest';
import type { EstimateAccuracy } from '../../contract/estimate-accuracy.js';

/**
 * The accuracy figures of a list of errors (real wait − promise, in minutes), computed the
 * plain way for the brute-force recomputations the accuracy report is checked against.
 */
export function summariseErrors(errors: number[], promised: number): EstimateAccuracy {
  const called = errors.length;
  const sortedAbs = errors.map(Math.abs).sort((a, b) => a - b);
  const sorted = [...errors].sort((a, b) => a - b);
  const mid = (xs: number[]) =>
    xs.length % 2 ? xs[(xs.length - 1) / 2]! : (xs[xs.length / 2 - 1]! + xs[xs.length / 2]!) / 2;
  const share = (f: (e: number) => boolean) => errors.filter(f).length / called;
  return {
    promised,
    called,
    medianAbsErrorMinutes: mid(sortedAbs),
    within2: share((e) => Math.abs(e) <= 2),
    within5: share((e) => Math.abs(e) <= 5),
    medianErrorMinutes: mid(sorted),
    waitedLonger: share((e) => e > 2),
    waitedLess: share((e) => e < -2),
  };
}

/** Every figure of `actual` equals the recomputed one (to 9 decimals). */
export function expectSameAccuracy(
  actual: EstimateAccuracy | undefined,
  expected: EstimateAccuracy,
): void {
  expect(actual).toBeDefined();
  for (const [k, v] of Object.entries(expected))
    expect(actual![k as keyof EstimateAccuracy], k).toBeCloseTo(v as number, 9);
}
