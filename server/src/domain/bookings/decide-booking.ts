import type { BookingChannel } from '../../../../contract/bookings.js';
import type { BookingEvent } from '../../../../contract/booking-events.js';
import type { Lang } from '../../../../contract/domain.js';
import { fail, ok, type Result } from '../result.js';
import { beforeChangeDeadline, requestedSlot } from './availability.js';
import type { BookingConfig } from './booking-config.js';
import { placesTaken, statusAt, type BookingState, type StoredBooking } from './booking-state.js';
import { normalisePhone } from './phone.js';

const DAY = 24 * 60 * 60_000;

/** What may happen to a hall's bookings. Codes and ids are drawn by the shell (randomness). */
export type BookingCommand =
  | {
      type: 'make';
      bookingId: string;
      serviceId: string;
      day: string;
      time: string;
      name: string;
      /** As typed (normalised here to `05xxxxxxxxx`), or null. */
      phone: string | null;
      lang: Lang;
      madeBy: BookingChannel;
      /** SHA-256 of the requesting address (citizen bookings); null for staff. */
      addressHash: string | null;
      code: string;
      checkInCode: string;
    }
  | { type: 'move'; bookingId: string; day: string; time: string }
  | { type: 'cancel'; bookingId: string; by: BookingChannel }
  /** Recorded after the appointment's ticket is durable in the hall-day journal. */
  | { type: 'checked-in'; bookingId: string; ticketId: string; ticketNumber: string }
  /** Erase names and phone numbers of bookings past the retention period. */
  | { type: 'erase' };

/**
 * Decides what a command means for the hall's bookings: the ledger events to append, or why
 * it is refused. Pure: reads the state, never changes it; `now` is the only clock.
 */
export function decideBooking(
  state: BookingState,
  config: BookingConfig,
  command: BookingCommand,
  now: number,
): Result<BookingEvent[]> {
  const base = { hallId: state.hallId, at: now };
  switch (command.type) {
    case 'make':
      return decideMake(state, config, command, now);
    case 'move': {
      const b = changeable(state, config, command.bookingId, now);
      if (!b.ok) return b;
      const asked = requestedSlot(config, b.value.serviceId, command.day, command.time, now);
      if (!asked.ok) return asked;
      const { service, slot } = asked.value;
      if (slot.at === b.value.slotAt) return ok([]);
      if (placesTaken(state, service.id, slot.at) >= service.settings.perSlot)
        return fail('slot-full', `${command.day} ${command.time} has no free place left.`, 'time');
      return ok([
        {
          ...base,
          type: 'booking:moved',
          bookingId: b.value.id,
          slotAt: slot.at,
          day: command.day,
          time: command.time,
        },
      ]);
    }
    case 'cancel': {
      const b = changeable(state, config, command.bookingId, now);
      if (!b.ok) return b;
      return ok([{ ...base, type: 'booking:cancelled', bookingId: b.value.id, by: command.by }]);
    }
    case 'checked-in': {
      const b = state.bookings.get(command.bookingId);
      if (!b) return fail('booking-not-found', 'No such appointment.');
      if (b.status === 'checked-in')
        return b.ticketId === command.ticketId
          ? ok([])
          : fail('booking-already-checked-in', 'This appointment is already checked in.');
      return ok([
        {
          ...base,
          type: 'booking:checked-in',
          bookingId: b.id,
          ticketId: command.ticketId,
          ticketNumber: command.ticketNumber,
        },
      ]);
    }
    case 'erase': {
      const cutoff = now - config.rules.retentionDays * DAY;
      const bookingIds = [...state.bookings.values()]
        .filter((b) => b.erasedAt === null && b.slotAt < cutoff)
        .map((b) => b.id);
      return ok(bookingIds.length ? [{ ...base, type: 'bookings:erased', bookingIds }] : []);
    }
  }
}

/** A booking that can still be moved or cancelled: booked, before the lead time and check-in. */
function changeable(
  state: BookingState,
  config: BookingConfig,
  bookingId: string,
  now: number,
): Result<StoredBooking> {
  const b = state.bookings.get(bookingId);
  if (!b) return fail('booking-not-found', 'No such appointment.');
  const status = statusAt(b, now, config.rules);
  if (status !== 'booked')
    return fail(
      'booking-not-changeable',
      `This appointment is ${status} and can no longer be changed.`,
    );
  if (!beforeChangeDeadline(config, b.slotAt, now))
    return fail(
      'booking-not-changeable',
      `An appointment can be moved or cancelled until ${Math.max(config.rules.leadMinutes, config.rules.checkInEarlyMinutes)} minutes before it.`,
    );
  return ok(b);
}

/** Future bookings still booked that a contact holds (the per-contact limit counts these). */
function heldBy(state: BookingState, now: number, holds: (b: StoredBooking) => boolean): number {
  let n = 0;
  for (const b of state.bookings.values())
    if (b.status === 'booked' && b.slotAt >= now && holds(b)) n += 1;
  return n;
}

function decideMake(
  state: BookingState,
  config: BookingConfig,
  command: Extract<BookingCommand, { type: 'make' }>,
  now: number,
): Result<BookingEvent[]> {
  const name = command.name.trim();
  if (name.length < 2 || name.length > 80)
    return fail('validation', 'name: 2 to 80 characters.', 'name');
  const phone = command.phone === null ? null : normalisePhone(command.phone);
  if (command.phone !== null && phone === null)
    return fail('validation', 'expected a Turkish mobile number such as 0532 123 45 67', 'phone');
  const asked = requestedSlot(config, command.serviceId, command.day, command.time, now);
  if (!asked.ok) return asked;
  const { service, slot } = asked.value;
  if (placesTaken(state, service.id, slot.at) >= service.settings.perSlot)
    return fail('slot-full', `${command.day} ${command.time} has no free place left.`, 'time');
  const max = config.rules.maxPerContact;
  if (phone !== null && heldBy(state, now, (b) => b.phone === phone) >= max)
    return fail('booking-limit', `This phone number already holds ${max} appointments.`, 'phone');
  const hash = command.addressHash;
  if (
    command.madeBy === 'citizen' &&
    hash !== null &&
    heldBy(state, now, (b) => b.madeBy === 'citizen' && b.addressHash === hash) >= max
  )
    return fail('booking-limit', `This connection already holds ${max} appointments.`);
  if (state.bookings.has(command.bookingId))
    return fail('conflict', 'This booking id is taken; draw another.', 'bookingId');
  if (state.byCode.has(command.code))
    return fail('conflict', 'This booking code is taken; draw another.', 'code');
  const holder = state.bookings.get(state.byCheckInCode.get(command.checkInCode) ?? '');
  if (holder && statusAt(holder, now, config.rules) === 'booked')
    return fail('conflict', 'This check-in code is in use; draw another.', 'checkInCode');
  return ok([
    {
      hallId: state.hallId,
      at: now,
      type: 'booking:made',
      bookingId: command.bookingId,
      serviceId: service.id,
      slotAt: slot.at,
      day: command.day,
      time: slot.time,
      slotMinutes: service.slotMinutes,
      name,
      phone,
      addressHash: command.madeBy === 'citizen' ? hash : null,
      lang: command.lang,
      code: command.code,
      checkInCode: command.checkInCode,
      madeBy: command.madeBy,
    },
  ]);
}
