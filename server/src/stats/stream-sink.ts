import type { Writable } from 'node:stream';

/** The client went away during an export; stop reading history. */
export class ExportAborted extends Error {
  constructor() {
    super('The export was aborted: the response stream closed.');
  }
}

/** Resolves once `out` can take more, so an export never runs ahead of a slow client. */
export function drained(out: Writable): Promise<void> {
  if (out.destroyed || out.writableEnded) return Promise.reject(new ExportAborted());
  if (!out.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const settle = (err?: Error) => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      if (err) reject(err);
      else resolve();
    };
    const onDrain = () => settle();
    const onClose = () => settle(new ExportAborted());
    out.on('drain', onDrain);
    out.on('close', onClose);
  });
}

const CHUNK_BYTES = 64 * 1024;

/**
 * Text written to a stream in chunks of about 64 KB, waiting for drain between batches. Each
 * piece is encoded into the chunk as it comes: joining a chunk's lines into one string first
 * made V8 flatten it (two bytes a character, as soon as one `ş` is in it) and then encode it,
 * which took a third of a million-row CSV export.
 */
export class TextSink {
  private chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private size = 0;

  constructor(private readonly out: Writable) {}

  write(text: string): void {
    // A UTF-16 unit takes at most 3 bytes in UTF-8 (a surrogate pair, 4 for 2 units).
    if (this.size + text.length * 3 > this.chunk.length) {
      this.flush();
      if (text.length * 3 > this.chunk.length) {
        this.hand(Buffer.from(text, 'utf8'));
        return;
      }
    }
    this.size += this.chunk.write(text, this.size, 'utf8');
  }

  /** Hands the buffer to the stream and waits until the stream wants more. */
  async settle(): Promise<void> {
    this.flush();
    await drained(this.out);
  }

  async end(): Promise<void> {
    this.flush();
    await new Promise<void>((resolve) => this.out.end(resolve));
  }

  private flush(): void {
    if (this.size === 0) return;
    const full = this.chunk.subarray(0, this.size);
    this.chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    this.size = 0;
    this.hand(full);
  }

  private hand(bytes: Buffer): void {
    if (this.out.destroyed) throw new ExportAborted();
    this.out.write(bytes);
  }
}
