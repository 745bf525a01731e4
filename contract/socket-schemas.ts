import * as z from 'zod/mini';
import type { StaffEvent } from './events.js';
import {
  counterView,
  displaySnapshotReply,
  publicCall,
  publicCounter,
  publicServiceQueue,
  staffSnapshotReply,
  staffTicketReply,
  ticketStatusReply,
  waitEstimate,
  wire,
} from './reply-schemas.js';
import { lang, outcome, pauseReason, priorityGroup } from './request-schemas.js';
import type { DisplayDelta, StaffDelta } from './socket.js';

/**
 * The payloads the server pushes on each Socket.IO namespace (`contract/socket.ts`), as strict
 * zod schemas tied to their interfaces by `wire<T>()` (see reply-schemas.ts): a field added or
 * missing on either side is a compile error, and a field the server leaks fails the test that
 * validates every real payload. Client→server events carry no payload: `queue:resync` and
 * `ticket:refresh` send only an ack function, whose answer is an `Ack` of the snapshot/status
 * schema below.
 */

const base = { hallId: z.string(), at: z.number(), rev: z.number() };
const ticketBase = { ...base, ticketId: z.string() };
const atCounter = { ...ticketBase, counterId: z.string(), clerkId: z.string() };
const counterBase = { ...base, counterId: z.string(), clerkId: z.string() };

/** `ticket:issued` as staff get it: without the phone code. */
const ticketIssued = z.strictObject({
  ...ticketBase,
  type: z.literal('ticket:issued'),
  serviceId: z.string(),
  seq: z.number(),
  number: z.string(),
  priority: z.nullable(priorityGroup),
  lang,
  estimate: z.optional(waitEstimate),
  estimateFactor: z.optional(z.number()),
  appointment: z.optional(z.strictObject({ bookingId: z.string(), slotAt: z.number() })),
});

export const staffEvent = wire<StaffEvent>()(
  z.discriminatedUnion('type', [
    ticketIssued,
    z.strictObject({ ...atCounter, type: z.literal('ticket:called'), idleMs: z.number() }),
    z.strictObject({ ...atCounter, type: z.literal('ticket:recalled') }),
    z.strictObject({ ...atCounter, type: z.literal('ticket:started') }),
    z.strictObject({
      ...atCounter,
      type: z.literal('ticket:completed'),
      outcome,
      directorateId: z.optional(z.nullable(z.string())),
      note: z.nullable(z.string()),
    }),
    z.strictObject({ ...atCounter, type: z.literal('ticket:no-show') }),
    z.strictObject({ ...ticketBase, type: z.literal('ticket:restored'), clerkId: z.string() }),
    z.strictObject({ ...atCounter, type: z.literal('ticket:requeued') }),
    z.strictObject({
      ...atCounter,
      type: z.literal('ticket:transferred'),
      fromServiceId: z.string(),
      toServiceId: z.string(),
      position: z.enum(['front', 'back']),
    }),
    z.strictObject({
      ...ticketBase,
      type: z.literal('ticket:cancelled'),
      by: z.enum(['visitor', 'staff', 'day-end']),
      clerkId: z.nullable(z.string()),
    }),
    z.strictObject({
      ...ticketBase,
      type: z.literal('ticket:rated'),
      rating: z.number(),
      note: z.nullable(z.string()),
    }),
    // Never the visitor's mobile number: staff learn only that an SMS was asked for.
    z.strictObject({ ...ticketBase, type: z.literal('ticket:sms-requested'), ahead: z.number() }),
    z.strictObject({ ...ticketBase, type: z.literal('ticket:sms-withdrawn') }),
    z.strictObject({ ...ticketBase, type: z.literal('ticket:turn-near'), ahead: z.number() }),
    z.strictObject({ ...counterBase, type: z.literal('counter:opened') }),
    z.strictObject({ ...counterBase, type: z.literal('counter:paused'), reason: pauseReason }),
    z.strictObject({ ...counterBase, type: z.literal('counter:resumed') }),
    z.strictObject({ ...counterBase, type: z.literal('counter:closed') }),
    z.strictObject({
      ...base,
      type: z.literal('estimates:sampled'),
      estimates: z.record(z.string(), waitEstimate),
    }),
  ]),
);

const eventType = z.enum([
  'ticket:issued',
  'ticket:called',
  'ticket:recalled',
  'ticket:started',
  'ticket:completed',
  'ticket:no-show',
  'ticket:restored',
  'ticket:requeued',
  'ticket:transferred',
  'ticket:cancelled',
  'ticket:rated',
  'ticket:sms-requested',
  'ticket:sms-withdrawn',
  'ticket:turn-near',
  'counter:opened',
  'counter:paused',
  'counter:resumed',
  'counter:closed',
  'estimates:sampled',
]);

export const staffDelta = wire<StaffDelta>()(
  z.strictObject({
    rev: z.number(),
    event: staffEvent,
    ticket: z.nullable(staffTicketReply),
    counter: z.nullable(counterView),
    queues: z.array(publicServiceQueue),
  }),
);

export const displayDelta = wire<DisplayDelta>()(
  z.strictObject({
    rev: z.number(),
    type: eventType,
    at: z.number(),
    counter: z.nullable(publicCounter),
    call: z.nullable(publicCall),
    queues: z.array(publicServiceQueue),
  }),
);

/** `/display`: what each server→client event carries. */
export const displayPayloads = {
  'queue:snapshot': displaySnapshotReply,
  'queue:events': z.array(displayDelta),
  'ticket:called': publicCall,
} as const;

/** `/counter` and `/manager` (`session:expired` carries nothing). */
export const staffPayloads = {
  'queue:snapshot': staffSnapshotReply,
  'queue:events': z.array(staffDelta),
} as const;

/** `/ticket`. */
export const ticketPayloads = {
  'ticket:status': ticketStatusReply,
} as const;
