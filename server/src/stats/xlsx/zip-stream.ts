import type { Writable } from 'node:stream';
import zlib from 'node:zlib';
import { drained, ExportAborted } from '../stream-sink.js';
import type { ByteSink } from './xml-bytes.js';
import {
  centralHeader,
  dataDescriptor,
  dosTime,
  endRecords,
  localHeader,
  newEntry,
  STREAMED,
  U32,
  type DosTime,
  type ZipEntry,
} from './zip-records.js';

export interface ZipOptions {
  /** zlib level for every entry. */
  level: number;
  /** Entry times, as a `Date` whose UTC fields read the local wall time (DOS times are local). */
  modified: Date;
  /**
   * Sizes, offsets and counts from this value on are written as ZIP64. The format's own limit
   * (4 GiB − 1) unless a test lowers it to check the ZIP64 records without writing 4 GiB.
   */
  zip64From?: number;
}

/**
 * A ZIP archive written front to back onto `out`, which is never sought: small files at once
 * (`addFile`), a large one as a stream of chunks (`openEntry`) whose CRC and sizes follow its
 * data (bit 3). The central directory is written by `finish`, with ZIP64 records where a size,
 * an offset or the entry count passes the 32-/16-bit fields, as Go's and Java's writers do.
 */
export class ZipWriter {
  private offset = 0;
  private readonly entries: ZipEntry[] = [];
  private readonly zip64From: number;
  private readonly when: DosTime;
  private open: ZipEntryStream | undefined;

  constructor(
    private readonly out: Writable,
    private readonly options: ZipOptions,
  ) {
    this.zip64From = options.zip64From ?? U32;
    this.when = dosTime(options.modified);
  }

  /** A whole file, deflated in one go: for the small parts. */
  async addFile(name: string, content: string): Promise<void> {
    this.assertIdle();
    const data = Buffer.from(content, 'utf8');
    const packed = zlib.deflateRawSync(data, { level: this.options.level });
    const entry = this.add(name, 0);
    entry.crc = zlib.crc32(data);
    entry.size = data.length;
    entry.compressed = packed.length;
    this.emit(localHeader(entry, this.when, this.zip64From));
    this.emit(packed);
    await drained(this.out);
  }

  /** A file written in chunks; end it (`ZipEntryStream.end`) before the next one. */
  openEntry(name: string): ZipEntryStream {
    this.assertIdle();
    const entry = this.add(name, STREAMED);
    this.emit(localHeader(entry, this.when, this.zip64From));
    this.open = new ZipEntryStream(this.out, entry, this.options.level, {
      emit: (chunk) => this.emit(chunk),
      descriptor: () => dataDescriptor(entry, this.zip64From),
    });
    return this.open;
  }

  /** Writes the central directory, ends `out` and resolves once it has flushed. */
  async finish(): Promise<void> {
    this.assertIdle();
    const start = this.offset;
    for (const e of this.entries) this.emit(centralHeader(e, this.when, this.zip64From));
    const size = this.offset - start;
    this.emit(endRecords(this.entries.length, start, size, this.offset, this.zip64From));
    await new Promise<void>((resolve, reject) =>
      this.out.end((err?: Error | null) => (err ? reject(err) : resolve())),
    );
  }

  /** Stops an entry still being deflated (the export failed or was aborted). */
  destroy(): void {
    this.open?.destroy();
  }

  private assertIdle(): void {
    if (this.open && !this.open.ended) throw new Error('A ZIP entry is still open.');
  }

  private add(name: string, flags: number): ZipEntry {
    const entry = newEntry(name, flags, this.offset);
    this.entries.push(entry);
    return entry;
  }

  private emit(chunk: Buffer): void {
    if (this.out.destroyed) throw new ExportAborted();
    this.out.write(chunk);
    this.offset += chunk.length;
  }
}

interface EntryOutput {
  emit: (chunk: Buffer) => void;
  descriptor: () => Buffer;
}

/**
 * One entry's data: each chunk is counted, CRC'd and handed to a raw deflate stream, whose
 * output goes to `out` as it comes. zlib runs on the thread pool, so deflating overlaps with
 * building the next rows; `settle` waits for both it and `out`, which keeps memory flat.
 */
export class ZipEntryStream implements ByteSink {
  ended = false;
  private readonly deflate: zlib.DeflateRaw;
  private failure: Error | undefined;
  /** A client that goes away must also stop a deflate that `settle` waits for. */
  private readonly onOutClose = () => this.deflate.destroy();

  constructor(
    private readonly out: Writable,
    private readonly entry: ZipEntry,
    level: number,
    private readonly output: EntryOutput,
  ) {
    this.deflate = zlib.createDeflateRaw({ level, chunkSize: 64 * 1024 });
    this.deflate.on('data', (chunk: Buffer) => {
      if (out.destroyed) return void this.deflate.destroy();
      this.entry.compressed += chunk.length;
      output.emit(chunk);
    });
    this.deflate.on('error', (err) => (this.failure = err));
    out.once('close', this.onOutClose);
  }

  /** Adds `data` to the entry; `done` once the deflate stream has read it. */
  write(data: Buffer, done: () => void = () => undefined): void {
    if (this.deflate.destroyed) throw this.failure ?? new ExportAborted();
    this.entry.crc = zlib.crc32(data, this.entry.crc);
    this.entry.size += data.length;
    this.deflate.write(data, done);
  }

  /** Resolves once the deflate stream and `out` want more; rejects if `out` went away. */
  async settle(): Promise<void> {
    if (this.deflate.destroyed) throw this.failure ?? new ExportAborted();
    await drained(this.deflate).catch((err: unknown) => {
      throw this.failure ?? err;
    });
    await drained(this.out);
  }

  /** Flushes the deflate stream and writes the data descriptor. */
  async end(): Promise<void> {
    if (this.deflate.destroyed) throw this.failure ?? new ExportAborted();
    await new Promise<void>((resolve, reject) => {
      this.deflate.once('end', resolve);
      this.deflate.once('close', () => reject(this.failure ?? new ExportAborted()));
      this.deflate.end();
    });
    this.out.off('close', this.onOutClose);
    this.ended = true;
    this.output.emit(this.output.descriptor());
  }

  destroy(): void {
    this.out.off('close', this.onOutClose);
    this.deflate.destroy();
  }
}
