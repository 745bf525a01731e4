import { describe, expect, it } from 'vitest';
import type { Booking } from '../../../../contract/bookings.js';
import { checkInWindow, decideCheckIn } from '../../../../server/src/domain/bookings/index.js';
import { ISTANBUL, ist, MINUTE } from './fixtures.js';

const SLOT = ist('2026-12-08', '10:00');
const rules = { checkInEarlyMinutes: 15, checkInLateMinutes: 10 };
const booking = (status: Booking['status'] = 'booked') => ({ id: 'b1', slotAt: SLOT, status });

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

  it('when too early, then the message names the local time the window opens, in Turkish and English', () => {
    const r = decideCheckIn(booking(), SLOT - 60 * MINUTE, rules, ISTANBUL);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toContain('09:45');
      expect(r.error.message).toMatch(/Randevu girişi 09:45.*Check-in opens at 09:45/);
    }
    // The same instant read in another zone names that zone's wall clock (UTC: 06:45).
    const utc = decideCheckIn(booking(), SLOT - 60 * MINUTE, rules, 'UTC');
    expect(!utc.ok && utc.error.message).toContain('06:45');
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
