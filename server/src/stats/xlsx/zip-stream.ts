import type { Writable } from 'node:stream';
import zlib from 'node:zlib';
import { drained, ExportAborted } from '../stream-sink.js';
import { crc32 } from './crc32.js';

const U16 = 0xffff;
const U32 = 0xffffffff;
const STREAMED = 0x0008; // general purpose bit 3: CRC and sizes follow the data
const UTF8_NAME = 0x0800; // general purpose bit 11
const DEFLATE = 8;
const VERSION = 20; // 2.0: deflate
const VERSION_ZIP64 = 45;

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

interface Entry {
  name: Buffer;
  flags: number;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/**
 * A ZIP archive written front to back onto `out`, which is never sought: small files at once
 * (`addFile`), a large one as a stream of chunks (`openEntry`) whose CRC and sizes follow its
 * data (bit 3). The central directory is written by `finish`, with ZIP64 records where a size,
 * an offset or the entry count passes the 32-/16-bit fields, as Go's and Java's writers do.
 */
export class ZipWriter {
  private offset = 0;
  private readonly entries: Entry[] = [];
  private readonly zip64From: number;
  private readonly dosTime: number;
  private readonly dosDate: number;
  private open: ZipEntryStream | undefined;

  constructor(
    private readonly out: Writable,
    private readonly options: ZipOptions,
  ) {
    this.zip64From = options.zip64From ?? U32;
    const m = options.modified;
    const year = Math.min(Math.max(m.getUTCFullYear(), 1980), 2107);
    this.dosTime = (m.getUTCHours() << 11) | (m.getUTCMinutes() << 5) | (m.getUTCSeconds() >> 1);
    this.dosDate = ((year - 1980) << 9) | ((m.getUTCMonth() + 1) << 5) | m.getUTCDate();
  }

  /** A whole file, deflated in one go: for the small parts. */
  async addFile(name: string, content: string): Promise<void> {
    this.assertIdle();
    const data = Buffer.from(content, 'utf8');
    const packed = zlib.deflateRawSync(data, { level: this.options.level });
    const entry = this.entry(name, 0);
    entry.crc = crc32(data);
    entry.size = data.length;
    entry.compressed = packed.length;
    const zip64 = this.isZip64(entry.size) || this.isZip64(entry.compressed);
    const extra = zip64 ? zip64Extra([entry.size, entry.compressed]) : Buffer.alloc(0);
    this.emit(this.localHeader(entry, zip64 ? U32 : entry.size, zip64, extra));
    this.emit(packed);
    await drained(this.out);
  }

  /** A file written in chunks; end it (`ZipEntryStream.end`) before the next one. */
  openEntry(name: string): ZipEntryStream {
    this.assertIdle();
    const entry = this.entry(name, STREAMED);
    this.emit(this.localHeader(entry, 0, false, Buffer.alloc(0)));
    this.open = new ZipEntryStream(this.out, entry, this.options.level, {
      emit: (chunk) => this.emit(chunk),
      descriptor: () => this.descriptor(entry),
    });
    return this.open;
  }

