import { describe, expect, it } from 'vitest';
import type { PriorityGroup } from '../../../contract/domain.js';
import {
  peopleAhead,
  pickNext,
  type HallConfig,
  type HallState,
} from '../../../server/src/domain/index.js';
import {
  at,
  callNext,
  comparable,
  eventsOf,
  EVRAK,
  issue,
  makeConfig,
  makeCounter,
  MINUTE,
  must,
  newDay,
  open,
  run,
  RUHSAT,
  ticketByNumber,
  VEZNE,
} from './fixtures.js';

const AYSE = 'ayse';

/** Calls the next visitor and finishes the visit at once; returns the number called. */
function serveNext(state: HallState, config: HallConfig, counterId: string, now: number): string {
  const me = { counterId, clerkId: AYSE };
  const ticket = callNext(state, config, counterId, AYSE, now);
  must(state, config, { type: 'start', ...me }, now);
  must(state, config, { type: 'complete', ...me, outcome: 'resolved', note: null }, now);
  return ticket.number;
}

/** The class of each call: P for a priority ticket, N for a normal one. */
function classesCalled(state: HallState, numbers: string[]): string {
  return numbers.map((n) => (ticketByNumber(state, n).priority === null ? 'N' : 'P')).join(' ');
}

describe('pickNext: first come, first served', () => {
  it('when nobody waits, then there is no next ticket', () => {
    const config = makeConfig();

    const next = pickNext(newDay(), config.hall, config.counters.get('c1')!, at(0));

    expect(next).toBeUndefined();
  });

  it('when only normal tickets wait, then they are called in the order they came', () => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c2', AYSE, at(0));
    for (const minute of [0, 1, 2, 3]) issue(state, config, VEZNE, at(minute));

    const called = [10, 11, 12, 13].map((minute) => serveNext(state, config, 'c2', at(minute)));

    expect(called).toEqual(['V001', 'V002', 'V003', 'V004']);
  });

  it('when tickets were issued in the same millisecond, then the lower sequence goes first', () => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c2', AYSE, at(0));
    for (let i = 0; i < 3; i += 1) issue(state, config, VEZNE, at(1));

    const called = [2, 3, 4].map((minute) => serveNext(state, config, 'c2', at(minute)));

    expect(called).toEqual(['V001', 'V002', 'V003']);
  });

  it('when a counter covers two services, then the longest wait across them goes first', () => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c1', AYSE, at(0));
    issue(state, config, RUHSAT, at(0));
    issue(state, config, VEZNE, at(1));
    issue(state, config, RUHSAT, at(2));
    issue(state, config, VEZNE, at(3));

    const called = [5, 6, 7, 8].map((minute) => serveNext(state, config, 'c1', at(minute)));

    expect(called).toEqual(['R001', 'V001', 'R002', 'V002']);
  });

  it('when pickNext is asked, then it does not change the state', () => {
    const state = newDay();
    const config = makeConfig();
    issue(state, config, VEZNE, at(0), 'disabled');
    issue(state, config, VEZNE, at(1));
    const before = comparable(state);

    pickNext(state, config.hall, config.counters.get('c1')!, at(50));

    expect(comparable(state)).toEqual(before);
  });
});

describe('pickNext: coverage', () => {
  it.each([
    ['c2', 'V001'],
    ['c3', 'R001'],
    ['c1', 'R001'],
  ])(
    'when counter %s calls with vezne and ruhsat waiting, then it gets %s',
    (counterId, number) => {
      const state = newDay();
      const config = makeConfig();
      issue(state, config, RUHSAT, at(0));
      issue(state, config, VEZNE, at(1));
      issue(state, config, EVRAK, at(-5));

      const next = pickNext(state, config.hall, config.counters.get(counterId)!, at(2));

      expect(next?.number).toBe(number);
    },
  );

  it('when only services a counter does not cover have waiting tickets, then it finds nobody', () => {
    const state = newDay();
    const config = makeConfig();
    issue(state, config, VEZNE, at(0));
    issue(state, config, EVRAK, at(0), 'elderly');

    expect(pickNext(state, config.hall, config.counters.get('c3')!, at(40))).toBeUndefined();
  });
});

