import { describe, expect, it } from 'vitest';
import type { BookingEvent } from '../../../../contract/booking-events.js';
import {
  bookingOf,
  bookingStateOf,
  foldBooking,
  placesTaken,
} from '../../../../server/src/domain/bookings/index.js';
import { HALL_ID, ist, MINUTE, newState, SERVICE } from './fixtures.js';

const SLOT = ist('2026-12-08', '09:00');
const LATER = ist('2026-12-08', '09:20');
const base = { hallId: HALL_ID, bookingId: 'b1', at: ist('2026-12-07', '08:00') };
const made: BookingEvent = {
  ...base,
  type: 'booking:made',
  serviceId: SERVICE,
  slotAt: SLOT,
  day: '2026-12-08',
  time: '09:00',
  slotMinutes: 20,
  name: 'Ayşe Yılmaz',
  phone: '05321234567',
  addressHash: 'ab'.repeat(32),
  lang: 'tr',
  code: 'c'.repeat(22),
  checkInCode: '0123456789',
  madeBy: 'citizen',
};
const rules = { checkInLateMinutes: 10 };

describe('folding the booking ledger', () => {
  it('when a booking is made, then it is found by id, code and check-in code and takes a place', () => {
    const s = bookingStateOf(HALL_ID, [made]);
    expect(s.rev).toBe(1);
    expect(s.byCode.get(made.code)).toBe('b1');
    expect(s.byCheckInCode.get('0123456789')).toBe('b1');
    expect(placesTaken(s, SERVICE, SLOT)).toBe(1);
    expect(bookingOf(s, 'b1', SLOT - MINUTE, rules)).toEqual({
      id: 'b1',
      hallId: HALL_ID,
      serviceId: SERVICE,
      slotAt: SLOT,
      day: '2026-12-08',
      time: '09:00',
      slotMinutes: 20,
      name: 'Ayşe Yılmaz',
      phone: '05321234567',
      lang: 'tr',
      code: made.code,
      checkInCode: '0123456789',
      madeAt: base.at,
      madeBy: 'citizen',
      status: 'booked',
      ticketNumber: null,
      checkedInAt: null,
      cancelledAt: null,
    });
  });

  it('when a booking moves, then its place moves with it (one place, not two)', () => {
    const s = bookingStateOf(HALL_ID, [
      made,
      { ...base, type: 'booking:moved', slotAt: LATER, day: '2026-12-08', time: '09:20' },
    ]);
    expect(placesTaken(s, SERVICE, SLOT)).toBe(0);
    expect(placesTaken(s, SERVICE, LATER)).toBe(1);
    expect(s.bookings.get('b1')).toMatchObject({ slotAt: LATER, time: '09:20' });
  });

  it('when a booking is cancelled, then its place is free again', () => {
    const s = bookingStateOf(HALL_ID, [
      made,
      { ...base, type: 'booking:cancelled', by: 'citizen' },
    ]);
    expect(placesTaken(s, SERVICE, SLOT)).toBe(0);
    expect(bookingOf(s, 'b1', SLOT, rules)).toMatchObject({
      status: 'cancelled',
      cancelledAt: base.at,
    });
  });

  it('when a booking is checked in, then it keeps its place and names its ticket', () => {
    const s = bookingStateOf(HALL_ID, [
      made,
      {
        ...base,
        at: SLOT - 5 * MINUTE,
        type: 'booking:checked-in',
        ticketId: 't1',
        ticketNumber: 'V012',
      },
    ]);
    expect(placesTaken(s, SERVICE, SLOT)).toBe(1);
    expect(bookingOf(s, 'b1', SLOT + 60 * MINUTE, rules)).toMatchObject({
      status: 'checked-in',
      ticketNumber: 'V012',
      checkedInAt: SLOT - 5 * MINUTE,
    });
  });

  it.each([
    [0, 'booked'],
    [10 * MINUTE, 'booked'],
    [10 * MINUTE + 1, 'no-show'],
  ])('when %i ms after the slot a booking is still booked, then it reads as %s', (dt, status) => {
    const s = bookingStateOf(HALL_ID, [made]);
    expect(bookingOf(s, 'b1', SLOT + dt, rules)!.status).toBe(status);
    // Derived on reading: the stored status stays booked, the place stays taken.
    expect(s.bookings.get('b1')!.status).toBe('booked');
  });

  it('when bookings are erased, then name, phone and address hash are blank and the check-in code is gone', () => {
    const s = bookingStateOf(HALL_ID, [
      made,
      {
        type: 'bookings:erased',
        hallId: HALL_ID,
        at: SLOT + 31 * 1440 * MINUTE,
        bookingIds: ['b1'],
      },
    ]);
    expect(s.bookings.get('b1')).toMatchObject({
      name: '',
      phone: null,
      addressHash: null,
      erasedAt: SLOT + 31 * 1440 * MINUTE,
    });
    expect(s.byCheckInCode.has('0123456789')).toBe(false);
    expect(bookingOf(s, 'b1', SLOT, rules)).not.toHaveProperty('erasedAt');
  });

  it('when events carry revisions, then the state takes the last one; without, it counts', () => {
    const s = newState();
    foldBooking(s, { ...made, rev: 7 });
    expect(s.rev).toBe(7);
    foldBooking(s, { ...base, type: 'booking:cancelled', by: 'staff' });
    expect(s.rev).toBe(8);
  });

  it('when an event names an unknown booking, then nothing changes but the revision', () => {
    const s = bookingStateOf(HALL_ID, [{ ...base, type: 'booking:cancelled', by: 'staff' }]);
    expect(s.bookings.size).toBe(0);
    expect(s.rev).toBe(1);
  });
});
