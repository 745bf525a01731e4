import { describe, expect, it } from 'vitest';
import type { PauseReason } from '../../../contract/domain.js';
import type { ErrorCode } from '../../../contract/errors.js';
import type { Command } from '../../../server/src/domain/index.js';
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
  VEZNE,
} from './fixtures.js';

const AYSE = 'ayse';
const MEHMET = 'mehmet';
const MANAGER = 'mudur';

describe('open', () => {
  it('when a clerk opens a closed counter, then it is open, theirs and free since now', () => {
    const state = newDay();
    const config = makeConfig();

    const events = eventsOf(
      run(state, config, { type: 'open', counterId: 'c1', clerkId: AYSE }, at(0)),
    );

    expect(events).toEqual([
      { type: 'counter:opened', hallId: HALL_ID, at: at(0), counterId: 'c1', clerkId: AYSE },
    ]);
    expect(state.counters.get('c1')).toEqual({
      id: 'c1',
      status: 'open',
      clerkId: AYSE,
      pauseReason: null,
      currentTicketId: null,
      freeSince: at(0),
    });
  });

  it.each([
    ['open', () => undefined],
    [
      'paused',
      (c: Command[]) =>
        c.push({ type: 'pause', counterId: 'c1', clerkId: AYSE, reason: 'paperwork' }),
    ],
  ])('when the clerk holding a %s counter opens it again, then nothing changes', (_, extra) => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c1', AYSE, at(0));
    const more: Command[] = [];
    extra(more);
    for (const command of more) must(state, config, command, at(1));
    const before = comparable(state);

    const result = run(state, config, { type: 'open', counterId: 'c1', clerkId: AYSE }, at(5));

    expect(eventsOf(result)).toEqual([]);
    expect(comparable(state)).toEqual(before);
  });

  it('when the clerk holding a counter with a visitor signs in again, then the visit is kept', () => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c1', AYSE, at(0));
    const ticket = issue(state, config, VEZNE, at(1));
    callNext(state, config, 'c1', AYSE, at(2));

    const result = run(state, config, { type: 'open', counterId: 'c1', clerkId: AYSE }, at(3));

    expect(eventsOf(result)).toEqual([]);
    expect(state.counters.get('c1')?.currentTicketId).toBe(ticket.id);
  });

  it.each([
    ['open', false],
    ['paused', true],
  ])(
    'when another clerk tries to open a counter that is %s, then it is refused with counter-taken',
    (_, paused) => {
      const state = newDay();
      const config = makeConfig();
      open(state, config, 'c1', AYSE, at(0));
      if (paused)
        must(
          state,
          config,
          { type: 'pause', counterId: 'c1', clerkId: AYSE, reason: 'break' },
          at(1),
        );

      const result = run(state, config, { type: 'open', counterId: 'c1', clerkId: MEHMET }, at(2));

      expect(errorCode(result)).toBe('counter-taken');
      expect(state.counters.get('c1')?.clerkId).toBe(AYSE);
    },
  );

  it('when a manager with the override flag opens a held counter, then it is still counter-taken', () => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c1', AYSE, at(0));

    const result = run(
      state,
      config,
      { type: 'open', counterId: 'c1', clerkId: MANAGER, override: true },
      at(1),
    );

    expect(errorCode(result)).toBe('counter-taken');
  });

  it('when a clerk holding one counter opens a second, then it is refused and the second stays closed', () => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c1', AYSE, at(0));

    const result = run(state, config, { type: 'open', counterId: 'c2', clerkId: AYSE }, at(1));

    expect(errorCode(result)).toBe('invalid-transition');
    expect(state.counters.get('c2')?.status ?? 'closed').toBe('closed');
  });

  it('when a clerk holding a paused counter opens a second, then it is refused too', () => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c1', AYSE, at(0));
    must(state, config, { type: 'pause', counterId: 'c1', clerkId: AYSE, reason: 'break' }, at(1));

    const result = run(state, config, { type: 'open', counterId: 'c2', clerkId: AYSE }, at(2));

    expect(errorCode(result)).toBe('invalid-transition');
  });

  it('when a clerk closes their counter, then they may open another and anyone may open the first', () => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c1', AYSE, at(0));
    must(state, config, { type: 'close', counterId: 'c1', clerkId: AYSE }, at(1));

    const ayse = run(state, config, { type: 'open', counterId: 'c2', clerkId: AYSE }, at(2));
    const mehmet = run(state, config, { type: 'open', counterId: 'c1', clerkId: MEHMET }, at(3));

    expect(ayse.ok && mehmet.ok).toBe(true);
    expect(state.counters.get('c1')).toMatchObject({
      status: 'open',
      clerkId: MEHMET,
      freeSince: at(3),
    });
    expect(state.counters.get('c2')).toMatchObject({ status: 'open', clerkId: AYSE });
  });
});