describe('pickNext: priority interleave', () => {
  it('when a priority and a normal ticket wait at the start of the day, then the priority one goes first', () => {
    const state = newDay();
    const config = makeConfig();
    issue(state, config, VEZNE, at(0));
    issue(state, config, VEZNE, at(1), 'pregnant');

    expect(pickNext(state, config.hall, config.counters.get('c2')!, at(2))?.number).toBe('V002');
  });

  it.each<[number, string]>([
    [0, 'P P P P N N N N N N'],
    [1, 'P N P N P N P N N N'],
    [2, 'P N N P N N P N N P'],
    [3, 'P N N N P N N N P P'],
  ])(
    'when 4 priority and 6 normal tickets wait and the ratio is %i, then the calls go %s',
    (priorityRatio, expected) => {
      const state = newDay();
      const config = makeConfig({ hall: { priorityRatio } });
      open(state, config, 'c2', AYSE, at(0));
      for (let i = 0; i < 6; i += 1) issue(state, config, VEZNE, at(i));
      const groups: PriorityGroup[] = ['elderly', 'disabled', 'pregnant', 'veteran'];
      for (const [i, group] of groups.entries()) issue(state, config, VEZNE, at(6 + i), group);

      const called = Array.from({ length: 10 }, (_, i) =>
        serveNext(state, config, 'c2', at(10, i)),
      );

      expect(classesCalled(state, called)).toBe(expected);
      const normals = called.filter((n) => ticketByNumber(state, n).priority === null);
      const priorities = called.filter((n) => ticketByNumber(state, n).priority !== null);
      expect(normals).toEqual(['V001', 'V002', 'V003', 'V004', 'V005', 'V006']);
      expect(priorities).toEqual(['V007', 'V008', 'V009', 'V010']);
    },
  );

  it('when the default ratio is used, then it is 1 priority : 2 normal', () => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c2', AYSE, at(0));
    for (let i = 0; i < 4; i += 1) issue(state, config, VEZNE, at(i));
    for (let i = 0; i < 2; i += 1) issue(state, config, VEZNE, at(4 + i), 'veteran');

    const called = Array.from({ length: 6 }, (_, i) => serveNext(state, config, 'c2', at(10, i)));

    expect(config.hall.priorityRatio).toBe(2);
    expect(classesCalled(state, called)).toBe('P N N P N N');
  });

  it('when only normal tickets were called for a while and a priority ticket arrives, then it goes next', () => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c2', AYSE, at(0));
    for (let i = 0; i < 5; i += 1) issue(state, config, VEZNE, at(i));
    serveNext(state, config, 'c2', at(5));
    serveNext(state, config, 'c2', at(6));
    serveNext(state, config, 'c2', at(7));
    issue(state, config, VEZNE, at(8), 'elderly');

    expect(serveNext(state, config, 'c2', at(9))).toBe('V006');
  });

  it('when one normal ticket was called since the last priority one, then a normal ticket goes next', () => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c2', AYSE, at(0));
    issue(state, config, VEZNE, at(0), 'elderly');
    issue(state, config, VEZNE, at(1));
    issue(state, config, VEZNE, at(2));
    issue(state, config, VEZNE, at(3), 'disabled');
    serveNext(state, config, 'c2', at(4));
    serveNext(state, config, 'c2', at(5));

    expect(serveNext(state, config, 'c2', at(6))).toBe('V003');
  });

  it('when priority tickets were issued in the same millisecond, then the lower sequence goes first', () => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c2', AYSE, at(0));
    for (const group of ['veteran', 'elderly', 'pregnant'] as const)
      issue(state, config, VEZNE, at(1), group);

    const called = [2, 3, 4].map((minute) => serveNext(state, config, 'c2', at(minute)));

    expect(called).toEqual(['V001', 'V002', 'V003']);
  });

  it('when only priority tickets wait, then they are called in the order they came', () => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c2', AYSE, at(0));
    issue(state, config, VEZNE, at(0), 'veteran');
    issue(state, config, VEZNE, at(1), 'elderly');
    issue(state, config, VEZNE, at(2), 'pregnant');

    const called = [3, 4, 5].map((minute) => serveNext(state, config, 'c2', at(minute)));

    expect(called).toEqual(['V001', 'V002', 'V003']);
  });
});

describe('pickNext: escalation', () => {
  it.each([
    { escalationMinutes: 30, waited: 30 * MINUTE, number: 'V002' },
    { escalationMinutes: 30, waited: 30 * MINUTE + 1, number: 'V001' },
    { escalationMinutes: 30, waited: 45 * MINUTE, number: 'V001' },
    { escalationMinutes: 15, waited: 15 * MINUTE, number: 'V002' },
    { escalationMinutes: 15, waited: 15 * MINUTE + 1, number: 'V001' },
  ])(
    'when the limit is $escalationMinutes min and a normal ticket has waited $waited ms, then $number goes next',
    ({ escalationMinutes, waited, number }) => {
      const state = newDay();
      const config = makeConfig({ hall: { escalationMinutes } });
      issue(state, config, VEZNE, at(0));
      issue(state, config, VEZNE, at(1), 'elderly');

      const next = pickNext(state, config.hall, config.counters.get('c2')!, at(0) + waited);

      expect(next?.number).toBe(number);
    },
  );

  it('when several tickets are past the limit, then the longest waiting goes first whatever the weights', () => {
    const state = newDay();
    const config = makeConfig({
      counters: [makeCounter('c9', 9, [[VEZNE, 10], RUHSAT])],
    });
    issue(state, config, VEZNE, at(2));
    issue(state, config, RUHSAT, at(0));
    issue(state, config, VEZNE, at(1), 'elderly');

    const next = pickNext(state, config.hall, config.counters.get('c9')!, at(40));

    expect(next?.number).toBe('R001');
  });

  it('when a priority ticket is past the limit and normals are not, then it goes first even off-turn', () => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c2', AYSE, at(0));
    issue(state, config, VEZNE, at(0), 'elderly');
    issue(state, config, VEZNE, at(1), 'disabled');
    issue(state, config, VEZNE, at(20));
    issue(state, config, VEZNE, at(21));
    expect(serveNext(state, config, 'c2', at(25))).toBe('V001');

    expect(serveNext(state, config, 'c2', at(32))).toBe('V002');
  });
});

