import { randomUUID } from 'node:crypto';
import pg from 'pg';

/**
 * What one server tells the others through NOTIFY; `o` is the sender, to skip its own. A
 * notice only says where to look: any role that may connect can NOTIFY, so the receiver reads
 * the data itself from the tables, never from the notice.
 */
export type Notice =
  | { k: 'journal'; o: string; hallId: string; day: string; rev: number }
  | { k: 'bookings'; o: string; hallId: string; rev: number }
  | { k: 'config'; o: string; version: number }
  | { k: 'session'; o: string; idHash: string }
  | { k: 'user-sessions'; o: string; userId: string };

/** A notice without its sender: the store fills that in. */
export type NoticeBody = WithoutSender<Notice>;
type WithoutSender<N> = N extends unknown ? Omit<N, 'o'> : never;

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 5_000;

/**
 * One dedicated connection that LISTENs on the store's channel and hands every other server's
 * notices to the handlers. If the connection drops it reconnects with backoff and then runs
 * the resync callbacks, since notices sent meanwhile are lost.
 */
export class PgNotifier {
  /** This store instance, as named in the notices it sends. */
  readonly origin = randomUUID();
  private client: pg.Client | null = null;
  private closed = false;
  private retryMs = RETRY_MIN_MS;
  private retryTimer: NodeJS.Timeout | undefined;
  private readonly handlers = new Set<(notice: Notice) => void>();
  private readonly resyncs = new Set<() => void>();

  private constructor(
    private readonly connectionString: string,
    readonly channel: string,
    private readonly log: (msg: string) => void,
  ) {}

  /** Connects and LISTENs; rejects if the first connection fails. */
  static async open(
    connectionString: string,
    channel: string,
    log: (msg: string) => void,
  ): Promise<PgNotifier> {
    const notifier = new PgNotifier(connectionString, channel, log);
    await notifier.connect();
    return notifier;
  }

  /** The JSON text of a notice from this server. */
  payload(body: NoticeBody): string {
    return JSON.stringify({ ...body, o: this.origin });
  }

  onNotice(handler: (notice: Notice) => void): void {
    this.handlers.add(handler);
  }

  onResync(resync: () => void): void {
    this.resyncs.add(resync);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString, keepAlive: true });
    client.on('notification', (msg) => this.dispatch(msg.payload));
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${client.escapeIdentifier(this.channel)}`);
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    if (this.closed) await client.end().catch(() => undefined);
    else this.client = client;
  }

  private dispatch(payload: string | undefined): void {
    let notice: Notice;
    try {
      notice = JSON.parse(payload ?? '') as Notice;
    } catch {
      return;
    }
    if (notice.o === this.origin) return;
    for (const handler of this.handlers) handler(notice);
  }

  private lost(client: pg.Client, err: Error): void {
    if (this.closed || this.client !== client) return;
    this.client = null;
    this.log(`PostgreSQL notifications lost (${err.message}); reconnecting`);
    client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    this.retryTimer = setTimeout(() => {
      if (this.closed) return;
      this.connect().then(
        () => {
          this.retryMs = RETRY_MIN_MS;
          this.log('PostgreSQL notifications restored; resynchronising');
          for (const resync of this.resyncs) resync();
        },
        () => {
          this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
          this.scheduleReconnect();
        },
      );
    }, this.retryMs);
    this.retryTimer.unref();
  }
}
