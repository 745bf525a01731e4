import pg from 'pg';
import type { WebhookLease } from '../store.js';

/**
 * Advisory lock key of the webhook deliverer (first half): "SiWh" in ASCII, beside the
 * migrations' "SiRa". The second half is `hashtext(current_schema())`, as for the migrations, so
 * several installs (or test schemas) in one database each have their own deliverer. The holder
 * is the row of `pg_locks` with `locktype = 'advisory'`, `classid = 1399412584`, `objsubid = 2`.
 */
export const WEBHOOK_LEASE_CLASS = 0x53695768;

const TRY_LOCK = 'SELECT pg_try_advisory_lock($1, hashtext(current_schema())) AS ok';
const UNLOCK = 'SELECT pg_advisory_unlock($1, hashtext(current_schema()))';
/** A lease check never hangs the deliverer behind a dead connection. */
const QUERY_TIMEOUT_MS = 5_000;
/** Nor does connecting to a database that does not answer. */
const CONNECT_TIMEOUT_MS = 10_000;
/**
 * The server side of the lease connection gives up on a holder whose machine died without
 * closing TCP (power cut, network gone) within about half a minute — by default it would hold
 * the lock for two hours of TCP keepalive. Per-session settings any user may make.
 */
export const LEASE_KEEPALIVE_OPTIONS =
  '-c tcp_keepalives_idle=10 -c tcp_keepalives_interval=5 -c tcp_keepalives_count=3 ' +
  '-c tcp_user_timeout=20000';

/**
 * `databaseUrl` with the lease's keepalive options added to its own `options` (a URL's options
 * take the place of the client's, so they are joined here).
 */
export function leaseConnectionString(databaseUrl: string): string {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    return databaseUrl; // not a URL (a socket path): TCP keepalive does not apply
  }
  const own = url.searchParams.get('options');
  url.searchParams.set(
    'options',
    own ? `${own} ${LEASE_KEEPALIVE_OPTIONS}` : LEASE_KEEPALIVE_OPTIONS,
  );
  return url.toString();
}

/**
 * The webhook lease as a session-level advisory lock on a connection of its own: not a pooled
 * one, which would carry the lock to whatever query borrows it next. When the holder's
 * connection ends (the process was killed, the backend terminated, the network lost) PostgreSQL
 * frees the lock, and another server's next `acquire` gets it; the holder sees `held` turn false
 * as soon as its client reports the error or the end.
 */
export class PgWebhookLease implements WebhookLease {
  private client: pg.Client | null = null;
  private holding = false;
  private closed = false;
  /** acquire and release run one at a time. */
  private tail: Promise<unknown> = Promise.resolve();
  private lastProblem: string | null = null;

  constructor(
    private readonly databaseUrl: string,
    private readonly log: (msg: string) => void,
  ) {}

  get held(): boolean {
    return this.holding;
  }

  /** Resolves false (and logs once per kind of failure) when the database cannot be reached. */
  acquire(): Promise<boolean> {
    return this.serially(async () => {
      if (this.closed) return false;
      try {
        const client = (this.client ??= await this.connect());
        // Asking again while holding checks that the connection is still alive; a session lock
        // taken twice is counted twice, so the extra one is let go at once.
        const { rows } = await client.query<{ ok: boolean }>(TRY_LOCK, [WEBHOOK_LEASE_CLASS]);
        if (rows[0]!.ok && this.holding) await client.query(UNLOCK, [WEBHOOK_LEASE_CLASS]);
        if (this.client !== client) return false; // lost meanwhile
        this.holding = rows[0]!.ok;
        this.lastProblem = null;
        return this.holding;
      } catch (err) {
        this.drop(this.client);
        const problem = err instanceof Error ? err.message : String(err);
        if (problem !== this.lastProblem)
          this.log(`Webhook lease: PostgreSQL could not be asked (${problem}); trying again.`);
        this.lastProblem = problem;
        return false;
      }
    });
  }

  release(): Promise<void> {
    return this.serially(async () => {
      const client = this.client;
      const wasHolding = this.holding;
      this.client = null;
      this.holding = false;
      if (!client) return;
      try {
        if (wasHolding) await client.query(UNLOCK, [WEBHOOK_LEASE_CLASS]);
      } catch {
        // Ending the connection below frees the lock anyway.
      }
      await client.end().catch(() => undefined);
    });
  }

  /** Releases and never takes the lease again (the store is closing). */
  async close(): Promise<void> {
    this.closed = true;
    await this.release();
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: leaseConnectionString(this.databaseUrl),
      keepAlive: true,
      query_timeout: QUERY_TIMEOUT_MS,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      application_name: 'siramatik webhook lease',
    });
    // Without an 'error' listener a dropped connection would crash the process.
    client.on('error', () => this.drop(client));
    client.on('end', () => this.drop(client));
    try {
      await client.connect();
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    return client;
  }

  /** The connection is gone or unusable: so is the lease, and the next acquire reconnects. */
  private drop(client: pg.Client | null): void {
    if (!client || this.client !== client) return;
    this.client = null;
    if (this.holding) this.log('Webhook lease: lost with its PostgreSQL connection.');
    this.holding = false;
    void client.end().catch(() => undefined);
  }

  private serially<T>(op: () => Promise<T>): Promise<T> {
    const done = this.tail.then(op);
    this.tail = done.catch(() => undefined);
    return done;
  }
}
