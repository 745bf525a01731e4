import { performance } from 'node:perf_hooks';
import type { WebhookDelivery, WebhookLogEntry } from '../../../contract/webhooks.js';
import type { WebhookRecord } from '../config/config-data.js';
import type { WebhookCursor, WebhookDeliveryState, WebhookStore } from '../store/store.js';
import type { OutboxStep } from './outbox-source.js';
import type { FactsTracker } from './facts-tracker.js';
import type { WebhookFactsLookup, WebhookSource } from './webhook-facts.js';
import { webhookTypeOf } from './webhook-payload.js';
import { Wakeup } from './wakeup.js';

/** Events passed over (not wanted) before the cursor is written anyway. */
const SKIPS_PER_WRITE = 100;
/** An idle worker writes a cursor moved by skipped events after this long. */
const IDLE_WRITE_MS = 60_000;
/** An idle worker looks again after this long even without news (a lost notice). */
const IDLE_LOOK_MS = 30_000;
/** After a store error (reading the outbox, writing the state), the next try. */
const STORE_RETRY_MS = 5_000;

const NOT_FAILING = { attempts: 0, failingSince: null, nextAttemptAt: null, lastError: null };

export interface WebhookWorkerDeps {
  store: WebhookStore;
  next: (hallId: string, cursor: WebhookCursor) => Promise<OutboxStep | null>;
  /** Follows the facts (ticket numbers, booking slots) of a hall's events as they are passed. */
  factsOf: (hallId: string) => FactsTracker;
  /** The body for this endpoint (config and facts at delivery time), or null: not a webhook. */
  bodyOf: (
    webhook: WebhookRecord,
    source: WebhookSource,
    facts: WebhookFactsLookup,
  ) => WebhookDelivery | null;
  send: (
    webhook: WebhookRecord,
    body: WebhookDelivery,
    attempt: number,
  ) => Promise<WebhookLogEntry>;
  /** The endpoint as configured now; undefined once deleted. */
  record: () => WebhookRecord | undefined;
  /** False once the lease is lost: deliver and write nothing more (another server may). */
  mayDeliver: () => boolean;
  now: () => number;
  /** The wait after `failedAttempts` failed tries of the head event. */
  backoffMs: (failedAttempts: number) => number;
  /** The day an endpoint made at `at` starts at (its hall's local day). */
  dayOf: (hallId: string, at: number) => string;
  log: (msg: string) => void;
}

/** Where a new endpoint starts: its creation day, nothing delivered yet. */
export function initialState(webhook: WebhookRecord, day: string): WebhookDeliveryState {
  return {
    endpointId: webhook.id,
    cursor: { day, rev: 0, bookingRev: 0 },
    attempts: 0,
    failingSince: null,
    nextAttemptAt: null,
    lastSuccessAt: null,
    lastError: null,
  };
}

/**
 * One endpoint's deliveries, one at a time, in order: find the next event after the cursor,
 * pass over what the endpoint does not want, POST what it wants, write the moved cursor
 * durably before going on; a failure is tried again after back-off, the same event each time,
 * until it is acknowledged (never skipped). Runs until stopped, switched off or deleted.
 */
export class WebhookWorker {
  readonly done: Promise<void>;
  /** It ended on an error it could not go on from (not a stop). */
  failed = false;
  private readonly wakeup = new Wakeup();
  private stopped = false;

  constructor(
    readonly endpointId: string,
    readonly hallId: string,
    private readonly deps: WebhookWorkerDeps,
  ) {
    this.done = this.run().catch((err: Error) => {
      this.failed = !this.stopped;
      deps.log(`webhook ${endpointId}: delivery stopped: ${err.message}`);
    });
  }

  /** Something changed (a new event, the endpoint's settings): look again now. */
  poke(): void {
    this.wakeup.poke();
  }

  /** Stops after the delivery in flight, if any; resolves once the state is written. */
  stop(): Promise<void> {
    this.stopped = true;
    this.wakeup.poke();
    return this.done;
  }

  private running(): boolean {
    const webhook = this.deps.record();
    return !this.stopped && this.deps.mayDeliver() && webhook !== undefined && webhook.active;
  }

