import { describe, expect, it } from 'vitest';
import type { TicketStatus } from '../../../contract/domain.js';
import type { ErrorCode } from '../../../contract/errors.js';
import type { QueueEventType } from '../../../contract/events.js';
import type { Command, HallConfig, HallState } from '../../../server/src/domain/index.js';
import {
  at,
  callNext,
  comparable,
  errorCode,
  eventsOf,
  HALL_ID,
  issue,
  makeConfig,
  must,
  newDay,
  open,
  run,
  RUHSAT,
  ticketByNumber,
  VEZNE,
  waitingNumbers,
} from './fixtures.js';

const AYSE = 'ayse';
const MEHMET = 'mehmet';
const atC1 = { counterId: 'c1', clerkId: AYSE };

/** A step of arrangement; each builds on a fresh state. */
type Arrange = (state: HallState, config: HallConfig) => void;

const counterOpen: Arrange = (s, c) => open(s, c, 'c1', AYSE, at(0));
const oneWaiting: Arrange = (s, c) => {
  counterOpen(s, c);
  issue(s, c, VEZNE, at(1));
};
const oneCalled: Arrange = (s, c) => {
  oneWaiting(s, c);
  callNext(s, c, 'c1', AYSE, at(2));
};
const oneServing: Arrange = (s, c) => {
  oneCalled(s, c);
  must(s, c, { type: 'start', ...atC1 }, at(3));
};
const oneDone: Arrange = (s, c) => {
  oneServing(s, c);
  must(s, c, { type: 'complete', ...atC1, outcome: 'resolved', note: null }, at(7));
};
const oneNoShow: Arrange = (s, c) => {
  oneCalled(s, c);
  must(s, c, { type: 'no-show', ...atC1 }, at(4));
};
const oneCancelled: Arrange = (s, c) => {
  oneWaiting(s, c);
  must(
    s,
    c,
    { type: 'cancel', ticketId: ticketByNumber(s, 'V001').id, by: 'visitor', clerkId: null },
    at(2),
  );
};
const v001 = `${HALL_ID}-2024-05-06-V001`;

describe('a visit from issue to done', () => {
  it('when a waiting ticket is called, started and completed, then it passes waiting -> called -> serving -> done', () => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c1', AYSE, at(0));
    const ticket = issue(state, config, VEZNE, at(1));
    expect(ticket.status).toBe('waiting');

    const called = eventsOf(run(state, config, { type: 'call-next', ...atC1 }, at(2)));
    expect(called).toEqual([
      {
        type: 'ticket:called',
        hallId: HALL_ID,
        at: at(2),
        ticketId: ticket.id,
        ...atC1,
        idleMs: 60_000,
      },
    ]);
    expect(ticket).toMatchObject({
      status: 'called',
      counterId: 'c1',
      clerkId: AYSE,
      firstCalledAt: at(2),
      lastCalledAt: at(2),
    });
    expect(waitingNumbers(state, VEZNE)).toEqual([]);
    expect(state.counters.get('c1')).toMatchObject({ currentTicketId: ticket.id, freeSince: null });

    const started = eventsOf(run(state, config, { type: 'start', ...atC1 }, at(3)));
    expect(started).toEqual([
      { type: 'ticket:started', hallId: HALL_ID, at: at(3), ticketId: ticket.id, ...atC1 },
    ]);
    expect(ticket).toMatchObject({ status: 'serving', startedAt: at(3) });

    const completed = eventsOf(
      run(
        state,
        config,
        {
          type: 'complete',
          ...atC1,
          outcome: 'forwarded',
          directorateId: 'imar-ve-sehircilik',
          note: 'İmar müdürlüğüne',
        },
        at(7),
      ),
    );
    expect(completed).toEqual([
      {
        type: 'ticket:completed',
        hallId: HALL_ID,
        at: at(7),
        ticketId: ticket.id,
        ...atC1,
        outcome: 'forwarded',
        directorateId: 'imar-ve-sehircilik',
        note: 'İmar müdürlüğüne',
      },
    ]);
    expect(ticket).toMatchObject({
      status: 'done',
      completedAt: at(7),
      endedAt: at(7),
      outcome: 'forwarded',
      directorateId: 'imar-ve-sehircilik',
      note: 'İmar müdürlüğüne',
    });
    expect(state.counters.get('c1')).toMatchObject({
      status: 'open',
      clerkId: AYSE,
      currentTicketId: null,
      freeSince: at(7),
    });
  });
});

