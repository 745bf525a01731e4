import { describe, expect, it } from 'vitest';
import type { QueueEvent } from '../../../contract/events.js';
import { decide } from '../../../server/src/domain/index.js';
import {
  at,
  errorCode,
  eventsOf,
  HALL_ID,
  issue,
  makeConfig,
  must,
  newDay,
  OPENING,
  replay,
  run,
  ticketByNumber,
  VEZNE,
} from './fixtures.js';

const BOOKING = { bookingId: 'bk-1', slotAt: at(30) };

const checkIn = (code: string, appointment = BOOKING) =>
  ({
    type: 'issue',
    serviceId: VEZNE,
    priority: null,
    lang: 'tr',
    code,
    appointment,
  }) as const;

describe('check-in: a booked visitor gets a ticket of the hall queue', () => {
  it('when a booking is checked in, then ticket:issued carries it and the ticket keeps it', () => {
    const state = newDay();
    const config = makeConfig();

    const [event] = eventsOf(run(state, config, checkIn('k1'), at(20)));

    expect(event).toMatchObject({ type: 'ticket:issued', number: 'V001', appointment: BOOKING });
    expect(ticketByNumber(state, 'V001').appointment).toEqual(BOOKING);
    expect(state.checkedIn.has('bk-1')).toBe(true);
  });

  it('when a walk-in is issued, then its event has no appointment and its ticket null', () => {
    const state = newDay();
    const config = makeConfig();

    const [event] = must(
      state,
      config,
      { type: 'issue', serviceId: VEZNE, priority: null, lang: 'tr', code: 'w' },
      at(1),
    );

    expect(event && 'appointment' in event).toBe(false);
    expect(ticketByNumber(state, 'V001').appointment).toBeNull();
  });

  it('when the same booking checks in twice, then the second is refused and numbers nothing', () => {
    const state = newDay();
    const config = makeConfig();
    must(state, config, checkIn('k1'), at(20));

    const second = run(state, config, checkIn('k2'), at(21));

    expect(errorCode(second)).toBe('booking-already-checked-in');
    expect(state.sequences.get(VEZNE)).toBe(1);
  });

  it('when another booking checks in, then it is accepted and numbered in the same sequence', () => {
    const state = newDay();
    const config = makeConfig();
    must(state, config, checkIn('k1'), at(20));
    issue(state, config, VEZNE, at(21));

    must(state, config, checkIn('k3', { bookingId: 'bk-2', slotAt: at(40) }), at(22));

    expect(ticketByNumber(state, 'V003').appointment).toEqual({
      bookingId: 'bk-2',
      slotAt: at(40),
    });
  });

  it('when the journal is replayed, then a second check-in is still refused', () => {
    const live = newDay();
    const config = makeConfig();
    const journal = must(live, config, checkIn('k1'), at(20));

    const replayed = replay(journal);
    const again = decide(replayed, config, checkIn('k2'), at(25));

    expect(again.ok ? 'accepted' : again.error.code).toBe('booking-already-checked-in');
  });
});

describe('journals written before appointments', () => {
  /** A journal as recorded by the version before appointments: no `appointment` anywhere. */
  const OLD_JOURNAL: QueueEvent[] = [
    { type: 'counter:opened', hallId: HALL_ID, at: OPENING, counterId: 'c2', clerkId: 'ayse' },
    {
      type: 'ticket:issued',
      hallId: HALL_ID,
      at: at(1),
      ticketId: `${HALL_ID}-2024-05-06-V001`,
      code: 'old-a',
      serviceId: VEZNE,
      seq: 1,
      number: 'V001',
      priority: null,
      lang: 'tr',
      estimate: { kind: 'minutes', minutes: 0 },
    },
    {
      type: 'ticket:issued',
      hallId: HALL_ID,
      at: at(2),
      ticketId: `${HALL_ID}-2024-05-06-V002`,
      code: 'old-b',
      serviceId: VEZNE,
      seq: 2,
      number: 'V002',
      priority: 'elderly',
      lang: 'en',
    },
  ];

  it('when it is replayed, then its tickets are walk-ins and no booking is checked in', () => {
    const state = replay(OLD_JOURNAL);

    expect(ticketByNumber(state, 'V001').appointment).toBeNull();
    expect(ticketByNumber(state, 'V002').appointment).toBeNull();
    expect(state.checkedIn.size).toBe(0);
    expect(state.booked.size).toBe(0);
  });

  it('when it is replayed, then the queue goes on as before (priority first, then V001)', () => {
    const state = replay(OLD_JOURNAL);
    const config = makeConfig();

    const called = [at(3), at(4)].map((now) => {
      const [e] = must(state, config, { type: 'call-next', counterId: 'c2', clerkId: 'ayse' }, now);
      if (e?.type === 'ticket:called')
        must(state, config, { type: 'no-show', counterId: 'c2', clerkId: 'ayse' }, now);
      return e?.type === 'ticket:called' ? state.tickets.get(e.ticketId)?.number : null;
    });

    expect(called).toEqual(['V002', 'V001']);
  });
});
