import * as z from 'zod/mini';
import { id, outcome, pauseReason, ticketNumber, TRANSFER_POSITIONS } from './request-schemas.js';

const empty = z.strictObject({});

/**
 * What a clerk may do at a counter, each with the body it sends to
 * `POST /api/counters/:counterId/<action>`: one list for the server's routes, the counter
 * page's buttons and the endpoints (`endpoints/counters.ts`).
 */
export const counterActionBodies = {
  open: empty,
  pause: z.strictObject({ reason: pauseReason }),
  resume: empty,
  close: empty,
  'call-next': empty,
  call: z.strictObject({ number: ticketNumber }),
  recall: empty,
  start: empty,
  complete: z.strictObject({
    outcome,
    /** Required when `outcome` is `forwarded`: an active directorate of the hall; refused otherwise. */
    directorateId: z.optional(id),
    note: z.optional(z.string().check(z.trim(), z.maxLength(500))),
  }),
  'no-show': empty,
  requeue: empty,
  transfer: z.strictObject({ serviceId: id, position: z.enum(TRANSFER_POSITIONS) }),
  restore: z.strictObject({ number: ticketNumber }),
} as const;

export type CounterAction = keyof typeof counterActionBodies;

/** Every counter action, in the order the API documents them. */
export const COUNTER_ACTIONS = Object.keys(counterActionBodies) as CounterAction[];

/** The body a caller sends for one action. */
export type CounterActionBody<A extends CounterAction> = z.input<(typeof counterActionBodies)[A]>;
