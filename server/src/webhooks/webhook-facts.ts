import type { BookingRevEvent } from '../../../contract/booking-events.js';
import type { Appointment, Lang, PriorityGroup } from '../../../contract/domain.js';
import type { RevEvent, TicketIssued } from '../../../contract/events.js';
import {
  emptyBookingState,
  foldBooking,
  type BookingState,
  type StoredBooking,
} from '../domain/bookings/booking-state.js';

/*
 * What a delivery needs to know that its own event does not carry: a `ticket:called` names
 * only the ticket, yet its webhook says the ticket's number, service and priority; a
 * `booking:cancelled` names only the booking, yet its webhook says the service and slot. These
 * come from the earlier events of the same stream (the day's `ticket:issued`, the booking's
 * `booking:made`), which the deliverer notes in order as it reads the streams.
 */

/** A ticket as its day's journal has told of it so far. */
export interface TicketFacts {
  number: string;
  /** The service it waits in now (a transfer moves it). */
  serviceId: string;
  priority: PriorityGroup | null;
  appointment: Appointment | null;
  /** The mobile number of the visitor's standing SMS request (`''` once erased); null: none. */
  smsPhone: string | null;
  /** The language the visitor chose at the kiosk (the SMS is written in it). */
  lang: Lang;
}

/** What a `ticket:issued` tells of its ticket. */
export function issuedTicketFacts(e: TicketIssued): TicketFacts {
  return {
    number: e.number,
    serviceId: e.serviceId,
    priority: e.priority,
    appointment: e.appointment ?? null,
    smsPhone: null,
    lang: e.lang,
  };
}

/** A booking as its hall's ledger has told of it so far (name and phone blank once erased). */
export type BookingFacts = Pick<
  StoredBooking,
  'serviceId' | 'slotAt' | 'day' | 'time' | 'madeBy' | 'name' | 'phone' | 'code'
>;

export interface WebhookFactsLookup {
  ticket(ticketId: string): TicketFacts | undefined;
  booking(bookingId: string): BookingFacts | undefined;
}

/** Where an internal event was read from: the hall-day journal or the hall's booking ledger. */
export type WebhookSource =
  | { stream: 'journal'; day: string; event: RevEvent }
  | { stream: 'bookings'; event: BookingRevEvent };

/**
 * The facts of one hall, folded from the events noted so far. Note every event of a stream in
 * order (the ones no endpoint wants too), each after building its delivery or before: a
 * delivery reads what its own event says first. Tickets are kept for one day (a ticket lives
 * within its day): noting a journal event of another day forgets the previous day's.
 */
export class WebhookFacts implements WebhookFactsLookup {
  private day: string | null = null;
  private readonly tickets = new Map<string, TicketFacts>();
  private readonly bookings: BookingState;

  constructor(hallId: string) {
    this.bookings = emptyBookingState(hallId);
  }

  note(source: WebhookSource): void {
    if (source.stream === 'bookings') {
      foldBooking(this.bookings, source.event);
      return;
    }
    if (source.day !== this.day) {
      this.tickets.clear();
      this.day = source.day;
    }
    const e = source.event;
    if (e.type === 'ticket:issued') this.tickets.set(e.ticketId, issuedTicketFacts(e));
    const t = 'ticketId' in e ? this.tickets.get(e.ticketId) : undefined;
    if (!t) return;
    if (e.type === 'ticket:transferred') t.serviceId = e.toServiceId;
    if (e.type === 'ticket:sms-requested') t.smsPhone = e.phone;
    if (e.type === 'ticket:sms-withdrawn') t.smsPhone = null;
  }

  ticket(ticketId: string): TicketFacts | undefined {
    return this.tickets.get(ticketId);
  }

  booking(bookingId: string): BookingFacts | undefined {
    return this.bookings.bookings.get(bookingId);
  }
}
