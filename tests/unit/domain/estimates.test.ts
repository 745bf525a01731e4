import { describe, expect, it } from 'vitest';
import {
  meanServiceMs,
  openCountersFor,
  RECENT_SERVICE_WINDOW,
  serviceQueues,
  waitEstimate,
  decide,
  type HallConfig,
  type HallState,
} from '../../../server/src/domain/index.js';
import {
  at,
  callNext,
  EVRAK,
  issue,
  makeConfig,
  makeCounter,
  makeService,
  MINUTE,
  must,
  newDay,
  NIKAH,
  open,
  RUHSAT,
  VEZNE,
} from './fixtures.js';

/** Serves one vezne visit at c2 that lasts `minutes`, starting at `from`. */
function serveVezne(state: HallState, config: HallConfig, from: number, minutes: number): void {
  const me = { counterId: 'c2', clerkId: 'ayse' };
  if (state.counters.get('c2')?.status !== 'open') open(state, config, 'c2', 'ayse', from);
  issue(state, config, VEZNE, from);
  callNext(state, config, 'c2', 'ayse', from);
  must(state, config, { type: 'start', ...me }, from);
  must(
    state,
    config,
    { type: 'complete', ...me, outcome: 'resolved', note: null },
    from + minutes * MINUTE,
  );
}

const vezne = (config: HallConfig) => config.services.get(VEZNE)!;

describe('meanServiceMs', () => {
  it.each([
    { target: 4, visits: [], mean: 4 },
    { target: 6, visits: [], mean: 6 },
    { target: 4, visits: [2], mean: 3 },
    { target: 4, visits: [0], mean: 2 },
    { target: 4, visits: [6, 8], mean: 6 },
    { target: 4, visits: [1, 1, 1], mean: 1.75 },
  ])(
    'when the target is $target min and the visits took $visits min, then the mean is $mean min',
    ({ target, visits, mean }) => {
      const state = newDay();
      const config = makeConfig({ services: [makeService(VEZNE, 'V', { targetMinutes: target })] });
      visits.forEach((minutes, i) => serveVezne(state, config, at(i * 10), minutes));

      expect(meanServiceMs(state, vezne(config))).toBe(mean * MINUTE);
    },
  );

  it('when more visits than the window were served, then only the most recent ones count', () => {
    const state = newDay();
    const config = makeConfig();
    for (let i = 0; i < 5; i += 1) serveVezne(state, config, at(i * 70), 60);
    for (let i = 0; i < RECENT_SERVICE_WINDOW; i += 1)
      serveVezne(state, config, at(400 + i * 10), 2);

    expect(state.recentServiceMs.get(VEZNE)).toHaveLength(RECENT_SERVICE_WINDOW);
    expect(meanServiceMs(state, vezne(config))).toBe(
      ((RECENT_SERVICE_WINDOW * 2 + 4) * MINUTE) / (RECENT_SERVICE_WINDOW + 1),
    );
  });

  it('when another service had visits, then they do not move this service’s mean', () => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c3', 'mehmet', at(0));
    issue(state, config, RUHSAT, at(0));
    callNext(state, config, 'c3', 'mehmet', at(0));
    must(state, config, { type: 'start', counterId: 'c3', clerkId: 'mehmet' }, at(0));
    must(
      state,
      config,
      { type: 'complete', counterId: 'c3', clerkId: 'mehmet', outcome: 'resolved', note: null },
      at(30),
    );

    expect(meanServiceMs(state, vezne(config))).toBe(4 * MINUTE);
  });
});

describe('openCountersFor', () => {
  it('when counters are open, paused, closed or cover other services, then only open ones covering it count', () => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c1', 'ayse', at(0));
    open(state, config, 'c2', 'mehmet', at(0));
    open(state, config, 'c3', 'zeynep', at(0));
    open(state, config, 'c4', 'ali', at(0));
    must(
      state,
      config,
      { type: 'pause', counterId: 'c2', clerkId: 'mehmet', reason: 'break' },
      at(1),
    );

    expect(openCountersFor(state, config, VEZNE)).toBe(1);
    expect(openCountersFor(state, config, RUHSAT)).toBe(2);
    expect(openCountersFor(state, config, EVRAK)).toBe(1);
    expect(openCountersFor(state, config, NIKAH)).toBe(0);
  });

  it('when a counter is busy with a visitor, then it still counts as open', () => {
    const state = newDay();
    const config = makeConfig();
    serveVezne(state, config, at(0), 5);
    issue(state, config, VEZNE, at(10));
    callNext(state, config, 'c2', 'ayse', at(10));

    expect(openCountersFor(state, config, VEZNE)).toBe(1);
  });
});

