/** Exact to the second up to two hours; one-minute bins from there to a day; longer is clamped. */
const FINE_SECONDS = 2 * 3600;
const COARSE_MINUTES = 22 * 60;

/**
 * Durations counted in fixed-width bins, so mean, median and p90 of any number of visits take
 * a few kilobytes: memory grows with the longest duration seen, never with the count. Bins are
 * whole seconds (values are rounded to the nearest second) up to 2 h — every wait and service
 * of a working day — and whole minutes beyond. The mean is kept exactly, in milliseconds.
 */
export class DurationHistogram {
  count = 0;
  sumMs = 0;
  private fine = new Uint32Array(0);
  private coarse: Uint32Array | null = null;

  add(ms: number): void {
    this.count += 1;
    this.sumMs += ms;
    const s = Math.max(0, Math.round(ms / 1000));
    if (s < FINE_SECONDS) {
      if (s >= this.fine.length) this.growFine(s + 1);
      this.fine[s]! += 1;
    } else {
      this.coarse ??= new Uint32Array(COARSE_MINUTES);
      this.coarse[Math.min(COARSE_MINUTES - 1, Math.floor((s - FINE_SECONDS) / 60))]! += 1;
    }
  }

  merge(other: DurationHistogram): void {
    this.count += other.count;
    this.sumMs += other.sumMs;
    if (other.fine.length > this.fine.length) this.growFine(other.fine.length);
    for (let i = 0; i < other.fine.length; i++) this.fine[i]! += other.fine[i]!;
    if (other.coarse) {
      this.coarse ??= new Uint32Array(COARSE_MINUTES);
      for (let i = 0; i < COARSE_MINUTES; i++) this.coarse[i]! += other.coarse[i]!;
    }
  }

  meanMs(): number | null {
    return this.count === 0 ? null : this.sumMs / this.count;
  }

  /**
   * The p-quantile (0–1) in milliseconds, interpolated between the closest ranks like
   * Excel's PERCENTILE.INC and MEDIAN, so a manager can check it against the export.
   */
  quantileMs(p: number): number | null {
    if (this.count === 0) return null;
    const h = (this.count - 1) * p;
    const lo = Math.floor(h);
    const below = this.secondsAtRank(lo);
    const above = h > lo ? this.secondsAtRank(lo + 1) : below;
    return (below + (h - lo) * (above - below)) * 1000;
  }

  /** The value in seconds of the k-th smallest duration (0-based). */
  private secondsAtRank(k: number): number {
    let seen = 0;
    for (let i = 0; i < this.fine.length; i++) {
      seen += this.fine[i]!;
      if (seen > k) return i;
    }
    for (let j = 0; this.coarse && j < COARSE_MINUTES; j++) {
      seen += this.coarse[j]!;
      if (seen > k) return FINE_SECONDS + j * 60 + 30;
    }
    throw new Error(`rank ${k} out of ${this.count}`);
  }

  private growFine(atLeast: number): void {
    let size = Math.max(64, this.fine.length);
    while (size < atLeast) size *= 2;
    const grown = new Uint32Array(Math.min(size, FINE_SECONDS));
    grown.set(this.fine);
    this.fine = grown;
  }
}
