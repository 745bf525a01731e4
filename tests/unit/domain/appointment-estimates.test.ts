import { describe, expect, it } from 'vitest';
import type { WaitEstimate } from '../../../contract/domain.js';
import {
  evolve,
  joinEstimate,
  notBefore,
  quickEstimate,
  peopleAhead,
  peopleAheadOf,
  ticketEstimate,
  type HallConfig,
  type HallState,
} from '../../../server/src/domain/index.js';
import { at, checkIn, issue, makeConfig, MINUTE, must, newDay, open, VEZNE } from './fixtures.js';

/*
 * One counter (c2, vezne only) open from 09:00; a vezne visit takes the walk (30 s) and the
 * mean (4 min) in the forecast. The rule for walk-ins: every booked visitor of the service
 * checked in with a slot no later than the walk-in's expected call (now + their estimate)
 * counts ahead of them. A booked visitor is never told a time before their slot.
 */

function hall(): { state: HallState; config: HallConfig } {
  const state = newDay();
  const config = makeConfig();
  open(state, config, 'c2', 'ayse', at(0));
  return { state, config };
}

const likely = (e: WaitEstimate) => (e.kind === 'no-open-counter' ? null : e.minutes);
const told = (state: HallState, config: HallConfig, t: Parameters<typeof peopleAhead>[1]) =>
  likely(ticketEstimate(state, config, t, () => peopleAheadOf(state, config, t)));

describe('people ahead of a walk-in', () => {
  it('when a booked visitor is due now, then the walk-in has them ahead', () => {
    const { state, config } = hall();
    issue(state, config, VEZNE, at(1)); // V001
    checkIn(state, config, VEZNE, at(2), at(2)); // V002, due
    const walkIn = issue(state, config, VEZNE, at(3)); // V003

    expect(peopleAheadOf(state, config, walkIn)).toBe(2);
  });

  it('when a booked slot is long after the walk-in will be called, then it is not ahead', () => {
    const { state, config } = hall();
    issue(state, config, VEZNE, at(1)); // V001
    checkIn(state, config, VEZNE, at(2), at(120)); // V002, slot 11:00
    const walkIn = issue(state, config, VEZNE, at(3)); // V003, about 5 minutes

    expect(peopleAheadOf(state, config, walkIn)).toBe(1);
    expect(peopleAhead(state, walkIn)).toBe(1);
  });

  it("when a booked slot falls within the walk-in's estimate, then it counts ahead", () => {
    const { state, config } = hall();
    for (const m of [1, 1, 2, 2]) issue(state, config, VEZNE, at(m)); // V001–V004
    checkIn(state, config, VEZNE, at(3), at(10)); // V005, slot 09:10
    const walkIn = issue(state, config, VEZNE, at(4)); // V006: about 20 minutes

    expect(told(state, config, walkIn)).toBeGreaterThan(6);
    expect(peopleAheadOf(state, config, walkIn)).toBe(5);
    // Without the estimate (only those due now), the booked visitor would not be counted.
    expect(peopleAhead(state, walkIn)).toBe(4);
  });

  it('when a booked visitor is due, then a walk-in joining now is told a longer wait', () => {
    const { state, config } = hall();
    issue(state, config, VEZNE, at(1));
    const before = likely(joinEstimate(state, config, config.services.get(VEZNE)!, null, at(2)));
    checkIn(state, config, VEZNE, at(2), at(2));

    const after = likely(joinEstimate(state, config, config.services.get(VEZNE)!, null, at(2)));

    expect(after).toBeGreaterThan(before ?? 0);
  });
});

