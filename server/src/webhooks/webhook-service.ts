import { randomUUID } from 'node:crypto';
import {
  WEBHOOK_LIMITS,
  type WebhookDeliveriesView,
  type WebhookLogEntry,
  type WebhookStatus,
} from '../../../contract/webhooks.js';
import type { WebhookRecord } from '../config/config-data.js';
import { fail, ok, type Result } from '../domain/index.js';
import type { WebhookDeliveryState, WebhookStore } from '../store/store.js';
import { FactsTracker } from './facts-tracker.js';
import type { OutboxSource } from './outbox-source.js';
import { isFailing } from './webhook-backoff.js';
import { parseWebhookEventId, webhookTestDelivery, webhookTypeOf } from './webhook-payload.js';
import type { WebhookSender } from './webhook-sender.js';

/** The routes' view of delivery (settings-webhooks-routes.ts). */
export interface WebhookDeliverer {
  /** Status for views: from the stored state and the record (`paused` when inactive). */
  status(webhook: WebhookRecord): Promise<WebhookStatus>;
  deliveries(webhook: WebhookRecord): Promise<WebhookDeliveriesView>;
  /** Sends a `webhook.test` now (any server may), logs it, answers how it went. */
  sendTest(webhook: WebhookRecord): Promise<WebhookLogEntry>;
  /** Sends one past event again (same id, kind 'resend'); fail('not-found', …, 'eventId') when
   *  the id is not an event of the hall's journals/ledger or not one this endpoint wants. */
  resend(webhook: WebhookRecord, eventId: string): Promise<Result<WebhookLogEntry>>;
  /** After the endpoint was deleted. */
  forget(webhookId: string): Promise<void>;
  /** Why deliveries to this URL would be refused (policy + DNS), or null; run at saving. */
  urlProblem(url: string): Promise<string | null>;
}

/** An endpoint's status from its record and stored delivery state at `now`. */
export function webhookStatusOf(
  webhook: WebhookRecord,
  state: WebhookDeliveryState | undefined,
  now: number,
): WebhookStatus {
  const fields = {
    lastSuccessAt: state?.lastSuccessAt ?? null,
    failingSince: state?.failingSince ?? null,
    nextAttemptAt: state?.nextAttemptAt ?? null,
    lastError: state?.lastError ?? null,
  };
  if (!webhook.active) return { state: 'paused', ...fields };
  if (state && state.attempts > 0)
    return { state: isFailing(state.failingSince, now) ? 'failing' : 'retrying', ...fields };
  return { state: fields.lastSuccessAt === null ? 'idle' : 'ok', ...fields };
}

export interface WebhookServiceDeps {
  store: WebhookStore;
  source: OutboxSource;
  sender: WebhookSender;
  now: () => number;
}

/**
 * What the settings routes ask of delivery, on any server: the state and log as stored (the
 * deliverer may be another server), a test event, a resend of one event by its id.
 */
export class WebhookService implements WebhookDeliverer {
  constructor(private readonly deps: WebhookServiceDeps) {}

  async status(webhook: WebhookRecord): Promise<WebhookStatus> {
    const state = await this.deps.store.readState(webhook.id);
    return webhookStatusOf(webhook, state, this.deps.now());
  }

  async deliveries(webhook: WebhookRecord): Promise<WebhookDeliveriesView> {
    const [state, log] = await Promise.all([
      this.deps.store.readState(webhook.id),
      this.deps.store.readLog(webhook.id, WEBHOOK_LIMITS.logEntries),
    ]);
    return { status: webhookStatusOf(webhook, state, this.deps.now()), log };
  }

  sendTest(webhook: WebhookRecord): Promise<WebhookLogEntry> {
    const body = webhookTestDelivery(webhook.hallId, randomUUID(), this.deps.now());
    return this.deps.sender.send(webhook, body, 1, 'test');
  }

  async resend(webhook: WebhookRecord, eventId: string): Promise<Result<WebhookLogEntry>> {
    const notFound = fail<WebhookLogEntry>(
      'not-found',
      `No event ${eventId} of this hall that this endpoint receives.`,
      'eventId',
    );
    const place = parseWebhookEventId(eventId);
    if (!place || place.hallId !== webhook.hallId) return notFound;
    const { source: outbox, sender, store } = this.deps;
    const source = await outbox.find(place);
    if (!source) return notFound;
    const type = webhookTypeOf(source.event);
    if (type === null || !webhook.events.includes(type) || source.event.at < webhook.createdAt)
      return notFound;
    const facts = new FactsTracker({
      hallId: webhook.hallId,
      journalBefore: (day, rev) => outbox.journalBefore(webhook.hallId, day, rev),
      booking: (bookingId) => outbox.booking(webhook.hallId, bookingId),
    }).lookupFor(source);
    const body = sender.bodyOf(webhook, source, facts);
    if (!body) return notFound;
    // The attempt header counts on from the event's earlier tries still in the log.
    const tries = (await store.readLog(webhook.id, WEBHOOK_LIMITS.logEntries)).filter(
      (e) => e.eventId === eventId,
    );
    const attempt = Math.max(0, ...tries.map((e) => e.attempt)) + 1;
    return ok(await sender.send(webhook, body, attempt, 'resend'));
  }

  forget(webhookId: string): Promise<void> {
    return this.deps.store.forget(webhookId);
  }

  urlProblem(url: string): Promise<string | null> {
    return this.deps.sender.urlProblem(url);
  }
}
