import type { SessionRecord } from '../../config/config-data.js';
import type { SessionStore } from '../store.js';
import { JsonDocument } from './json-document.js';

interface SessionsData {
  version: 1;
  sessions: SessionRecord[];
}

/** `data/sessions.json`: signed-in staff sessions. Expired sessions are never returned and are dropped on every write. */
export class SessionFile implements SessionStore {
  private indexed: SessionsData | undefined;
  private byIdHash = new Map<string, SessionRecord>();

  private constructor(
    private readonly doc: JsonDocument<SessionsData>,
    private readonly now: () => number,
  ) {}

  /** Opens `file` and drops the sessions that expired while the server was down. */
  static async open(file: string, now: () => number): Promise<SessionFile> {
    const doc = await JsonDocument.open<SessionsData>(file, () => ({ version: 1, sessions: [] }));
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

  deleteForUser(userId: string): Promise<void> {
    return this.change((list) => list.filter((s) => s.userId !== userId));
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
