// A ZIP reader for tests, written from the format (APPNOTE 6.3) rather than shared with the
// writer: it finds the end records (ZIP64 ones too), walks the central directory, inflates each
// entry and checks it against its CRC, sizes, local header and data descriptor.
import zlib from 'node:zlib';

export interface ZipEntry {
  name: string;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
  /** Whether the central directory entry carried a ZIP64 extra field. */
  zip64: boolean;
  /** Size of the data descriptor after the data (0 if none): 16, or 24 with 64-bit sizes. */
  descriptorSize: number;
  data: Buffer;
}

export interface ZipContents {
  entries: ZipEntry[];
  /** Whether a ZIP64 end of central directory record and locator were there. */
  zip64End: boolean;
}

const U16 = 0xffff;
const U32 = 0xffffffff;

function fail(msg: string): never {
  throw new Error(`zip: ${msg}`);
}

/**
 * Reads every entry of `zip`; throws on any inconsistency. A data descriptor has 64-bit sizes
 * when either size reaches `zip64From` (4 GiB − 1, as Go's and Java's readers assume, unless the
 * writer was told a lower threshold).
 */
export function readZip(zip: Buffer, zip64From = U32): ZipContents {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > zip.length) fail('no end of central directory');
  let count = zip.readUInt16LE(eocd + 10);
  let cdSize = zip.readUInt32LE(eocd + 12);
  let cdStart = zip.readUInt32LE(eocd + 16);
  let zip64End = false;
  if (count === U16 || cdSize === U32 || cdStart === U32) {
    const locator = eocd - 20;
    if (zip.readUInt32LE(locator) !== 0x07064b50) fail('no ZIP64 locator');
    const at = Number(zip.readBigUInt64LE(locator + 8));
    if (zip.readUInt32LE(at) !== 0x06064b50) fail('no ZIP64 end record where the locator says');
    count = Number(zip.readBigUInt64LE(at + 32));
    cdSize = Number(zip.readBigUInt64LE(at + 40));
    cdStart = Number(zip.readBigUInt64LE(at + 48));
    zip64End = true;
  }
  const entries: ZipEntry[] = [];
  let p = cdStart;
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) fail(`no central header ${i}`);
    const flags = zip.readUInt16LE(p + 8);
    if (zip.readUInt16LE(p + 10) !== 8) fail('not deflated');
    const crc = zip.readUInt32LE(p + 16);
    let compressedSize = zip.readUInt32LE(p + 20);
    let size = zip.readUInt32LE(p + 24);
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    let offset = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLength);
    const extra = zip.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength);
    let zip64 = false;
    for (let e = 0; e < extra.length; e += 4 + extra.readUInt16LE(e + 2)) {
      if (extra.readUInt16LE(e) !== 0x0001) continue;
      zip64 = true;
      let q = e + 4;
      const next = () => Number(extra.readBigUInt64LE((q += 8) - 8));
      if (size === U32) size = next();
      if (compressedSize === U32) compressedSize = next();
      if (offset === U32) offset = next();
      if (q !== e + 4 + extra.readUInt16LE(e + 2)) fail(`${name}: ZIP64 extra of the wrong size`);
    }
    if ([size, compressedSize, offset].includes(U32)) fail(`${name}: no ZIP64 extra`);
    p += 46 + nameLength + extraLength + commentLength;

    if (zip.readUInt32LE(offset) !== 0x04034b50) fail(`${name}: no local header`);
    const localName = zip.toString(
      'utf8',
      offset + 30,
      offset + 30 + zip.readUInt16LE(offset + 26),
    );
    if (localName !== name) fail(`${name}: local header names ${localName}`);
    if (zip.readUInt16LE(offset + 6) !== flags) fail(`${name}: flags differ`);
    const dataStart = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
    const packed = zip.subarray(dataStart, dataStart + compressedSize);
    const data = zlib.inflateRawSync(packed);
    if (data.length !== size) fail(`${name}: ${data.length} bytes, directory says ${size}`);
    if (gzipCrc(data) !== crc) fail(`${name}: CRC mismatch`);
    let descriptorSize = 0;
    if (flags & 0x0008) {
      const d = dataStart + compressedSize;
      if (zip.readUInt32LE(d) !== 0x08074b50) fail(`${name}: no data descriptor`);
      if (zip.readUInt32LE(d + 4) !== crc) fail(`${name}: descriptor CRC differs`);
      const wide = size >= zip64From || compressedSize >= zip64From;
      const sizes = wide
        ? [Number(zip.readBigUInt64LE(d + 8)), Number(zip.readBigUInt64LE(d + 16))]
        : [zip.readUInt32LE(d + 8), zip.readUInt32LE(d + 12)];
      if (sizes[0] !== compressedSize || sizes[1] !== size) fail(`${name}: descriptor sizes`);
      descriptorSize = wide ? 24 : 16;
    } else if (zip.readUInt32LE(offset + 14) !== crc) {
      fail(`${name}: local header CRC differs`);
    }
    entries.push({ name, flags, crc, compressedSize, size, offset, zip64, descriptorSize, data });
  }
  if (p !== cdStart + cdSize) fail('central directory size differs');
  return { entries, zip64End };
}

/**
 * CRC-32 of `data` as a gzip trailer carries it, so the check does not call the `zlib.crc32`
 * the writer sums with.
 */
function gzipCrc(data: Buffer): number {
  const gz = zlib.gzipSync(data, { level: 0 });
  return gz.readUInt32LE(gz.length - 8);
}
