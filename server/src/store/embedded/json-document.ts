import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';

/**
 * One small JSON file held in memory through lowdb. Each change is applied to a copy, the
 * whole file is written, and only then does the copy become current. Changes run one at a
 * time, in the order they were asked for.
 */
export class JsonDocument<T> {
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly file: string,
    private readonly db: Low<T>,
    private value: T,
  ) {}

  /** Reads `file`; when it does not exist, writes `makeInitial()` to it first. */
  static async open<T>(file: string, makeInitial: () => T): Promise<JsonDocument<T>> {
    // Not JSONFilePreset: under NODE_ENV=test it silently keeps the data in memory.
    const adapter = new JSONFile<T>(file);
    let stored: T | null;
    try {
      stored = await adapter.read();
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new Error(`Cannot read ${file}: ${reason}. Fix or restore the file.`, { cause: err });
    }
    const value = stored ?? makeInitial();
    const db = new Low<T>(adapter, value);
    if (stored === null) await db.write();
    return new JsonDocument(file, db, value);
  }

  /** The current content. Callers must not mutate it. */
  get current(): T {
    return this.value;
  }

  /** Applies `mutate` to a copy, writes it, then makes it current; rejects without change on failure. */
  update(mutate: (draft: T) => void): Promise<T> {
    if (this.closed) return Promise.reject(new Error(`${this.file} is closed.`));
    const run = this.queue.then(() => this.apply(mutate));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Waits for the changes already asked for, then refuses new ones. */
  async close(): Promise<void> {
    this.closed = true;
    await this.queue;
  }

  private async apply(mutate: (draft: T) => void): Promise<T> {
    const draft = structuredClone(this.value);
    mutate(draft);
    this.db.data = draft;
    try {
      await this.db.write();
    } catch (err) {
      this.db.data = this.value;
      throw err;
    }
    this.value = draft;
    return draft;
  }
}