  /** Writes the central directory, ends `out` and resolves once it has flushed. */
  async finish(): Promise<void> {
    this.assertIdle();
    const start = this.offset;
    for (const e of this.entries) this.emit(this.centralHeader(e));
    const size = this.offset - start;
    const count = this.entries.length;
    const zip64 = count >= U16 || this.isZip64(start) || this.isZip64(size);
    if (zip64) this.emit(zip64End(this.offset, count, size, start));
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(zip64 ? U16 : count, 8);
    end.writeUInt16LE(zip64 ? U16 : count, 10);
    end.writeUInt32LE(zip64 ? U32 : size, 12);
    end.writeUInt32LE(zip64 ? U32 : start, 16);
    this.emit(end);
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

  private entry(name: string, flags: number): Entry {
    const bytes = Buffer.from(name, 'utf8');
    const ascii = bytes.length === name.length;
    const entry: Entry = {
      name: bytes,
      flags: flags | (ascii ? 0 : UTF8_NAME),
      crc: 0,
      compressed: 0,
      size: 0,
      offset: this.offset,
    };
    this.entries.push(entry);
    return entry;
  }

  private isZip64(n: number): boolean {
    return n >= this.zip64From;
  }

  private emit(chunk: Buffer): void {
    if (this.out.destroyed) throw new ExportAborted();
    this.out.write(chunk);
    this.offset += chunk.length;
  }

  /** `sizes` is what the 32-bit size fields hold: 0 when streamed, U32 when in the extra. */
  private localHeader(e: Entry, sizes: number, zip64: boolean, extra: Buffer): Buffer {
    const h = Buffer.alloc(30 + e.name.length + extra.length);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(zip64 ? VERSION_ZIP64 : VERSION, 4);
    h.writeUInt16LE(e.flags, 6);
    h.writeUInt16LE(DEFLATE, 8);
    h.writeUInt16LE(this.dosTime, 10);
    h.writeUInt16LE(this.dosDate, 12);
    h.writeUInt32LE(e.flags & STREAMED ? 0 : e.crc, 14);
    h.writeUInt32LE(sizes === U32 ? U32 : e.compressed, 18);
    h.writeUInt32LE(sizes === U32 ? U32 : e.size, 22);
    h.writeUInt16LE(e.name.length, 26);
    h.writeUInt16LE(extra.length, 28);
    e.name.copy(h, 30);
    extra.copy(h, 30 + e.name.length);
    return h;
  }

  /** The data descriptor after a streamed entry: 64-bit sizes if either needs them. */
  private descriptor(e: Entry): Buffer {
    const zip64 = this.isZip64(e.size) || this.isZip64(e.compressed);
    const d = Buffer.alloc(zip64 ? 24 : 16);
    d.writeUInt32LE(0x08074b50, 0);
    d.writeUInt32LE(e.crc, 4);
    if (zip64) {
      d.writeBigUInt64LE(BigInt(e.compressed), 8);
      d.writeBigUInt64LE(BigInt(e.size), 16);
    } else {
      d.writeUInt32LE(e.compressed, 8);
      d.writeUInt32LE(e.size, 12);
    }
    return d;
  }

  private centralHeader(e: Entry): Buffer {
    // Only the fields that overflow go to the ZIP64 extra, in the order the format fixes.
    const big = [e.size, e.compressed, e.offset].map((n) => this.isZip64(n));
    const extra = zip64Extra([e.size, e.compressed, e.offset].filter((_, i) => big[i]));
    const zip64 = big.some(Boolean);
    const h = Buffer.alloc(46 + e.name.length + extra.length);
    h.writeUInt32LE(0x02014b50, 0);
    h.writeUInt16LE(VERSION_ZIP64, 4); // made by: 4.5, MS-DOS attributes
    h.writeUInt16LE(zip64 ? VERSION_ZIP64 : VERSION, 6);
    h.writeUInt16LE(e.flags, 8);
    h.writeUInt16LE(DEFLATE, 10);
    h.writeUInt16LE(this.dosTime, 12);
    h.writeUInt16LE(this.dosDate, 14);
    h.writeUInt32LE(e.crc, 16);
    h.writeUInt32LE(big[1] ? U32 : e.compressed, 20);
    h.writeUInt32LE(big[0] ? U32 : e.size, 24);
    h.writeUInt16LE(e.name.length, 28);
    h.writeUInt16LE(extra.length, 30);
    // comment length, disk, internal and external attributes: 0
    h.writeUInt32LE(big[2] ? U32 : e.offset, 42);
    e.name.copy(h, 46);
    extra.copy(h, 46 + e.name.length);
    return h;
  }
}

/** Bytes handed to the deflate stream at a time; and room past it, so rows rarely spill. */
const CHUNK = 256 * 1024;
const SLACK = 64 * 1024;

interface EntryOutput {
  emit: (chunk: Buffer) => void;
  descriptor: () => Buffer;
}

/**
 * One entry's data: each chunk is counted, CRC'd and handed to a raw deflate stream, whose
 * output goes to `out` as it comes. zlib runs on the thread pool, so deflating overlaps with
 * building the next rows; `settle` waits for both it and `out`, which keeps memory flat.
 */
export class ZipEntryStream {
  ended = false;
  private readonly deflate: zlib.DeflateRaw;
  private failure: Error | undefined;
  private chunk: Buffer = Buffer.allocUnsafe(CHUNK + SLACK);
  private readonly spare: Buffer[] = [];
  private used = 0;
  /** A client that goes away must also stop a deflate that `settle` waits for. */
  private readonly onOutClose = () => this.deflate.destroy();

