import * as z from 'zod/mini';
import { endpoint, NO_CONTENT } from './endpoint.js';
import { wire } from './reply-schemas.js';
import { id } from './request-schemas.js';
import { label, notEmpty, NOTHING_TO_CHANGE } from './settings-schemas.js';

/*
 * Integrations: signed webhooks. An admin adds endpoints (a URL, the events wanted); each event
 * of the hall goes to each endpoint that wants it as a JSON POST signed with the endpoint's
 * secret. The hall-day journal and the booking ledger are the outbox: an event is durable in
 * the same write as the change that caused it, and each endpoint keeps a durable cursor into
 * them, so a restart or a crash resends what was not acknowledged (same event id) and loses
 * nothing. This file is the wire contract: event names, the delivery body, the settings
 * schemas and the REST endpoints.
 */

/** The events an endpoint may ask for (`webhook.test` is sent by the test button only). */
export const WEBHOOK_EVENT_TYPES = [
  'ticket.issued',
  'ticket.called',
  'ticket.recalled',
  'ticket.started',
  'ticket.completed',
  'ticket.no-show',
  'ticket.restored',
  'ticket.requeued',
  'ticket.transferred',
  'ticket.cancelled',
  'ticket.rated',
  'ticket.turn-near',
  'counter.opened',
  'counter.paused',
  'counter.resumed',
  'counter.closed',
  'booking.made',
  'booking.moved',
  'booking.cancelled',
  'booking.checked-in',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The payload version in every body; a change that is not backwards compatible bumps it. */
export const WEBHOOK_PAYLOAD_VERSION = 1;

/** The headers of every delivery (lower-case, as Node gives them to a receiver). */
export const WEBHOOK_HEADERS = {
  /** `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>` */
  signature: 'siramatik-signature',
  eventId: 'siramatik-event-id',
  eventType: 'siramatik-event-type',
  /** 1 for the first try; a resend or retry counts on. */
  attempt: 'siramatik-delivery-attempt',
} as const;

/** Bounds of one delivery and of the retry schedule. */
export const WEBHOOK_LIMITS = {
  name: 60,
  url: 2000,
  endpointsPerHall: 20,
  /** Whole request: connect, send, status line and body. */
  timeoutMs: 10_000,
  /** What is read of a receiver's answer (the rest is dropped, the socket closed). */
  responseBytes: 64 * 1024,
  /** First retry after this, doubling, at most `maxBackoffMs` apart. */
  firstBackoffMs: 10_000,
  maxBackoffMs: 60 * 60_000,
  /** A head event failing this long marks the endpoint failing (retries go on, hourly). */
  failingAfterMs: 24 * 60 * 60_000,
  /** Deliveries kept in each endpoint's log. */
  logEntries: 100,
} as const;

/**
 * The body of every delivery. `id` is stable: the same event resent (after a crash, a retry or
 * the resend button) carries the same id, so a receiver drops duplicates by it.
 */
export interface WebhookDelivery<T extends string = WebhookEventType | 'webhook.test'> {
  id: string;
  type: T;
  version: typeof WEBHOOK_PAYLOAD_VERSION;
  /** ISO 8601, UTC, when the event happened (not when it was sent). */
  occurredAt: string;
  hallId: string;
  data: Record<string, unknown>;
}

/** One endpoint as the settings page sees it: never its secret. */
export interface WebhookView {
  id: string;
  hallId: string;
  name: string;
  url: string;
  events: WebhookEventType[];
  /** Names, phone numbers, notes, priority groups and clerks go out only when ticked (audited). */
  personalData: boolean;
  active: boolean;
  createdAt: number;
  status: WebhookStatus;
}

/**
 * - `idle`: nothing sent yet; `ok`: the last delivery was acknowledged; `retrying`: the next
 *   event failed and is retried with back-off; `failing`: it has failed for a day (retried
 *   hourly); `paused`: the endpoint is switched off (events wait; nothing is lost).
 */
export const WEBHOOK_STATES = ['idle', 'ok', 'retrying', 'failing', 'paused'] as const;
export type WebhookState = (typeof WEBHOOK_STATES)[number];

export interface WebhookStatus {
  state: WebhookState;
  lastSuccessAt: number | null;
  /** When the event now being retried first failed. */
  failingSince: number | null;
  nextAttemptAt: number | null;
  /** The last failure in words (HTTP status, timeout, refused address…). */
  lastError: string | null;
}

export const WEBHOOK_DELIVERY_KINDS = ['event', 'test', 'resend'] as const;
export type WebhookDeliveryKind = (typeof WEBHOOK_DELIVERY_KINDS)[number];

/** One try of one delivery, as the delivery log shows it. */
export interface WebhookLogEntry {
  eventId: string;
  type: WebhookEventType | 'webhook.test';
  kind: WebhookDeliveryKind;
  attempt: number;
  /** When the try started. */
  at: number;
  ok: boolean;
  /** The receiver's HTTP status; null when none came (timeout, refused, address not allowed). */
  httpStatus: number | null;
  latencyMs: number;
  error: string | null;
}

export interface WebhookDeliveriesView {
  status: WebhookStatus;
  /** Newest first. */
  log: WebhookLogEntry[];
}

export interface WebhookCreated {
  webhook: WebhookView;
  /** The signing secret, shown this once (and again only by rotating it). */
  secret: string;
}

// ---------------------------------------------------------------------------------------------
// Request schemas

const eventTypes = z
  .array(z.enum(WEBHOOK_EVENT_TYPES))
  .check(z.minLength(1), z.maxLength(WEBHOOK_EVENT_TYPES.length));

/**
 * Only absolute http(s) URLs with a host, no user name or password in them, no fragment. Where
 * the host may lead (no loopback, link-local or metadata addresses unless the operator listed
 * them in WEBHOOK_ALLOW) is the server's to judge, at saving and at every delivery.
 */
export function webhookUrlProblem(url: string): string | null {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^#]*)(#.*)?$/.exec(url);
  if (!m) return 'not a URL (https://… or http://…)';
  if (!/^https?$/i.test(m[1]!)) return 'only http:// and https:// URLs';
  const authority = m[2]!;
  if (authority.includes('@'))
    return 'no user name or password in the URL (the signature authenticates)';
  if (/\s/.test(url)) return 'no spaces in the URL';
  if (!/^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._~%-]+)(:\d{1,5})?$/.test(authority))
    return 'the URL has no valid host';
  if (m[4] !== undefined) return 'no #fragment in the URL';
  return null;
}