describe('legal transitions', () => {
  const cases: Array<{
    when: string;
    arrange: Arrange;
    command: (s: HallState) => Command;
    event: QueueEventType;
    status: TicketStatus;
  }> = [
    {
      when: 'a waiting ticket is called next',
      arrange: oneWaiting,
      command: () => ({ type: 'call-next', ...atC1 }),
      event: 'ticket:called',
      status: 'called',
    },
    {
      when: 'a waiting ticket is called by number',
      arrange: oneWaiting,
      command: () => ({ type: 'call', ...atC1, number: 'V001' }),
      event: 'ticket:called',
      status: 'called',
    },
    {
      when: 'a called ticket is called again',
      arrange: oneCalled,
      command: () => ({ type: 'recall', ...atC1 }),
      event: 'ticket:recalled',
      status: 'called',
    },
    {
      when: 'a called visitor arrives',
      arrange: oneCalled,
      command: () => ({ type: 'start', ...atC1 }),
      event: 'ticket:started',
      status: 'serving',
    },
    {
      when: 'a visit is completed',
      arrange: oneServing,
      command: () => ({ type: 'complete', ...atC1, outcome: 'resolved', note: null }),
      event: 'ticket:completed',
      status: 'done',
    },
    {
      when: 'a called visitor does not come',
      arrange: oneCalled,
      command: () => ({ type: 'no-show', ...atC1 }),
      event: 'ticket:no-show',
      status: 'no-show',
    },
    {
      when: 'a no-show is put back within grace',
      arrange: oneNoShow,
      command: () => ({ type: 'restore', number: 'V001', clerkId: AYSE }),
      event: 'ticket:restored',
      status: 'waiting',
    },
    {
      when: 'a called ticket is put back in line',
      arrange: oneCalled,
      command: () => ({ type: 'requeue', ...atC1 }),
      event: 'ticket:requeued',
      status: 'waiting',
    },
    {
      when: 'a visit is transferred to another service',
      arrange: oneServing,
      command: () => ({ type: 'transfer', ...atC1, serviceId: RUHSAT, position: 'back' }),
      event: 'ticket:transferred',
      status: 'waiting',
    },
    {
      when: 'a waiting ticket is cancelled',
      arrange: oneWaiting,
      command: (s) => ({
        type: 'cancel',
        ticketId: ticketByNumber(s, 'V001').id,
        by: 'visitor',
        clerkId: null,
      }),
      event: 'ticket:cancelled',
      status: 'cancelled',
    },
    {
      when: 'a called ticket is cancelled',
      arrange: oneCalled,
      command: (s) => ({
        type: 'cancel',
        ticketId: ticketByNumber(s, 'V001').id,
        by: 'staff',
        clerkId: AYSE,
      }),
      event: 'ticket:cancelled',
      status: 'cancelled',
    },
  ];

  it.each(cases)(
    'when $when, then $event is recorded and the ticket is $status',
    ({ arrange, command, event, status }) => {
      const state = newDay();
      const config = makeConfig();
      arrange(state, config);

      const events = eventsOf(run(state, config, command(state), at(5)));

      expect(events.map((e) => e.type)).toEqual([event]);
      expect(events[0]).toMatchObject({ hallId: HALL_ID, at: at(5), ticketId: v001 });
      expect(ticketByNumber(state, 'V001').status).toBe(status);
    },
  );

  it.each(cases.filter((c) => c.event !== 'ticket:cancelled' && c.event !== 'ticket:restored'))(
    'when $when at a counter, then the event names the counter and the clerk',
    ({ arrange, command }) => {
      const state = newDay();
      const config = makeConfig();
      arrange(state, config);

      const [event] = eventsOf(run(state, config, command(state), at(5)));

      expect(event).toMatchObject({ counterId: 'c1', clerkId: AYSE });
    },
  );

  it('when a clerk restores or cancels, then the event names the clerk', () => {
    const state = newDay();
    const config = makeConfig();
    oneNoShow(state, config);

    const [restored] = eventsOf(
      run(state, config, { type: 'restore', number: 'V001', clerkId: MEHMET }, at(5)),
    );
    const [cancelled] = eventsOf(
      run(state, config, { type: 'cancel', ticketId: v001, by: 'staff', clerkId: MEHMET }, at(6)),
    );

    expect(restored).toMatchObject({ type: 'ticket:restored', clerkId: MEHMET });
    expect(cancelled).toMatchObject({ type: 'ticket:cancelled', by: 'staff', clerkId: MEHMET });
  });
});

