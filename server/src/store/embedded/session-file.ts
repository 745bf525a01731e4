import type { SessionRecord } from '../../config/config-data.js';
import type { SessionStore } from '../store.js';
import type { DurableFileSystem } from './durable-fs.js';
import { JsonDocument } from './json-document.js';

interface SessionsData {
  version: 1;
  sessions: SessionRecord[];
}

export interface SessionFileOptions {
  now: () => number;
  log: (msg: string) => void;
  /** File operations of the writes; tests inject failures here. */
  fs?: DurableFileSystem;
}

/** Why `value` cannot be a `sessions.json`, or undefined. */
function checkSessionsShape(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'not an object';
  const data = value as Record<string, unknown>;
  if (data.version !== 1) return `version ${JSON.stringify(data.version)}, expected 1`;
  return Array.isArray(data.sessions) ? undefined : 'no list of sessions';
}

/** `data/sessions.json`: signed-in staff sessions. Expired sessions are never returned and are dropped on every write. */
export class SessionFile implements SessionStore {
  private indexed: SessionsData | undefined;
  private byIdHash = new Map<string, SessionRecord>();

  private constructor(
    private readonly doc: JsonDocument<SessionsData>,
    private readonly now: () => number,
  ) {}

  /**
   * Opens `file` and drops the sessions that expired while the server was down. A damaged
   * file is kept aside and the server starts with no sessions (everyone signs in again):
   * unlike the configuration, nothing is lost for good. `sessions.json.bak` is never restored:
   * the version before the last change would bring back a session that a sign-out, a password
   * change or a deactivation had just ended.
   */
  static async open(file: string, opts: SessionFileOptions): Promise<SessionFile> {
    const { now } = opts;
    const doc = await JsonDocument.open<SessionsData>(file, () => ({ version: 1, sessions: [] }), {
      check: checkSessionsShape,
      whenUnreadable: 'start-afresh',
      // The version before the last change may hold sessions it ended.
      restoreFromBackup: false,
      afreshMeans: 'no one is signed in, everyone signs in again',
      log: opts.log,
      fs: opts.fs,
    });
    const store = new SessionFile(doc, now);
    const t = now();
    if (doc.current.sessions.some((s) => s.expiresAt <= t)) await store.change((list) => list);
    return store;
  }

  get(idHash: string): SessionRecord | undefined {
    if (this.indexed !== this.doc.current) {
      this.indexed = this.doc.current;
      this.byIdHash = new Map(this.indexed.sessions.map((s) => [s.idHash, s]));
    }
    const session = this.byIdHash.get(idHash);
    return session && session.expiresAt > this.now() ? session : undefined;
  }

  put(session: SessionRecord): Promise<void> {
    const copy = { ...session };
    return this.change((list) => [...list.filter((s) => s.idHash !== copy.idHash), copy]);
  }

  delete(idHash: string): Promise<void> {
    return this.change((list) => list.filter((s) => s.idHash !== idHash));
  }

  deleteForUser(userId: string, exceptIdHash?: string): Promise<void> {
    return this.change((list) =>
      list.filter((s) => s.userId !== userId || s.idHash === exceptIdHash),
    );
  }

  close(): Promise<void> {
    return this.doc.close();
  }

  private async change(edit: (list: SessionRecord[]) => SessionRecord[]): Promise<void> {
    await this.doc.update((draft) => {
      const t = this.now();
      draft.sessions = edit(draft.sessions).filter((s) => s.expiresAt > t);
    });
  }
}
