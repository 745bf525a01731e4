import { describe, expect, it } from 'vitest';
import type { HallConfig, HallState } from '../../../server/src/domain/index.js';
import {
  at,
  callNext,
  errorCode,
  eventsOf,
  HALL_ID,
  issue,
  makeConfig,
  MINUTE,
  must,
  newDay,
  open,
  run,
  ticketByNumber,
  VEZNE,
  waitingNumbers,
} from './fixtures.js';

const AYSE = 'ayse';
const MANAGER = 'mudur';
const me = { counterId: 'c2', clerkId: AYSE };

/** V001 is called at minute 1 and marked absent at `absentAt`. */
function absent(state: HallState, config: HallConfig, absentAt = at(2)): void {
  open(state, config, 'c2', AYSE, at(0));
  issue(state, config, VEZNE, at(0));
  callNext(state, config, 'c2', AYSE, at(1));
  must(state, config, { type: 'no-show', ...me }, absentAt);
}

describe('no-show', () => {
  it('when a called visitor does not come, then the ticket ends as no-show and the counter is free', () => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c2', AYSE, at(0));
    const ticket = issue(state, config, VEZNE, at(0));
    issue(state, config, VEZNE, at(0));
    callNext(state, config, 'c2', AYSE, at(1));

    const events = eventsOf(run(state, config, { type: 'no-show', ...me }, at(3)));

    expect(events).toEqual([
      { type: 'ticket:no-show', hallId: HALL_ID, at: at(3), ticketId: ticket.id, ...me },
    ]);
    expect(ticket).toMatchObject({ status: 'no-show', endedAt: at(3), completedAt: null });
    expect(state.counters.get('c2')).toMatchObject({ currentTicketId: null, freeSince: at(3) });
    expect(callNext(state, config, 'c2', AYSE, at(4)).number).toBe('V002');
  });
});

describe('restore', () => {
  it.each([
    { grace: 10, after: 0, result: 'restored' },
    { grace: 10, after: 9 * MINUTE, result: 'restored' },
    { grace: 10, after: 10 * MINUTE, result: 'restored' },
    { grace: 10, after: 10 * MINUTE + 1, result: 'grace-expired' },
    { grace: 10, after: 60 * MINUTE, result: 'grace-expired' },
    { grace: 5, after: 5 * MINUTE, result: 'restored' },
    { grace: 5, after: 6 * MINUTE, result: 'grace-expired' },
    { grace: 15, after: 14 * MINUTE, result: 'restored' },
    { grace: 0, after: 0, result: 'restored' },
    { grace: 0, after: 1, result: 'grace-expired' },
  ])(
    'when the grace is $grace min and the restore comes $after ms after the no-show, then it is $result',
    ({ grace, after, result }) => {
      const state = newDay();
      const config = makeConfig({ hall: { noShowGraceMinutes: grace } });
      absent(state, config, at(2));

      const outcome = run(
        state,
        config,
        { type: 'restore', number: 'V001', clerkId: AYSE },
        at(2) + after,
      );

      expect(outcome.ok ? 'restored' : outcome.error.code).toBe(result);
      expect(ticketByNumber(state, 'V001').status).toBe(
        result === 'restored' ? 'waiting' : 'no-show',
      );
    },
  );

  it('when a no-show is restored, then it waits at the front of its line and belongs to no counter', () => {
    const state = newDay();
    const config = makeConfig();
    absent(state, config, at(2));
    issue(state, config, VEZNE, at(3));

    const events = eventsOf(
      run(state, config, { type: 'restore', number: 'V001', clerkId: AYSE }, at(5)),
    );

    const ticket = ticketByNumber(state, 'V001');
    expect(events).toEqual([
      { type: 'ticket:restored', hallId: HALL_ID, at: at(5), ticketId: ticket.id, clerkId: AYSE },
    ]);
    expect(ticket).toMatchObject({
      status: 'waiting',
      front: true,
      queuedAt: at(5),
      endedAt: null,
      counterId: null,
      clerkId: null,
      firstCalledAt: at(1),
    });
    expect(waitingNumbers(state, VEZNE).sort()).toEqual(['V001', 'V002']);
  });

  it.each(['v001', ' V001', 'V001 '])(
    'when the number is typed as "%s", then it is found',
    (typed) => {
      const state = newDay();
      const config = makeConfig();
      absent(state, config);

      expect(run(state, config, { type: 'restore', number: typed, clerkId: AYSE }, at(3)).ok).toBe(
        true,
      );
    },
  );

  it('when a manager restores a no-show after the clerk closed the counter, then it is back in line', () => {
    const state = newDay();
    const config = makeConfig();
    absent(state, config);
    must(state, config, { type: 'close', ...me }, at(3));

    const result = run(state, config, { type: 'restore', number: 'V001', clerkId: MANAGER }, at(4));

    expect(result.ok).toBe(true);
    expect(ticketByNumber(state, 'V001').status).toBe('waiting');
  });

  it('when a restored ticket is called again, then the first call is kept and the last call moves', () => {
    const state = newDay();
    const config = makeConfig();
    absent(state, config);
    must(state, config, { type: 'restore', number: 'V001', clerkId: AYSE }, at(6));

    const ticket = callNext(state, config, 'c2', AYSE, at(7));

    expect(ticket).toMatchObject({
      number: 'V001',
      status: 'called',
      firstCalledAt: at(1),
      lastCalledAt: at(7),
      front: false,
    });
  });

  it('when a ticket was restored already, then restoring it again is an invalid transition', () => {
    const state = newDay();
    const config = makeConfig();
    absent(state, config);
    must(state, config, { type: 'restore', number: 'V001', clerkId: AYSE }, at(3));

    expect(
      errorCode(run(state, config, { type: 'restore', number: 'V001', clerkId: AYSE }, at(4))),
    ).toBe('invalid-transition');
  });

  it('when a restored ticket is absent again, then the grace window counts from the second no-show', () => {
    const state = newDay();
    const config = makeConfig();
    absent(state, config, at(2));
    must(state, config, { type: 'restore', number: 'V001', clerkId: AYSE }, at(3));
    callNext(state, config, 'c2', AYSE, at(4));
    must(state, config, { type: 'no-show', ...me }, at(20));

    const result = run(state, config, { type: 'restore', number: 'V001', clerkId: AYSE }, at(25));

    expect(result.ok).toBe(true);
  });

  it('when the number is unknown, then the error names the number field', () => {
    const state = newDay();
    const config = makeConfig();
    absent(state, config);

    const result = run(state, config, { type: 'restore', number: 'R001', clerkId: AYSE }, at(3));

    expect(result).toMatchObject({
      ok: false,
      error: { code: 'ticket-not-found', field: 'number' },
    });
  });
});
