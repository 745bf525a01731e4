import type { BookingRevEvent } from '../../../contract/booking-events.js';
import type { RevEvent } from '../../../contract/events.js';
import type { ConfigData } from '../config/config-data.js';
import { directoratesOf } from '../config/directorates.js';
import { issuedTicketFacts, type WebhookFactsLookup } from './webhook-facts.js';

/*
 * The `data` of each delivery (payload version 1), per stream. Names come from the
 * configuration at delivery time: the Turkish name, and `…En` where the record has an English
 * one; null when the configuration no longer has the id. Personal fields are added only with
 * `ctx.personalData`.
 */

export interface WebhookContext {
  /** The configuration at delivery time: names of services, counters, directorates, clerks. */
  config: ConfigData;
  /**
   * The endpoint's choice: names, phone numbers, notes, priority groups, clerks (never a code
   * that acts for the visitor: the phone page's ticket code, a booking's code or check-in code).
   * `ticket.turn-near` carries only the SMS number.
   */
  personalData: boolean;
  /** What earlier events of the streams said (ticket numbers, booking slots). */
  facts: WebhookFactsLookup;
}

type Data = Record<string, unknown>;

const iso = (at: number) => new Date(at).toISOString();

function serviceNames(config: ConfigData, serviceId: string | null, key: string): Data {
  const s = serviceId === null ? undefined : config.services.find((x) => x.id === serviceId);
  return {
    [key]: s?.name.tr ?? null,
    ...(s?.name.en ? { [`${key}En`]: s.name.en } : {}),
  };
}

function counterName(config: ConfigData, counterId: string | null): string | null {
  return config.counters.find((c) => c.id === counterId)?.name ?? null;
}

function clerk(config: ConfigData, clerkId: string | null): Data {
  const name = config.users.find((u) => u.id === clerkId)?.displayName ?? null;
  return { clerkId, clerkName: clerkId === null ? null : name };
}

function directorate(config: ConfigData, hallId: string, id: string | null | undefined): Data {
  const d =
    id === null || id === undefined
      ? undefined
      : directoratesOf(config, hallId).find((x) => x.id === id);
  return {
    directorateId: id ?? null,
    directorateName: d?.name.tr ?? null,
    ...(d?.name.en ? { directorateNameEn: d.name.en } : {}),
  };
}

type TicketEvent = Extract<RevEvent, { ticketId: string }>;

/** `ticket.*` data; null for a journal event that is not about a ticket. */
export function ticketData(event: RevEvent, ctx: WebhookContext): Data | null {
  if (!('ticketId' in event)) return null;
  const e: TicketEvent = event;
  const { config, personalData } = ctx;
  const facts = e.type === 'ticket:issued' ? issuedTicketFacts(e) : ctx.facts.ticket(e.ticketId);
  const serviceId = e.type === 'ticket:transferred' ? e.fromServiceId : (facts?.serviceId ?? null);
  const counterId = 'counterId' in e ? e.counterId : null;
  const data: Data = {
    ticketId: e.ticketId,
    number: facts?.number ?? null,
    serviceId,
    ...serviceNames(config, serviceId, 'serviceName'),
    counterId,
    counterName: counterName(config, counterId),
    priority: (facts?.priority ?? null) !== null,
    appointment: facts?.appointment ? { slotAt: iso(facts.appointment.slotAt) } : null,
  };
  let note: string | null | undefined;
  switch (e.type) {
    case 'ticket:issued': {
      const est = e.estimate;
      data.estimateMinutes = est && est.kind !== 'no-open-counter' ? est.minutes : null;
      break;
    }
    case 'ticket:completed':
      Object.assign(data, { outcome: e.outcome }, directorate(config, e.hallId, e.directorateId));
      note = e.note;
      break;
    case 'ticket:transferred':
      Object.assign(data, serviceNames(config, e.toServiceId, 'toServiceName'), {
        toServiceId: e.toServiceId,
        placement: e.position,
      });
      break;
    case 'ticket:cancelled':
      data.by = e.by;
      break;
    case 'ticket:rated':
      data.rating = e.rating;
      note = e.note;
      break;
    case 'ticket:turn-near':
      data.ahead = e.ahead;
      // The SMS adapter writes the message in the visitor's language.
      data.lang = facts?.lang ?? null;
      break;
    default:
      break;
  }
  if (!personalData) return data;
  // `ticket.turn-near` is for the SMS gateway: the number the visitor gave, and no other
  // personal field (a priority group is health data under KVKK; the gateway needs none of it).
  if (e.type === 'ticket:turn-near') return { ...data, phone: facts?.smsPhone ?? null };
  data.priorityGroup = facts?.priority ?? null;
  if ('clerkId' in e) Object.assign(data, clerk(config, e.clerkId));
  if (note !== undefined) data.note = note;
  return data;
}

/** `counter.*` data; null for a journal event that is not about a counter. */
export function counterData(event: RevEvent, ctx: WebhookContext): Data | null {
  if (!event.type.startsWith('counter:') || !('counterId' in event)) return null;
  const { config, personalData } = ctx;
  return {
    counterId: event.counterId,
    counterName: counterName(config, event.counterId),
    ...(event.type === 'counter:paused' ? { reason: event.reason } : {}),
    ...(personalData ? clerk(config, event.clerkId) : {}),
  };
}

/** `booking.*` data; null for `bookings:erased`. */
export function bookingData(event: BookingRevEvent, ctx: WebhookContext): Data | null {
  if (event.type === 'bookings:erased') return null;
  const { config, personalData } = ctx;
  const b = event.type === 'booking:made' ? event : ctx.facts.booking(event.bookingId);
  const slot = event.type === 'booking:moved' || event.type === 'booking:made' ? event : b;
  const serviceId = b?.serviceId ?? null;
  const data: Data = {
    bookingId: event.bookingId,
    serviceId,
    ...serviceNames(config, serviceId, 'serviceName'),
    slotAt: slot ? iso(slot.slotAt) : null,
    day: slot?.day ?? null,
    time: slot?.time ?? null,
    channel: b?.madeBy ?? null,
  };
  if (event.type === 'booking:cancelled') data.cancelledBy = event.by;
  if (event.type === 'booking:checked-in')
    Object.assign(data, { ticketId: event.ticketId, ticketNumber: event.ticketNumber });
  if (personalData) Object.assign(data, { name: b?.name ?? null, phone: b?.phone ?? null });
  return data;
}
