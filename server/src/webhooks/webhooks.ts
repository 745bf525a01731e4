import { WEBHOOK_LIMITS } from '../../../contract/webhooks.js';
import { localDay } from '../domain/index.js';
import { systemLookup } from '../print/printer-transport.js';
import type { QueueService } from '../queue/queue-service.js';
import type { BookingLedger, Store } from '../store/store.js';
import { observedLedger, OutboxSource } from './outbox-source.js';
import {
  WebhookAddressPolicy,
  type HostLookup,
  type WebhookAllowList,
} from './webhook-address-policy.js';
import { backoffMs } from './webhook-backoff.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';
import type { BookingFacts } from './webhook-facts.js';
import { WebhookSender } from './webhook-sender.js';
import { WebhookService, type WebhookDeliverer } from './webhook-service.js';

const DEFAULT_TIME_ZONE = 'Europe/Istanbul';

/** The operator's and the tests' say in delivery (AppDeps.webhooks). */
export interface WebhookOptions {
  /** Receivers allowed besides the built-in rule (`WEBHOOK_ALLOW`). */
  allow?: WebhookAllowList;
  /** Resolves receiver host names (tests fake it). */
  lookup?: HostLookup;
  /** Tests only: a shorter retry schedule than WEBHOOK_LIMITS' (10 s doubling to 1 h). */
  backoffMs?: (failedAttempts: number) => number;
  /** Tests only: a shorter time limit per delivery than WEBHOOK_LIMITS.timeoutMs. */
  timeoutMs?: number;
  /** Tests only: how often the lease is tried (5 s) and the settings looked at (1 s). */
  leaseEveryMs?: number;
  pollMs?: number;
}

export interface WebhooksDeps {
  store: Store;
  queues: QueueService;
  /** A booking as the hall's folded ledger holds it (the booking service, built after). */
  booking: (hallId: string, bookingId: string) => BookingFacts | undefined;
  now: () => number;
  log: (msg: string) => void;
  options?: WebhookOptions;
}

export interface Webhooks {
  /** For the routes. */
  deliverer: WebhookDeliverer;
  /** The booking ledger to give the booking service: its appends feed the outbox. */
  ledger: BookingLedger;
  /** Starts delivering (once the queues and bookings are loaded). */
  start(): void;
  /** Ends the delivery in flight, writes the state, releases the lease. */
  stop(): Promise<void>;
}

/**
 * Webhooks wired together: the outbox fed live by the hall queues and the booking ledger, the
 * sender (address rule, signature, log), the dispatcher and the routes' deliverer.
 */
export function createWebhooks(deps: WebhooksDeps): Webhooks {
  const { store, queues, now, log, options = {} } = deps;
  const source = new OutboxSource({
    journal: store.journal,
    ledger: store.bookings,
    liveDay: (hallId) => queues.hall(hallId)?.state.day,
    booking: deps.booking,
  });
  queues.subscribe({
    events: (q, events) => source.journalAppended(q.hallId, q.state.day, events),
    remote: (q, events) => source.journalAppended(q.hallId, q.state.day, events),
    reset: (q) => source.journalReset(q.hallId),
  });
  const sender = new WebhookSender({
    store: store.webhooks,
    config: store.config,
    now,
    policy: new WebhookAddressPolicy(options.allow),
    lookup: options.lookup ?? systemLookup,
    timeoutMs: options.timeoutMs ?? WEBHOOK_LIMITS.timeoutMs,
    log,
  });
  const dispatcher = new WebhookDispatcher({
    store: store.webhooks,
    config: store.config,
    source,
    sender,
    now,
    log,
    dayOf: (hallId, at) =>
      localDay(at, queues.hallConfig(hallId)?.hall.timeZone ?? DEFAULT_TIME_ZONE),
    backoffMs: options.backoffMs ?? ((failed) => backoffMs(failed)),
    leaseEveryMs: options.leaseEveryMs ?? 5_000,
    pollMs: options.pollMs ?? 1_000,
  });
  return {
    deliverer: new WebhookService({ store: store.webhooks, source, sender, now }),
    ledger: observedLedger(store.bookings, source),
    start: () => dispatcher.start(),
    stop: async () => {
      await dispatcher.stop();
      source.close();
    },
  };
}