describe('pause and resume', () => {
  it.each<PauseReason>(['break', 'paperwork', 'system'])(
    'when a clerk pauses for %s, then the counter is paused with that reason and not free',
    (reason) => {
      const state = newDay();
      const config = makeConfig();
      open(state, config, 'c1', AYSE, at(0));

      const events = eventsOf(
        run(state, config, { type: 'pause', counterId: 'c1', clerkId: AYSE, reason }, at(3)),
      );

      expect(events).toEqual([
        {
          type: 'counter:paused',
          hallId: HALL_ID,
          at: at(3),
          counterId: 'c1',
          clerkId: AYSE,
          reason,
        },
      ]);
      expect(state.counters.get('c1')).toMatchObject({
        status: 'paused',
        clerkId: AYSE,
        pauseReason: reason,
        freeSince: null,
      });
    },
  );

  it('when a paused counter resumes, then it is open, the reason is cleared and it is free since now', () => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c1', AYSE, at(0));
    must(state, config, { type: 'pause', counterId: 'c1', clerkId: AYSE, reason: 'break' }, at(1));

    const events = eventsOf(
      run(state, config, { type: 'resume', counterId: 'c1', clerkId: AYSE }, at(16)),
    );

    expect(events).toEqual([
      { type: 'counter:resumed', hallId: HALL_ID, at: at(16), counterId: 'c1', clerkId: AYSE },
    ]);
    expect(state.counters.get('c1')).toMatchObject({
      status: 'open',
      clerkId: AYSE,
      pauseReason: null,
      freeSince: at(16),
    });
  });

  it('when a paused counter resumes, then it can call again', () => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c1', AYSE, at(0));
    issue(state, config, VEZNE, at(0));
    must(state, config, { type: 'pause', counterId: 'c1', clerkId: AYSE, reason: 'break' }, at(1));
    must(state, config, { type: 'resume', counterId: 'c1', clerkId: AYSE }, at(2));

    expect(callNext(state, config, 'c1', AYSE, at(3)).number).toBe('V001');
  });
});

describe('close', () => {
  it.each([
    ['open', false],
    ['paused', true],
  ])('when the clerk closes an %s counter, then it is closed and nobody holds it', (_, paused) => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c1', AYSE, at(0));
    if (paused)
      must(
        state,
        config,
        { type: 'pause', counterId: 'c1', clerkId: AYSE, reason: 'system' },
        at(1),
      );

    const events = eventsOf(
      run(state, config, { type: 'close', counterId: 'c1', clerkId: AYSE }, at(2)),
    );

    expect(events).toEqual([
      { type: 'counter:closed', hallId: HALL_ID, at: at(2), counterId: 'c1', clerkId: AYSE },
    ]);
    expect(state.counters.get('c1')).toEqual({
      id: 'c1',
      status: 'closed',
      clerkId: null,
      pauseReason: null,
      currentTicketId: null,
      freeSince: null,
    });
  });
});