describe('recall', () => {
  it('when a called visitor is called again, then recalls count up and the last call moves, the first does not', () => {
    const state = newDay();
    const config = makeConfig();
    oneCalled(state, config);

    must(state, config, { type: 'recall', ...atC1 }, at(3));
    must(state, config, { type: 'recall', ...atC1 }, at(4));

    expect(ticketByNumber(state, 'V001')).toMatchObject({
      status: 'called',
      recalls: 2,
      firstCalledAt: at(2),
      lastCalledAt: at(4),
      counterId: 'c1',
    });
    expect(state.counters.get('c1')?.currentTicketId).toBe(v001);
  });
});

describe('requeue', () => {
  it('when a called visitor is put back in line, then they go to the back of their queue and the counter is free', () => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c2', AYSE, at(0));
    issue(state, config, VEZNE, at(1));
    issue(state, config, VEZNE, at(2));
    issue(state, config, VEZNE, at(3));
    callNext(state, config, 'c2', AYSE, at(4));

    must(state, config, { type: 'requeue', counterId: 'c2', clerkId: AYSE }, at(5));

    expect(ticketByNumber(state, 'V001')).toMatchObject({
      status: 'waiting',
      queuedAt: at(5),
      front: false,
      counterId: null,
      clerkId: null,
      firstCalledAt: at(4),
    });
    expect(state.counters.get('c2')).toMatchObject({ currentTicketId: null, freeSince: at(5) });
    const order = [at(6), at(7), at(8)].map((t) => {
      const called = callNext(state, config, 'c2', AYSE, t);
      must(state, config, { type: 'start', counterId: 'c2', clerkId: AYSE }, t);
      must(
        state,
        config,
        { type: 'complete', counterId: 'c2', clerkId: AYSE, outcome: 'resolved', note: null },
        t,
      );
      return called.number;
    });
    expect(order).toEqual(['V002', 'V003', 'V001']);
  });
});

describe('cancel', () => {
  it('when a waiting visitor leaves, then the ticket is cancelled and leaves the line', () => {
    const state = newDay();
    const config = makeConfig();
    issue(state, config, VEZNE, at(0));
    issue(state, config, VEZNE, at(1));

    const events = eventsOf(
      run(state, config, { type: 'cancel', ticketId: v001, by: 'visitor', clerkId: null }, at(2)),
    );

    expect(events).toEqual([
      {
        type: 'ticket:cancelled',
        hallId: HALL_ID,
        at: at(2),
        ticketId: v001,
        by: 'visitor',
        clerkId: null,
      },
    ]);
    expect(ticketByNumber(state, 'V001')).toMatchObject({ status: 'cancelled', endedAt: at(2) });
    expect(waitingNumbers(state, VEZNE)).toEqual(['V002']);
  });

  it('when a called visitor cancels, then the counter that called them is free to call again', () => {
    const state = newDay();
    const config = makeConfig();
    oneCalled(state, config);
    issue(state, config, VEZNE, at(3));

    must(state, config, { type: 'cancel', ticketId: v001, by: 'visitor', clerkId: null }, at(4));

    expect(state.counters.get('c1')).toMatchObject({ currentTicketId: null, freeSince: at(4) });
    expect(callNext(state, config, 'c1', AYSE, at(5)).number).toBe('V002');
  });
});

