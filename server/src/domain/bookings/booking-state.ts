import type { Booking, BookingStatus, HallBookingSettings } from '../../../../contract/bookings.js';
import type { BookingEvent, BookingRevEvent } from '../../../../contract/booking-events.js';

const MINUTE = 60_000;

/** A booking as the ledger folds it: the contract's record and what only the server keeps. */
export interface StoredBooking extends Booking {
  /** Stored status only: `no-show` is derived when read (`bookingOf`). */
  status: Exclude<BookingStatus, 'no-show'>;
  /** For the per-contact limit (citizen bookings); null for staff and after erasure. */
  addressHash: string | null;
  /** The appointment's ticket, once checked in. */
  ticketId: string | null;
  /** When the name and phone number were erased (retention); null before. */
  erasedAt: number | null;
}

/** All bookings of one hall, folded from its ledger. */
export interface BookingState {
  hallId: string;
  /** Revision of the last event folded (0: none). */
  rev: number;
  bookings: Map<string, StoredBooking>;
  /** Booking id by its page code. */
  byCode: Map<string, string>;
  /** Booking id by its 10-digit check-in code (the newest booking holding it; not erased). */
  byCheckInCode: Map<string, string>;
  /** Places taken (bookings booked or checked in) by `slotKey(serviceId, slotAt)`. */
  taken: Map<string, number>;
}

export function emptyBookingState(hallId: string): BookingState {
  return {
    hallId,
    rev: 0,
    bookings: new Map(),
    byCode: new Map(),
    byCheckInCode: new Map(),
    taken: new Map(),
  };
}

export function slotKey(serviceId: string, slotAt: number): string {
  return `${serviceId}@${slotAt}`;
}

/** Places of a slot taken by bookings that are booked or checked in. */
export function placesTaken(state: BookingState, serviceId: string, slotAt: number): number {
  return state.taken.get(slotKey(serviceId, slotAt)) ?? 0;
}

const holdsPlace = (status: StoredBooking['status']) => status !== 'cancelled';

function adjustTaken(state: BookingState, b: StoredBooking, by: number): void {
  const key = slotKey(b.serviceId, b.slotAt);
  const n = (state.taken.get(key) ?? 0) + by;
  if (n === 0) state.taken.delete(key);
  else state.taken.set(key, n);
}

function setStatus(state: BookingState, b: StoredBooking, status: StoredBooking['status']): void {
  if (holdsPlace(b.status) && !holdsPlace(status)) adjustTaken(state, b, -1);
  if (!holdsPlace(b.status) && holdsPlace(status)) adjustTaken(state, b, +1);
  b.status = status;
}

/**
 * Folds one ledger event into the state (in place, like the hall's `evolve`). The revision
 * becomes the event's own when it carries one, else the next.
 */
export function foldBooking(state: BookingState, event: BookingEvent | BookingRevEvent): void {
  state.rev = 'rev' in event ? event.rev : state.rev + 1;
  if (event.type === 'bookings:erased') {
    for (const id of event.bookingIds) {
      const b = state.bookings.get(id);
      if (!b || b.erasedAt !== null) continue;
      b.name = '';
      b.phone = null;
      b.addressHash = null;
      b.erasedAt = event.at;
      if (state.byCheckInCode.get(b.checkInCode) === id) state.byCheckInCode.delete(b.checkInCode);
    }
    return;
  }
  if (event.type === 'booking:made') {
    const b: StoredBooking = {
      id: event.bookingId,
      hallId: event.hallId,
      serviceId: event.serviceId,
      slotAt: event.slotAt,
      day: event.day,
      time: event.time,
      slotMinutes: event.slotMinutes,
      name: event.name,
      phone: event.phone,
      lang: event.lang,
      code: event.code,
      checkInCode: event.checkInCode,
      madeAt: event.at,
      madeBy: event.madeBy,
      status: 'booked',
      ticketNumber: null,
      checkedInAt: null,
      cancelledAt: null,
      addressHash: event.addressHash,
      ticketId: null,
      erasedAt: null,
    };
    state.bookings.set(b.id, b);
    state.byCode.set(b.code, b.id);
    state.byCheckInCode.set(b.checkInCode, b.id);
    adjustTaken(state, b, +1);
    return;
  }
  const b = state.bookings.get(event.bookingId);
  if (!b) return;
  switch (event.type) {
    case 'booking:moved': {
      const holds = holdsPlace(b.status);
      if (holds) adjustTaken(state, b, -1);
      b.slotAt = event.slotAt;
      b.day = event.day;
      b.time = event.time;
      if (holds) adjustTaken(state, b, +1);
      return;
    }
    case 'booking:cancelled':
      setStatus(state, b, 'cancelled');
      b.cancelledAt = event.at;
      return;
    case 'booking:checked-in':
      // Recorded after the ticket exists: the visitor is in the hall, whatever came between.
      setStatus(state, b, 'checked-in');
      b.checkedInAt = event.at;
      b.ticketId = event.ticketId;
      b.ticketNumber = event.ticketNumber;
      return;
  }
}

/** The state of a hall's bookings after its ledger's events, in order. */
export function bookingStateOf(
  hallId: string,
  events: Iterable<BookingEvent | BookingRevEvent>,
): BookingState {
  const state = emptyBookingState(hallId);
  for (const e of events) foldBooking(state, e);
  return state;
}

/** The status a booking has at `now`: still booked past the check-in window is a no-show. */
export function statusAt(
  b: Pick<StoredBooking, 'status' | 'slotAt'>,
  now: number,
  rules: Pick<HallBookingSettings, 'checkInLateMinutes'>,
): BookingStatus {
  if (b.status === 'booked' && now > b.slotAt + rules.checkInLateMinutes * MINUTE) return 'no-show';
  return b.status;
}

/** One booking as the contract shows it, with its status at `now`; undefined if unknown. */
export function bookingOf(
  state: BookingState,
  id: string,
  now: number,
  rules: Pick<HallBookingSettings, 'checkInLateMinutes'>,
): Booking | undefined {
  const b = state.bookings.get(id);
  if (!b) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { addressHash, ticketId, erasedAt, ...booking } = b;
  return { ...booking, status: statusAt(b, now, rules) };
}