describe('pickNext: weights', () => {
  it.each([
    { weights: [1, 1], vezneAt: 0, ruhsatAt: 5, number: 'V001' },
    { weights: [1, 1], vezneAt: 5, ruhsatAt: 0, number: 'R001' },
    { weights: [1, 3], vezneAt: 0, ruhsatAt: 15, number: 'V001' },
    { weights: [1, 3], vezneAt: 0, ruhsatAt: 12, number: 'R001' },
    { weights: [2, 1], vezneAt: 10, ruhsatAt: 0, number: 'R001' },
    { weights: [2, 1], vezneAt: 9, ruhsatAt: 0, number: 'V001' },
  ])(
    'when weights are $weights, vezne came at $vezneAt and ruhsat at $ruhsatAt, then $number goes next at minute 20',
    ({ weights, vezneAt, ruhsatAt, number }) => {
      const state = newDay();
      const config = makeConfig({
        counters: [
          makeCounter('c9', 9, [
            [VEZNE, weights[0]!],
            [RUHSAT, weights[1]!],
          ]),
        ],
      });
      issue(state, config, VEZNE, at(vezneAt));
      issue(state, config, RUHSAT, at(ruhsatAt));

      const next = pickNext(state, config.hall, config.counters.get('c9')!, at(20));

      expect(next?.number).toBe(number);
    },
  );

  it('when weights favour a service, then priority tickets still keep their turn', () => {
    const state = newDay();
    const config = makeConfig({ counters: [makeCounter('c9', 9, [[VEZNE, 5], RUHSAT])] });
    issue(state, config, VEZNE, at(0));
    issue(state, config, RUHSAT, at(10), 'disabled');

    const next = pickNext(state, config.hall, config.counters.get('c9')!, at(12));

    expect(next?.number).toBe('R001');
  });
});

describe('pickNext: the front of the line', () => {
  function withNoShowRestored(state: HallState, config: HallConfig): void {
    open(state, config, 'c2', AYSE, at(0));
    issue(state, config, VEZNE, at(0));
    callNext(state, config, 'c2', AYSE, at(1));
    must(state, config, { type: 'no-show', counterId: 'c2', clerkId: AYSE }, at(2));
    issue(state, config, VEZNE, at(3));
    issue(state, config, VEZNE, at(3), 'elderly');
    must(state, config, { type: 'restore', number: 'V001', clerkId: AYSE }, at(4));
  }

  it('when a no-show is restored, then it is called before everyone waiting', () => {
    const state = newDay();
    const config = makeConfig();
    withNoShowRestored(state, config);

    expect(serveNext(state, config, 'c2', at(5))).toBe('V001');
    expect(ticketByNumber(state, 'V001').front).toBe(false);
  });

  it('when a restored ticket and an escalated one both wait, then the restored one goes first', () => {
    const state = newDay();
    const config = makeConfig();
    withNoShowRestored(state, config);

    expect(pickNext(state, config.hall, config.counters.get('c2')!, at(40))?.number).toBe('V001');
  });

  it('when restored tickets of two services wait, then the earlier restored goes first whatever the service order', () => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c1', AYSE, at(0));
    issue(state, config, RUHSAT, at(0));
    issue(state, config, VEZNE, at(0));
    for (const [minute, number] of [
      [1, 'R001'],
      [3, 'V001'],
    ] as const) {
      must(state, config, { type: 'call', counterId: 'c1', clerkId: AYSE, number }, at(minute));
      must(state, config, { type: 'no-show', counterId: 'c1', clerkId: AYSE }, at(minute + 1));
    }
    issue(state, config, VEZNE, at(5));
    must(state, config, { type: 'restore', number: 'R001', clerkId: AYSE }, at(6));
    must(state, config, { type: 'restore', number: 'V001', clerkId: AYSE }, at(7));

    // c1 covers VEZNE before RUHSAT; R001 was put at the front first.
    expect(pickNext(state, config.hall, config.counters.get('c1')!, at(8))?.number).toBe('R001');
  });

  it('when two tickets were put at the front, then the earlier goes first', () => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c1', AYSE, at(0));
    open(state, config, 'c3', 'mehmet', at(0));
    issue(state, config, VEZNE, at(0));
    issue(state, config, VEZNE, at(0));
    issue(state, config, RUHSAT, at(0));
    for (const [minute, number] of [
      [1, 'V001'],
      [2, 'V002'],
    ] as const) {
      must(state, config, { type: 'call', counterId: 'c1', clerkId: AYSE, number }, at(minute));
      must(state, config, { type: 'start', counterId: 'c1', clerkId: AYSE }, at(minute));
      must(
        state,
        config,
        { type: 'transfer', counterId: 'c1', clerkId: AYSE, serviceId: RUHSAT, position: 'front' },
        at(minute, 30),
      );
    }

    const called = [5, 6, 7].map((minute) => {
      const t = callNext(state, config, 'c3', 'mehmet', at(minute));
      must(state, config, { type: 'start', counterId: 'c3', clerkId: 'mehmet' }, at(minute));
      must(
        state,
        config,
        { type: 'complete', counterId: 'c3', clerkId: 'mehmet', outcome: 'resolved', note: null },
        at(minute),
      );
      return t.number;
    });

    expect(called).toEqual(['V001', 'V002', 'R001']);
  });
});