describe('illegal transitions', () => {
  const cases: Array<{
    when: string;
    arrange: Arrange;
    command: Command;
    code: ErrorCode;
    now?: number;
  }> = [
    // counter-side commands without the right ticket at the counter
    {
      when: 'starting with nobody called',
      arrange: oneWaiting,
      command: { type: 'start', ...atC1 },
      code: 'invalid-transition',
    },
    {
      when: 'starting a visit already in progress',
      arrange: oneServing,
      command: { type: 'start', ...atC1 },
      code: 'invalid-transition',
    },
    {
      when: 'completing a visitor only called',
      arrange: oneCalled,
      command: { type: 'complete', ...atC1, outcome: 'resolved', note: null },
      code: 'invalid-transition',
    },
    {
      when: 'completing with nobody at the counter',
      arrange: oneWaiting,
      command: { type: 'complete', ...atC1, outcome: 'resolved', note: null },
      code: 'invalid-transition',
    },
    {
      when: 'completing a visit twice',
      arrange: oneDone,
      command: { type: 'complete', ...atC1, outcome: 'resolved', note: null },
      code: 'invalid-transition',
    },
    {
      when: 'recalling during a visit',
      arrange: oneServing,
      command: { type: 'recall', ...atC1 },
      code: 'invalid-transition',
    },
    {
      when: 'recalling with nobody called',
      arrange: oneWaiting,
      command: { type: 'recall', ...atC1 },
      code: 'invalid-transition',
    },
    {
      when: 'marking absent a visitor being served',
      arrange: oneServing,
      command: { type: 'no-show', ...atC1 },
      code: 'invalid-transition',
    },
    {
      when: 'marking absent with nobody called',
      arrange: oneWaiting,
      command: { type: 'no-show', ...atC1 },
      code: 'invalid-transition',
    },
    {
      when: 'requeueing a visitor being served',
      arrange: oneServing,
      command: { type: 'requeue', ...atC1 },
      code: 'invalid-transition',
    },
    {
      when: 'requeueing with nobody called',
      arrange: oneWaiting,
      command: { type: 'requeue', ...atC1 },
      code: 'invalid-transition',
    },
    {
      when: 'transferring a visitor only called',
      arrange: oneCalled,
      command: { type: 'transfer', ...atC1, serviceId: RUHSAT, position: 'back' },
      code: 'invalid-transition',
    },
    {
      when: 'transferring with nobody at the counter',
      arrange: oneWaiting,
      command: { type: 'transfer', ...atC1, serviceId: RUHSAT, position: 'back' },
      code: 'invalid-transition',
    },
    {
      when: 'transferring to the same service',
      arrange: oneServing,
      command: { type: 'transfer', ...atC1, serviceId: VEZNE, position: 'front' },
      code: 'invalid-transition',
    },
    {
      when: 'transferring to an unknown service',
      arrange: oneServing,
      command: { type: 'transfer', ...atC1, serviceId: 'kayip', position: 'front' },
      code: 'service-not-found',
    },
    // calling
    {
      when: 'calling next while a visitor is called',
      arrange: oneCalled,
      command: { type: 'call-next', ...atC1 },
      code: 'counter-busy',
    },
    {
      when: 'calling next during a visit',
      arrange: oneServing,
      command: { type: 'call-next', ...atC1 },
      code: 'counter-busy',
    },
    {
      when: 'calling a number during a visit',
      arrange: (s, c) => {
        oneServing(s, c);
        issue(s, c, VEZNE, at(4));
      },
      command: { type: 'call', ...atC1, number: 'V002' },
      code: 'counter-busy',
    },
    {
      when: 'calling next at a closed counter',
      arrange: (s, c) => issue(s, c, VEZNE, at(1)),
      command: { type: 'call-next', ...atC1 },
      code: 'counter-not-open',
    },
    {
      when: 'calling next at a paused counter',
      arrange: (s, c) => {
        oneWaiting(s, c);
        must(s, c, { type: 'pause', ...atC1, reason: 'break' }, at(2));
      },
      command: { type: 'call-next', ...atC1 },
      code: 'counter-not-open',
    },
    {
      when: 'calling a number at a paused counter',
      arrange: (s, c) => {
        oneWaiting(s, c);
        must(s, c, { type: 'pause', ...atC1, reason: 'break' }, at(2));
      },
      command: { type: 'call', ...atC1, number: 'V001' },
      code: 'counter-not-open',
    },
    {
      when: 'calling next with nobody waiting',
      arrange: counterOpen,
      command: { type: 'call-next', ...atC1 },
      code: 'queue-empty',
    },
    {
      when: 'calling next with only other services waiting',
      arrange: (s, c) => {
        open(s, c, 'c3', AYSE, at(0));
        issue(s, c, VEZNE, at(1));
      },
      command: { type: 'call-next', counterId: 'c3', clerkId: AYSE },
      code: 'queue-empty',
    },
    {
      when: 'calling an unknown number',
      arrange: oneWaiting,
      command: { type: 'call', ...atC1, number: 'V999' },
      code: 'ticket-not-found',
    },
    {
      when: 'calling a number already called elsewhere',
      arrange: (s, c) => {
        oneWaiting(s, c);
        open(s, c, 'c2', MEHMET, at(1));
        callNext(s, c, 'c2', MEHMET, at(2));
      },
      command: { type: 'call', ...atC1, number: 'V001' },
      code: 'invalid-transition',
    },
    {
      when: 'calling a number already served',
      arrange: oneDone,
      command: { type: 'call', ...atC1, number: 'V001' },
      code: 'invalid-transition',
    },
    {
      when: 'calling a cancelled number',
      arrange: oneCancelled,
      command: { type: 'call', ...atC1, number: 'V001' },
      code: 'invalid-transition',
    },
    // whose counter
    {
      when: "calling next at another clerk's counter",
      arrange: oneWaiting,
      command: { type: 'call-next', counterId: 'c1', clerkId: MEHMET },
      code: 'forbidden',
    },
    {
      when: "completing at another clerk's counter",
      arrange: oneServing,
      command: {
        type: 'complete',
        counterId: 'c1',
        clerkId: MEHMET,
        outcome: 'resolved',
        note: null,
      },
      code: 'forbidden',
    },
    {
      when: "pausing another clerk's counter",
      arrange: counterOpen,
      command: { type: 'pause', counterId: 'c1', clerkId: MEHMET, reason: 'break' },
      code: 'forbidden',
    },
    {
      when: 'opening a counter another clerk holds',
      arrange: counterOpen,
      command: { type: 'open', counterId: 'c1', clerkId: MEHMET },
      code: 'counter-taken',
    },
    {
      when: 'acting at an unknown counter',
      arrange: oneWaiting,
      command: { type: 'call-next', counterId: 'c99', clerkId: AYSE },
      code: 'counter-not-found',
    },
    {
      when: 'opening an unknown counter',
      arrange: () => undefined,
      command: { type: 'open', counterId: 'c99', clerkId: AYSE },
      code: 'counter-not-found',
    },
    // restore
    {
      when: 'restoring an unknown number',
      arrange: oneNoShow,
      command: { type: 'restore', number: 'V404', clerkId: AYSE },
      code: 'ticket-not-found',
    },
    {
      when: 'restoring a waiting ticket',
      arrange: oneWaiting,
      command: { type: 'restore', number: 'V001', clerkId: AYSE },
      code: 'invalid-transition',
    },
    {
      when: 'restoring a called ticket',
      arrange: oneCalled,
      command: { type: 'restore', number: 'V001', clerkId: AYSE },
      code: 'invalid-transition',
    },
    {
      when: 'restoring a done ticket',
      arrange: oneDone,
      command: { type: 'restore', number: 'V001', clerkId: AYSE },
      code: 'invalid-transition',
    },
    {
      when: 'restoring a no-show after the grace window',
      arrange: oneNoShow,
      command: { type: 'restore', number: 'V001', clerkId: AYSE },
      code: 'grace-expired',
      now: at(4 + 10) + 1,
    },
    // cancel
    {
      when: 'cancelling an unknown ticket',
      arrange: oneWaiting,
      command: { type: 'cancel', ticketId: 'nope', by: 'visitor', clerkId: null },
      code: 'ticket-not-found',
    },
    {
      when: 'cancelling a visit in progress',
      arrange: oneServing,
      command: { type: 'cancel', ticketId: v001, by: 'staff', clerkId: AYSE },
      code: 'invalid-transition',
    },
    {
      when: 'cancelling a done ticket',
      arrange: oneDone,
      command: { type: 'cancel', ticketId: v001, by: 'visitor', clerkId: null },
      code: 'invalid-transition',
    },
    {
      when: 'cancelling a no-show',
      arrange: oneNoShow,
      command: { type: 'cancel', ticketId: v001, by: 'visitor', clerkId: null },
      code: 'invalid-transition',
    },
    {
      when: 'cancelling twice',
      arrange: oneCancelled,
      command: { type: 'cancel', ticketId: v001, by: 'visitor', clerkId: null },
      code: 'invalid-transition',
    },
    // issue
    {
      when: 'issuing for an unknown service',
      arrange: () => undefined,
      command: { type: 'issue', serviceId: 'kayip', priority: null, lang: 'tr', code: 'x' },
      code: 'service-not-found',
    },
    {
      when: 'issuing for an inactive service',
      arrange: () => undefined,
      command: { type: 'issue', serviceId: 'nikah', priority: null, lang: 'tr', code: 'x' },
      code: 'service-inactive',
    },
  ];

  it.each(cases)(
    'when $when, then it is refused with $code and nothing changes',
    ({ arrange, command, code, now }) => {
      const state = newDay();
      const config = makeConfig();
      arrange(state, config);
      const before = comparable(state);

      const result = run(state, config, command, now ?? at(20));

      expect(errorCode(result)).toBe(code);
      expect(result.ok ? '' : result.error.message).not.toBe('');
      expect(comparable(state)).toEqual(before);
    },
  );
});