const webhookUrl = z.string().check(
  z.trim(),
  z.minLength(1),
  z.maxLength(WEBHOOK_LIMITS.url),
  z.refine((u) => webhookUrlProblem(u) === null, { message: 'not an allowed http(s) URL' }),
);

export const webhookCreateBody = z.strictObject({
  name: label(WEBHOOK_LIMITS.name),
  url: webhookUrl,
  events: eventTypes,
  personalData: z._default(z.boolean(), false),
  active: z._default(z.boolean(), true),
});
export type WebhookCreateRequest = z.input<typeof webhookCreateBody>;

export const webhookPatchBody = z
  .strictObject({
    name: z.optional(label(WEBHOOK_LIMITS.name)),
    url: z.optional(webhookUrl),
    events: z.optional(eventTypes),
    personalData: z.optional(z.boolean()),
    active: z.optional(z.boolean()),
  })
  .check(z.refine(notEmpty, NOTHING_TO_CHANGE));
export type WebhookPatchRequest = z.input<typeof webhookPatchBody>;

export const webhookParams = z.strictObject({ webhookId: id });
export const webhookEventParams = z.strictObject({
  webhookId: id,
  eventId: z.string().check(z.minLength(1), z.maxLength(200)),
});

// ---------------------------------------------------------------------------------------------
// Reply schemas

const nullableNumber = z.nullable(z.number());

export const webhookStatusReply = wire<WebhookStatus>()(
  z.strictObject({
    state: z.enum(WEBHOOK_STATES),
    lastSuccessAt: nullableNumber,
    failingSince: nullableNumber,
    nextAttemptAt: nullableNumber,
    lastError: z.nullable(z.string()),
  }),
);

