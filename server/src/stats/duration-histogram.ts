/** Exact to the second up to two hours; one-minute bins from there to a day; longer is clamped. */
const FINE_SECONDS = 2 * 3600;
const COARSE_MINUTES = 22 * 60;

/**
 * Up to this many durations a histogram keeps their bins in a list (2 bytes each) rather than
 * its bin counts (up to 28 KB from the first two-hour wait): a table by day over five years has
 * 1,800 small groups, which took 60 MB as counts. Quantiles are the same either way.
 */
const LIST_LIMIT = 1024;

/** A duration's bin as a number that sorts like the durations: seconds, then 7200 + minutes. */
function binOf(ms: number): number {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < FINE_SECONDS) return s;
  return FINE_SECONDS + Math.min(COARSE_MINUTES - 1, Math.floor((s - FINE_SECONDS) / 60));
}

/** The value in seconds that quantiles read for a bin: the second, or the minute's middle. */
function secondsOfBin(bin: number): number {
  return bin < FINE_SECONDS ? bin : FINE_SECONDS + (bin - FINE_SECONDS) * 60 + 30;
}

/**
 * Durations counted in fixed-width bins, so mean, median and p90 of any number of visits take
 * a few kilobytes: memory grows with the longest duration seen, never with the count. Bins are
 * whole seconds (values are rounded to the nearest second) up to 2 h — every wait and service
 * of a working day — and whole minutes beyond. The mean is kept exactly, in milliseconds. A
 * small group keeps its bin values in a list until it outgrows it (`LIST_LIMIT`).
 */
export class DurationHistogram {
  count = 0;
  sumMs = 0;
  private fine = new Uint32Array(0);
  private coarse: Uint32Array | null = null;
  /** The bins of the durations while the group is small; null once they moved into counts. */
  private list: Uint16Array | null = new Uint16Array(0);
  private listLength = 0;
  private listSorted = true;

  add(ms: number): void {
    this.count += 1;
    this.sumMs += ms;
    if (this.list) this.addToList(binOf(ms));
    else this.addToBins(binOf(ms));
  }

  private addToList(bin: number): void {
    let list = this.list!;
    if (this.listLength > 0 && bin < list[this.listLength - 1]!) this.listSorted = false;
    if (this.listLength === list.length) {
      if (list.length >= LIST_LIMIT) return this.binList(bin);
      const grown = new Uint16Array(Math.max(16, list.length * 2));
      grown.set(list);
      this.list = list = grown;
    }
    list[this.listLength++] = bin;
  }

  private addToBins(bin: number): void {
    if (bin < FINE_SECONDS) {
      if (bin >= this.fine.length) this.growFine(bin + 1);
      this.fine[bin]! += 1;
    } else {
      this.coarse ??= new Uint32Array(COARSE_MINUTES);
      this.coarse[bin - FINE_SECONDS]! += 1;
    }
  }

  /** Moves the listed bins (and `extra`) into the counts, for good. */
  private binList(extra?: number): void {
    const list = this.list;
    const length = this.listLength;
    this.list = null;
    this.listLength = 0;
    for (let i = 0; list && i < length; i++) this.addToBins(list[i]!);
    if (extra !== undefined) this.addToBins(extra);
  }

  private listed(): Uint16Array {
    return this.list ? this.list.subarray(0, this.listLength) : new Uint16Array(0);
  }

  merge(other: DurationHistogram): void {
    this.count += other.count;
    this.sumMs += other.sumMs;
    if (other.list) {
      // count and sumMs are already merged: add the bins only.
      for (const bin of other.listed()) {
        if (this.list) this.addToList(bin);
        else this.addToBins(bin);
      }
      return;
    }
    if (this.list) this.binList();
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
    if (this.list) {
      if (!this.listSorted) {
        this.listed().sort();
        this.listSorted = true;
      }
      const bin = this.list[k];
      if (k >= this.listLength || bin === undefined)
        throw new Error(`rank ${k} out of ${this.count}`);
      return secondsOfBin(bin);
    }
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
