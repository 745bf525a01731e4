import { describe, expect, it } from 'vitest';
import type { HallConfig, HallState } from '../../../server/src/domain/index.js';
import { peopleAhead } from '../../../server/src/domain/index.js';
import {
  at,
  callNext,
  eventsOf,
  EVRAK,
  HALL_ID,
  issue,
  makeConfig,
  MINUTE,
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
const atC2 = { counterId: 'c2', clerkId: AYSE };
const atC3 = { counterId: 'c3', clerkId: MEHMET };

/** V001 (elderly) is served at c2 from minute 2; R001 and R002 wait for ruhsat. */
function servingV001(state: HallState, config: HallConfig): void {
  open(state, config, 'c2', AYSE, at(0));
  open(state, config, 'c3', MEHMET, at(0));
  issue(state, config, VEZNE, at(0), 'elderly');
  issue(state, config, RUHSAT, at(0));
  issue(state, config, RUHSAT, at(1));
  callNext(state, config, 'c2', AYSE, at(1));
  must(state, config, { type: 'start', ...atC2 }, at(2));
}

function serveAtC3(state: HallState, config: HallConfig, now: number): string {
  const t = callNext(state, config, 'c3', MEHMET, now);
  must(state, config, { type: 'start', ...atC3 }, now);
  must(state, config, { type: 'complete', ...atC3, outcome: 'resolved', note: null }, now);
  return t.number;
}

describe('transfer', () => {
  it('when a visit is transferred, then the visitor keeps the number and waits in the other service', () => {
    const state = newDay();
    const config = makeConfig();
    servingV001(state, config);
    const ticket = ticketByNumber(state, 'V001');

    const events = eventsOf(
      run(state, config, { type: 'transfer', ...atC2, serviceId: RUHSAT, position: 'back' }, at(5)),
    );

    expect(events).toEqual([
      {
        type: 'ticket:transferred',
        hallId: HALL_ID,
        at: at(5),
        ticketId: ticket.id,
        ...atC2,
        fromServiceId: VEZNE,
        toServiceId: RUHSAT,
        position: 'back',
      },
    ]);
    expect(ticketByNumber(state, 'V001')).toBe(ticket);
    expect(ticket).toMatchObject({
      id: `${HALL_ID}-2024-05-06-V001`,
      number: 'V001',
      serviceId: RUHSAT,
      status: 'waiting',
      priority: 'elderly',
      transfers: 1,
      queuedAt: at(5),
      front: false,
      counterId: null,
      clerkId: null,
      startedAt: null,
      issuedAt: at(0),
      firstCalledAt: at(1),
    });
    expect(waitingNumbers(state, VEZNE)).toEqual([]);
    expect(waitingNumbers(state, RUHSAT)).toEqual(['R001', 'R002', 'V001']);
    expect(state.counters.get('c2')).toMatchObject({ currentTicketId: null, freeSince: at(5) });
  });

  it('when a visit is transferred, then the finished segment counts as service time of the old service', () => {
    const state = newDay();
    const config = makeConfig();
    servingV001(state, config);

    must(state, config, { type: 'transfer', ...atC2, serviceId: RUHSAT, position: 'back' }, at(5));

    expect(state.recentServiceMs.get(VEZNE)).toEqual([3 * MINUTE]);
    expect(state.recentServiceMs.get(RUHSAT)).toBeUndefined();
  });

  it.each([
    { position: 'back' as const, order: ['R001', 'R002', 'V001'], ahead: 2 },
    { position: 'front' as const, order: ['V001', 'R001', 'R002'], ahead: 0 },
  ])(
    'when the clerk transfers to the $position, then the other service calls in order $order',
    ({ position, order, ahead }) => {
      const state = newDay();
      const config = makeConfig();
      servingV001(state, config);

      must(state, config, { type: 'transfer', ...atC2, serviceId: RUHSAT, position }, at(5));

      expect(ticketByNumber(state, 'V001').front).toBe(position === 'front');
      expect(peopleAhead(state, ticketByNumber(state, 'V001'))).toBe(ahead);
      expect([6, 7, 8].map((minute) => serveAtC3(state, config, at(minute)))).toEqual(order);
    },
  );

  it('when the transferred visitor is served in the new service, then both segments are remembered', () => {
    const state = newDay();
    const config = makeConfig();
    servingV001(state, config);
    must(state, config, { type: 'transfer', ...atC2, serviceId: RUHSAT, position: 'front' }, at(5));

    callNext(state, config, 'c3', MEHMET, at(6));
    must(state, config, { type: 'start', ...atC3 }, at(7));
    must(state, config, { type: 'complete', ...atC3, outcome: 'resolved', note: null }, at(13));

    expect(ticketByNumber(state, 'V001')).toMatchObject({
      status: 'done',
      serviceId: RUHSAT,
      counterId: 'c3',
      clerkId: MEHMET,
      firstCalledAt: at(1),
      lastCalledAt: at(6),
      startedAt: at(7),
      completedAt: at(13),
    });
    expect(state.recentServiceMs.get(VEZNE)).toEqual([3 * MINUTE]);
    expect(state.recentServiceMs.get(RUHSAT)).toEqual([6 * MINUTE]);
  });

  it('when a visitor is transferred twice, then the count says two and they end in the last service', () => {
    const state = newDay();
    const config = makeConfig({});
    servingV001(state, config);
    open(state, config, 'c4', 'zeynep', at(0));
    must(state, config, { type: 'transfer', ...atC2, serviceId: RUHSAT, position: 'front' }, at(5));
    callNext(state, config, 'c3', MEHMET, at(6));
    must(state, config, { type: 'start', ...atC3 }, at(7));

    must(state, config, { type: 'transfer', ...atC3, serviceId: EVRAK, position: 'back' }, at(9));

    expect(ticketByNumber(state, 'V001')).toMatchObject({
      serviceId: EVRAK,
      transfers: 2,
      status: 'waiting',
    });
    expect(waitingNumbers(state, EVRAK)).toEqual(['V001']);
    expect(callNext(state, config, 'c4', 'zeynep', at(10)).number).toBe('V001');
  });

  it('when a visitor was transferred out, then the old service keeps counting from its last number', () => {
    const state = newDay();
    const config = makeConfig();
    servingV001(state, config);
    must(state, config, { type: 'transfer', ...atC2, serviceId: RUHSAT, position: 'back' }, at(5));

    expect(issue(state, config, VEZNE, at(6)).number).toBe('V002');
    expect(issue(state, config, RUHSAT, at(6)).number).toBe('R003');
  });

  it('when a transferred visitor is called by number in the new service, then the number still finds them', () => {
    const state = newDay();
    const config = makeConfig();
    servingV001(state, config);
    must(state, config, { type: 'transfer', ...atC2, serviceId: RUHSAT, position: 'back' }, at(5));

    const [event] = eventsOf(run(state, config, { type: 'call', ...atC3, number: 'v001' }, at(6)));

    expect(event).toMatchObject({
      type: 'ticket:called',
      ticketId: ticketByNumber(state, 'V001').id,
    });
  });
});
