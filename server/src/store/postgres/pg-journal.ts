import type { Pool } from 'pg';
import type { RevEvent } from '../../../../contract/events.js';
import { JournalConflictError } from '../journal-conflict.js';
import type { EventJournal, JournalRead } from '../store.js';
import { checkDay, uniqueViolation } from './pg-errors.js';
import type { PgNotifier } from './pg-notifier.js';

/** One multi-row insert and the NOTIFY to the other servers, as one statement (one round trip). */
const APPEND = `
  WITH written AS (
    INSERT INTO events (hall_id, day, rev, type, at, ticket_id, payload)
    SELECT $1, $2::date, e.rev, e.type, e.at, e.ticket_id, e.payload::jsonb
    FROM unnest($3::integer[], $4::text[], $5::bigint[], $6::text[], $7::text[])
      AS e(rev, type, at, ticket_id, payload)
    RETURNING 1
  )
  SELECT pg_notify($8, $9) FROM (SELECT count(*) FROM written) AS c`;

/** The distinct days of a hall by walking the primary key (a loose index scan), not every event. */
const DAYS = `
  WITH RECURSIVE d(day) AS (
    (SELECT day FROM events WHERE hall_id = $1 ORDER BY day LIMIT 1)
    UNION ALL
    SELECT (SELECT e.day FROM events e WHERE e.hall_id = $1 AND e.day > d.day ORDER BY e.day LIMIT 1)
    FROM d WHERE d.day IS NOT NULL
  )
  SELECT to_char(day, 'YYYY-MM-DD') AS day FROM d WHERE day IS NOT NULL`;

interface QueuedAppend {
  events: RevEvent[];
  resolve: () => void;
  reject: (err: unknown) => void;
}

interface HallDayQueue {
  pending: QueuedAppend[];
  running: Promise<void> | null;
}

/**
 * The journal in the `events` table. Appends of one hall-day are written in the order they
 * were called, those queued meanwhile together (group commit); PostgreSQL's commit makes them
 * durable. A revision another server wrote first fails the append with `JournalConflictError`.
 */
export class PgJournal implements EventJournal {
  private readonly queues = new Map<string, HallDayQueue>();
  private readonly watchers = new Map<string, Set<(day: string) => void>>();
  private closed = false;

  constructor(
    private readonly pool: Pool,
    private readonly notifier: PgNotifier,
    private readonly log: (msg: string) => void,
  ) {
    notifier.onNotice((notice) => {
      if (notice.k === 'journal') this.tell(notice.hallId, notice.day);
    });
    notifier.onResync(() => void this.resync());
  }

  async read(hallId: string, day: string): Promise<JournalRead> {
    return { events: await this.readAfter(hallId, day, 0), tornTail: false };
  }

  async readAfter(hallId: string, day: string, afterRev: number): Promise<RevEvent[]> {
    checkDay(day);
    const { rows } = await this.pool.query<{ payload: RevEvent }>(
      'SELECT payload FROM events WHERE hall_id = $1 AND day = $2::date AND rev > $3 ORDER BY rev',
      [hallId, day, afterRev],
    );
    return rows.map((r) => r.payload);
  }

  append(hallId: string, day: string, events: RevEvent[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error('The journal is closed.'));
    checkDay(day);
    if (events.length === 0) return Promise.resolve();
    const key = `${hallId}/${day}`;
    let queue = this.queues.get(key);
    if (!queue) this.queues.set(key, (queue = { pending: [], running: null }));
    const done = new Promise<void>((resolve, reject) =>
      queue.pending.push({ events, resolve, reject }),
    );
    this.kick(key, hallId, day, queue);
    return done;
  }

