import type { Pool } from 'pg';

interface Migration {
  id: number;
  name: string;
  sql: string;
}

/**
 * The schema, in order; a migration, once released, is never edited (add a new one).
 *
 * - `config`: halls, services, counters, users, devices, printers, settings and audit as one
 *   small JSON document (the same shape as `config.json`), versioned for cache refreshes.
 * - `sessions`: signed-in staff, shared by every server.
 * - `events`: the journal. Its primary key (hall_id, day, rev) is the optimistic-concurrency
 *   guard between servers; tickets are the `ticket:issued` rows, and the partial unique
 *   indexes are the last guard on numbering (one number per service and day, one ticket id).
 * - `day_summaries`: one row per closed hall-day, read by the stats through its primary key.
 * - `booking_events` (2): the booking ledger of each hall. Its primary key (hall_id, rev) is
 *   the guard between servers, as for the journal; the partial unique index on the booking id
 *   of `booking:made` rows is the last guard against a booking made twice, and finds the rows
 *   an erasure blanks.
 * - `webhook_state`, `webhook_log` (3): each webhook endpoint's delivery cursor into its hall's
 *   journal and booking ledger (one JSON row, replaced after each acknowledged delivery) and its
 *   last tries (trimmed to `WEBHOOK_LIMITS.logEntries` in the statement that adds one; `seq`
 *   orders them). Keyed by the endpoint's configuration id.
 */
const MIGRATIONS: Migration[] = [
  {
    id: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE config (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        version bigint NOT NULL,
        data jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE sessions (
        id_hash text PRIMARY KEY,
        user_id text NOT NULL,
        created_at bigint NOT NULL,
        expires_at bigint NOT NULL
      );
      CREATE INDEX sessions_user_id ON sessions (user_id);
      CREATE INDEX sessions_expires_at ON sessions (expires_at);
      CREATE TABLE events (
        hall_id text NOT NULL,
        day date NOT NULL,
        rev integer NOT NULL CHECK (rev > 0),
        type text NOT NULL,
        at bigint NOT NULL,
        ticket_id text,
        payload jsonb NOT NULL,
        CONSTRAINT events_pkey PRIMARY KEY (hall_id, day, rev)
      );
      CREATE UNIQUE INDEX events_ticket_number ON events
        (hall_id, day, (payload->>'serviceId'), ((payload->>'seq')::integer))
        WHERE type = 'ticket:issued';
      CREATE UNIQUE INDEX events_ticket_issued ON events (hall_id, day, ticket_id)
        WHERE type = 'ticket:issued';
      CREATE TABLE day_summaries (
        hall_id text NOT NULL,
        day date NOT NULL,
        version smallint NOT NULL,
        closed_at bigint NOT NULL,
        last_rev integer NOT NULL,
        summary jsonb NOT NULL,
        CONSTRAINT day_summaries_pkey PRIMARY KEY (hall_id, day)
      );
    `,
  },
  {
    id: 2,
    name: 'booking ledger',
    sql: `
      CREATE TABLE booking_events (
        hall_id text NOT NULL,
        rev integer NOT NULL CHECK (rev > 0),
        type text NOT NULL,
        payload jsonb NOT NULL,
        at bigint NOT NULL,
        CONSTRAINT booking_events_pkey PRIMARY KEY (hall_id, rev)
      );
      CREATE UNIQUE INDEX booking_events_made ON booking_events
        (hall_id, (payload->>'bookingId'))
        WHERE type = 'booking:made';
    `,
  },
  {
    id: 3,
    name: 'webhook delivery state and log',
    sql: `
      CREATE TABLE webhook_state (
        endpoint_id text PRIMARY KEY,
        state jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE webhook_log (
        endpoint_id text NOT NULL,
        seq bigserial NOT NULL,
        entry jsonb NOT NULL,
        CONSTRAINT webhook_log_pkey PRIMARY KEY (endpoint_id, seq)
      );
    `,
  },
];

/** Advisory lock key (first half): "SıRa" in ASCII, so it is recognisable in pg_locks. */
const LOCK_CLASS = 0x53695261;

/**
 * Brings the schema up to date in one transaction. Servers starting together queue on an
 * advisory lock (per schema), so each migration runs once; a database migrated by a newer
 * server is refused rather than used.
 */
export async function migrate(pool: Pool, log: (msg: string) => void): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const schema = (await client.query<{ s: string | null }>('SELECT current_schema() AS s'))
      .rows[0]!.s;
    if (schema === null)
      throw new Error(
        'PostgreSQL: no schema to create tables in (the search_path names no existing schema).',
      );
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_CLASS, schema]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      id integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const applied = new Set(
      (await client.query<{ id: number }>('SELECT id FROM schema_migrations')).rows.map(
        (r) => r.id,
      ),
    );
    const newest = Math.max(0, ...applied);
    const known = MIGRATIONS.at(-1)!.id;
    if (newest > known)
      throw new Error(
        `PostgreSQL schema "${schema}" is at migration ${newest}, newer than this server knows (${known}). Upgrade the server.`,
      );
    for (const m of MIGRATIONS) {
      if (applied.has(m.id)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [
        m.id,
        m.name,
      ]);
      log(`PostgreSQL schema "${schema}": applied migration ${m.id} (${m.name})`);
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