describe('refusals at the counter', () => {
  const busyCalled = (s: ReturnType<typeof newDay>, c: ReturnType<typeof makeConfig>) => {
    open(s, c, 'c1', AYSE, at(0));
    issue(s, c, VEZNE, at(1));
    callNext(s, c, 'c1', AYSE, at(2));
  };
  const busyServing = (s: ReturnType<typeof newDay>, c: ReturnType<typeof makeConfig>) => {
    busyCalled(s, c);
    must(s, c, { type: 'start', counterId: 'c1', clerkId: AYSE }, at(3));
  };
  const idle = (s: ReturnType<typeof newDay>, c: ReturnType<typeof makeConfig>) =>
    open(s, c, 'c1', AYSE, at(0));
  const paused = (s: ReturnType<typeof newDay>, c: ReturnType<typeof makeConfig>) => {
    idle(s, c);
    must(s, c, { type: 'pause', counterId: 'c1', clerkId: AYSE, reason: 'break' }, at(1));
  };
  const me = { counterId: 'c1', clerkId: AYSE };

  it.each<{ when: string; arrange: typeof idle; command: Command; code: ErrorCode }>([
    {
      when: 'pausing with a visitor called',
      arrange: busyCalled,
      command: { type: 'pause', ...me, reason: 'break' },
      code: 'counter-busy',
    },
    {
      when: 'pausing during a visit',
      arrange: busyServing,
      command: { type: 'pause', ...me, reason: 'paperwork' },
      code: 'counter-busy',
    },
    {
      when: 'closing with a visitor called',
      arrange: busyCalled,
      command: { type: 'close', ...me },
      code: 'counter-busy',
    },
    {
      when: 'closing during a visit',
      arrange: busyServing,
      command: { type: 'close', ...me },
      code: 'counter-busy',
    },
    {
      when: 'pausing a paused counter',
      arrange: paused,
      command: { type: 'pause', ...me, reason: 'system' },
      code: 'invalid-transition',
    },
    {
      when: 'resuming an open counter',
      arrange: idle,
      command: { type: 'resume', ...me },
      code: 'invalid-transition',
    },
    {
      when: 'resuming a busy counter',
      arrange: busyServing,
      command: { type: 'resume', ...me },
      code: 'invalid-transition',
    },
    {
      when: 'closing during a visit, even as a manager',
      arrange: busyServing,
      command: { type: 'close', counterId: 'c1', clerkId: MANAGER, override: true },
      code: 'counter-busy',
    },
  ])('when $when, then it is refused with $code', ({ arrange, command, code }) => {
    const state = newDay();
    const config = makeConfig();
    arrange(state, config);
    const before = comparable(state);

    const result = run(state, config, command, at(10));

    expect(errorCode(result)).toBe(code);
    expect(comparable(state)).toEqual(before);
  });

  type CounterCommand = Exclude<
    Command,
    | { type: 'issue' | 'restore' | 'cancel' | 'rate' | 'sample-estimates' }
    | { type: 'request-sms' | 'withdraw-sms' | 'notify-turn-near' }
  >;
  const everyCounterCommand: CounterCommand[] = [
    { type: 'pause', ...me, reason: 'break' },
    { type: 'resume', ...me },
    { type: 'close', ...me },
    { type: 'call-next', ...me },
    { type: 'call', ...me, number: 'V001' },
    { type: 'recall', ...me },
    { type: 'start', ...me },
    { type: 'complete', ...me, outcome: 'resolved', note: null },
    { type: 'no-show', ...me },
    { type: 'requeue', ...me },
    { type: 'transfer', ...me, serviceId: RUHSAT, position: 'back' },
  ];

  it.each(everyCounterCommand)(
    'when $type is asked of a closed counter, then it is refused with counter-not-open',
    (command) => {
      const state = newDay();
      const config = makeConfig();
      issue(state, config, VEZNE, at(0));

      expect(errorCode(run(state, config, command, at(1)))).toBe('counter-not-open');
    },
  );

  it.each(everyCounterCommand)(
    "when $type is asked at another clerk's counter, then it is refused with forbidden",
    (command) => {
      const state = newDay();
      const config = makeConfig();
      issue(state, config, VEZNE, at(0));
      open(state, config, 'c1', MEHMET, at(0));

      expect(errorCode(run(state, config, command, at(1)))).toBe('forbidden');
    },
  );

  it.each([...everyCounterCommand, { type: 'open', ...me } satisfies CounterCommand])(
    'when $type is asked of an unknown counter, then it is refused with counter-not-found',
    (command) => {
      const result = run(newDay(), makeConfig(), { ...command, counterId: 'c404' }, at(0));

      expect(errorCode(result)).toBe('counter-not-found');
      expect(result).toMatchObject({ ok: false, error: { field: 'counterId' } });
    },
  );
});