describe('waitEstimate (the first formula; the fallback for a line too long to replay)', () => {
  const minutes = (n: number) => ({ kind: 'minutes', minutes: n });
  const none = { kind: 'no-open-counter' };

  it.each([
    { ahead: 0, open: ['c2'], estimate: minutes(0) },
    { ahead: -1, open: ['c2'], estimate: minutes(0) },
    { ahead: 1, open: ['c2'], estimate: minutes(4) },
    { ahead: 5, open: ['c2'], estimate: minutes(20) },
    { ahead: 5, open: ['c1', 'c2'], estimate: minutes(10) },
    { ahead: 3, open: ['c1', 'c2'], estimate: minutes(6) },
    { ahead: 1, open: ['c1', 'c2'], estimate: minutes(2) },
    { ahead: 0, open: [], estimate: none },
    { ahead: 5, open: [], estimate: none },
    { ahead: 5, open: ['c3', 'c4'], estimate: none },
  ])(
    'when $ahead are ahead in vezne (4 min target) and $open are open, then the estimate is $estimate',
    ({ ahead, open: counters, estimate }) => {
      const state = newDay();
      const config = makeConfig();
      counters.forEach((id, i) => open(state, config, id, `clerk-${i}`, at(0)));

      expect(waitEstimate(state, config, vezne(config), ahead)).toEqual(estimate);
    },
  );

  it('when the estimate is under a minute, then it says one minute, not zero', () => {
    const state = newDay();
    const config = makeConfig({
      services: [makeService(VEZNE, 'V', { targetMinutes: 1 })],
      counters: [1, 2, 3].map((n) => makeCounter(`c${n}`, n, [VEZNE])),
    });
    for (const id of ['c1', 'c2', 'c3']) open(state, config, id, id, at(0));

    expect(waitEstimate(state, config, vezne(config), 1)).toEqual(minutes(1));
  });

  it('when recent visits were longer than the target, then the estimate uses their mean', () => {
    const state = newDay();
    const config = makeConfig();
    serveVezne(state, config, at(0), 8);

    expect(waitEstimate(state, config, vezne(config), 2)).toEqual(minutes(12));
  });

  it('when a counter pauses, then the estimate grows', () => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c1', 'ayse', at(0));
    open(state, config, 'c2', 'mehmet', at(0));
    const before = waitEstimate(state, config, vezne(config), 4);

    must(
      state,
      config,
      { type: 'pause', counterId: 'c2', clerkId: 'mehmet', reason: 'paperwork' },
      at(1),
    );

    expect([before, waitEstimate(state, config, vezne(config), 4)]).toEqual([
      minutes(8),
      minutes(16),
    ]);
  });

  it('when every counter covering the service is paused, then no open counter is reported, never a time', () => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c1', 'ayse', at(0));
    open(state, config, 'c2', 'mehmet', at(0));
    for (const [counterId, clerkId] of [
      ['c1', 'ayse'],
      ['c2', 'mehmet'],
    ] as const)
      must(state, config, { type: 'pause', counterId, clerkId, reason: 'break' }, at(1));

    expect(waitEstimate(state, config, vezne(config), 0)).toEqual(none);
  });
});