describe("a booked visitor's own estimate", () => {
  it('when they check in 25 minutes early to an empty line, then they are told 25 minutes', () => {
    const { state, config } = hall();

    const t = checkIn(state, config, VEZNE, at(5), at(30));

    expect(told(state, config, t)).toBe(25);
    expect(peopleAheadOf(state, config, t)).toBe(0);
  });

  it('when they check in, then the estimate recorded at issue is not before the slot', () => {
    const { state, config } = hall();
    issue(state, config, VEZNE, at(1));

    const [event] = must(
      state,
      config,
      {
        type: 'issue',
        serviceId: VEZNE,
        priority: null,
        lang: 'tr',
        code: 'k',
        appointment: { bookingId: 'bk', slotAt: at(20) },
      },
      at(5),
    );

    const estimate = event?.type === 'ticket:issued' ? event.estimate : undefined;
    // The slot is the earliest they are told, and the likeliest (the counter is free by then).
    expect(estimate?.kind === 'range' && [estimate.min, estimate.minutes]).toEqual([15, 15]);
  });

  it('when their slot has come, then they are next: no wait once the counter is free', () => {
    const { state, config } = hall();
    for (const m of [1, 2, 3]) issue(state, config, VEZNE, at(m));

    const t = checkIn(state, config, VEZNE, at(4), at(4));

    expect(told(state, config, t)).toBe(0);
    expect(peopleAheadOf(state, config, t)).toBe(0);
  });

  it('when another booked visitor has an earlier slot, then they are ahead; walk-ins are not', () => {
    const { state, config } = hall();
    issue(state, config, VEZNE, at(1));
    checkIn(state, config, VEZNE, at(2), at(12), 'bk-a');

    const t = checkIn(state, config, VEZNE, at(3), at(10), 'bk-b');
    const later = checkIn(state, config, VEZNE, at(4), at(14), 'bk-c');

    expect(peopleAheadOf(state, config, t)).toBe(0);
    expect(peopleAheadOf(state, config, later)).toBe(2);
  });
});

describe('notBefore: an estimate never earlier than the slot', () => {
  const now = at(0);
  it.each<[string, WaitEstimate, number, WaitEstimate]>([
    [
      'a shorter wait is moved up',
      { kind: 'minutes', minutes: 3 },
      20,
      { kind: 'minutes', minutes: 20 },
    ],
    ['a longer wait stays', { kind: 'minutes', minutes: 25 }, 20, { kind: 'minutes', minutes: 25 }],
    [
      'a range wholly before the slot becomes the slot',
      { kind: 'range', minutes: 8, min: 6, max: 11 },
      20,
      { kind: 'minutes', minutes: 20 },
    ],
    [
      'a range across the slot starts at it and keeps its late end',
      { kind: 'range', minutes: 18, min: 14, max: 24 },
      20,
      { kind: 'range', minutes: 20, min: 20, max: 24 },
    ],
    ['no open counter stays so', { kind: 'no-open-counter' }, 20, { kind: 'no-open-counter' }],
    [
      'a slot already past changes nothing',
      { kind: 'minutes', minutes: 2 },
      -5,
      { kind: 'minutes', minutes: 2 },
    ],
  ])('%s', (_rule, estimate, slotInMinutes, expected) => {
    expect(notBefore(estimate, now + slotInMinutes * MINUTE, now)).toEqual(expected);
  });
});

describe('a line too long to replay (the quick formula)', () => {
  /** 301 walk-ins, folded straight from their events (no forecast per issue), then c2 opens. */
  function longLine(): { state: HallState; config: HallConfig } {
    const state = newDay();
    const config = makeConfig();
    for (let seq = 1; seq <= 301; seq++) {
      const number = `V${String(seq).padStart(3, '0')}`;
      evolve(state, {
        type: 'ticket:issued',
        hallId: state.hallId,
        at: at(0),
        ticketId: `t-${number}`,
        code: `c-${number}`,
        serviceId: VEZNE,
        seq,
        number,
        priority: null,
        lang: 'tr',
      });
    }
    open(state, config, 'c2', 'ayse', at(1));
    return { state, config };
  }

  it('when booked visitors wait, then a walk-in joining counts those due now, not those to come', () => {
    const { state, config } = longLine();
    const vezne = config.services.get(VEZNE)!;
    checkIn(state, config, VEZNE, at(2), at(2), 'due');
    checkIn(state, config, VEZNE, at(2), at(600), 'later');

    expect(joinEstimate(state, config, vezne, null, at(2))).toEqual(
      quickEstimate(state, config, vezne, 302),
    );
  });

  it("when a booked visitor's slot is far off, then their own estimate is not before it", () => {
    const { state, config } = longLine();

    const t = checkIn(state, config, VEZNE, at(2), at(600));

    expect(told(state, config, t)).toBeGreaterThanOrEqual(598);
  });
});