  async days(hallId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ day: string }>(DAYS, [hallId]);
    return rows.map((r) => r.day);
  }

  /**
   * Notes have a retention period: blanks them in a closed day's completed visits and the
   * visitors' rating comments (atomically), as the data folder's journal does.
   */
  async blankNotes(hallId: string, day: string): Promise<number> {
    checkDay(day);
    const { rowCount } = await this.pool.query(
      `UPDATE events SET payload = jsonb_set(payload, '{note}', 'null'::jsonb)
       WHERE hall_id = $1 AND day = $2::date AND type IN ('ticket:completed', 'ticket:rated')
         AND payload->>'note' IS NOT NULL`,
      [hallId, day],
    );
    return rowCount ?? 0;
  }

  /** A mobile number is kept for its day only: blanks them in a closed day (one statement). */
  async blankPhones(hallId: string, day: string): Promise<number> {
    checkDay(day);
    const { rowCount } = await this.pool.query(
      `UPDATE events SET payload = jsonb_set(payload, '{phone}', '""'::jsonb)
       WHERE hall_id = $1 AND day = $2::date AND type = 'ticket:sms-requested'
         AND payload->>'phone' <> ''`,
      [hallId, day],
    );
    return rowCount ?? 0;
  }

  watch(hallId: string, onAppend: (day: string) => void): () => void {
    let set = this.watchers.get(hallId);
    if (!set) this.watchers.set(hallId, (set = new Set()));
    set.add(onAppend);
    return () => set.delete(onAppend);
  }

  /** Waits for the appends already asked for, then refuses new ones. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.queues.size > 0) {
      await Promise.allSettled([...this.queues.values()].map((q) => q.running));
    }
  }

  private kick(key: string, hallId: string, day: string, queue: HallDayQueue): void {
    if (queue.running) return;
    queue.running = this.flush(hallId, day, queue).finally(() => {
      queue.running = null;
      if (queue.pending.length > 0) this.kick(key, hallId, day, queue);
      else if (this.queues.get(key) === queue) this.queues.delete(key);
    });
  }

  private async flush(hallId: string, day: string, queue: HallDayQueue): Promise<void> {
    while (queue.pending.length > 0) {
      const batch = queue.pending.splice(0);
      try {
        await this.insert(
          hallId,
          day,
          batch.flatMap((a) => a.events),
        );
        for (const a of batch) a.resolve();
      } catch (err) {
        for (const a of batch) a.reject(err);
      }
    }
  }

  private async insert(hallId: string, day: string, events: RevEvent[]): Promise<void> {
    const revs = events.map((e) => e.rev);
    const notice = this.notifier.payload({ k: 'journal', hallId, day, rev: revs.at(-1)! });
    try {
      await this.pool.query(APPEND, [
        hallId,
        day,
        revs,
        events.map((e) => e.type),
        events.map((e) => e.at),
        events.map((e) => ('ticketId' in e ? e.ticketId : null)),
        events.map((e) => JSON.stringify(e)),
        this.notifier.channel,
        notice,
      ]);
    } catch (err) {
      const violation = uniqueViolation(err);
      if (
        violation &&
        (violation.constraint === 'events_pkey' || (await this.taken(hallId, day, revs)))
      )
        throw new JournalConflictError(hallId, day, revs[0]!);
      throw err;
    }
  }

  /** Whether another server holds any of these revisions (a conflict, not a numbering fault). */
  private async taken(hallId: string, day: string, revs: number[]): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'SELECT 1 FROM events WHERE hall_id = $1 AND day = $2::date AND rev = ANY($3::integer[]) LIMIT 1',
      [hallId, day, revs],
    );
    return (rowCount ?? 0) > 0;
  }

  private tell(hallId: string, day: string): void {
    for (const onAppend of this.watchers.get(hallId) ?? []) onAppend(day);
  }

  /** After notices may have been lost: every watcher looks at its hall's latest day. */
  private async resync(): Promise<void> {
    for (const hallId of this.watchers.keys()) {
      try {
        const { rows } = await this.pool.query<{ day: string | null }>(
          "SELECT to_char(max(day), 'YYYY-MM-DD') AS day FROM events WHERE hall_id = $1",
          [hallId],
        );
        if (rows[0]?.day) this.tell(hallId, rows[0].day);
      } catch (err) {
        this.log(`journal resync of hall ${hallId} failed: ${(err as Error).message}`);
      }
    }
  }
}
