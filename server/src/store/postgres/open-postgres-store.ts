import pg from 'pg';
import type { ConfigData } from '../../config/config-data.js';
import type { Store } from '../store.js';
import { migrate } from './migrations.js';
import { PgBookingLedger } from './pg-booking-ledger.js';
import { PgConfig } from './pg-config.js';
import { PgJournal } from './pg-journal.js';
import { PgNotifier } from './pg-notifier.js';
import { PgSessions } from './pg-sessions.js';
import { PgSummaries } from './pg-summaries.js';
import { PgWebhookStore } from './pg-webhooks.js';

export interface PostgresStoreOptions {
  log: (msg: string) => void;
  /** The configuration of a first start; called only when the database holds none yet. */
  initialConfig: () => ConfigData;
  /** Clock for session expiry; defaults to `Date.now`. */
  now?: () => number;
  /** Connections in the pool (besides the one that listens for notices); default 10. */
  poolSize?: number;
}

/** `host:port/database` of a connection string, without its credentials, for logs. */
export function describeDatabase(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}:${url.port || 5432}${url.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}

/**
 * Opens the store in the PostgreSQL database at `databaseUrl` (its search_path's first schema):
 * applies the migrations, then loads the configuration and sessions. Any number of servers may
 * open the same database; they tell each other about changes with LISTEN/NOTIFY on a channel
 * named after the schema.
 */
export async function openPostgresStore(
  databaseUrl: string,
  opts: PostgresStoreOptions,
): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: opts.poolSize ?? 10,
    keepAlive: true,
  });
  pool.on('error', (err) => opts.log(`PostgreSQL connection error: ${err.message}`));
  let notifier: PgNotifier | undefined;
  try {
    await migrate(pool, opts.log);
    const schema = (await pool.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]!.s;
    const channel = (schema === 'public' ? 'siramatik' : `siramatik_${schema}`).slice(0, 63);
    // Listen before loading, so no change slips between the load and the first notice.
    notifier = await PgNotifier.open(databaseUrl, channel, opts.log);
    const config = await PgConfig.open(pool, notifier, opts.log, opts.initialConfig);
    const sessions = await PgSessions.open(pool, notifier, opts.log, opts.now ?? Date.now);
    const journal = new PgJournal(pool, notifier, opts.log);
    const summaries = new PgSummaries(pool);
    const bookings = new PgBookingLedger(pool, notifier);
    // The webhook lease connects on its first acquire, with its own connection, not the pool's.
    const webhooks = new PgWebhookStore(pool, databaseUrl, opts.log);
    const openNotifier = notifier;
    let closing: Promise<void> | undefined;
    const closeAll = async () => {
      try {
        await Promise.allSettled([
          journal.close(),
          bookings.close(),
          webhooks.close(),
          config.close(),
        ]);
      } finally {
        await openNotifier.close();
        await pool.end();
      }
    };
    return {
      config,
      sessions,
      journal,
      summaries,
      bookings,
      webhooks,
      close: () => (closing ??= closeAll()),
    };
  } catch (err) {
    await notifier?.close();
    await pool.end().catch(() => undefined);
    throw err;
  }
}
