import { describe, expect, it } from 'vitest';
import type { HallConfig, HallState } from '../../../server/src/domain/index.js';
import { pickNext } from '../../../server/src/domain/index.js';
import {
  at,
  callNext,
  checkIn,
  errorCode,
  eventsOf,
  issue,
  makeConfig,
  must,
  newDay,
  open,
  run,
  ticketByNumber,
  VEZNE,
} from './fixtures.js';

const AYSE = 'ayse';
const me = { counterId: 'c2', clerkId: AYSE };

/** A hall with counter c2 (vezne only) open from the start. */
function hall(): { state: HallState; config: HallConfig } {
  const state = newDay();
  const config = makeConfig();
  open(state, config, 'c2', AYSE, at(0));
  return { state, config };
}

/** Calls at c2 and finishes the visit at once; the number called. */
function serve(state: HallState, config: HallConfig, now: number): string {
  const t = callNext(state, config, 'c2', AYSE, now);
  must(state, config, { type: 'start', ...me }, now);
  must(state, config, { type: 'complete', ...me, outcome: 'resolved', note: null }, now);
  return t.number;
}

const next = (state: HallState, config: HallConfig, now: number) =>
  pickNext(state, config.hall, config.counters.get('c2')!, now)?.number;

describe('call-next with booked visitors: a slot still to come', () => {
  // Each row: the line at `now`; who call-next picks.
  it.each([
    {
      rule: 'a booked visitor before their slot is passed over for a walk-in who came later',
      arrange: (s: HallState, c: HallConfig) => {
        checkIn(s, c, VEZNE, at(1), at(20)); // V001, slot 09:20
        issue(s, c, VEZNE, at(2)); // V002
      },
      now: at(10),
      picked: 'V002',
    },
    {
      rule: 'a booked visitor alone in line before their slot is not next',
      arrange: (s: HallState, c: HallConfig) => void checkIn(s, c, VEZNE, at(1), at(20)),
      now: at(19, 59),
      picked: undefined,
    },
    {
      rule: 'a booked visitor whose slot is exactly now is next',
      arrange: (s: HallState, c: HallConfig) => {
        issue(s, c, VEZNE, at(1)); // V001
        checkIn(s, c, VEZNE, at(2), at(20)); // V002
      },
      now: at(20),
      picked: 'V002',
    },
  ])('$rule', ({ arrange, now, picked }) => {
    const { state, config } = hall();
    arrange(state, config);

    expect(next(state, config, now)).toBe(picked);
  });

  it('when only a booked visitor before their slot waits, then call-next answers queue-empty', () => {
    const { state, config } = hall();
    checkIn(state, config, VEZNE, at(1), at(20));

    expect(errorCode(run(state, config, { type: 'call-next', ...me }, at(10)))).toBe('queue-empty');
  });

  it('when a clerk calls a booked visitor by number before their slot, then it is allowed', () => {
    const { state, config } = hall();
    checkIn(state, config, VEZNE, at(1), at(20));

    const [event] = eventsOf(run(state, config, { type: 'call', ...me, number: 'V001' }, at(5)));

    expect(event).toMatchObject({ type: 'ticket:called', counterId: 'c2' });
    expect(ticketByNumber(state, 'V001').status).toBe('called');
  });
});

