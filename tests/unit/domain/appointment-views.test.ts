import { describe, expect, it } from 'vitest';
import { lineOf, type HallConfig, type HallState } from '../../../server/src/domain/index.js';
import { MANAGERS } from '../../../server/src/queue/staff-privacy.js';
import {
  displayDelta,
  displaySnapshot,
  issuedTicket,
  staffSnapshot,
  ticketStatusView,
} from '../../../server/src/queue/views.js';
import { at, checkIn, issue, makeConfig, must, newDay, open, VEZNE } from './fixtures.js';

/** c2 (vezne) open; V001 a walk-in, V002 booked for 09:30 (checked in at 09:20). */
function hall(): { state: HallState; config: HallConfig } {
  const state = newDay();
  const config = makeConfig();
  open(state, config, 'c2', 'ayse', at(0));
  issue(state, config, VEZNE, at(1));
  checkIn(state, config, VEZNE, at(20), at(30));
  return { state, config };
}

const noName = () => null;

describe('what each audience is told of a booked visitor', () => {
  it('when a booked visitor is called, then the display marks the call and the counter', () => {
    const { state, config } = hall();
    must(state, config, { type: 'call', counterId: 'c2', clerkId: 'ayse', number: 'V002' }, at(31));
    const [called] = must(
      state,
      config,
      { type: 'recall', counterId: 'c2', clerkId: 'ayse' },
      at(32),
    );

    const snapshot = displaySnapshot(state, config, at(32));
    const delta = displayDelta({ ...called!, rev: 9 }, state, config);

    expect(snapshot.counters.find((c) => c.id === 'c2')?.current).toMatchObject({
      number: 'V002',
      appointment: true,
    });
    expect(snapshot.recentCalls.map((c) => [c.number, c.appointment])).toEqual([['V002', true]]);
    expect(delta.call).toMatchObject({ number: 'V002', appointment: true });
  });

  it('when a walk-in is called, then nothing is marked', () => {
    const { state, config } = hall();
    const [called] = must(
      state,
      config,
      { type: 'call', counterId: 'c2', clerkId: 'ayse', number: 'V001' },
      at(2),
    );

    expect(displayDelta({ ...called!, rev: 9 }, state, config).call?.appointment).toBe(false);
    expect(displaySnapshot(state, config, at(2)).counters[1]?.current?.appointment).toBe(false);
  });

  it('when the kiosk gets the ticket, then it has the slot and its hall-local time', () => {
    const { state, config } = hall();
    const [walkIn, booked] = ['V001', 'V002'].map((n) =>
      state.tickets.get(state.ticketIdByNumber.get(n)!)!,
    );

    expect(issuedTicket(booked!, state, config, 'u').appointment).toEqual({
      slotAt: at(30),
      time: '09:30',
    });
    expect(issuedTicket(walkIn!, state, config, 'u').appointment).toBeNull();
  });

  it('when the phone and staff follow the ticket, then they see it is booked (staff the slot)', () => {
    const { state, config } = hall();
    const booked = state.tickets.get(state.ticketIdByNumber.get('V002')!)!;

    const staff = staffSnapshot(state, config, at(21), noName, MANAGERS).tickets;

    expect(ticketStatusView(booked, state, config).appointment).toBe(true);
    expect(staff.find((t) => t.number === 'V002')?.appointment).toEqual({
      bookingId: `bk-${VEZNE}-${at(30)}`,
      slotAt: at(30),
    });
    expect(staff.find((t) => t.number === 'V001')?.appointment).toBeNull();
  });

  it('when a booked slot is still to come, then a ranked place in line is not taken as people ahead', () => {
    const { state, config } = hall();
    checkIn(state, config, VEZNE, at(21), at(90), 'later'); // V003, slot 10:30
    const walkIn = issue(state, config, VEZNE, at(22)); // V004
    const ranked = lineOf(state, VEZNE).findIndex((t) => t.id === walkIn.id);

    // The line's order puts all three before V004; but V004 is expected at about 09:27 (after
    // V001's visit), before both slots (09:30, 10:30): only V001 is ahead.
    expect(ranked).toBe(3);
    expect(ticketStatusView(walkIn, state, config, ranked).peopleAhead).toBe(1);
    expect(issuedTicket(walkIn, state, config, 'u', ranked).peopleAhead).toBe(1);
  });
});
