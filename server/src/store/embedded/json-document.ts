import { Low } from 'lowdb';
import type { DurableFileSystem } from './durable-fs.js';
import { nodeDurableFileSystem } from './durable-fs.js';
import { DurableJsonFile } from './durable-json-adapter.js';
import type { LoadOptions } from './json-recovery.js';
import { loadJsonDocument } from './json-recovery.js';

export interface JsonDocumentOptions<T> extends Omit<LoadOptions<T>, 'makeInitial' | 'fs'> {
  /** File operations of the writes; tests inject failures here. */
  fs?: DurableFileSystem;
}

/**
 * One small JSON file held in memory through lowdb, written durably (`DurableJsonFile`), the
 * previous version kept as `<file>.bak`. Each change is applied to a copy, the whole file is
 * written, and only then does the copy become current. Changes run one at a time, in the
 * order they were asked for.
 */
export class JsonDocument<T> {
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly file: string,
    private readonly db: Low<T>,
    private value: T,
  ) {}

  /**
   * Reads `file`, or its backup when it is damaged (see `loadJsonDocument`); when neither
   * exists, writes `makeInitial()` to it first.
   */
  static async open<T>(
    file: string,
    makeInitial: () => T,
    opts: JsonDocumentOptions<T>,
  ): Promise<JsonDocument<T>> {
    const fs = opts.fs ?? nodeDurableFileSystem;
    const { value, mustWrite } = await loadJsonDocument(file, { ...opts, makeInitial, fs });
    const db = new Low<T>(new DurableJsonFile<T>(file, fs), value);
    if (mustWrite) await db.write();
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