export const webhookViewReply = wire<WebhookView>()(
  z.strictObject({
    id: z.string(),
    hallId: z.string(),
    name: z.string(),
    url: z.string(),
    events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
    personalData: z.boolean(),
    active: z.boolean(),
    createdAt: z.number(),
    status: webhookStatusReply,
  }),
);

export const webhookLogEntryReply = wire<WebhookLogEntry>()(
  z.strictObject({
    eventId: z.string(),
    type: z.union([z.enum(WEBHOOK_EVENT_TYPES), z.literal('webhook.test')]),
    kind: z.enum(WEBHOOK_DELIVERY_KINDS),
    attempt: z.number(),
    at: z.number(),
    ok: z.boolean(),
    httpStatus: nullableNumber,
    latencyMs: z.number(),
    error: z.nullable(z.string()),
  }),
);

export const webhookCreatedReply = wire<WebhookCreated>()(
  z.strictObject({ webhook: webhookViewReply, secret: z.string() }),
);

export const webhookDeliveriesReply = wire<WebhookDeliveriesView>()(
  z.strictObject({ status: webhookStatusReply, log: z.array(webhookLogEntryReply) }),
);

// ---------------------------------------------------------------------------------------------
// Endpoints (managers read; admins change)

export const listWebhooks = endpoint({
  method: 'get',
  path: '/webhooks',
  summary: "The hall's webhook endpoints with their delivery state (never their secrets).",
  tag: 'integrations',
  reply: z.array(webhookViewReply),
});

export const createWebhook = endpoint({
  method: 'post',
  path: '/webhooks',
  summary:
    'Add a webhook endpoint; the reply holds its signing secret, shown this once. Deliveries start with the events after it.',
  tag: 'integrations',
  body: webhookCreateBody,
  status: 201,
  reply: webhookCreatedReply,
});

export const updateWebhook = endpoint({
  method: 'patch',
  path: '/webhooks/:webhookId',
  summary:
    "Change an endpoint's name, URL, events, personal data or switch it off/on (off: events wait, nothing is lost).",
  tag: 'integrations',
  params: webhookParams,
  body: webhookPatchBody,
  reply: webhookViewReply,
});

export const deleteWebhook = endpoint({
  method: 'delete',
  path: '/webhooks/:webhookId',
  summary: 'Remove an endpoint and its delivery log; undelivered events are not sent to it.',
  tag: 'integrations',
  params: webhookParams,
  status: 204,
  reply: NO_CONTENT,
});

export const rotateWebhookSecret = endpoint({
  method: 'post',
  path: '/webhooks/:webhookId/secret',
  summary: 'Give an endpoint a new signing secret (shown this once); the old one stops at once.',
  tag: 'integrations',
  params: webhookParams,
  reply: webhookCreatedReply,
});

export const webhookDeliveries = endpoint({
  method: 'get',
  path: '/webhooks/:webhookId/deliveries',
  summary: "An endpoint's delivery state and its last deliveries, newest first.",
  tag: 'integrations',
  params: webhookParams,
  reply: webhookDeliveriesReply,
});

export const testWebhook = endpoint({
  method: 'post',
  path: '/webhooks/:webhookId/test',
  summary: 'Send a `webhook.test` event now and answer how it went (also logged).',
  tag: 'integrations',
  params: webhookParams,
  reply: webhookLogEntryReply,
});

export const resendWebhookEvent = endpoint({
  method: 'post',
  path: '/webhooks/:webhookId/deliveries/:eventId/resend',
  summary:
    'Send one logged event again now, with the same event id (outside the order; the receiver drops duplicates by id).',
  tag: 'integrations',
  params: webhookEventParams,
  reply: webhookLogEntryReply,
});

export const retryWebhookNow = endpoint({
  method: 'post',
  path: '/webhooks/:webhookId/retry',
  summary:
    'Try the event a retrying or failing endpoint waits on now, without waiting for back-off.',
  tag: 'integrations',
  params: webhookParams,
  status: 204,
  reply: NO_CONTENT,
});
