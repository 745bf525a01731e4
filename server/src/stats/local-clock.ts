const BUCKET_MS = 15 * 60_000;
const DAY_MS = 86_400_000;
const PAD2 = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

/**
 * Local wall-clock times of a time zone, fast enough for a million export rows: the zone's UTC
 * offset is looked up once per quarter hour (offsets change only on quarter-hour boundaries),
 * a day at a time where it does not change, and the rest is arithmetic. Intl alone costs
 * microseconds per call.
 */
export class LocalClock {
  private readonly offsets = new Map<number, number>();
  private readonly format: Intl.DateTimeFormat;
  /** The last local day formatted, as `[day number, 'YYYY-MM-DD']`: rows come day by day. */
  private lastDay: [number, string] = [Number.NaN, ''];
  /** A span known to have one offset: rows come day by day, so most lookups end here. */
  private known = { from: 0, to: 0, offset: 0 };

  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
  }

  /** The zone's offset from UTC at an instant, in milliseconds (+3 h for Istanbul). */
  offsetMs(at: number): number {
    if (at >= this.known.from && at < this.known.to) return this.known.offset;
    const bucket = Math.floor(at / BUCKET_MS);
    const offset = this.bucketOffset(bucket);
    // The same offset a day later means none in between: zones change at most twice a year.
    if (this.bucketOffset(bucket + DAY_MS / BUCKET_MS) === offset) {
      const from = bucket * BUCKET_MS;
      this.known = { from, to: from + DAY_MS, offset };
    }
    return offset;
  }

  private bucketOffset(bucket: number): number {
    let offset = this.offsets.get(bucket);
    if (offset === undefined) {
      const start = bucket * BUCKET_MS;
      const p: Record<string, number> = {};
      for (const part of this.format.formatToParts(start)) p[part.type] = Number(part.value);
      const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
      offset = wall - start;
      this.offsets.set(bucket, offset);
    }
    return offset;
  }

  /** The local wall-clock time of an instant as a `Date` whose UTC fields read local time. */
  wall(at: number): Date {
    return new Date(at + this.offsetMs(at));
  }

  /** `YYYY-MM-DD HH:MM:SS`, local. */
  dateTime(at: number): string {
    return this.local(at, ' ');
  }

  /** ISO 8601 with the local offset: `2024-05-06T09:00:00+03:00`. */
  iso(at: number): string {
    const offset = this.offsetMs(at);
    const minutes = Math.abs(offset) / 60_000;
    const sign = offset < 0 ? '-' : '+';
    return `${this.local(at, 'T')}${sign}${PAD2[Math.floor(minutes / 60)]}:${PAD2[minutes % 60]}`;
  }

  private local(at: number, separator: string): string {
    const wall = at + this.offsetMs(at);
    const dayNumber = Math.floor(wall / DAY_MS);
    if (this.lastDay[0] !== dayNumber)
      this.lastDay = [dayNumber, new Date(dayNumber * DAY_MS).toISOString().slice(0, 10)];
    const s = Math.floor((wall - dayNumber * DAY_MS) / 1000);
    const hms = `${PAD2[Math.floor(s / 3600)]}:${PAD2[Math.floor(s / 60) % 60]}:${PAD2[s % 60]}`;
    return `${this.lastDay[1]}${separator}${hms}`;
  }
}
