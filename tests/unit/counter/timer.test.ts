import { describe, expect, it } from 'vitest';
import { visitTiming } from '../../../contract/visit-timing.js';
import {
  formatDuration,
  levelOf,
  timerLevel,
  type TimerLevel,
} from '../../../counter/src/state/timer.js';

const MIN = 60_000;

describe('timerLevel', () => {
  it.each<[string, number, number, TimerLevel]>([
    ['at the start', 0, 4, 'neutral'],
    ['just under the target', 4 * MIN - 1, 4, 'neutral'],
    ['exactly at the target', 4 * MIN, 4, 'amber'],
    ['between the target and 1.5×', 5 * MIN, 4, 'amber'],
    ['exactly at 1.5× the target', 6 * MIN, 4, 'amber'],
    ['just past 1.5× the target', 6 * MIN + 1, 4, 'red'],
    ['far past the target', 60 * MIN, 4, 'red'],
    ['with a one-minute target, at 90 s', 90_000, 1, 'amber'],
    ['with a one-minute target, at 91 s', 91_000, 1, 'red'],
    ['with no target', 60 * MIN, 0, 'neutral'],
    ['with a negative elapsed time (clock skew)', -5_000, 4, 'neutral'],
  ])('when the visit is %s, then the level is as listed', (_what, elapsed, target, level) => {
    expect(timerLevel(elapsed, target)).toBe(level);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0:00'],
    [999, '0:00'],
    [1_000, '0:01'],
    [65_000, '1:05'],
    [4 * MIN, '4:00'],
    [59 * MIN + 59_000, '59:59'],
    [3_600_000 + 61_000, '1:01:01'],
    [-10_000, '0:00'],
  ])('when %i ms have passed, then it shows %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('levelOf', () => {
  const T = Date.UTC(2026, 11, 4, 9, 0, 0);

  it('when a called visitor has not arrived for 7 minutes, then the timer is not amber or red', () => {
    expect(levelOf(visitTiming('called', T, null, T + 7 * MIN, 240, 180))).toBe('neutral');
  });

  it.each<[number, TimerLevel]>([
    [3 * MIN, 'neutral'],
    [4 * MIN, 'amber'],
    [7 * MIN, 'red'],
  ])('when the service has run %i ms after a long walk, then the level is %s', (ms, level) => {
    const started = T + 10 * MIN;
    expect(levelOf(visitTiming('serving', T, started, started + ms, 240, 180))).toBe(level);
  });
});