describe('manager override', () => {
  it.each<{ command: Command; status: string }>([
    {
      command: {
        type: 'pause',
        counterId: 'c1',
        clerkId: MANAGER,
        override: true,
        reason: 'system',
      },
      status: 'paused',
    },
    {
      command: { type: 'close', counterId: 'c1', clerkId: MANAGER, override: true },
      status: 'closed',
    },
    {
      command: { type: 'call-next', counterId: 'c1', clerkId: MANAGER, override: true },
      status: 'open',
    },
  ])(
    "when a manager uses $command.type with override on a clerk's counter, then it is done in the manager's name",
    ({ command, status }) => {
      const state = newDay();
      const config = makeConfig();
      open(state, config, 'c1', AYSE, at(0));
      issue(state, config, VEZNE, at(1));

      const events = eventsOf(run(state, config, command, at(2)));

      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ counterId: 'c1', clerkId: MANAGER });
      expect(state.counters.get('c1')?.status).toBe(status);
    },
  );

  it("when a manager pauses a clerk's counter with override, then the clerk still holds it and may resume", () => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c1', AYSE, at(0));
    must(
      state,
      config,
      { type: 'pause', counterId: 'c1', clerkId: MANAGER, override: true, reason: 'system' },
      at(1),
    );

    expect(state.counters.get('c1')?.clerkId).toBe(AYSE);
    expect(run(state, config, { type: 'resume', counterId: 'c1', clerkId: AYSE }, at(2)).ok).toBe(
      true,
    );
  });

  it("when a manager closes a clerk's counter with override, then the clerk is free to open another", () => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c1', AYSE, at(0));
    must(
      state,
      config,
      { type: 'close', counterId: 'c1', clerkId: MANAGER, override: true },
      at(1),
    );

    expect(run(state, config, { type: 'open', counterId: 'c2', clerkId: AYSE }, at(2)).ok).toBe(
      true,
    );
  });

  it('when the override flag is false, then another clerk is still forbidden', () => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c1', AYSE, at(0));

    const result = run(
      state,
      config,
      { type: 'close', counterId: 'c1', clerkId: MANAGER, override: false },
      at(1),
    );

    expect(errorCode(result)).toBe('forbidden');
  });
});

describe('idle time on ticket:called', () => {
  it.each<{
    when: string;
    steps: Array<[number, 'open' | 'issue-v' | 'issue-r' | 'pause' | 'resume' | 'serve']>;
    callAt: number;
    idleMs: number;
  }>([
    {
      when: 'the counter opened before anyone came',
      steps: [
        [0, 'open'],
        [5, 'issue-v'],
      ],
      callAt: 7,
      idleMs: 2 * 60_000,
    },
    {
      when: 'the visitor waited before the counter opened',
      steps: [
        [0, 'issue-v'],
        [5, 'open'],
      ],
      callAt: 8,
      idleMs: 3 * 60_000,
    },
    {
      when: 'the call is immediate',
      steps: [
        [0, 'issue-v'],
        [5, 'open'],
      ],
      callAt: 5,
      idleMs: 0,
    },
    {
      when: 'a visit ended after the visitor came',
      steps: [
        [0, 'open'],
        [1, 'issue-v'],
        [1, 'issue-v'],
        [1, 'issue-v'],
        [2, 'serve'],
        [6, 'serve'],
      ],
      callAt: 8,
      idleMs: 2 * 60_000,
    },
    {
      when: 'the counter was paused',
      steps: [
        [0, 'open'],
        [1, 'issue-v'],
        [2, 'pause'],
        [12, 'resume'],
      ],
      callAt: 13,
      idleMs: 60_000,
    },
    {
      when: 'only an uncovered service had waited',
      steps: [
        [0, 'open'],
        [0, 'issue-r'],
        [6, 'issue-v'],
      ],
      callAt: 9,
      idleMs: 3 * 60_000,
    },
  ])('when $when, then idleMs is $idleMs', ({ steps, callAt, idleMs }) => {
    const state = newDay();
    const config = makeConfig();
    const me = { counterId: 'c2', clerkId: AYSE };
    for (const [minute, step] of steps) {
      if (step === 'open') open(state, config, 'c2', AYSE, at(minute));
      if (step === 'issue-v') issue(state, config, VEZNE, at(minute));
      if (step === 'issue-r') issue(state, config, RUHSAT, at(minute));
      if (step === 'pause')
        must(state, config, { type: 'pause', ...me, reason: 'break' }, at(minute));
      if (step === 'resume') must(state, config, { type: 'resume', ...me }, at(minute));
      if (step === 'serve') {
        callNext(state, config, 'c2', AYSE, at(minute));
        must(state, config, { type: 'start', ...me }, at(minute));
        must(
          state,
          config,
          { type: 'complete', ...me, outcome: 'resolved', note: null },
          at(minute),
        );
      }
    }

    const [event] = eventsOf(run(state, config, { type: 'call-next', ...me }, at(callAt)));

    expect(event).toMatchObject({ type: 'ticket:called', idleMs });
  });

  it('when a specific number is called, then idleMs is recorded the same way', () => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c2', AYSE, at(0));
    issue(state, config, VEZNE, at(1));
    issue(state, config, VEZNE, at(2));

    const [event] = eventsOf(
      run(state, config, { type: 'call', counterId: 'c2', clerkId: AYSE, number: 'V002' }, at(4)),
    );

    expect(event).toMatchObject({ type: 'ticket:called', idleMs: 3 * 60_000 });
  });
});
