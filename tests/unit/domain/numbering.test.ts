import { describe, expect, it } from 'vitest';
import type { QueueEvent } from '../../../contract/events.js';
import { hallConfig, ticketNumber } from '../../../server/src/domain/index.js';
import {
  at,
  DAY,
  errorCode,
  EVRAK,
  eventsOf,
  HALL_ID,
  issue,
  makeConfig,
  makeCounter,
  makeHall,
  makeService,
  must,
  newDay,
  NIKAH,
  replay,
  run,
  RUHSAT,
  VEZNE,
} from './fixtures.js';

describe('ticketNumber', () => {
  it.each([
    ['V', 1, 'V001'],
    ['R', 14, 'R014'],
    ['V', 99, 'V099'],
    ['V', 999, 'V999'],
    ['V', 1000, 'V1000'],
    ['AB', 7, 'AB007'],
  ])('when prefix %s and sequence %i, then the number is %s', (prefix, seq, expected) => {
    expect(ticketNumber(prefix, seq)).toBe(expected);
  });
});

describe('issue', () => {
  it('when the first ticket of a service is issued, then it gets prefix + 001 and joins the line', () => {
    const state = newDay();
    const config = makeConfig();

    const events = eventsOf(
      run(
        state,
        config,
        { type: 'issue', serviceId: VEZNE, priority: 'elderly', lang: 'en', code: 'abc' },
        at(0),
      ),
    );

    expect(events).toEqual<QueueEvent[]>([
      {
        type: 'ticket:issued',
        hallId: HALL_ID,
        at: at(0),
        ticketId: `${HALL_ID}-${DAY}-V001`,
        code: 'abc',
        serviceId: VEZNE,
        seq: 1,
        number: 'V001',
        priority: 'elderly',
        lang: 'en',
        // No counter is open: no time is promised, and that is recorded too.
        estimate: { kind: 'no-open-counter' },
      },
    ]);
    const ticket = state.tickets.get(`${HALL_ID}-${DAY}-V001`);
    expect(ticket).toMatchObject({
      number: 'V001',
      status: 'waiting',
      issuedAt: at(0),
      queuedAt: at(0),
      front: false,
      priority: 'elderly',
      lang: 'en',
      counterId: null,
      firstCalledAt: null,
    });
    expect(state.ticketIdByNumber.get('V001')).toBe(ticket?.id);
    expect(state.ticketIdByCode.get('abc')).toBe(ticket?.id);
    expect([...(state.waiting.get(VEZNE) ?? [])]).toEqual([ticket?.id]);
    expect(state.sequences.get(VEZNE)).toBe(1);
  });

  it('when tickets of several services are interleaved, then each service counts on its own', () => {
    const state = newDay();
    const config = makeConfig();

    const numbers = [VEZNE, RUHSAT, VEZNE, VEZNE, EVRAK, RUHSAT, VEZNE].map(
      (serviceId, i) => issue(state, config, serviceId, at(i)).number,
    );

    expect(numbers).toEqual(['V001', 'R001', 'V002', 'V003', 'E001', 'R002', 'V004']);
  });

  it('when tickets were cancelled or served, then their numbers are not handed out again', () => {
    const state = newDay();
    const config = makeConfig();
    const first = issue(state, config, VEZNE, at(0));
    must(
      state,
      config,
      { type: 'cancel', ticketId: first.id, by: 'visitor', clerkId: null },
      at(1),
    );
    issue(state, config, VEZNE, at(2));
    must(state, config, { type: 'open', counterId: 'c2', clerkId: 'ayse' }, at(3));
    must(state, config, { type: 'call-next', counterId: 'c2', clerkId: 'ayse' }, at(4));
    must(state, config, { type: 'start', counterId: 'c2', clerkId: 'ayse' }, at(5));
    must(
      state,
      config,
      { type: 'complete', counterId: 'c2', clerkId: 'ayse', outcome: 'resolved', note: null },
      at(6),
    );

    const next = issue(state, config, VEZNE, at(7));

    expect(next.number).toBe('V003');
  });

  it("when the day's journal is replayed after a restart, then numbering continues where it stopped", () => {
    const before = newDay();
    const config = makeConfig();
    const journal: QueueEvent[] = [];
    for (const serviceId of [VEZNE, VEZNE, RUHSAT, VEZNE]) {
      journal.push(
        ...must(
          before,
          config,
          { type: 'issue', serviceId, priority: null, lang: 'tr', code: `k${journal.length}` },
          at(journal.length),
        ),
      );
    }

    const after = replay(journal);
    const v = issue(after, config, VEZNE, at(10));
    const r = issue(after, config, RUHSAT, at(11));
    const e = issue(after, config, EVRAK, at(12));

    expect([v.number, r.number, e.number]).toEqual(['V004', 'R002', 'E001']);
  });

  it('when a journal holds events out of sequence order, then the sequence is the highest seen', () => {
    const config = makeConfig();
    const source = newDay();
    const v1 = must(
      source,
      config,
      { type: 'issue', serviceId: VEZNE, priority: null, lang: 'tr', code: 'a' },
      at(0),
    );
    const v2 = must(
      source,
      config,
      { type: 'issue', serviceId: VEZNE, priority: null, lang: 'tr', code: 'b' },
      at(1),
    );

    const state = replay([...v2, ...v1]);

    expect(state.sequences.get(VEZNE)).toBe(2);
    expect(issue(state, config, VEZNE, at(2)).number).toBe('V003');
  });

  it('when a new local day starts, then numbering restarts at 001 with a different ticket id', () => {
    const config = makeConfig();
    const today = newDay('2024-05-06');
    issue(today, config, VEZNE, at(0));
    issue(today, config, VEZNE, at(1));

    const tomorrow = newDay('2024-05-07');
    const first = issue(tomorrow, config, VEZNE, at(24 * 60));

    expect(first.number).toBe('V001');
    expect(first.id).toBe(`${HALL_ID}-2024-05-07-V001`);
    expect(first.id).not.toBe(today.ticketIdByNumber.get('V001'));
  });

  it.each([
    ['an unknown service', 'kayip', 'service-not-found'],
    ['an inactive service', NIKAH, 'service-inactive'],
  ])(
    'when a ticket is asked for %s, then it is refused with %s and uses no number',
    (_, id, code) => {
      const state = newDay();
      const config = makeConfig();

      const result = run(
        state,
        config,
        { type: 'issue', serviceId: id, priority: null, lang: 'tr', code: 'x' },
        at(0),
      );

      expect(errorCode(result)).toBe(code);
      expect(state.tickets.size).toBe(0);
      expect(state.sequences.size).toBe(0);
    },
  );

  it('when the service is unknown, then the error names the serviceId field', () => {
    const result = run(
      newDay(),
      makeConfig(),
      { type: 'issue', serviceId: 'kayip', priority: null, lang: 'tr', code: 'x' },
      at(0),
    );

    expect(result).toMatchObject({ ok: false, error: { field: 'serviceId' } });
  });

  it('when a service belongs to another hall, then this hall does not issue for it', () => {
    const config = hallConfig(
      makeHall(),
      [makeService(VEZNE, 'V'), { ...makeService('elsewhere', 'X'), hallId: 'kizilay' }],
      [
        makeCounter('c1', 1, [VEZNE]),
        { ...makeCounter('c9', 9, ['elsewhere']), hallId: 'kizilay' },
      ],
    );

    const result = run(
      newDay(),
      config,
      { type: 'issue', serviceId: 'elsewhere', priority: null, lang: 'tr', code: 'x' },
      at(0),
    );

    expect(errorCode(result)).toBe('service-not-found');
    expect([...config.counters.keys()]).toEqual(['c1']);
  });

  it('when a two-letter prefix is configured, then its numbers carry both letters', () => {
    const state = newDay();
    const config = makeConfig({ services: [makeService('zabita', 'ZB')] });

    expect(issue(state, config, 'zabita', at(0)).number).toBe('ZB001');
    expect(issue(state, config, 'zabita', at(1)).number).toBe('ZB002');
  });
});
