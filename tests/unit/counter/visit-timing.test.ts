import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WALK_HINT_SEC,
  visitTiming,
  type VisitState,
  type VisitTiming,
} from '../../../contract/visit-timing.js';

const T0 = Date.UTC(2026, 11, 4, 9, 0, 0);
const SEC = 1000;
const MIN = 60 * SEC;
const TARGET = 4 * 60;

type Row = [string, VisitState, number | null, number | null, number, Partial<VisitTiming>];

describe('visitTiming', () => {
  it.each<Row>([
    [
      'called and not yet arrived for 7:25 (past the 4-minute target)',
      'called',
      T0,
      null,
      T0 + 7 * MIN + 25 * SEC,
      { phase: 'walk', elapsedSec: 445, overTarget: false, farOverTarget: false, walkLong: true },
    ],
    [
      'called 2:59 ago',
      'called',
      T0,
      null,
      T0 + 2 * MIN + 59 * SEC,
      { phase: 'walk', elapsedSec: 179, walkLong: false },
    ],
    [
      'called exactly 3:00 ago',
      'called',
      T0,
      null,
      T0 + 3 * MIN,
      { phase: 'walk', elapsedSec: 180, walkLong: true },
    ],
    [
      'served for 3:59 after a 10-minute walk',
      'serving',
      T0,
      T0 + 10 * MIN,
      T0 + 13 * MIN + 59 * SEC,
      {
        phase: 'service',
        elapsedSec: 239,
        overTarget: false,
        farOverTarget: false,
        walkLong: false,
      },
    ],
    [
      'served for exactly the target',
      'serving',
      T0,
      T0 + MIN,
      T0 + 5 * MIN,
      { phase: 'service', elapsedSec: 240, overTarget: true, farOverTarget: false },
    ],
    [
      'served for exactly 1.5× the target',
      'serving',
      T0,
      T0,
      T0 + 6 * MIN,
      { overTarget: true, farOverTarget: false },
    ],
    [
      'served one second past 1.5× the target',
      'serving',
      T0,
      T0,
      T0 + 6 * MIN + SEC,
      { overTarget: true, farOverTarget: true },
    ],
    [
      'called with a clock a little behind the server',
      'called',
      T0,
      null,
      T0 - 5 * SEC,
      { phase: 'walk', elapsedSec: 0, walkLong: false },
    ],
    [
      'serving with no start time yet',
      'serving',
      T0,
      null,
      T0 + 60 * MIN,
      { phase: 'service', elapsedSec: 0, overTarget: false },
    ],
  ])(
    'when a visit is %s, then its timing is as listed',
    (_what, state, called, started, now, want) => {
      expect(visitTiming(state, called, started, now, TARGET, DEFAULT_WALK_HINT_SEC)).toMatchObject(
        want,
      );
    },
  );

  it('when the target is zero, then a long service never counts as over target', () => {
    const t = visitTiming('serving', T0, T0, T0 + 60 * MIN, 0, 180);
    expect(t).toMatchObject({ overTarget: false, farOverTarget: false });
  });

  it('when the walk hint is zero, then a long walk is never flagged', () => {
    expect(visitTiming('called', T0, null, T0 + 60 * MIN, TARGET, 0).walkLong).toBe(false);
  });

  it('when a hall gives a longer walk hint, then the walk is long only from that time', () => {
    expect(visitTiming('called', T0, null, T0 + 4 * MIN, TARGET, 300).walkLong).toBe(false);
    expect(visitTiming('called', T0, null, T0 + 5 * MIN, TARGET, 300).walkLong).toBe(true);
  });

  it('when no walk hint is given, then three minutes is the default', () => {
    expect(DEFAULT_WALK_HINT_SEC).toBe(180);
    expect(visitTiming('called', T0, null, T0 + 3 * MIN, TARGET).walkLong).toBe(true);
  });
});
