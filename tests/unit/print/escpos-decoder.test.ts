import { describe, expect, it } from 'vitest';
import { decodeEscPos, feedsBeforeCut } from '../../support/escpos-decoder.js';

const decode = (bytes: number[]) => decodeEscPos(Uint8Array.from(bytes), { cp857Number: 13 });

// The decoder is what the printing tests trust: it must refuse what it does not know.
describe('the strict ESC/POS test decoder', () => {
  it('when a known job is decoded, then commands, lines and QR payload come back', () => {
    const qr = [...Buffer.from('http://x/t/a', 'latin1')];
    const job = decode([
      0x1b,
      0x40,
      0x1b,
      0x74,
      13,
      0x98,
      0x7a,
      0x0a,
      0x1d,
      0x28,
      0x6b,
      qr.length + 3,
      0,
      0x31,
      0x50,
      0x30,
      ...qr,
      0x1d,
      0x28,
      0x6b,
      3,
      0,
      0x31,
      0x51,
      0x30,
      0x0a,
      0x0a,
      0x0a,
      0x0a,
      0x1d,
      0x56,
      0,
    ]);
    expect(job.lines).toEqual(['İz', '', '', '', '']);
    expect(job.qrPayloads).toEqual(['http://x/t/a']);
    expect(feedsBeforeCut(job.commands)).toBe(4);
  });

  it.each([
    ['an unknown ESC command', [0x1b, 0x40, 0x1b, 0x70, 0, 25, 250]],
    ['an unknown GS command', [0x1b, 0x40, 0x1d, 0x76, 0x30]],
    ['a bad argument', [0x1b, 0x40, 0x1b, 0x61, 7]],
    ['a stray control byte', [0x1b, 0x40, 0x07]],
    ['a letter before CP857 is selected', [0x1b, 0x40, 0x98]],
    ['a CP857 byte that is not a Turkish letter', [0x1b, 0x40, 0x1b, 0x74, 13, 0xd5]],
    ['a QR print with no data stored', [0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30]],
    ['a truncated command', [0x1b, 0x40, 0x1d, 0x28, 0x6b, 9, 0, 0x31]],
  ])('when the bytes hold %s, then decoding throws', (_what, bytes) => {
    expect(() => decode(bytes)).toThrow();
  });
});
