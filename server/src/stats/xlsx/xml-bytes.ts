/** Where filled buffers go (a ZIP entry); `done` once it has read them, so they can be reused. */
export interface ByteSink {
  write(data: Buffer, done: () => void): void;
}

const CHUNK = 256 * 1024;
const DAY_MS = 86_400_000;
/** Excel's serial day of 1970-01-01 (1900 date system: days since 1899-12-30). */
const UNIX_EPOCH_SERIAL = 25_569;
const ZERO = 0x30;
const DOT = 0x2e;

/** A markup fragment as bytes, for `XmlBytes.ascii`. */
export const ascii = (s: string): Uint8Array => Buffer.from(s, 'latin1');

/**
 * XML written straight into buffers of about 256 KB: markup from prepared byte fragments, and
 * numbers as digits, so a row makes no strings at all. Building each cell as a string and
 * encoding the row cost about twice the time, and the garbage made the heap grow by tens of
 * megabytes over a million rows. Full buffers go to the sink and come back once it has read
 * them, so a few buffers go round.
 */
export class XmlBytes {
  private buf: Buffer = Buffer.allocUnsafe(CHUNK);
  private pos = 0;
  private readonly spare: Buffer[] = [];

  constructor(private readonly sink: ByteSink) {}

  /** Copies a fragment made by `ascii`. */
  ascii(fragment: Uint8Array): void {
    const n = fragment.length;
    if (this.pos + n > this.buf.length) this.spill(n);
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < n; i++) buf[pos++] = fragment[i]!;
    this.pos = pos;
  }

  /** Text that is already XML (markup, escaped content), UTF-8 encoded. */
  raw(xml: string): void {
    const most = xml.length * 3;
    if (this.pos + most > this.buf.length) this.spill(most);
    this.pos += this.buf.write(xml, this.pos, 'utf8');
  }

  /** A non-negative integer below 2⁵³, in decimal digits. */
  uint(n: number): void {
    if (this.pos + 16 > this.buf.length) this.spill(16);
    let digits = 1;
    for (let p = 10; p <= n; p *= 10) digits++;
    this.digits(n, digits);
  }

  /** A finite number as Excel reads it: integers as digits, others as JavaScript prints them. */
  number(value: number): void {
    if (value >= 0 && Number.isSafeInteger(value)) this.uint(value);
    else this.raw(String(value));
  }

  /**
   * Excel's serial number of a wall-clock time (epoch ms whose UTC fields read the local
   * time): whole days since 1899-12-30, then the time of day as a fraction to 12 decimals.
   * That is 86 ns, far below the millisecond the input has, and within an ulp or two of
   * `ms / 86.4e6 + 25569`, which is what `String` would otherwise print at some 250 ns a value.
   */
  serial(wallMs: number): void {
    const days = Math.floor(wallMs / DAY_MS);
    if (!Number.isSafeInteger(wallMs) || days + UNIX_EPOCH_SERIAL < 0) {
      return this.raw(String(wallMs / DAY_MS + UNIX_EPOCH_SERIAL));
    }
    this.uint(days + UNIX_EPOCH_SERIAL);
    const msOfDay = wallMs - days * DAY_MS;
    if (msOfDay === 0) return;
    // msOfDay · 10¹² / 86.4e6 = msOfDay · 10⁷ / 864; msOfDay · 10⁷ < 2⁵³, so the product is exact.
    const fraction = Math.round((msOfDay * 10_000_000) / 864);
    const high = Math.floor(fraction / 1_000_000);
    const low = fraction - high * 1_000_000;
    if (this.pos + 13 > this.buf.length) this.spill(13);
    this.buf[this.pos++] = DOT;
    this.digits(high, 6);
    if (low !== 0) this.digits(low, 6);
  }

  /**
   * A whole number of hundredths (what `minutes()` returns) as `String` prints it, from
   * integers; anything else through `String`.
   */
  hundredths(value: number): void {
    const c = Math.round(value * 100);
    if (c < 0 || c > 2 ** 31 || c / 100 !== value) return this.raw(String(value));
    const whole = Math.floor(c / 100);
    const rest = c - whole * 100;
    this.uint(whole);
    if (rest === 0) return;
    if (this.pos + 3 > this.buf.length) this.spill(3);
    this.buf[this.pos++] = DOT;
    if (rest % 10 === 0) this.digits(rest / 10, 1);
    else this.digits(rest, 2);
  }

  /** Hands what is written to the sink. */
  flush(): void {
    if (this.pos === 0) return;
    const full = this.buf;
    this.sink.write(full.subarray(0, this.pos), () => {
      if (full.length === CHUNK) this.spare.push(full);
    });
    this.buf = this.spare.pop() ?? Buffer.allocUnsafe(CHUNK);
    this.pos = 0;
  }

  /** `n` with exactly `width` digits (leading zeros); room already made. */
  private digits(n: number, width: number): void {
    const buf = this.buf;
    const end = this.pos + width;
    for (let i = end - 1; i >= this.pos; i--) {
      const q = Math.floor(n / 10);
      buf[i] = ZERO + (n - q * 10);
      n = q;
    }
    this.pos = end;
  }

  /** Makes room for `n` more bytes: the full buffer goes out, a larger one if `n` needs it. */
  private spill(n: number): void {
    this.flush();
    if (n > this.buf.length) this.buf = Buffer.allocUnsafe(n);
  }
}
