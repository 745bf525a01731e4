/**
 * A strict ESC/POS decoder for tests. It knows only the commands a Sıramatik ticket may use,
 * with their argument ranges; any other byte sequence, any text byte outside ASCII and the
 * code page 857 letters below, or a letter sent before CP857 is selected, throws.
 */

/** Code page 857 bytes of the letters we print (reference/cp857-turkish.json, plus â î û Â Î Û). */
const CP857: Record<number, string> = {
  0x87: 'ç',
  0xa7: 'ğ',
  0x8d: 'ı',
  0x98: 'İ',
  0x94: 'ö',
  0x9f: 'ş',
  0x81: 'ü',
  0x80: 'Ç',
  0xa6: 'Ğ',
  0x99: 'Ö',
  0x9e: 'Ş',
  0x9a: 'Ü',
  0x83: 'â',
  0x8c: 'î',
  0x96: 'û',
  0xb6: 'Â',
  0xd7: 'Î',
  0xea: 'Û',
};

export type EscPosCommand =
  | { kind: 'reset' }
  | { kind: 'kanji-off' }
  | { kind: 'font'; font: number }
  | { kind: 'code-page'; n: number }
  | { kind: 'bold'; on: boolean }
  | { kind: 'underline'; n: number }
  | { kind: 'size'; width: number; height: number }
  | { kind: 'align'; align: 'left' | 'center' | 'right' }
  | { kind: 'text'; text: string }
  | { kind: 'line-feed' }
  | { kind: 'qr-model'; model: number }
  | { kind: 'qr-size'; size: number }
  | { kind: 'qr-error-level'; level: string }
  | { kind: 'qr-store'; payload: string }
  | { kind: 'qr-print'; payload: string }
  | { kind: 'cut'; partial: boolean };

export interface DecodedJob {
  commands: EscPosCommand[];
  /** Printed text, one entry per line feed (a trailing line without feed is included). */
  lines: string[];
  /** The payload of every QR code printed. */
  qrPayloads: string[];
}

export interface DecodeOptions {
  /** The `ESC t n` number that selects CP857 on this printer; letters need it selected. */
  cp857Number: number;
}

