import { describe, expect, it } from 'vitest';
import type { Booking } from '../../../../contract/bookings.js';
import { checkInWindow, decideCheckIn } from '../../../../server/src/domain/bookings/index.js';
import { ISTANBUL, ist, MINUTE } from './fixtures.js';

const SLOT = ist('2026-12-08', '10:00');
const rules = { checkInEarlyMinutes: 15, checkInLateMinutes: 10 };
const booking = (status: Booking['status'] = 'booked') => ({
  id: 'b1',
  serviceId: 'vezne',
  slotAt: SLOT,
  status,
});

describe('check-in at the kiosk', () => {
  it('when asked for the window, then it runs from slot − early to slot + late', () => {
    expect(checkInWindow(booking(), rules)).toEqual({
      from: SLOT - 15 * MINUTE,
      until: SLOT + 10 * MINUTE,
    });
  });

  it.each([
    [-15 * MINUTE - 1, 'check-in-too-early'],
    [-15 * MINUTE, null],
    [0, null],
    [10 * MINUTE, null],
    [10 * MINUTE + 1, 'check-in-too-late'],
  ])('when checking in %i ms from the slot, then %s', (dt, code) => {
    const r = decideCheckIn(booking(), SLOT + dt, rules, ISTANBUL);
    if (code === null) expect(r).toEqual({ ok: true, value: booking() });
    else expect(r).toMatchObject({ ok: false, error: { code } });
  });

  it('when too early, then the message names the slot and the local time the window opens, in Turkish and English', () => {
    const r = decideCheckIn(booking(), SLOT - 60 * MINUTE, rules, ISTANBUL);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toMatch(
        /Randevunuz 10:00; giriş 09:45 itibarıyla açılır.*appointment is at 10:00; check-in opens at 09:45/,
      );
    }
    // The same instant read in another zone names that zone's wall clock (UTC: 06:45).
    const utc = decideCheckIn(booking(), SLOT - 60 * MINUTE, rules, 'UTC');
    expect(!utc.ok && utc.error.message).toContain('06:45');
  });

  it('when too early, then the refusal carries typed details: the service, the slot and the opening, local to the hall', () => {
    const r = decideCheckIn(booking(), SLOT - 60 * MINUTE, rules, ISTANBUL);
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'check-in-too-early',
        message: expect.any(String),
        details: { serviceId: 'vezne', slotTime: '10:00', opensAt: '09:45' },
      },
    });
    const utc = decideCheckIn(booking(), SLOT - 60 * MINUTE, rules, 'UTC');
    expect(!utc.ok && utc.error.details).toEqual({
      serviceId: 'vezne',
      slotTime: '07:00',
      opensAt: '06:45',
    });
  });

  it.each([
    ['past the window', booking(), SLOT + 10 * MINUTE + 1],
    ['marked no-show', booking('no-show'), SLOT],
  ])(
    'when too late (%s), then the refusal carries the service and the slot time, not the opening',
    (_, b, now) => {
      const r = decideCheckIn(b, now, rules, ISTANBUL);
      expect(r).toEqual({
        ok: false,
        error: {
          code: 'check-in-too-late',
          message: expect.any(String),
          details: { serviceId: 'vezne', slotTime: '10:00' },
        },
      });
    },
  );

  it.each([
    [undefined, 'booking-not-found'],
    [booking('cancelled'), 'booking-not-changeable'],
    [booking('checked-in'), 'booking-already-checked-in'],
  ])('when the booking is %o, then %s carries no details', (b, code) => {
    const r = decideCheckIn(b, SLOT, rules, ISTANBUL);
    expect(r).toMatchObject({ ok: false, error: { code } });
    expect(!r.ok && 'details' in r.error).toBe(false);
  });

  it.each([
    [undefined, 'booking-not-found'],
    [booking('cancelled'), 'booking-not-changeable'],
    [booking('checked-in'), 'booking-already-checked-in'],
    [booking('no-show'), 'check-in-too-late'],
  ])('when the booking is %o, then %s', (b, code) => {
    expect(decideCheckIn(b, SLOT, rules, ISTANBUL)).toMatchObject({ ok: false, error: { code } });
  });
});
