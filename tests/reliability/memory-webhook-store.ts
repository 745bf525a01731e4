import type { WebhookLogEntry } from '../../contract/webhooks.js';
import { WEBHOOK_LIMITS } from '../../contract/webhooks.js';
import type {
  WebhookDeliveryState,
  WebhookLease,
  WebhookStore,
} from '../../server/src/store/store.js';
import {
  assertEndpointId,
  checkWebhookState,
  logReadLimit,
} from '../../server/src/store/webhook-store-rules.js';

/** Webhook state and log in memory, for stores of tests that deliver nothing durable. */
export class MemoryWebhookStore implements WebhookStore {
  private readonly states = new Map<string, WebhookDeliveryState>();
  private readonly logs = new Map<string, WebhookLogEntry[]>();
  /** One process: the lease is there for the asking. */
  readonly lease = new MemoryLease();

  readState(endpointId: string): Promise<WebhookDeliveryState | undefined> {
    assertEndpointId(endpointId);
    return Promise.resolve(structuredClone(this.states.get(endpointId)));
  }

  writeState(state: WebhookDeliveryState): Promise<void> {
    checkWebhookState(state);
    this.states.set(state.endpointId, structuredClone(state));
    return Promise.resolve();
  }

  appendLog(endpointId: string, entry: WebhookLogEntry): Promise<void> {
    assertEndpointId(endpointId);
    const log = [...(this.logs.get(endpointId) ?? []), structuredClone(entry)];
    this.logs.set(endpointId, log.slice(-WEBHOOK_LIMITS.logEntries));
    return Promise.resolve();
  }

  readLog(endpointId: string, limit: number): Promise<WebhookLogEntry[]> {
    assertEndpointId(endpointId);
    const wanted = logReadLimit(limit);
    const log = this.logs.get(endpointId) ?? [];
    return Promise.resolve(wanted === 0 ? [] : structuredClone(log.slice(-wanted).reverse()));
  }

  forget(endpointId: string): Promise<void> {
    assertEndpointId(endpointId);
    this.states.delete(endpointId);
    this.logs.delete(endpointId);
    return Promise.resolve();
  }
}

class MemoryLease implements WebhookLease {
  held = false;

  acquire(): Promise<boolean> {
    this.held = true;
    return Promise.resolve(true);
  }

  release(): Promise<void> {
    this.held = false;
    return Promise.resolve();
  }
}