describe('call-next with booked visitors: the order of the classes', () => {
  it.each([
    {
      rule: 'a due booked visitor goes before walk-ins who waited longer (none escalated)',
      arrange: (s: HallState, c: HallConfig) => {
        issue(s, c, VEZNE, at(1)); // V001
        issue(s, c, VEZNE, at(2), 'elderly'); // V002
        checkIn(s, c, VEZNE, at(10), at(15)); // V003
      },
      now: at(16),
      picked: 'V003',
    },
    {
      rule: 'among due booked visitors the earliest slot goes first, not the earliest check-in',
      arrange: (s: HallState, c: HallConfig) => {
        checkIn(s, c, VEZNE, at(1), at(15)); // V001, slot 09:15
        checkIn(s, c, VEZNE, at(5), at(10)); // V002, slot 09:10
      },
      now: at(16),
      picked: 'V002',
    },
    {
      rule: 'a walk-in waiting past the escalation limit goes before a due booked visitor',
      arrange: (s: HallState, c: HallConfig) => {
        issue(s, c, VEZNE, at(1)); // V001: waited 32 minutes at 09:33
        checkIn(s, c, VEZNE, at(20), at(30)); // V002
      },
      now: at(33),
      picked: 'V001',
    },
    {
      rule: "a booked visitor's wait counts from the slot, not the earlier check-in",
      arrange: (s: HallState, c: HallConfig) => {
        checkIn(s, c, VEZNE, at(0), at(20)); // V001: checked in 09:00, slot 09:20
        issue(s, c, VEZNE, at(3)); // V002: 32 minutes at 09:35, escalated
      },
      now: at(35),
      picked: 'V002',
    },
    {
      rule: 'a booked visitor waiting past the limit since their slot is escalated, longest first',
      arrange: (s: HallState, c: HallConfig) => {
        issue(s, c, VEZNE, at(8)); // V001: 46 minutes at 09:54
        checkIn(s, c, VEZNE, at(0), at(5)); // V002: 49 minutes since the slot
      },
      now: at(54),
      picked: 'V002',
    },
  ])('$rule', ({ arrange, now, picked }) => {
    const { state, config } = hall();
    arrange(state, config);

    expect(next(state, config, now)).toBe(picked);
  });

  it('when a no-show is restored to the front, then it goes before a due booked visitor', () => {
    const { state, config } = hall();
    issue(state, config, VEZNE, at(1)); // V001
    callNext(state, config, 'c2', AYSE, at(2));
    must(state, config, { type: 'no-show', ...me }, at(3));
    checkIn(state, config, VEZNE, at(4), at(5)); // V002
    must(state, config, { type: 'restore', number: 'V001', clerkId: AYSE }, at(6));

    expect(next(state, config, at(7))).toBe('V001');
  });

  it('when a called booked visitor is put back in line, then they queue as a walk-in', () => {
    const { state, config } = hall();
    checkIn(state, config, VEZNE, at(0), at(5)); // V001
    issue(state, config, VEZNE, at(1)); // V002
    callNext(state, config, 'c2', AYSE, at(6)); // V001 by slot
    must(state, config, { type: 'requeue', ...me }, at(7));

    expect(next(state, config, at(8))).toBe('V002');
  });

  it('when the day runs, then booked visitors are served at their slots between walk-ins', () => {
    const { state, config } = hall();
    for (const m of [0, 1, 2, 3]) issue(state, config, VEZNE, at(m)); // V001–V004
    checkIn(state, config, VEZNE, at(2), at(12)); // V005, slot 09:12
    checkIn(state, config, VEZNE, at(3), at(8)); // V006, slot 09:08

    const called = [5, 9, 10, 13, 14, 15].map((m) => serve(state, config, at(m)));

    expect(called).toEqual(['V001', 'V006', 'V002', 'V005', 'V003', 'V004']);
  });

  it('when a booked visitor is called, then the walk-ins keep their priority turn', () => {
    const { state, config } = hall(); // 1 priority : 2 normal
    issue(state, config, VEZNE, at(0)); // V001
    issue(state, config, VEZNE, at(1)); // V002
    issue(state, config, VEZNE, at(2), 'elderly'); // V003
    issue(state, config, VEZNE, at(2), 'elderly'); // V004
    checkIn(state, config, VEZNE, at(3), at(6)); // V005

    const called = [5, 6, 7, 8, 9].map((m) => serve(state, config, at(m)));

    // Counted as a normal call, the booked one would have brought V004 before V002.
    expect(called).toEqual(['V003', 'V005', 'V001', 'V002', 'V004']);
  });
});
