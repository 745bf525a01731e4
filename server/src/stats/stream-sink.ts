import type { Writable } from 'node:stream';

/** The client went away during an export; stop reading history. */
export class ExportAborted extends Error {
  constructor() {
    super('The export was aborted: the response stream closed.');
  }
}

/**
 * True while a stream's buffer is over its mark. Also for the `readable-stream` 3 copies inside
 * exceljs's zip writer, which predate `writableNeedDrain` but keep the same state.
 */
function needsDrain(out: Writable): boolean {
  const legacy = (out as unknown as { _writableState?: { needDrain?: boolean } })._writableState;
  return out.writableNeedDrain ?? legacy?.needDrain ?? false;
}

/** Resolves once `out` can take more, so an export never runs ahead of a slow client. */
export function drained(out: Writable): Promise<void> {
  if (out.destroyed || out.writableEnded) return Promise.reject(new ExportAborted());
  if (!needsDrain(out)) return Promise.resolve();
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

const CHUNK_CHARS = 64 * 1024;

/** Text written to a stream in chunks of about 64 KB, waiting for drain between batches. */
export class TextSink {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly out: Writable) {}

  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= CHUNK_CHARS) this.flush();
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
    if (this.out.destroyed) throw new ExportAborted();
    this.out.write(this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}