  constructor(
    private readonly out: Writable,
    private readonly entry: Entry,
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

  /** Appends text; it goes to the deflate stream in chunks of about `CHUNK` bytes. */
  write(text: string): void {
    // Encoding row by row into one buffer: a long concatenated string costs far more to encode.
    if (this.used + text.length * 3 > this.chunk.length) {
      this.flush();
      if (text.length * 3 > this.chunk.length) this.chunk = Buffer.allocUnsafe(text.length * 3);
    }
    this.used += this.chunk.write(text, this.used);
    if (this.used >= CHUNK) this.flush();
  }

  private flush(): void {
    if (this.deflate.destroyed) throw this.failure ?? new ExportAborted();
    if (this.used === 0) return;
    const full = this.chunk;
    const data = full.subarray(0, this.used);
    this.entry.crc = crc32(data, this.entry.crc);
    this.entry.size += data.length;
    // The deflate stream reads `data` later; its buffer is reused once it has. A few buffers
    // go round instead of a new one per chunk, whose external memory would call for full GCs.
    this.deflate.write(data, () => {
      if (full.length === CHUNK + SLACK) this.spare.push(full);
    });
    this.chunk = this.spare.pop() ?? Buffer.allocUnsafe(CHUNK + SLACK);
    this.used = 0;
  }

  /** Resolves once the deflate stream and `out` want more; rejects if `out` went away. */
  async settle(): Promise<void> {
    this.flush();
    await drained(this.deflate).catch((err: unknown) => {
      throw this.failure ?? err;
    });
    await drained(this.out);
  }

  /** Flushes the deflate stream and writes the data descriptor. */
  async end(): Promise<void> {
    this.flush();
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

/** The ZIP64 extended information extra field (0x0001) holding `values` as 64-bit numbers. */
function zip64Extra(values: number[]): Buffer {
  if (values.length === 0) return Buffer.alloc(0);
  const b = Buffer.alloc(4 + 8 * values.length);
  b.writeUInt16LE(0x0001, 0);
  b.writeUInt16LE(8 * values.length, 2);
  values.forEach((v, i) => b.writeBigUInt64LE(BigInt(v), 4 + 8 * i));
  return b;
}

/** The ZIP64 end of central directory record and its locator; `at` is where they start. */
function zip64End(at: number, count: number, size: number, start: number): Buffer {
  const b = Buffer.alloc(56 + 20);
  b.writeUInt32LE(0x06064b50, 0);
  b.writeBigUInt64LE(44n, 4); // size of the rest of the record
  b.writeUInt16LE(VERSION_ZIP64, 12);
  b.writeUInt16LE(VERSION_ZIP64, 14);
  // this disk, the directory's disk: 0
  b.writeBigUInt64LE(BigInt(count), 24);
  b.writeBigUInt64LE(BigInt(count), 32);
  b.writeBigUInt64LE(BigInt(size), 40);
  b.writeBigUInt64LE(BigInt(start), 48);
  b.writeUInt32LE(0x07064b50, 56);
  // the record's disk: 0
  b.writeBigUInt64LE(BigInt(at), 64);
  b.writeUInt32LE(1, 72); // disks in all
  return b;
}
