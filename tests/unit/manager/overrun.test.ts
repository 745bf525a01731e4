import { describe, expect, it } from 'vitest';
import { visitTiming } from '../../../contract/visit-timing.js';
import {
  elapsedMs,
  isOverrun,
  visitLevel,
  type VisitLevel,
} from '../../../manager/src/state/overrun.js';
import { MIN, T0 } from './fixtures.js';

describe('visitLevel', () => {
  it.each<[string, 'called' | 'serving', number, number, VisitLevel]>([
    ['served, at the start', 'serving', 0, 4, 'within'],
    ['served, just under the target', 'serving', 4 * MIN - 1_000, 4, 'within'],
    ['served, exactly at the target', 'serving', 4 * MIN, 4, 'over'],
    ['served, exactly at 1.5× the target', 'serving', 6 * MIN, 4, 'over'],
    ['served, a second past 1.5× the target', 'serving', 6 * MIN + 1_000, 4, 'far-over'],
    ['served, with no target', 'serving', 60 * MIN, 0, 'within'],
    ['called, a minute ago', 'called', MIN, 4, 'walk'],
    ['called 7 minutes ago and not started', 'called', 7 * MIN, 4, 'walk-long'],
  ])(
    'when the visit is %s, then the level is as listed',
    (_what, state, elapsed, target, level) => {
      const calledAt = state === 'called' ? T0 : T0 - MIN;
      const startedAt = state === 'serving' ? T0 : null;
      const timing = visitTiming(state, calledAt, startedAt, T0 + elapsed, target * 60);
      expect(visitLevel(timing)).toBe(level);
    },
  );

  it('when a visitor is called 7 minutes ago and has not arrived, then it is not an overrun', () => {
    const timing = visitTiming('called', T0, null, T0 + 7 * MIN, 4 * 60);
    expect(isOverrun(visitLevel(timing))).toBe(false);
  });
});

describe('elapsedMs', () => {
  it('when the local clock is a little behind the start, then the elapsed time is zero, not negative', () => {
    expect(elapsedMs(1_000, 500)).toBe(0);
    expect(elapsedMs(1_000, 4_000)).toBe(3_000);
  });
});