describe('serviceQueues', () => {
  it('when tickets wait and only a vezne counter is open, then every service reports its count, longest wait and estimate, and the others no open counter', () => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c2', 'ayse', at(0));
    issue(state, config, VEZNE, at(3));
    issue(state, config, VEZNE, at(5));
    issue(state, config, VEZNE, at(6), 'elderly');
    issue(state, config, RUHSAT, at(4));

    const queues = serviceQueues(state, config);

    expect(queues).toEqual([
      {
        serviceId: VEZNE,
        waiting: 3,
        oldestQueuedAt: at(3),
        // The forecast: c2 calls the three ahead at 6, 10.5 and 15 (30 s walk + 4 min each),
        // then the newcomer at 19.5, 13.5 min from now; three visits ahead make it a range.
        estimate: { kind: 'range', minutes: 14, min: 8, max: 19 },
        refusesTickets: false,
      },
      {
        serviceId: RUHSAT,
        waiting: 1,
        oldestQueuedAt: at(4),
        estimate: { kind: 'no-open-counter' },
        refusesTickets: false,
      },
      {
        serviceId: EVRAK,
        waiting: 0,
        oldestQueuedAt: null,
        estimate: { kind: 'no-open-counter' },
        refusesTickets: false,
      },
      {
        serviceId: NIKAH,
        waiting: 0,
        oldestQueuedAt: null,
        estimate: { kind: 'no-open-counter' },
        refusesTickets: false,
      },
    ]);
  });

  it('when tickets are called or cancelled, then they leave the counts', () => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c2', 'ayse', at(0));
    const first = issue(state, config, VEZNE, at(1));
    const second = issue(state, config, VEZNE, at(2));
    issue(state, config, VEZNE, at(3));
    callNext(state, config, 'c2', 'ayse', at(4));
    must(
      state,
      config,
      { type: 'cancel', ticketId: second.id, by: 'visitor', clerkId: null },
      at(5),
    );

    const [queue] = serviceQueues(state, config);

    expect(first.status).toBe('called');
    expect(queue).toEqual({
      serviceId: VEZNE,
      waiting: 1,
      oldestQueuedAt: at(3),
      // The first ticket's visit is still ahead (called at 4, done about 9), then the one
      // waiting (to 13.5): 8.5 min from now, not the 4 the first formula promised.
      estimate: { kind: 'range', minutes: 9, min: 5, max: 12 },
      refusesTickets: false,
    });
  });

  it('when a requeued ticket is the only one waiting, then the longest wait is its requeue time', () => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c2', 'ayse', at(0));
    issue(state, config, VEZNE, at(1));
    callNext(state, config, 'c2', 'ayse', at(2));
    must(state, config, { type: 'requeue', counterId: 'c2', clerkId: 'ayse' }, at(3));

    expect(serviceQueues(state, config)[0]).toMatchObject({ waiting: 1, oldestQueuedAt: at(3) });
  });
});

describe('issuing with no open counter', () => {
  const command = {
    type: 'issue',
    serviceId: VEZNE,
    priority: null,
    lang: 'tr',
    code: 'x',
  } as const;

  it('when the hall refuses tickets then and no vezne counter is open, then the issue is refused with no-open-counter', () => {
    const state = newDay();
    const config = makeConfig({ hall: { whenNoCounterOpen: 'refuse' } });
    open(state, config, 'c3', 'zeynep', at(0));

    const result = decide(state, config, command, at(1));

    expect(result).toMatchObject({ ok: false, error: { code: 'no-open-counter' } });
    expect(serviceQueues(state, config)[0]).toMatchObject({ refusesTickets: true });
  });

  it('when the hall refuses tickets then and a vezne counter is open, then the ticket is issued', () => {
    const state = newDay();
    const config = makeConfig({ hall: { whenNoCounterOpen: 'refuse' } });
    open(state, config, 'c2', 'ayse', at(0));

    expect(decide(state, config, command, at(1))).toMatchObject({ ok: true });
    expect(serviceQueues(state, config)[0]).toMatchObject({ refusesTickets: false });
  });

  it.each([{ whenNoCounterOpen: 'issue' as const }, {}])(
    'when the hall setting is $whenNoCounterOpen and no counter is open, then the ticket is issued',
    (hall) => {
      const state = newDay();
      const config = makeConfig({ hall });

      expect(decide(state, config, command, at(1))).toMatchObject({ ok: true });
      expect(serviceQueues(state, config)[0]).toMatchObject({
        estimate: { kind: 'no-open-counter' },
        refusesTickets: false,
      });
    },
  );
});
