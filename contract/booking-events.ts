import type { BookingChannel } from './bookings.js';
import type { Lang } from './domain.js';

/*
 * The booking ledger: one append-only, revision-numbered event stream per hall (not per day:
 * bookings reach 30 days ahead). Like the hall-day journal, an event is durable before the
 * request is answered, and the revision is the lock: two servers that decide the last place
 * of a slot at once both try to write the same next revision, and only one can.
 */

interface BookingEventBase {
  hallId: string;
  bookingId: string;
  at: number;
}

export interface BookingMade extends BookingEventBase {
  type: 'booking:made';
  serviceId: string;
  slotAt: number;
  day: string;
  time: string;
  slotMinutes: number;
  name: string;
  phone: string | null;
  /** SHA-256 (hex) of the requesting address, for the per-contact limit; never the address. */
  addressHash: string | null;
  lang: Lang;
  code: string;
  checkInCode: string;
  madeBy: BookingChannel;
}

export interface BookingMoved extends BookingEventBase {
  type: 'booking:moved';
  slotAt: number;
  day: string;
  time: string;
}

export interface BookingCancelled extends BookingEventBase {
  type: 'booking:cancelled';
  by: BookingChannel;
}

/** Written after the appointment's ticket is durable in the hall-day journal. */
export interface BookingCheckedIn extends BookingEventBase {
  type: 'booking:checked-in';
  ticketId: string;
  ticketNumber: string;
}

/**
 * The name and phone number of these bookings were erased (retention). The erasure also
 * blanks them in the stored `booking:made` events, so the ledger keeps no personal data.
 */
export interface BookingsErased {
  type: 'bookings:erased';
  hallId: string;
  at: number;
  bookingIds: string[];
}

export type BookingEvent =
  BookingMade | BookingMoved | BookingCancelled | BookingCheckedIn | BookingsErased;

/** A ledger event with its place in the hall's ledger (1, 2, 3… with no gaps). */
export type BookingRevEvent = BookingEvent & { rev: number };
