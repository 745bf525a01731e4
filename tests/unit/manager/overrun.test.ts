import { describe, expect, it } from 'vitest';
import { elapsedMs, overrunLevel, type OverrunLevel } from '../../../manager/src/state/overrun.js';
import { MIN } from './fixtures.js';

describe('overrunLevel', () => {
  it.each<[string, number, number, OverrunLevel]>([
    ['at the start', 0, 4, 'within'],
    ['just under the target', 4 * MIN - 1, 4, 'within'],
    ['exactly at the target', 4 * MIN, 4, 'over'],
    ['between the target and 1.5×', 5 * MIN, 4, 'over'],
    ['exactly at 1.5× the target', 6 * MIN, 4, 'over'],
    ['just past 1.5× the target', 6 * MIN + 1, 4, 'far-over'],
    ['with a 3-second target, at 3 s', 3_000, 0.05, 'over'],
    ['with a 3-second target, at 4.6 s', 4_600, 0.05, 'far-over'],
    ['with no target', 60 * MIN, 0, 'within'],
  ])('when the visit is %s, then the level is as listed', (_what, elapsed, target, level) => {
    expect(overrunLevel(elapsed, target)).toBe(level);
  });
});

describe('elapsedMs', () => {
  it('when the local clock is a little behind the start, then the elapsed time is zero, not negative', () => {
    expect(elapsedMs(1_000, 500)).toBe(0);
    expect(elapsedMs(1_000, 4_000)).toBe(3_000);
  });
});