  private async run(): Promise<void> {
    const first = this.deps.record();
    if (!first) return;
    let state: WebhookDeliveryState | undefined = await this.retrying(() =>
      this.deps.store.readState(this.endpointId),
    );
    if (state === undefined) {
      if (!this.running()) return;
      state = initialState(first, this.deps.dayOf(first.hallId, first.createdAt));
    }
    let written = state;
    let writtenAt = performance.now();
    // A worker starting (a restart, a takeover, switched on) waits what is left of the stored
    // back-off, so restarts or a flapping lease do not hammer a failing receiver; "retry now"
    // (a change seen while it runs) still tries at once.
    let dueAt =
      state.nextAttemptAt === null
        ? 0
        : performance.now() + Math.max(0, state.nextAttemptAt - this.deps.now());
    let retryActedOn = first.retryRequestedAt ?? 0;
    let target = `${first.url} ${first.secret}`;
    const write = async (next: WebhookDeliveryState) => {
      // Never after the lease was lost (another server may have moved the cursor on since).
      await this.retrying(async () => {
        if (this.deps.mayDeliver()) await this.deps.store.writeState(next);
      });
      written = next;
      writtenAt = performance.now();
    };
    let skipped = 0;
    const facts = this.deps.factsOf(this.hallId);
    while (this.running()) {
      const webhook = this.deps.record()!;
      // "Retry now", or a new URL or secret: the waiting event is tried at once. Any change of
      // the request counts (another server's clock may be behind this one's).
      if ((webhook.retryRequestedAt ?? 0) !== retryActedOn) {
        retryActedOn = webhook.retryRequestedAt ?? 0;
        dueAt = 0;
      }
      if (`${webhook.url} ${webhook.secret}` !== target) {
        target = `${webhook.url} ${webhook.secret}`;
        dueAt = 0;
      }
      const step: OutboxStep | null | undefined = await this.deps
        .next(webhook.hallId, state.cursor)
        .catch((err: Error) => {
          this.deps.log(`webhook ${this.endpointId}: reading the outbox failed: ${err.message}`);
          return undefined;
        });
      if (step === undefined) {
        await this.wakeup.sleep(STORE_RETRY_MS);
        continue;
      }
      if (step === null) {
        const idleFor = performance.now() - writtenAt;
        if (state !== written && (skipped >= SKIPS_PER_WRITE || idleFor >= IDLE_WRITE_MS)) {
          await write(state);
          skipped = 0;
        }
        await this.wakeup.sleep(state === written ? IDLE_LOOK_MS : IDLE_WRITE_MS);
        continue;
      }
      const body = this.wanted(webhook, step)
        ? this.deps.bodyOf(webhook, step.source, facts.lookupFor(step.source))
        : null;
      if (body === null) {
        facts.passed(step.source);
        if (state.attempts > 0) {
          // The event it was retrying is no longer wanted (its type was unticked): not failing.
          state = { ...state, cursor: step.after, ...NOT_FAILING };
          dueAt = 0;
          await write(state);
          continue;
        }
        state = { ...state, cursor: step.after };
        skipped += 1;
        if (skipped >= SKIPS_PER_WRITE) {
          await write(state);
          skipped = 0;
        }
        continue;
      }
      const wait = dueAt - performance.now();
      if (wait > 0) {
        await this.wakeup.sleep(wait);
        continue;
      }
      const attempt: number = state.attempts + 1;
      const entry = await this.deps.send(webhook, body, attempt);
      // The lease was lost meanwhile: another server delivers now, and owns the state.
      if (!this.deps.mayDeliver()) return;
      if (entry.ok) {
        facts.passed(step.source);
        state = {
          ...state,
          cursor: step.after,
          ...NOT_FAILING,
          lastSuccessAt: entry.at,
        };
        dueAt = 0;
      } else {
        const delay = this.deps.backoffMs(attempt);
        state = {
          ...state,
          attempts: attempt,
          failingSince: state.failingSince ?? entry.at,
          nextAttemptAt: this.deps.now() + delay,
          lastError: entry.error ?? `HTTP ${entry.httpStatus}`,
        };
        dueAt = performance.now() + delay;
      }
      // Durable before the next event goes: a restart resends at most this one.
      await write(state);
      skipped = 0;
    }
    if (state !== written && this.deps.mayDeliver() && this.deps.record() !== undefined)
      await write(state);
  }

  /** Wanted: one of its event types, and not older than the endpoint itself. */
  private wanted(webhook: WebhookRecord, step: OutboxStep): boolean {
    const type = webhookTypeOf(step.source.event);
    return (
      type !== null && webhook.events.includes(type) && step.source.event.at >= webhook.createdAt
    );
  }

  /** Runs a store operation until it succeeds (logging each failure) or the worker stops. */
  private async retrying<T>(work: () => Promise<T>): Promise<T> {
    for (;;) {
      try {
        return await work();
      } catch (err) {
        this.deps.log(`webhook ${this.endpointId}: ${(err as Error).message}`);
        if (this.stopped || !this.deps.mayDeliver()) throw err;
        await this.wakeup.sleep(STORE_RETRY_MS);
      }
    }
  }
}