describe('call by number', () => {
  it.each(['V003', 'v003', ' V003 '])(
    'when the clerk calls "%s" out of turn, then that ticket is called and the rest keep their order',
    (typed) => {
      const state = newDay();
      const config = makeConfig();
      open(state, config, 'c2', AYSE, at(0));
      for (const minute of [0, 1, 2]) issue(state, config, VEZNE, at(minute));

      const [event] = eventsOf(
        run(state, config, { type: 'call', counterId: 'c2', clerkId: AYSE, number: typed }, at(3)),
      );

      expect(event).toMatchObject({
        type: 'ticket:called',
        ticketId: ticketByNumber(state, 'V003').id,
      });
      expect(ticketByNumber(state, 'V003').status).toBe('called');
      must(state, config, { type: 'requeue', counterId: 'c2', clerkId: AYSE }, at(3));
      expect(serveNext(state, config, 'c2', at(4))).toBe('V001');
      expect(serveNext(state, config, 'c2', at(5))).toBe('V002');
    },
  );
});

describe('peopleAhead', () => {
  it('when three visitors wait in one service, then each counts those who came before', () => {
    const state = newDay();
    const config = makeConfig();
    const tickets = [0, 1, 2].map((minute) => issue(state, config, VEZNE, at(minute)));
    issue(state, config, RUHSAT, at(0));

    expect(tickets.map((t) => peopleAhead(state, t))).toEqual([0, 1, 2]);
  });

  it('when a visitor has been called or left, then nobody is ahead of them and they are ahead of nobody', () => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c2', AYSE, at(0));
    const first = issue(state, config, VEZNE, at(0));
    const second = issue(state, config, VEZNE, at(1));
    const third = issue(state, config, VEZNE, at(2));
    callNext(state, config, 'c2', AYSE, at(3));
    must(
      state,
      config,
      { type: 'cancel', ticketId: second.id, by: 'visitor', clerkId: null },
      at(3),
    );

    expect([
      peopleAhead(state, first),
      peopleAhead(state, second),
      peopleAhead(state, third),
    ]).toEqual([0, 0, 0]);
  });

  it('when a no-show is restored to the front, then it is ahead of everyone and they each have one more ahead', () => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c2', AYSE, at(0));
    const restored = issue(state, config, VEZNE, at(0));
    callNext(state, config, 'c2', AYSE, at(1));
    must(state, config, { type: 'no-show', counterId: 'c2', clerkId: AYSE }, at(2));
    const a = issue(state, config, VEZNE, at(3));
    const b = issue(state, config, VEZNE, at(4));

    must(state, config, { type: 'restore', number: 'V001', clerkId: AYSE }, at(5));

    expect([peopleAhead(state, restored), peopleAhead(state, a), peopleAhead(state, b)]).toEqual([
      0, 1, 2,
    ]);
  });

  it('when a called visitor is requeued, then they are behind everyone already waiting', () => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c2', AYSE, at(0));
    const requeued = issue(state, config, VEZNE, at(0));
    issue(state, config, VEZNE, at(1));
    issue(state, config, VEZNE, at(2));
    callNext(state, config, 'c2', AYSE, at(3));

    must(state, config, { type: 'requeue', counterId: 'c2', clerkId: AYSE }, at(4));

    expect(peopleAhead(state, requeued)).toBe(2);
  });
});
