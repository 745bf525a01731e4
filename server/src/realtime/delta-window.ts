/**
 * Collects one audience's deltas of a hall and sends them as one message per window, in the
 * order they were added. A socket write per message per socket is most of what a broadcast
 * costs, so a counter screen that gets the deltas of 50 ms in one message costs the server a
 * fraction of one that gets each on its own.
 *
 * With `windowMs` 0 nothing waits: the caller flushes at the end of each batch of events
 * (several servers, where a delta held here could be overtaken by another server's).
 */
export class DeltaWindow<T> {
  private pending: T[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly windowMs: number,
    private readonly send: (batch: T[]) => void,
  ) {}

  add(item: T): void {
    this.pending.push(item);
    if (this.windowMs > 0 && this.timer === undefined)
      this.timer = setTimeout(() => this.flush(), this.windowMs);
  }

  /** The end of a batch of events: sends now unless a window is waiting. */
  endOfBatch(): void {
    if (this.windowMs === 0) this.flush();
  }

  /** Sends what is pending now (before something that must not overtake it). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.send(batch);
  }

  /** Stops the timer; what is pending is dropped (the server is closing). */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = [];
  }
}
