import type { Pool } from 'pg';
import type { WebhookLogEntry } from '../../../../contract/webhooks.js';
import { WEBHOOK_LIMITS } from '../../../../contract/webhooks.js';
import type { WebhookDeliveryState, WebhookStore } from '../store.js';
import { assertEndpointId, checkWebhookState, logReadLimit } from '../webhook-store-rules.js';
import { PgWebhookLease } from './pg-webhook-lease.js';

const WRITE_STATE = `
  INSERT INTO webhook_state (endpoint_id, state, updated_at) VALUES ($1, $2::jsonb, now())
  ON CONFLICT (endpoint_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`;

/**
 * Inserts the entry and trims the endpoint's log, as one statement (one transaction). The
 * DELETE sees the log as it was before the INSERT, so it keeps the newest `$3` (one less than
 * the log keeps) besides the new row.
 */
const APPEND_LOG = `
  WITH added AS (INSERT INTO webhook_log (endpoint_id, entry) VALUES ($1, $2::jsonb) RETURNING 1)
  DELETE FROM webhook_log
  WHERE endpoint_id = $1 AND seq < (
    SELECT min(seq) FROM (
      SELECT seq FROM webhook_log WHERE endpoint_id = $1 ORDER BY seq DESC LIMIT $3
    ) AS newest
  )`;

const FORGET = `
  WITH state AS (DELETE FROM webhook_state WHERE endpoint_id = $1)
  DELETE FROM webhook_log WHERE endpoint_id = $1`;

/**
 * Webhook delivery state and log in the `webhook_state` and `webhook_log` tables (migration 3),
 * shared by every server, so whichever server takes the lease over goes on from the cursors the
 * last one wrote. The lease is an advisory lock on a connection of its own (pg-webhook-lease.ts).
 */
export class PgWebhookStore implements WebhookStore {
  readonly lease: PgWebhookLease;
  /** Each endpoint's writes, one after the other: pooled queries could commit out of order. */
  private readonly tails = new Map<string, Promise<unknown>>();
  private closed = false;

  constructor(
    private readonly pool: Pool,
    databaseUrl: string,
    log: (msg: string) => void,
  ) {
    this.lease = new PgWebhookLease(databaseUrl, log);
  }

  async readState(endpointId: string): Promise<WebhookDeliveryState | undefined> {
    this.check(endpointId);
    const { rows } = await this.pool.query<{ state: WebhookDeliveryState }>(
      'SELECT state FROM webhook_state WHERE endpoint_id = $1',
      [endpointId],
    );
    return rows[0]?.state;
  }

  async writeState(state: WebhookDeliveryState): Promise<void> {
    checkWebhookState(state);
    this.check(state.endpointId);
    const text = JSON.stringify(state);
    await this.serially(state.endpointId, () =>
      this.pool.query(WRITE_STATE, [state.endpointId, text]),
    );
  }

  async appendLog(endpointId: string, entry: WebhookLogEntry): Promise<void> {
    this.check(endpointId);
    const params = [endpointId, JSON.stringify(entry), WEBHOOK_LIMITS.logEntries - 1];
    await this.serially(endpointId, () => this.pool.query(APPEND_LOG, params));
  }

  async readLog(endpointId: string, limit: number): Promise<WebhookLogEntry[]> {
    this.check(endpointId);
    const wanted = logReadLimit(limit);
    if (wanted === 0) return [];
    const { rows } = await this.pool.query<{ entry: WebhookLogEntry }>(
      'SELECT entry FROM webhook_log WHERE endpoint_id = $1 ORDER BY seq DESC LIMIT $2',
      [endpointId, wanted],
    );
    return rows.map((r) => r.entry);
  }

  async forget(endpointId: string): Promise<void> {
    this.check(endpointId);
    await this.serially(endpointId, () => this.pool.query(FORGET, [endpointId]));
  }

  /** Waits for the writes already asked for and lets go of the lease; the pool is the store's. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.tails.size > 0) await Promise.allSettled([...this.tails.values()]);
    await this.lease.close();
  }

  private serially<T>(endpointId: string, op: () => Promise<T>): Promise<T> {
    const done = (this.tails.get(endpointId) ?? Promise.resolve()).then(op);
    const tail = done.catch(() => undefined);
    this.tails.set(endpointId, tail);
    void tail.then(() => {
      if (this.tails.get(endpointId) === tail) this.tails.delete(endpointId);
    });
    return done;
  }

  private check(endpointId: string): void {
    if (this.closed) throw new Error('The webhook store is closed.');
    assertEndpointId(endpointId);
  }
}
