import type { Booking, HallBookingSettings } from '../../../../contract/bookings.js';
import { fail, failWith, ok, type Result } from '../result.js';
import { localTime } from './local-time.js';

const MINUTE = 60_000;

type CheckInRules = Pick<HallBookingSettings, 'checkInEarlyMinutes' | 'checkInLateMinutes'>;

/** When a booking may be checked in at the kiosk, epoch ms, both ends included. */
export function checkInWindow(
  booking: Pick<Booking, 'slotAt'>,
  rules: CheckInRules,
): { from: number; until: number } {
  return {
    from: booking.slotAt - rules.checkInEarlyMinutes * MINUTE,
    until: booking.slotAt + rules.checkInLateMinutes * MINUTE,
  };
}

/**
 * Whether the booking a kiosk code names can be checked in at `now`: the booking, or why not
 * (unknown, cancelled, already checked in, too early or too late, when the kiosk offers a
 * walk-in ticket instead). Too early and too late carry typed details for the kiosk: the
 * booking's service and slot time, and for too early the time the window opens, both local to
 * the hall. Only what the code's holder already knows about their own booking.
 */
export function decideCheckIn<B extends Pick<Booking, 'slotAt' | 'status' | 'serviceId'>>(
  booking: B | undefined,
  now: number,
  rules: CheckInRules,
  timeZone: string,
): Result<B> {
  if (!booking) return fail('booking-not-found', 'No appointment has this code.', 'checkInCode');
  if (booking.status === 'cancelled')
    return fail('booking-not-changeable', 'This appointment was cancelled.');
  if (booking.status === 'checked-in')
    return fail('booking-already-checked-in', 'This appointment is already checked in.');
  const { from, until } = checkInWindow(booking, rules);
  const own = { serviceId: booking.serviceId, slotTime: localTime(booking.slotAt, timeZone) };
  if (now < from) {
    const opensAt = localTime(from, timeZone);
    return failWith(
      'check-in-too-early',
      `Randevunuz ${own.slotTime}; giriş ${opensAt} itibarıyla açılır. / Your appointment is at ${own.slotTime}; check-in opens at ${opensAt}.`,
      { ...own, opensAt },
    );
  }
  if (now > until || booking.status === 'no-show')
    return failWith(
      'check-in-too-late',
      'Randevu girişinin süresi geçti; sıra numarası alabilirsiniz. / Check-in has closed; you can take a regular ticket.',
      own,
    );
  return ok(booking);
}
