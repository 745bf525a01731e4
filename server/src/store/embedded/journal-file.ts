import path from 'node:path';
import { createDirectories, fsyncDirectory } from './durable-fs.js';
import type { JournalFileSystem, JournalHandle } from './journal-fs.js';
import { readJournalBytes, writeFully } from './journal-fs.js';
import { parseJournal } from './journal-parse.js';

/** One durable write of the journal: what `onJournalFlush` reports. */
export interface JournalFlush {
  hallId: string;
  day: string;
  /** `append` calls served by this one write + fdatasync. */
  appends: number;
  events: number;
  bytes: number;
}

export interface JournalFileDeps {
  fs: JournalFileSystem;
  log: (msg: string) => void;
  onFlush: ((flush: JournalFlush) => void) | undefined;
}

interface PendingAppend {
  bytes: Buffer;
  events: number;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * The writer of one hall-day journal file, with group commit: appends that arrive in the
 * same turn of the event loop, or while a flush is running, go out in one write and one
 * fdatasync. A failed flush rejects its appends and cuts the file back to its durable length.
 */
export class JournalFile {
  private handle: JournalHandle | null = null;
  /** Bytes known to be complete lines on disk; undefined until the file is opened. */
  private durableSize: number | undefined;
  /** The file may hold bytes past `durableSize` (a torn tail or a failed write) to cut first. */
  private dirty = false;
  private readonly directoriesToSync = new Set<string>();
  private pending: PendingAppend[] = [];
  private running: Promise<void> | null = null;
  private closed = false;

  constructor(
    readonly hallId: string,
    readonly day: string,
    readonly file: string,
    private readonly deps: JournalFileDeps,
    /** Settles when an earlier writer of the same file has closed. */
    private readonly previous: Promise<void>,
  ) {}

  /** The length of the durable part of the file, once this writer has opened it. */
  get durableLength(): number | undefined {
    return this.durableSize;
  }

  /** Queues `bytes` (whole lines); resolves once they are durable. */
  append(bytes: Buffer, events: number): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`The journal ${this.file} is closed.`));
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ bytes, events, resolve, reject });
      this.running ??= this.flushLoop();
    });
  }

  /** Flushes what is queued, then closes the file. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.running) await this.running;
    const handle = this.handle;
    this.handle = null;
    await handle?.close();
  }

  private async flushLoop(): Promise<void> {
    // Let the rest of this turn's appends join the batch.
    await new Promise<void>((resolve) => setImmediate(resolve));
    for (;;) {
      const batch = this.pending;
      this.pending = [];
      if (batch.length === 0) {
        this.running = null;
        return;
      }
      await this.flush(batch);
    }
  }

  private async flush(batch: PendingAppend[]): Promise<void> {
    const bytes = batch.length === 1 ? batch[0]!.bytes : Buffer.concat(batch.map((a) => a.bytes));
    try {
      const handle = await this.ready();
      this.dirty = true;
      await writeFully(handle, bytes);
      await handle.datasync();
      for (const dir of this.directoriesToSync) {
        await fsyncDirectory(dir);
        this.directoriesToSync.delete(dir);
      }
      this.durableSize = (this.durableSize ?? 0) + bytes.length;
      this.dirty = false;
    } catch (err) {
      this.deps.log(
        `Journal ${this.file}: write failed, ${batch.length} append(s) rejected: ${err}`,
      );
      await this.rollBack();
      for (const append of batch) append.reject(err);
      return;
    }
    const events = batch.reduce((n, a) => n + a.events, 0);
    const flush = { hallId: this.hallId, day: this.day, appends: batch.length, events };
    for (const append of batch) append.resolve();
    try {
      this.deps.onFlush?.({ ...flush, bytes: bytes.length });
    } catch (err) {
      // An observer must not stall the writer: a throw here would leave `running` set forever.
      this.deps.log(`Journal ${this.file}: onJournalFlush failed: ${err}`);
    }
  }

  /** The open handle, with anything past the durable length cut away. */
  private async ready(): Promise<JournalHandle> {
    this.handle ??= await this.open();
    if (this.dirty) {
      await this.handle.truncate(this.durableSize ?? 0);
      this.dirty = false;
    }
    return this.handle;
  }

  private async open(): Promise<JournalHandle> {
    await this.previous;
    const existing = await readJournalBytes(this.file);
    if (existing === null) {
      const dir = path.dirname(this.file);
      for (const changed of await createDirectories(dir)) this.directoriesToSync.add(changed);
      // The new file's own entry: synced after its first data, before the first append resolves.
      this.directoriesToSync.add(dir);
      this.durableSize = 0;
    } else {
      const parsed = parseJournal(existing, this.file);
      this.durableSize = parsed.cleanLength;
      if (parsed.tornTail) {
        this.dirty = true;
        const cut = existing.length - parsed.cleanLength;
        this.deps.log(
          `Journal ${this.file}: cutting a torn last line (${cut} bytes) before appending.`,
        );
      }
    }
    return this.deps.fs.open(this.file, 'a');
  }

  private async rollBack(): Promise<void> {
    if (!this.handle || !this.dirty) return;
    try {
      await this.handle.truncate(this.durableSize ?? 0);
      this.dirty = false;
    } catch (err) {
      // Still dirty: the next flush cuts the file before it writes.
      this.deps.log(`Journal ${this.file}: could not cut back a failed write yet: ${err}`);
    }
  }
}
