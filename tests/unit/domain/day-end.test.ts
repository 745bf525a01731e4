import { describe, expect, it } from 'vitest';
import {
  closeDayEvents,
  evolve,
  type HallConfig,
  type HallState,
} from '../../../server/src/domain/index.js';
import {
  at,
  callNext,
  comparable,
  EVRAK,
  HALL_ID,
  issue,
  makeConfig,
  must,
  newDay,
  open,
  RUHSAT,
  ticketByNumber,
  VEZNE,
} from './fixtures.js';

const MIDNIGHT = Date.UTC(2024, 4, 6, 21, 0, 0);

/**
 * A day left in every state: V001 done, V002 no-show, V003 cancelled, V004 serving at c1,
 * R001 called at c3, V005 and R002 waiting, c2 paused, c4 closed again.
 */
function busyDay(state: HallState, config: HallConfig): void {
  open(state, config, 'c1', 'ayse', at(0));
  open(state, config, 'c2', 'mehmet', at(0));
  open(state, config, 'c3', 'zeynep', at(0));
  open(state, config, 'c4', 'ali', at(0));
  for (let i = 0; i < 5; i += 1) issue(state, config, VEZNE, at(1, i));
  issue(state, config, RUHSAT, at(1));
  issue(state, config, RUHSAT, at(2));
  const c1 = { counterId: 'c1', clerkId: 'ayse' };
  must(state, config, { type: 'call', ...c1, number: 'V001' }, at(3));
  must(state, config, { type: 'start', ...c1 }, at(3));
  must(state, config, { type: 'complete', ...c1, outcome: 'resolved', note: null }, at(6));
  must(state, config, { type: 'call', ...c1, number: 'V002' }, at(7));
  must(state, config, { type: 'no-show', ...c1 }, at(9));
  must(
    state,
    config,
    { type: 'cancel', ticketId: ticketByNumber(state, 'V003').id, by: 'visitor', clerkId: null },
    at(10),
  );
  must(state, config, { type: 'call', ...c1, number: 'V004' }, at(11));
  must(state, config, { type: 'start', ...c1 }, at(12));
  callNext(state, config, 'c3', 'zeynep', at(13));
  must(
    state,
    config,
    { type: 'pause', counterId: 'c2', clerkId: 'mehmet', reason: 'break' },
    at(14),
  );
  must(state, config, { type: 'close', counterId: 'c4', clerkId: 'ali' }, at(15));
}

describe('closeDayEvents', () => {
  it('when nothing happened today, then there is nothing to close', () => {
    expect(closeDayEvents(newDay(), MIDNIGHT)).toEqual([]);
  });

  it('when the day ends, then open tickets are cancelled by day-end and held counters closed', () => {
    const state = newDay();
    const config = makeConfig();
    busyDay(state, config);
    const id = (number: string) => ticketByNumber(state, number).id;

    const events = closeDayEvents(state, MIDNIGHT);

    const base = { hallId: HALL_ID, at: MIDNIGHT };
    const cancelled = (number: string) => ({
      ...base,
      type: 'ticket:cancelled',
      ticketId: id(number),
      by: 'day-end',
      clerkId: null,
    });
    expect(events).toHaveLength(7);
    expect(events).toEqual(
      expect.arrayContaining([
        cancelled('V004'),
        cancelled('V005'),
        cancelled('R001'),
        cancelled('R002'),
        { ...base, type: 'counter:closed', counterId: 'c1', clerkId: 'ayse' },
        { ...base, type: 'counter:closed', counterId: 'c2', clerkId: 'mehmet' },
        { ...base, type: 'counter:closed', counterId: 'c3', clerkId: 'zeynep' },
      ]),
    );
  });

  it('when the day-end events are applied, then nothing is open, waiting or held', () => {
    const state = newDay();
    const config = makeConfig();
    busyDay(state, config);

    for (const event of closeDayEvents(state, MIDNIGHT)) evolve(state, event);

    const statuses = Object.fromEntries(
      [...state.tickets.values()].map((t) => [t.number, t.status]),
    );
    expect(statuses).toEqual({
      V001: 'done',
      V002: 'no-show',
      V003: 'cancelled',
      V004: 'cancelled',
      V005: 'cancelled',
      R001: 'cancelled',
      R002: 'cancelled',
    });
    for (const serviceId of [VEZNE, RUHSAT, EVRAK])
      expect(state.waiting.get(serviceId)?.size ?? 0).toBe(0);
    for (const c of state.counters.values()) {
      expect(c).toMatchObject({
        status: 'closed',
        clerkId: null,
        currentTicketId: null,
        freeSince: null,
      });
    }
    expect(ticketByNumber(state, 'V004').endedAt).toBe(MIDNIGHT);
    expect(ticketByNumber(state, 'V001').endedAt).toBe(at(6));
  });

  it('when the day-end events are listed, then the state is not changed by listing them', () => {
    const state = newDay();
    const config = makeConfig();
    busyDay(state, config);
    const before = comparable(state);

    closeDayEvents(state, MIDNIGHT);

    expect(comparable(state)).toEqual(before);
  });

  it('when the day-end events are applied twice over, then the second listing is empty', () => {
    const state = newDay();
    const config = makeConfig();
    busyDay(state, config);
    for (const event of closeDayEvents(state, MIDNIGHT)) evolve(state, event);

    expect(closeDayEvents(state, MIDNIGHT + 1)).toEqual([]);
  });
});
