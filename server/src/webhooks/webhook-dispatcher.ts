import { performance } from 'node:perf_hooks';
import type { WebhookRecord } from '../config/config-data.js';
import type { ConfigStore, WebhookStore } from '../store/store.js';
import { FactsTracker } from './facts-tracker.js';
import type { OutboxSource } from './outbox-source.js';
import type { WebhookSender } from './webhook-sender.js';
import { WebhookWorker } from './webhook-worker.js';

/** A worker that failed unexpectedly is started again after this long. */
const RESTART_AFTER_MS = 30_000;

export interface WebhookDispatcherDeps {
  store: WebhookStore;
  config: ConfigStore;
  source: OutboxSource;
  sender: WebhookSender;
  now: () => number;
  log: (msg: string) => void;
  /** The local day (the hall's time zone) of a moment: where a new endpoint starts. */
  dayOf: (hallId: string, at: number) => string;
  /** The wait after a number of failed tries (webhook-backoff.ts; shorter in tests). */
  backoffMs: (failedAttempts: number) => number;
  /** How often a server tries to become the deliverer (5 s). */
  leaseEveryMs: number;
  /** How often the endpoints' settings are looked at (1 s). */
  pollMs: number;
}

/**
 * Runs the deliveries of every endpoint while this server holds the webhook lease (always, on
 * a data folder; one server of several on PostgreSQL): one worker per active endpoint, started,
 * poked and stopped as the configuration changes (read each second: endpoints added, deleted,
 * edited, switched off or on, "retry now") and as the outbox tells of new events. Losing the
 * lease stops every worker before its next delivery; `stop` lets the delivery in flight end,
 * writes each endpoint's state and releases the lease.
 */
export class WebhookDispatcher {
  private readonly workers = new Map<string, WebhookWorker>();
  /** Each endpoint's settings as last seen, to poke its worker when they change. */
  private readonly seen = new Map<string, string>();
  private readonly restartAt = new Map<string, number>();
  /**
   * Workers told to stop that may still finish a delivery, by endpoint: a new worker for the
   * endpoint starts only once its old one has ended (never two deliveries in flight to one
   * endpoint, nor an old cursor written after a newer one); `stop` waits for them too.
   */
  private readonly retiring = new Map<string, Promise<void>>();
  /** Counts lease losses: a worker started before the last one writes nothing any more. */
  private generation = 0;
  private timers: Array<ReturnType<typeof setInterval>> = [];
  private unlisten: (() => void) | undefined;
  private leaseTry: Promise<void> | null = null;
  private stopping = false;

  constructor(private readonly deps: WebhookDispatcherDeps) {}

  start(): void {
    this.unlisten = this.deps.source.onAppend((hallId) => {
      for (const worker of this.workers.values()) if (worker.hallId === hallId) worker.poke();
    });
    this.timers = [
      setInterval(() => void this.tryLease(), this.deps.leaseEveryMs),
      setInterval(() => this.poll(), this.deps.pollMs),
    ];
    for (const t of this.timers) t.unref();
    void this.tryLease();
  }

  /** Ends the deliveries in flight (within their time limit), writes the state, lets go. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.timers.forEach(clearInterval);
    this.unlisten?.();
    // Not behind a lease check under way (a database that does not answer would hold the
    // deliveries' last state writes until the forced exit): it does nothing once stopping, and
    // the lease's release waits for it.
    await Promise.all([...this.workers.values()].map((w) => w.stop()));
    this.workers.clear();
    await Promise.all([...this.retiring.values()]);
    const { lease } = this.deps.store;
    if (lease.held)
      await lease.release().catch((e: Error) => this.deps.log(`webhook lease: ${e.message}`));
  }

  private tryLease(): Promise<void> {
    if (this.stopping || this.leaseTry) return Promise.resolve();
    const attempt = (async () => {
      const held = await this.deps.store.lease.acquire().catch((err: Error) => {
        this.deps.log(`webhook lease: ${err.message}`);
        return false;
      });
      if (this.stopping) return;
      if (held) this.sync();
      else this.stopAll();
    })().finally(() => {
      this.leaseTry = null;
    });
    this.leaseTry = attempt;
    return attempt;
  }

  private poll(): void {
    if (this.stopping) return;
    if (this.deps.store.lease.held) this.sync();
    else this.stopAll();
  }

  /** Another server may deliver now: every worker stops before its next delivery. */
  private stopAll(): void {
    this.generation += 1;
    for (const worker of this.workers.values()) this.retire(worker);
    this.workers.clear();
  }

