import type { Pool } from 'pg';
import type { ConfigData } from '../../config/config-data.js';
import type { ConfigStore } from '../store.js';
import type { PgNotifier } from './pg-notifier.js';

interface Versioned {
  version: number;
  data: ConfigData;
}

/**
 * The configuration as one versioned JSON document in the `config` row. `read()` serves a
 * cached copy; each update locks the row, applies `mutate` to the stored document, writes it
 * and tells the other servers, whose caches then fetch the new version.
 */
export class PgConfig implements ConfigStore {
  private queue: Promise<unknown> = Promise.resolve();
  private refreshing: Promise<void> | null = null;
  private refreshAgain = false;
  private closed = false;

  private constructor(
    private readonly pool: Pool,
    private readonly notifier: PgNotifier,
    private readonly log: (msg: string) => void,
    private current: Versioned,
  ) {
    notifier.onNotice((notice) => {
      if (notice.k === 'config' && notice.version > this.current.version) this.refresh();
    });
    notifier.onResync(() => this.refresh());
  }

  /** Reads the stored configuration; on an empty database stores `initialConfig()` first. */
  static async open(
    pool: Pool,
    notifier: PgNotifier,
    log: (msg: string) => void,
    initialConfig: () => ConfigData,
  ): Promise<PgConfig> {
    let stored = await fetch(pool);
    if (!stored) {
      await pool.query(
        'INSERT INTO config (id, version, data) VALUES (1, 1, $1::jsonb) ON CONFLICT (id) DO NOTHING',
        [JSON.stringify(initialConfig())],
      );
      stored = (await fetch(pool))!;
    }
    return new PgConfig(pool, notifier, log, stored);
  }

  read(): ConfigData {
    return this.current.data;
  }

  update(mutate: (draft: ConfigData) => void): Promise<ConfigData> {
    if (this.closed) return Promise.reject(new Error('The configuration store is closed.'));
    const run = this.queue.then(() => this.apply(mutate));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Waits for the updates already asked for, then refuses new ones. */
  async close(): Promise<void> {
    this.closed = true;
    await this.queue;
    await this.refreshing;
  }

  private async apply(mutate: (draft: ConfigData) => void): Promise<ConfigData> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ data: ConfigData }>(
        'SELECT data FROM config WHERE id = 1 FOR UPDATE',
      );
      const draft = rows[0]!.data;
      mutate(draft);
      const updated = await client.query<{ version: string }>(
        'UPDATE config SET data = $1::jsonb, version = version + 1, updated_at = now() WHERE id = 1 RETURNING version',
        [JSON.stringify(draft)],
      );
      const version = Number(updated.rows[0]!.version);
      await client.query('SELECT pg_notify($1, $2)', [
        this.notifier.channel,
        this.notifier.payload({ k: 'config', version }),
      ]);
      await client.query('COMMIT');
      this.adopt({ version, data: draft });
      return draft;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  private adopt(next: Versioned): void {
    if (next.version > this.current.version) this.current = next;
  }

  /** Fetches the stored document; notices that arrive meanwhile cause one more fetch. */
  private refresh(): void {
    if (this.refreshing) {
      this.refreshAgain = true;
      return;
    }
    this.refreshing = (async () => {
      do {
        this.refreshAgain = false;
        try {
          const stored = await fetch(this.pool);
          if (stored) this.adopt(stored);
        } catch (err) {
          this.log(`config refresh failed: ${(err as Error).message}`);
        }
      } while (this.refreshAgain && !this.closed);
    })().finally(() => (this.refreshing = null));
  }
}

async function fetch(pool: Pool): Promise<Versioned | undefined> {
  const { rows } = await pool.query<{ version: string; data: ConfigData }>(
    'SELECT version, data FROM config WHERE id = 1',
  );
  const row = rows[0];
  return row && { version: Number(row.version), data: row.data };
}
