import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ExportAborted } from '../../../server/src/stats/stream-sink.js';
import { ZipWriter } from '../../../server/src/stats/xlsx/zip-stream.js';
import { readZip } from '../../support/zip-entries.js';

const MODIFIED = new Date(Date.UTC(2024, 4, 6, 9, 30, 12));

/** Collects what is written, like a response that keeps up. */
function sink(): { out: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      done();
    },
  });
  return { out, bytes: () => Buffer.concat(chunks) };
}

const dir = mkdtempSync(path.join(tmpdir(), 'siramatik-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `unzip -t` where Info-ZIP is installed: a second, independent reader. */
function unzipTest(zip: Buffer): string | undefined {
  try {
    execFileSync('unzip', ['-v'], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  const file = path.join(dir, `${randomBytes(4).toString('hex')}.zip`);
  writeFileSync(file, zip);
  return execFileSync('unzip', ['-t', file], { encoding: 'utf8' });
}

/** A small file, then a streamed one written in `chunks` pieces, then another small one. */
async function writeSample(chunks: string[], zip64From?: number): Promise<Buffer> {
  const { out, bytes } = sink();
  const zip = new ZipWriter(out, { level: 1, modified: MODIFIED, zip64From });
  await zip.addFile('[Content_Types].xml', '<Types/>');
  const entry = zip.openEntry('xl/worksheets/sheet1.xml');
  for (const c of chunks) {
    entry.write(Buffer.from(c));
    await entry.settle();
  }
  await entry.end();
  await zip.addFile('xl/sharedStrings.xml', '<sst>Şükrü & İğdır</sst>');
  await zip.finish();
  return bytes();
}

const ROWS = Array.from({ length: 3000 }, (_, i) => `<row r="${i}"><c><v>${i * 1.5}</v></c></row>`);

describe('CRC-32', () => {
  // The writer sums with zlib.crc32 (Node ≥ 20.15, package.json `engines`), a streamed entry
  // chunk by chunk, each call continuing from the last.
  it('when the check string is summed, then it is CBF43926, in one go or in pieces', () => {
    expect(zlib.crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(zlib.crc32(Buffer.from('56789'), zlib.crc32(Buffer.from('1234')))).toBe(0xcbf43926);
    expect(zlib.crc32(Buffer.alloc(0))).toBe(0);
  });
});

describe('streaming ZIP writer', () => {
  it('when small and streamed entries are written, then each inflates to its text with its CRC', async () => {
    const zip = await writeSample(ROWS);

    const { entries, zip64End } = readZip(zip);

    expect(entries.map((e) => e.name)).toEqual([
      '[Content_Types].xml',
      'xl/worksheets/sheet1.xml',
      'xl/sharedStrings.xml',
    ]);
    expect(entries[1]!.data.toString('utf8')).toBe(ROWS.join(''));
    expect(entries[2]!.data.toString('utf8')).toBe('<sst>Şükrü & İğdır</sst>');
    // Only the streamed entry has its CRC and sizes after the data (bit 3).
    expect(entries.map((e) => [e.flags & 8, e.descriptorSize, e.zip64])).toEqual([
      [0, 0, false],
      [8, 16, false],
      [0, 0, false],
    ]);
    expect(zip64End).toBe(false);
    expect(entries[1]!.compressedSize).toBeLessThan(entries[1]!.size / 5);
  });

  it('when unzip tests the archive, then it finds no errors', async () => {
    const report = unzipTest(await writeSample(ROWS));

    if (report !== undefined) expect(report).toMatch(/No errors detected/);
  });

  it('when entries pass the ZIP64 threshold, then sizes, offsets and the end go to ZIP64 records', async () => {
    // 200 bytes stand for 4 GiB: the streamed entry, its offset and the directory all pass it.
    const zip = await writeSample(ROWS, 200);

    const { entries, zip64End } = readZip(zip, 200);

    expect(zip64End).toBe(true);
    expect(entries[1]!.data.toString('utf8')).toBe(ROWS.join(''));
    expect(entries[1]!.zip64).toBe(true);
    expect(entries[1]!.descriptorSize).toBe(24);
    // The last small entry is under the threshold itself but starts past it.
    expect(entries[2]!.zip64).toBe(true);
    expect(entries[2]!.offset).toBeGreaterThan(200);
    // The 32-bit fields of the end record say "look in the ZIP64 one".
    const eocd = zip.subarray(zip.length - 22);
    expect([eocd.readUInt16LE(10), eocd.readUInt32LE(12), eocd.readUInt32LE(16)]).toEqual([
      0xffff, 0xffffffff, 0xffffffff,
    ]);
    const report = unzipTest(zip);
    if (report !== undefined) expect(report).toMatch(/No errors detected/);
  });

  it('when a small file passes the ZIP64 threshold, then its local header carries the sizes', async () => {
    const { out, bytes } = sink();
    const zip = new ZipWriter(out, { level: 1, modified: MODIFIED, zip64From: 10 });
    await zip.addFile('a.xml', 'x'.repeat(1000));
    await zip.finish();

    const local = bytes();
    expect(local.readUInt32LE(18)).toBe(0xffffffff);
    expect(local.readUInt16LE(28)).toBe(20); // a ZIP64 extra with both sizes
    expect(readZip(local, 10).entries[0]!.data.toString()).toBe('x'.repeat(1000));
  });

  it('when the entry is written, then its DOS time is the given wall-clock time', async () => {
    const zip = await writeSample(['x']);

    // 09:30:12 → 9 << 11 | 30 << 5 | 6; 2024-05-06 → 44 << 9 | 5 << 5 | 6.
    expect(zip.readUInt16LE(10)).toBe((9 << 11) | (30 << 5) | 6);
    expect(zip.readUInt16LE(12)).toBe((44 << 9) | (5 << 5) | 6);
  });

  it('when the client goes away while an entry streams, then settle rejects with ExportAborted', async () => {
    const out = new PassThrough({ highWaterMark: 1024 });
    const zip = new ZipWriter(out, { level: 1, modified: MODIFIED });
    const entry = zip.openEntry('sheet.xml');
    entry.write(randomBytes(256 * 1024));
    const settled = entry.settle();

    out.destroy();

    await expect(settled).rejects.toBeInstanceOf(ExportAborted);
    expect(() => entry.write(Buffer.from('more'))).toThrow(ExportAborted);
    zip.destroy();
  });

  it('when a second entry is opened before the first ends, then it is refused', async () => {
    const zip = new ZipWriter(sink().out, { level: 1, modified: MODIFIED });
    zip.openEntry('a.xml');

    expect(() => zip.openEntry('b.xml')).toThrow(/still open/);
    zip.destroy();
  });
});
