import type { BookingRevEvent } from '../../../contract/booking-events.js';
import type { RevEvent } from '../../../contract/events.js';
import {
  WEBHOOK_PAYLOAD_VERSION,
  type WebhookDelivery,
  type WebhookEventType,
} from '../../../contract/webhooks.js';
import type { WebhookSource } from './webhook-facts.js';
import {
  bookingData,
  counterData,
  ticketData,
  type WebhookContext,
} from './webhook-payload-data.js';

/*
 * An internal event as a receiver gets it: a stable id from its place in its stream, a public
 * type name (`ticket.called`, not `ticket:called`: the internal names are free to change), the
 * time it happened, and a versioned `data` with the config's ids and names. Personal data
 * (names, phone numbers, notes, priority groups, clerks, booking codes) is left out unless the
 * endpoint asked for it; phone codes and check-in codes, which act for the visitor, never go.
 */

export type { WebhookContext, WebhookSource };

/** Every journal event type, with its webhook type or null (nothing a receiver acts on). */
export const JOURNAL_WEBHOOK_TYPES = {
  'ticket:issued': 'ticket.issued',
  'ticket:called': 'ticket.called',
  'ticket:recalled': 'ticket.recalled',
  'ticket:started': 'ticket.started',
  'ticket:completed': 'ticket.completed',
  'ticket:no-show': 'ticket.no-show',
  'ticket:restored': 'ticket.restored',
  'ticket:requeued': 'ticket.requeued',
  'ticket:transferred': 'ticket.transferred',
  'ticket:cancelled': 'ticket.cancelled',
  'ticket:rated': 'ticket.rated',
  // The visitor's wish for an SMS (their number) and its withdrawal: only the turn nearing is news.
  'ticket:sms-requested': null,
  'ticket:sms-withdrawn': null,
  'ticket:turn-near': 'ticket.turn-near',
  'counter:opened': 'counter.opened',
  'counter:paused': 'counter.paused',
  'counter:resumed': 'counter.resumed',
  'counter:closed': 'counter.closed',
  // The phone pages' estimates, sampled for the manager's accuracy figures: not a hall event.
  'estimates:sampled': null,
} as const satisfies Record<RevEvent['type'], WebhookEventType | null>;

/** Every booking ledger event type, with its webhook type or null. */
export const BOOKING_WEBHOOK_TYPES = {
  'booking:made': 'booking.made',
  'booking:moved': 'booking.moved',
  'booking:cancelled': 'booking.cancelled',
  'booking:checked-in': 'booking.checked-in',
  // Retention blanking names and phone numbers: housekeeping, and about personal data itself.
  'bookings:erased': null,
} as const satisfies Record<BookingRevEvent['type'], WebhookEventType | null>;

/** The webhook type of an internal event, or null when it has none (never delivered). */
export function webhookTypeOf(event: RevEvent | BookingRevEvent): WebhookEventType | null {
  const types: Record<string, WebhookEventType | null> = {
    ...JOURNAL_WEBHOOK_TYPES,
    ...BOOKING_WEBHOOK_TYPES,
  };
  return types[event.type] ?? null;
}

/**
 * The delivery id of an event, from its place: `<hall>.<day>.<rev>` in the hall-day journal,
 * `<hall>.b.<rev>` in the booking ledger. The same event always has the same id.
 */
export function webhookEventId(source: WebhookSource): string {
  const { hallId, rev } = source.event;
  return source.stream === 'journal' ? `${hallId}.${source.day}.${rev}` : `${hallId}.b.${rev}`;
}

/** Where an event id points, or null when it is not one `webhookEventId` makes. */
export function parseWebhookEventId(
  id: string,
):
  | { stream: 'journal'; hallId: string; day: string; rev: number }
  | { stream: 'bookings'; hallId: string; rev: number }
  | null {
  const journal = /^([A-Za-z0-9-]{1,64})\.(\d{4}-\d{2}-\d{2})\.([1-9]\d{0,14})$/.exec(id);
  if (journal)
    return { stream: 'journal', hallId: journal[1]!, day: journal[2]!, rev: Number(journal[3]) };
  const booking = /^([A-Za-z0-9-]{1,64})\.b\.([1-9]\d{0,14})$/.exec(id);
  if (booking) return { stream: 'bookings', hallId: booking[1]!, rev: Number(booking[2]) };
  return null;
}

/** The delivery body of an internal event, or null when the event has no webhook type. */
export function webhookEventOf(source: WebhookSource, ctx: WebhookContext): WebhookDelivery | null {
  const type = webhookTypeOf(source.event);
  if (type === null) return null;
  const e = source.event;
  const data =
    source.stream === 'bookings'
      ? bookingData(source.event, ctx)
      : (counterData(source.event, ctx) ?? ticketData(source.event, ctx));
  if (data === null) return null;
  return {
    id: webhookEventId(source),
    type,
    version: WEBHOOK_PAYLOAD_VERSION,
    occurredAt: new Date(e.at).toISOString(),
    hallId: e.hallId,
    data,
  };
}

/** The body of the test button's delivery; `uuid` makes its id (`test.<uuid>`). */
export function webhookTestDelivery(
  hallId: string,
  uuid: string,
  at: number,
): WebhookDelivery<'webhook.test'> {
  return {
    id: `test.${uuid}`,
    type: 'webhook.test',
    version: WEBHOOK_PAYLOAD_VERSION,
    occurredAt: new Date(at).toISOString(),
    hallId,
    data: {
      message: 'Sıramatik test bildirimi: bu uç nokta imzalı olayları alabiliyor.',
      messageEn: 'Sıramatik test event: this endpoint can receive signed events.',
    },
  };
}
