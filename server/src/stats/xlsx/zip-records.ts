// The ZIP records around the data (APPNOTE 6.3.10, sections 4.3 and 4.5), as plain functions
// of an entry: local header, data descriptor, central directory header and the end records.

const U16 = 0xffff;
export const U32 = 0xffffffff;
/** General purpose bit 3: the CRC and sizes follow the data, in a data descriptor. */
export const STREAMED = 0x0008;
const UTF8_NAME = 0x0800; // bit 11
const DEFLATE = 8;
const VERSION = 20; // 2.0: deflate
const VERSION_ZIP64 = 45;

/** An entry of the archive as the central directory will describe it. */
export interface ZipEntry {
  name: Buffer;
  flags: number;
  crc: number;
  compressed: number;
  size: number;
  /** Where its local header starts. */
  offset: number;
}

/** DOS date and time fields of a `Date` whose UTC fields read the local wall time. */
export interface DosTime {
  time: number;
  date: number;
}

export function dosTime(wall: Date): DosTime {
  const year = Math.min(Math.max(wall.getUTCFullYear(), 1980), 2107);
  return {
    time: (wall.getUTCHours() << 11) | (wall.getUTCMinutes() << 5) | (wall.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((wall.getUTCMonth() + 1) << 5) | wall.getUTCDate(),
  };
}

export function newEntry(name: string, flags: number, offset: number): ZipEntry {
  const bytes = Buffer.from(name, 'utf8');
  const ascii = bytes.length === name.length;
  return {
    name: bytes,
    flags: flags | (ascii ? 0 : UTF8_NAME),
    crc: 0,
    compressed: 0,
    size: 0,
    offset,
  };
}

/**
 * The local header. A streamed entry's has zero CRC and sizes (bit 3); a known one that
 * reaches `zip64From` puts its sizes in a ZIP64 extra field.
 */
export function localHeader(e: ZipEntry, when: DosTime, zip64From: number): Buffer {
  const streamed = (e.flags & STREAMED) !== 0;
  const zip64 = !streamed && (e.size >= zip64From || e.compressed >= zip64From);
  const extra = zip64 ? zip64Extra([e.size, e.compressed]) : Buffer.alloc(0);
  const h = Buffer.alloc(30 + e.name.length + extra.length);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(zip64 ? VERSION_ZIP64 : VERSION, 4);
  h.writeUInt16LE(e.flags, 6);
  h.writeUInt16LE(DEFLATE, 8);
  h.writeUInt16LE(when.time, 10);
  h.writeUInt16LE(when.date, 12);
  if (!streamed) {
    h.writeUInt32LE(e.crc, 14);
    h.writeUInt32LE(zip64 ? U32 : e.compressed, 18);
    h.writeUInt32LE(zip64 ? U32 : e.size, 22);
  }
  h.writeUInt16LE(e.name.length, 26);
  h.writeUInt16LE(extra.length, 28);
  e.name.copy(h, 30);
  extra.copy(h, 30 + e.name.length);
  return h;
}

/**
 * The data descriptor after a streamed entry, with 64-bit sizes only if either size needs
 * them: its local header cannot say in advance, so readers go by the sizes, as Go's and Java's
 * writers and readers do.
 */
export function dataDescriptor(e: ZipEntry, zip64From: number): Buffer {
  const zip64 = e.size >= zip64From || e.compressed >= zip64From;
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

/** The central directory header; the fields that overflow go to a ZIP64 extra field. */
export function centralHeader(e: ZipEntry, when: DosTime, zip64From: number): Buffer {
  const big = [e.size, e.compressed, e.offset].map((n) => n >= zip64From);
  // Only the overflowing values, in the order the format fixes.
  const extra = zip64Extra([e.size, e.compressed, e.offset].filter((_, i) => big[i]));
  const zip64 = big.some(Boolean);
  const h = Buffer.alloc(46 + e.name.length + extra.length);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(VERSION_ZIP64, 4); // made by: 4.5, MS-DOS attributes
  h.writeUInt16LE(zip64 ? VERSION_ZIP64 : VERSION, 6);
  h.writeUInt16LE(e.flags, 8);
  h.writeUInt16LE(DEFLATE, 10);
  h.writeUInt16LE(when.time, 12);
  h.writeUInt16LE(when.date, 14);
  h.writeUInt32LE(e.crc, 16);
  h.writeUInt32LE(big[1] ? U32 : e.compressed, 20);
  h.writeUInt32LE(big[0] ? U32 : e.size, 24);
  h.writeUInt16LE(e.name.length, 28);
  h.writeUInt16LE(extra.length, 30);
  // Comment length, disk, internal and external attributes: 0.
  h.writeUInt32LE(big[2] ? U32 : e.offset, 42);
  e.name.copy(h, 46);
  extra.copy(h, 46 + e.name.length);
  return h;
}

/**
 * The end of the archive for a central directory of `count` entries, `size` bytes from
 * `start`, ending at `at`: the end record, after a ZIP64 end record and locator if a count,
 * size or offset does not fit it (its fields then say so with all ones).
 */
export function endRecords(
  count: number,
  start: number,
  size: number,
  at: number,
  zip64From: number,
): Buffer {
  const zip64 = count >= U16 || start >= zip64From || size >= zip64From;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  // This disk, the directory's disk: 0.
  end.writeUInt16LE(zip64 ? U16 : count, 8);
  end.writeUInt16LE(zip64 ? U16 : count, 10);
  end.writeUInt32LE(zip64 ? U32 : size, 12);
  end.writeUInt32LE(zip64 ? U32 : start, 16);
  if (!zip64) return end;

  const z = Buffer.alloc(56 + 20);
  z.writeUInt32LE(0x06064b50, 0);
  z.writeBigUInt64LE(44n, 4); // size of the rest of the record
  z.writeUInt16LE(VERSION_ZIP64, 12);
  z.writeUInt16LE(VERSION_ZIP64, 14);
  // This disk, the directory's disk: 0.
  z.writeBigUInt64LE(BigInt(count), 24);
  z.writeBigUInt64LE(BigInt(count), 32);
  z.writeBigUInt64LE(BigInt(size), 40);
  z.writeBigUInt64LE(BigInt(start), 48);
  // The locator: on disk 0, the ZIP64 end record at `at`, one disk in all.
  z.writeUInt32LE(0x07064b50, 56);
  z.writeBigUInt64LE(BigInt(at), 64);
  z.writeUInt32LE(1, 72);
  return Buffer.concat([z, end]);
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
