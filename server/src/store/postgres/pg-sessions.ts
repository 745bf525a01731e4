import type { Pool } from 'pg';
import type { SessionRecord } from '../../config/config-data.js';
import type { SessionStore } from '../store.js';
import type { PgNotifier } from './pg-notifier.js';

interface SessionRow {
  id_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

const fromRow = (r: SessionRow): SessionRecord => ({
  idHash: r.id_hash,
  userId: r.user_id,
  createdAt: Number(r.created_at),
  expiresAt: Number(r.expires_at),
});

/**
 * Sessions in the `sessions` table, shared by every server. `get()` is synchronous (it runs on
 * every request), so each server keeps all live sessions in memory: loaded at start, changed by
 * its own writes and by the other servers' notices, reloaded after notices were lost.
 */
export class PgSessions implements SessionStore {
  private byIdHash = new Map<string, SessionRecord>();
  private following: Promise<void> = Promise.resolve();

  private constructor(
    private readonly pool: Pool,
    private readonly notifier: PgNotifier,
    private readonly log: (msg: string) => void,
    private readonly now: () => number,
  ) {
    notifier.onNotice((notice) => {
      if (notice.k === 'session') this.follow('id_hash', notice.idHash);
      else if (notice.k === 'user-sessions') this.follow('user_id', notice.userId);
    });
    notifier.onResync(() => {
      this.reload().catch((err: Error) => this.log(`session reload failed: ${err.message}`));
    });
  }

  /** Drops the sessions that expired while no server ran, and loads the rest. */
  static async open(
    pool: Pool,
    notifier: PgNotifier,
    log: (msg: string) => void,
    now: () => number,
  ): Promise<PgSessions> {
    const sessions = new PgSessions(pool, notifier, log, now);
    await pool.query('DELETE FROM sessions WHERE expires_at <= $1', [now()]);
    await sessions.reload();
    return sessions;
  }

  get(idHash: string): SessionRecord | undefined {
    const session = this.byIdHash.get(idHash);
    return session && session.expiresAt > this.now() ? session : undefined;
  }

  async put(session: SessionRecord): Promise<void> {
    const copy = { ...session };
    const t = this.now();
    await this.pool.query(
      `WITH put AS (
         INSERT INTO sessions (id_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id_hash) DO UPDATE
           SET user_id = EXCLUDED.user_id, created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
       ), expired AS (DELETE FROM sessions WHERE expires_at <= $5 AND id_hash <> $1)
       SELECT pg_notify($6, $7)`,
      [
        copy.idHash,
        copy.userId,
        copy.createdAt,
        copy.expiresAt,
        t,
        this.notifier.channel,
        this.notifier.payload({ k: 'session', idHash: copy.idHash }),
      ],
    );
    this.byIdHash.set(copy.idHash, copy);
    for (const [id, s] of this.byIdHash) if (s.expiresAt <= t) this.byIdHash.delete(id);
  }

  async delete(idHash: string): Promise<void> {
    await this.pool.query(
      'WITH gone AS (DELETE FROM sessions WHERE id_hash = $1) SELECT pg_notify($2, $3)',
      [idHash, this.notifier.channel, this.notifier.payload({ k: 'session', idHash })],
    );
    this.byIdHash.delete(idHash);
  }

  async deleteForUser(userId: string, exceptIdHash?: string): Promise<void> {
    // One statement: the kept session is never absent, here or on the other servers.
    await this.pool.query(
      `WITH gone AS (
         DELETE FROM sessions WHERE user_id = $1 AND ($2::text IS NULL OR id_hash <> $2)
       ) SELECT pg_notify($3, $4)`,
      [
        userId,
        exceptIdHash ?? null,
        this.notifier.channel,
        this.notifier.payload({ k: 'user-sessions', userId }),
      ],
    );
    this.forgetUser(userId, exceptIdHash);
  }

  private forgetUser(userId: string, exceptIdHash?: string): void {
    for (const [id, s] of this.byIdHash)
      if (s.userId === userId && id !== exceptIdHash) this.byIdHash.delete(id);
  }

  /**
   * Another server changed the sessions with this id or of this user: read them again. One
   * read at a time, so an older answer never lands after a newer one.
   */
  private follow(column: 'id_hash' | 'user_id', value: string): void {
    this.following = this.following
      .then(() =>
        this.pool.query<SessionRow>(
          `SELECT id_hash, user_id, created_at, expires_at FROM sessions WHERE ${column} = $1`,
          [value],
        ),
      )
      .then(({ rows }) => {
        if (column === 'id_hash') this.byIdHash.delete(value);
        else this.forgetUser(value);
        for (const r of rows) this.byIdHash.set(r.id_hash, fromRow(r));
      })
      .catch((err: Error) => this.log(`session refresh failed: ${err.message}`));
  }

  private async reload(): Promise<void> {
    const { rows } = await this.pool.query<SessionRow>(
      'SELECT id_hash, user_id, created_at, expires_at FROM sessions WHERE expires_at > $1',
      [this.now()],
    );
    this.byIdHash = new Map(rows.map((r) => [r.id_hash, fromRow(r)]));
  }
}
