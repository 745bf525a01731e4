import type { BookingRevEvent } from '../../../contract/booking-events.js';

/** The ledger's name where a hall-day journal names its day (conflict errors, flush reports). */
export const LEDGER = 'bookings';

/**
 * Throws unless `events` belong to `hallId` and their revisions follow each other: a batch
 * that breaks this is a bug of the caller, never a conflict with another server.
 */
export function checkLedgerBatch(hallId: string, events: BookingRevEvent[]): void {
  events.forEach((event, i) => {
    if (event.hallId !== hallId)
      throw new Error(`Booking ledger ${hallId}: an event of hall ${event.hallId} was given.`);
    if (!Number.isInteger(event.rev) || event.rev < 1)
      throw new Error(`Booking ledger ${hallId}: revision ${event.rev} is not a positive integer.`);
    if (i > 0 && event.rev !== events[i - 1]!.rev + 1)
      throw new Error(
        `Booking ledger ${hallId}: revision ${event.rev} does not follow ${events[i - 1]!.rev}.`,
      );
  });
}

/**
 * The event with its name, phone number and address hash blanked when it is the `booking:made`
 * of one of `bookingIds` and still holds any of them; otherwise the event itself (so callers can
 * tell). The address hash is a salted hash of an IP address: pseudonymous, but still personal
 * data under KVKK, and after the slot it has no use.
 */
export function blankBookingContacts(
  event: BookingRevEvent,
  bookingIds: ReadonlySet<string>,
): BookingRevEvent {
  if (event.type !== 'booking:made' || !bookingIds.has(event.bookingId)) return event;
  if (event.name === '' && event.phone === null && event.addressHash === null) return event;
  return { ...event, name: '', phone: null, addressHash: null };
}
