import type { Pool } from 'pg';
import type { BookingRevEvent } from '../../../../contract/booking-events.js';
import { checkLedgerBatch, LEDGER } from '../booking-ledger-rules.js';
import { JournalConflictError } from '../journal-conflict.js';
import type { BookingLedger } from '../store.js';
import { uniqueViolation } from './pg-errors.js';
import type { PgNotifier } from './pg-notifier.js';

/**
 * One multi-row insert and the NOTIFY to the other servers, as one statement (one transaction).
 * It writes nothing unless the batch starts right after the hall's last revision, so the ledger
 * never gets a gap (the data folder's reader refuses one); a revision taken meanwhile by another
 * server's open transaction fails on the primary key instead. Resolves to the rows written.
 */
const APPEND = `
  WITH last AS (SELECT coalesce(max(rev), 0) AS rev FROM booking_events WHERE hall_id = $1),
  written AS (
    INSERT INTO booking_events (hall_id, rev, type, payload, at)
    SELECT $1, e.rev, e.type, e.payload::jsonb, e.at
    FROM unnest($2::integer[], $3::text[], $4::text[], $5::bigint[]) AS e(rev, type, payload, at),
      last
    WHERE ($2::integer[])[1] = last.rev + 1
    RETURNING 1
  ),
  counted AS (SELECT count(*)::integer AS n FROM written)
  SELECT n FROM counted
  LEFT JOIN LATERAL (SELECT pg_notify($6, $7) WHERE counted.n > 0) AS told ON true`;

/**
 * Blanks name, phone and address hash of the `booking:made` rows of these bookings that still
 * hold any of them.
 */
const ERASE = `
  UPDATE booking_events
  SET payload = payload || jsonb_build_object('name', '', 'phone', null, 'addressHash', null)
  WHERE hall_id = $1 AND type = 'booking:made' AND payload->>'bookingId' = ANY($2::text[])
    AND (payload->>'name' <> '' OR payload->>'phone' IS NOT NULL
      OR payload->>'addressHash' IS NOT NULL)`;

/**
 * The booking ledgers in the `booking_events` table. A hall's appends are written in the order
 * they were called, one after the other (bookings come a few a minute), so no reader ever sees
 * a revision before the one it follows; PostgreSQL's commit makes them durable. A revision
 * another server wrote first fails the append with `JournalConflictError`, and the other servers
 * hear of every append through NOTIFY.
 */
export class PgBookingLedger implements BookingLedger {
  private readonly tails = new Map<string, Promise<unknown>>();
  private readonly watchers = new Map<string, Set<() => void>>();
  private closed = false;

  constructor(
    private readonly pool: Pool,
    private readonly notifier: PgNotifier,
  ) {
    notifier.onNotice((notice) => {
      if (notice.k === 'bookings') this.tell(notice.hallId);
    });
    // Notices sent while the listening connection was down are lost: every watcher looks again.
    notifier.onResync(() => {
      for (const hallId of this.watchers.keys()) this.tell(hallId);
    });
  }

  read(hallId: string): Promise<BookingRevEvent[]> {
    return this.readAfter(hallId, 0);
  }

  async readAfter(hallId: string, afterRev: number): Promise<BookingRevEvent[]> {
    const { rows } = await this.pool.query<{ payload: BookingRevEvent }>(
      'SELECT payload FROM booking_events WHERE hall_id = $1 AND rev > $2 ORDER BY rev',
      [hallId, afterRev],
    );
    return rows.map((r) => r.payload);
  }

  // Async so that a refused batch rejects rather than throws; its body up to `queue` runs at
  // once, so appends keep the order they were called in.
  async append(hallId: string, events: BookingRevEvent[]): Promise<void> {
    if (this.closed) throw new Error('The booking ledger is closed.');
    checkLedgerBatch(hallId, events);
    if (events.length === 0) return;
    const copy = structuredClone(events);
    const done = (this.tails.get(hallId) ?? Promise.resolve()).then(() =>
      this.insert(hallId, copy),
    );
    const tail = done.catch(() => undefined);
    this.tails.set(hallId, tail);
    void tail.then(() => {
      if (this.tails.get(hallId) === tail) this.tails.delete(hallId);
    });
    return done;
  }

  async erase(hallId: string, bookingIds: string[]): Promise<number> {
    if (this.closed) throw new Error('The booking ledger is closed.');
    if (bookingIds.length === 0) return 0;
    // One statement: PostgreSQL runs it as one transaction, so all of them are blanked or none.
    const { rowCount } = await this.pool.query(ERASE, [hallId, bookingIds]);
    return rowCount ?? 0;
  }

  watch(hallId: string, onAppend: () => void): () => void {
    let set = this.watchers.get(hallId);
    if (!set) this.watchers.set(hallId, (set = new Set()));
    set.add(onAppend);
    return () => set.delete(onAppend);
  }

  /** Waits for the appends already asked for, then refuses new ones. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.tails.size > 0) await Promise.allSettled([...this.tails.values()]);
  }

  private async insert(hallId: string, events: BookingRevEvent[]): Promise<void> {
    const revs = events.map((e) => e.rev);
    const notice = this.notifier.payload({ k: 'bookings', hallId, rev: revs.at(-1)! });
    let written: number;
    try {
      const { rows } = await this.pool.query<{ n: number }>(APPEND, [
        hallId,
        revs,
        events.map((e) => e.type),
        events.map((e) => JSON.stringify(e)),
        events.map((e) => e.at),
        this.notifier.channel,
        notice,
      ]);
      written = rows[0]!.n;
    } catch (err) {
      const violation = uniqueViolation(err);
      if (
        violation &&
        (violation.constraint === 'booking_events_pkey' || (await this.taken(hallId, revs)))
      )
        throw new JournalConflictError(hallId, LEDGER, revs[0]!);
      throw err;
    }
    if (written === events.length) return;
    if (await this.taken(hallId, revs)) throw new JournalConflictError(hallId, LEDGER, revs[0]!);
    throw new Error(
      `Booking ledger ${hallId}: revision ${revs[0]} would leave a gap; nothing was written.`,
    );
  }

  /** Whether another server holds any of these revisions (a conflict, not a caller's fault). */
  private async taken(hallId: string, revs: number[]): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'SELECT 1 FROM booking_events WHERE hall_id = $1 AND rev = ANY($2::integer[]) LIMIT 1',
      [hallId, revs],
    );
    return (rowCount ?? 0) > 0;
  }

  private tell(hallId: string): void {
    for (const onAppend of this.watchers.get(hallId) ?? []) onAppend();
  }
}