class Reader {
  pos = 0;
  constructor(private readonly bytes: Uint8Array) {}
  get done(): boolean {
    return this.pos >= this.bytes.length;
  }
  peek(): number {
    return this.bytes[this.pos]!;
  }
  next(what: string): number {
    if (this.done) throw new Error(`truncated ${what} at byte ${this.pos}`);
    return this.bytes[this.pos++]!;
  }
  take(n: number, what: string): Uint8Array {
    if (this.pos + n > this.bytes.length) throw new Error(`truncated ${what} at byte ${this.pos}`);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
}

const hex = (n: number) => `0x${n.toString(16).padStart(2, '0')}`;

function fail(r: Reader, what: string): never {
  throw new Error(`unknown ESC/POS at byte ${r.pos}: ${what}`);
}

function oneOf(r: Reader, what: string, allowed: number[]): number {
  const n = r.next(what);
  if (!allowed.includes(n)) throw new Error(`bad ${what} argument ${hex(n)} at byte ${r.pos - 1}`);
  return n;
}

function decodeEsc(r: Reader): EscPosCommand {
  const c = r.next('ESC');
  switch (c) {
    case 0x40:
      return { kind: 'reset' };
    case 0x4d:
      return { kind: 'font', font: oneOf(r, 'ESC M', [0, 1, 2, 0x30, 0x31, 0x32]) & 0x0f };
    case 0x74:
      return { kind: 'code-page', n: r.next('ESC t') };
    case 0x45:
      return { kind: 'bold', on: oneOf(r, 'ESC E', [0, 1]) === 1 };
    case 0x2d:
      return { kind: 'underline', n: oneOf(r, 'ESC -', [0, 1, 2, 0x30, 0x31, 0x32]) & 0x0f };
    case 0x61: {
      const n = oneOf(r, 'ESC a', [0, 1, 2, 0x30, 0x31, 0x32]) & 0x0f;
      return { kind: 'align', align: (['left', 'center', 'right'] as const)[n]! };
    }
    default:
      return fail(r, `ESC ${hex(c)}`);
  }
}

function decodeQr(r: Reader, stored: { payload: string | null }): EscPosCommand {
  const pL = r.next('GS ( k pL');
  const pH = r.next('GS ( k pH');
  const body = r.take(pL + pH * 256, 'GS ( k');
  const [cn, fn, ...args] = body;
  if (cn !== 0x31) throw new Error(`GS ( k: not a QR code function (cn ${hex(cn ?? 0)})`);
  const exact = (n: number) => {
    if (args.length !== n) throw new Error(`GS ( k fn ${hex(fn!)}: ${args.length} arguments`);
  };
  switch (fn) {
    case 0x41: // 165: model
      exact(2);
      if (![0x31, 0x32].includes(args[0]!) || args[1] !== 0) throw new Error('bad QR model');
      return { kind: 'qr-model', model: args[0]! - 0x30 };
    case 0x43: // 167: module size
      exact(1);
      if (args[0]! < 1 || args[0]! > 16) throw new Error('bad QR module size');
      return { kind: 'qr-size', size: args[0]! };
    case 0x45: {
      // 169: error correction
      exact(1);
      const level = { 0x30: 'L', 0x31: 'M', 0x32: 'Q', 0x33: 'H' }[args[0]!];
      if (!level) throw new Error('bad QR error level');
      return { kind: 'qr-error-level', level };
    }
    case 0x50: // 180: store data
      if (args[0] !== 0x30 || args.length < 2) throw new Error('bad QR store');
      stored.payload = Buffer.from(args.slice(1)).toString('latin1');
      return { kind: 'qr-store', payload: stored.payload };
    case 0x51: // 181: print
      exact(1);
      if (args[0] !== 0x30) throw new Error('bad QR print');
      if (stored.payload === null) throw new Error('QR print without stored data');
      return { kind: 'qr-print', payload: stored.payload };
    default:
      return fail(r, `GS ( k fn ${hex(fn ?? 0)}`);
  }
}

function decodeGs(r: Reader, stored: { payload: string | null }): EscPosCommand {
  const c = r.next('GS');
  switch (c) {
    case 0x21: {
      const n = r.next('GS !');
      if ((n & 0x0f) > 7 || n >> 4 > 7) throw new Error(`bad GS ! ${hex(n)}`);
      return { kind: 'size', width: (n >> 4) + 1, height: (n & 0x0f) + 1 };
    }
    case 0x56:
      return { kind: 'cut', partial: (oneOf(r, 'GS V', [0, 1, 0x30, 0x31]) & 0x0f) === 1 };
    case 0x28:
      if (r.next('GS (') !== 0x6b) fail(r, 'GS ( other than GS ( k');
      return decodeQr(r, stored);
    default:
      return fail(r, `GS ${hex(c)}`);
  }
}

/** Decodes one job; throws on anything it does not know. */
export function decodeEscPos(bytes: Uint8Array, options: DecodeOptions): DecodedJob {
  const r = new Reader(bytes);
  const commands: EscPosCommand[] = [];
  const stored = { payload: null as string | null };
  let codePage: number | null = null;
  while (!r.done) {
    const b = r.next('command');
    if (b === 0x1b) commands.push(decodeEsc(r));
    else if (b === 0x1d) commands.push(decodeGs(r, stored));
    else if (b === 0x1c) {
      if (r.next('FS') !== 0x2e) fail(r, 'FS other than FS .');
      commands.push({ kind: 'kanji-off' });
    } else if (b === 0x0a) commands.push({ kind: 'line-feed' });
    else if (b >= 0x20 && b !== 0x7f) {
      let text = '';
      for (let c = b; ; c = r.next('text')) {
        if (c >= 0x80) {
          if (codePage !== options.cp857Number)
            throw new Error(`byte ${hex(c)} at ${r.pos - 1} without CP857 selected`);
          const letter = CP857[c];
          if (letter === undefined) throw new Error(`unexpected CP857 byte ${hex(c)}`);
          text += letter;
        } else text += String.fromCharCode(c);
        if (r.done || r.peek() < 0x20 || r.peek() === 0x7f) break;
      }
      commands.push({ kind: 'text', text });
    } else fail(r, `control byte ${hex(b)}`);
    const last = commands.at(-1)!;
    if (last.kind === 'code-page') codePage = last.n;
    if (last.kind === 'reset') codePage = null;
  }
  const lines: string[] = [];
  let line: string | null = null;
  for (const c of commands) {
    if (c.kind === 'text') line = (line ?? '') + c.text;
    if (c.kind === 'line-feed') {
      lines.push(line ?? '');
      line = null;
    }
  }
  if (line !== null) lines.push(line);
  const qrPayloads = commands.flatMap((c) => (c.kind === 'qr-print' ? [c.payload] : []));
  return { commands, lines, qrPayloads };
}

/** Line feeds directly before the first cut (no text or other command in between). */
export function feedsBeforeCut(commands: EscPosCommand[]): number {
  const cut = commands.findIndex((c) => c.kind === 'cut');
  let feeds = 0;
  for (let i = cut - 1; i >= 0 && commands[i]!.kind === 'line-feed'; i--) feeds++;
  return feeds;
}
