import { readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { WebhookLogEntry } from '../../../../contract/webhooks.js';
import { WEBHOOK_LIMITS } from '../../../../contract/webhooks.js';
import type { WebhookDeliveryState, WebhookLease, WebhookStore } from '../store.js';
import { assertEndpointId, checkWebhookState, logReadLimit } from '../webhook-store-rules.js';
import { createDirectories, errorCode, fsyncDirectory, writeFileAtomic } from './durable-fs.js';
import type { JournalFileSystem } from './journal-fs.js';
import { readJournalBytes, writeFully } from './journal-fs.js';

const KEPT = WEBHOOK_LIMITS.logEntries;
const NEWLINE = 0x0a;

export interface WebhookFilesDeps {
  /** The log's appends; tests inject failures here. */
  fs: JournalFileSystem;
  log: (msg: string) => void;
}

interface Endpoint {
  /** Operations on the endpoint's files, one after the other. */
  tail: Promise<unknown>;
  /** The log file's complete lines (bytes, count), once read; undefined: read it again. */
  logFile: { size: number; lines: number } | undefined;
}

/**
 * Webhook delivery state and log as files under `<root>` (`data/webhooks/`):
 * `<endpointId>.json`, the state, replaced atomically and durably at each write, and
 * `<endpointId>.log.jsonl`, the log, one JSON entry per line, appended and fdatasynced. The log
 * keeps the last `WEBHOOK_LIMITS.logEntries` tries: past twice that, it is rewritten atomically
 * with the last ones only. A last line cut by a crash is skipped at reading and cut before the
 * next append. Everything owner-only, like the rest of the data folder.
 */
export class WebhookFiles implements WebhookStore {
  readonly lease = new DataFolderLease();
  private readonly endpoints = new Map<string, Endpoint>();
  private closed = false;

  constructor(
    private readonly root: string,
    private readonly deps: WebhookFilesDeps,
  ) {}

  async readState(endpointId: string): Promise<WebhookDeliveryState | undefined> {
    const file = this.fileOf(endpointId, '.json');
    return this.queue(endpointId, async () => {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (err) {
        if (errorCode(err) === 'ENOENT') return undefined;
        throw err;
      }
      try {
        return JSON.parse(text) as WebhookDeliveryState;
      } catch (err) {
        throw new Error(
          `The webhook state ${file} is damaged (${err instanceof Error ? err.message : err}). ` +
            'Restore it from a backup; deleting it makes the endpoint start again at its creation.',
          { cause: err },
        );
      }
    });
  }

  async writeState(state: WebhookDeliveryState): Promise<void> {
    checkWebhookState(state);
    const file = this.fileOf(state.endpointId, '.json');
    const text = `${JSON.stringify(state)}\n`;
    await this.queue(state.endpointId, () => writeFileAtomic(file, text));
  }

  async appendLog(endpointId: string, entry: WebhookLogEntry): Promise<void> {
    const file = this.fileOf(endpointId, '.log.jsonl');
    const line = Buffer.from(`${JSON.stringify(entry)}\n`, 'utf8');
    await this.queue(endpointId, async (endpoint) => {
      const known = (endpoint.logFile ??= await this.openLog(file));
      endpoint.logFile = undefined; // until this append is durable
      const handle = await this.deps.fs.open(file, 'a');
      try {
        await writeFully(handle, line);
        await handle.datasync();
      } catch (err) {
        // A part of the line may be on disk: cut it, or leave it for the next append to find.
        await handle.truncate(known.size).then(
          () => (endpoint.logFile = known),
          () => undefined,
        );
        throw err;
      } finally {
        await handle.close();
      }
      if (known.size === 0) await fsyncDirectory(path.dirname(file));
      endpoint.logFile = { size: known.size + line.length, lines: known.lines + 1 };
      if (endpoint.logFile.lines > 2 * KEPT) endpoint.logFile = await this.compact(file);
    });
  }

  async readLog(endpointId: string, limit: number): Promise<WebhookLogEntry[]> {
    const file = this.fileOf(endpointId, '.log.jsonl');
    const wanted = logReadLimit(limit);
    return this.queue(endpointId, async () => {
      const bytes = await readJournalBytes(file);
      if (bytes === null || wanted === 0) return [];
      return this.entriesOf(bytes, file).slice(-wanted).reverse();
    });
  }

  async forget(endpointId: string): Promise<void> {
    const files = [this.fileOf(endpointId, '.json'), this.fileOf(endpointId, '.log.jsonl')];
    await this.queue(endpointId, async (endpoint) => {
      endpoint.logFile = undefined;
      let removed = false;
      for (const file of files) {
        try {
          await unlink(file);
          removed = true;
        } catch (err) {
          if (errorCode(err) !== 'ENOENT') throw err;
        }
      }
      if (removed) await fsyncDirectory(this.root);
    });
  }

  /** Waits for what is queued, then refuses more. */
  async close(): Promise<void> {
    this.closed = true;
    this.lease.end();
    await Promise.allSettled([...this.endpoints.values()].map((e) => e.tail));
  }

  private fileOf(endpointId: string, extension: string): string {
    assertEndpointId(endpointId);
    return path.join(this.root, `${endpointId}${extension}`);
  }

  /** Runs `op` after every earlier operation on the endpoint's files has settled. */
  private queue<T>(endpointId: string, op: (endpoint: Endpoint) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('The webhook store is closed.'));
    let endpoint = this.endpoints.get(endpointId);
    if (!endpoint) {
      endpoint = { tail: Promise.resolve(), logFile: undefined };
      this.endpoints.set(endpointId, endpoint);
    }
    const current = endpoint;
    const done = current.tail.then(() => op(current));
    current.tail = done.catch(() => undefined);
    return done;
  }

  /** Reads the log's length, cutting a torn last line; creates its folder when missing. */
  private async openLog(file: string): Promise<{ size: number; lines: number }> {
    const bytes = await readJournalBytes(file);
    if (bytes === null) {
      for (const dir of await createDirectories(path.dirname(file))) await fsyncDirectory(dir);
      return { size: 0, lines: 0 };
    }
    const size = bytes.lastIndexOf(NEWLINE) + 1;
    if (size < bytes.length) {
      this.deps.log(
        `Webhook log ${file}: cutting a torn last line (${bytes.length - size} bytes).`,
      );
      const handle = await this.deps.fs.open(file, 'a');
      try {
        await handle.truncate(size);
      } finally {
        await handle.close();
      }
    }
    let lines = 0;
    for (let i = 0; i < size; i++) if (bytes[i] === NEWLINE) lines++;
    return { size, lines };
  }

  /** Rewrites the log with its last `KEPT` entries. */
  private async compact(file: string): Promise<{ size: number; lines: number }> {
    const bytes = (await readJournalBytes(file)) ?? Buffer.alloc(0);
    const kept = this.entriesOf(bytes, file).slice(-KEPT);
    const text = kept.map((entry) => `${JSON.stringify(entry)}\n`).join('');
    await writeFileAtomic(file, text);
    return { size: Buffer.byteLength(text), lines: kept.length };
  }

  /** The log's entries, oldest first; a torn last line and damaged lines are skipped. */
  private entriesOf(bytes: Buffer, file: string): WebhookLogEntry[] {
    const complete = bytes.toString('utf8', 0, bytes.lastIndexOf(NEWLINE) + 1);
    const entries: WebhookLogEntry[] = [];
    complete.split('\n').forEach((line, i) => {
      if (line === '') return;
      try {
        entries.push(JSON.parse(line) as WebhookLogEntry);
      } catch {
        this.deps.log(`Webhook log ${file}: line ${i + 1} is damaged and skipped.`);
      }
    });
    return entries;
  }
}

/** The data folder is locked to one process (data-folder-lock.ts): it is the deliverer. */
class DataFolderLease implements WebhookLease {
  private holding = false;
  private ended = false;

  get held(): boolean {
    return this.holding;
  }

  acquire(): Promise<boolean> {
    this.holding = !this.ended;
    return Promise.resolve(this.holding);
  }

  release(): Promise<void> {
    this.holding = false;
    return Promise.resolve();
  }

  /** After the store is closed it is never held again. */
  end(): void {
    this.ended = true;
    this.holding = false;
  }
}
