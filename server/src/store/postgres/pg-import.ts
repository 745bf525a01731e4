import type { Pool } from 'pg';
import type { BookingRevEvent } from '../../../../contract/booking-events.js';
import type { RevEvent } from '../../../../contract/events.js';
import type { WebhookLogEntry } from '../../../../contract/webhooks.js';
import type { WebhookDeliveryState } from '../store.js';
import { assertEndpointId, checkWebhookState } from '../webhook-store-rules.js';
import { checkDay } from './pg-errors.js';

const BATCH = 1000;

/**
 * Makes the journal of one hall-day exactly `events`, in one transaction: whatever the table
 * held for it is replaced. For moving a data folder in, while no server runs on the database.
 */
export async function replaceJournalDay(
  pool: Pool,
  hallId: string,
  day: string,
  events: RevEvent[],
): Promise<void> {
  checkDay(day);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('DELETE FROM events WHERE hall_id = $1 AND day = $2::date', [hallId, day]);
    for (let i = 0; i < events.length; i += BATCH) {
      const batch = events.slice(i, i + BATCH);
      await client.query(
        `INSERT INTO events (hall_id, day, rev, type, at, ticket_id, payload)
         SELECT $1, $2::date, e.rev, e.type, e.at, e.ticket_id, e.payload::jsonb
         FROM unnest($3::integer[], $4::text[], $5::bigint[], $6::text[], $7::text[])
           AS e(rev, type, at, ticket_id, payload)`,
        [
          hallId,
          day,
          batch.map((e) => e.rev),
          batch.map((e) => e.type),
          batch.map((e) => e.at),
          batch.map((e) => ('ticketId' in e ? e.ticketId : null)),
          batch.map((e) => JSON.stringify(e)),
        ],
      );
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/**
 * Makes the booking ledger of one hall exactly `events`, in one transaction: whatever the table
 * held for it is replaced. For moving a data folder in, while no server runs on the database.
 */
export async function replaceBookingLedger(
  pool: Pool,
  hallId: string,
  events: BookingRevEvent[],
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('DELETE FROM booking_events WHERE hall_id = $1', [hallId]);
    for (let i = 0; i < events.length; i += BATCH) {
      const batch = events.slice(i, i + BATCH);
      await client.query(
        `INSERT INTO booking_events (hall_id, rev, type, payload, at)
         SELECT $1, e.rev, e.type, e.payload::jsonb, e.at
         FROM unnest($2::integer[], $3::text[], $4::text[], $5::bigint[])
           AS e(rev, type, payload, at)`,
        [
          hallId,
          batch.map((e) => e.rev),
          batch.map((e) => e.type),
          batch.map((e) => JSON.stringify(e)),
          batch.map((e) => e.at),
        ],
      );
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/**
 * Makes one webhook endpoint's delivery state and log exactly these (`log` oldest first), in one
 * transaction, so a moved endpoint neither sends again what it delivered nor skips anything.
 * For moving a data folder in, while no server runs on the database.
 */
export async function replaceWebhook(
  pool: Pool,
  endpointId: string,
  state: WebhookDeliveryState | undefined,
  log: WebhookLogEntry[],
): Promise<void> {
  assertEndpointId(endpointId);
  if (state) checkWebhookState(state);
  if (state && state.endpointId !== endpointId)
    throw new Error(`Webhook ${endpointId}: the state given is ${state.endpointId}'s.`);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('DELETE FROM webhook_state WHERE endpoint_id = $1', [endpointId]);
    await client.query('DELETE FROM webhook_log WHERE endpoint_id = $1', [endpointId]);
    if (state)
      await client.query('INSERT INTO webhook_state (endpoint_id, state) VALUES ($1, $2::jsonb)', [
        endpointId,
        JSON.stringify(state),
      ]);
    // One by one, so `seq` follows the log's order (at most WEBHOOK_LIMITS.logEntries rows).
    for (const entry of log)
      await client.query('INSERT INTO webhook_log (endpoint_id, entry) VALUES ($1, $2::jsonb)', [
        endpointId,
        JSON.stringify(entry),
      ]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
