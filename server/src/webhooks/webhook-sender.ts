import {
  WEBHOOK_LIMITS,
  type WebhookDelivery,
  type WebhookDeliveryKind,
  type WebhookLogEntry,
} from '../../../contract/webhooks.js';
import type { WebhookRecord } from '../config/config-data.js';
import type { ConfigStore, WebhookStore } from '../store/store.js';
import {
  checkedWebhookTarget,
  type HostLookup,
  type WebhookAddressPolicy,
} from './webhook-address-policy.js';
import type { WebhookFactsLookup, WebhookSource } from './webhook-facts.js';
import { sendWebhook, webhookHeaders } from './webhook-http.js';
import { webhookEventOf } from './webhook-payload.js';

export interface WebhookSenderDeps {
  store: WebhookStore;
  config: ConfigStore;
  now: () => number;
  policy: WebhookAddressPolicy;
  lookup: HostLookup;
  /** One delivery's time limit; WEBHOOK_LIMITS.timeoutMs but in tests. */
  timeoutMs: number;
  log: (msg: string) => void;
}

/**
 * Builds, signs and POSTs one delivery, and logs the try. Shared by the dispatcher's ordered
 * deliveries and the test and resend buttons (which any server may run).
 */
export class WebhookSender {
  constructor(private readonly deps: WebhookSenderDeps) {}

  /** The body of an event for an endpoint, with the configuration as it is now. */
  bodyOf(
    webhook: WebhookRecord,
    source: WebhookSource,
    facts: WebhookFactsLookup,
  ): WebhookDelivery | null {
    const config = this.deps.config.read();
    return webhookEventOf(source, { config, personalData: webhook.personalData, facts });
  }

  /** One POST, signed now; the try is added to the endpoint's log. Never throws. */
  async send(
    webhook: WebhookRecord,
    body: WebhookDelivery,
    attempt: number,
    kind: WebhookDeliveryKind,
  ): Promise<WebhookLogEntry> {
    const { policy, lookup, timeoutMs, now } = this.deps;
    const raw = JSON.stringify(body);
    const at = now();
    const headers = webhookHeaders({
      secret: webhook.secret,
      body: raw,
      eventId: body.id,
      type: body.type,
      attempt,
      unixSeconds: Math.floor(at / 1000),
    });
    const result = await sendWebhook({
      policy,
      lookup,
      url: webhook.url,
      body: raw,
      headers,
      timeoutMs,
      maxResponseBytes: WEBHOOK_LIMITS.responseBytes,
    });
    const entry: WebhookLogEntry = {
      eventId: body.id,
      type: body.type,
      kind,
      attempt,
      at,
      ok: result.ok,
      httpStatus: result.httpStatus,
      latencyMs: result.latencyMs,
      error: result.error,
    };
    // The log is for people; a failed write of it does not undo the delivery.
    await this.deps.store
      .appendLog(webhook.id, entry)
      .catch((err: Error) =>
        this.deps.log(`webhook ${webhook.id}: log write failed: ${err.message}`),
      );
    return entry;
  }

  /** Why deliveries to `url` would be refused (its shape, the address rule, DNS), or null. */
  async urlProblem(url: string): Promise<string | null> {
    const { policy, lookup, timeoutMs } = this.deps;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A resolver that does not answer must not hold the saving request.
    const late = new Promise<string[]>((resolve) => {
      timer = setTimeout(() => resolve([]), timeoutMs);
    });
    try {
      await checkedWebhookTarget(policy, url, (host) => Promise.race([lookup(host), late]), true);
      return null;
    } catch (err) {
      return (err as Error).message;
    } finally {
      clearTimeout(timer);
    }
  }
}