  private retire(worker: WebhookWorker, then?: () => Promise<void>): void {
    const id = worker.endpointId;
    const before = this.retiring.get(id) ?? Promise.resolve();
    const done = Promise.all([before, worker.stop()])
      .then(then)
      .finally(() => {
        if (this.retiring.get(id) !== done) return;
        this.retiring.delete(id);
        // Switched on again meanwhile: its new worker starts now rather than at the next look.
        if (!this.stopping && this.deps.store.lease.held) this.sync();
      });
    this.retiring.set(id, done);
  }

  private sync(): void {
    const records = new Map((this.deps.config.read().webhooks ?? []).map((w) => [w.id, w]));
    for (const [id, worker] of this.workers) {
      const record = records.get(id);
      if (record?.active) continue;
      this.workers.delete(id);
      // Deleted: whatever its last delivery wrote goes too (the route forgets it already).
      this.retire(worker, () => (this.configured(id) ? Promise.resolve() : this.forget(id)));
    }
    for (const record of records.values()) {
      const settings = JSON.stringify(record);
      const changed = this.seen.get(record.id) !== settings;
      this.seen.set(record.id, settings);
      if (!record.active) continue;
      const worker = this.workers.get(record.id);
      if (worker) {
        if (changed) worker.poke();
      } else if (
        !this.retiring.has(record.id) &&
        (this.restartAt.get(record.id) ?? 0) <= performance.now()
      )
        this.startWorker(record);
    }
    for (const id of this.seen.keys()) if (!records.has(id)) this.seen.delete(id);
  }

  private startWorker(record: WebhookRecord): void {
    const { deps } = this;
    const generation = this.generation;
    const worker = new WebhookWorker(record.id, record.hallId, {
      store: deps.store,
      next: (hallId, cursor) => deps.source.next(hallId, cursor),
      factsOf: (hallId) =>
        new FactsTracker({
          hallId,
          journalBefore: (day, rev) => deps.source.journalBefore(hallId, day, rev),
          booking: (bookingId) => deps.source.booking(hallId, bookingId),
        }),
      bodyOf: (webhook, source, facts) => deps.sender.bodyOf(webhook, source, facts),
      send: (webhook, body, attempt) => deps.sender.send(webhook, body, attempt, 'event'),
      record: () => deps.config.read().webhooks?.find((w) => w.id === record.id),
      mayDeliver: () => deps.store.lease.held && this.generation === generation,
      now: deps.now,
      backoffMs: deps.backoffMs,
      dayOf: deps.dayOf,
      log: deps.log,
    });
    this.workers.set(record.id, worker);
    void worker.done.then(() => {
      if (this.workers.get(record.id) !== worker) return;
      // It ended by itself: switched off, deleted, or it failed.
      this.workers.delete(record.id);
      if (worker.failed) this.restartAt.set(record.id, performance.now() + RESTART_AFTER_MS);
      else if (!this.configured(record.id)) void this.forget(record.id);
    });
  }

  private configured(endpointId: string): boolean {
    return this.deps.config.read().webhooks?.some((w) => w.id === endpointId) === true;
  }

  private async forget(endpointId: string): Promise<void> {
    await this.deps.store
      .forget(endpointId)
      .catch((e: Error) => this.deps.log(`webhook ${endpointId}: ${e.message}`));
  }
}
