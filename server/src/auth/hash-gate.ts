/** How much password hashing may run and wait at once. */
export interface HashGateLimits {
  /** scrypt calls running at once (each holds one of libuv's worker threads). */
  concurrent: number;
  /** Calls that may wait for a turn; past that, a refusable call is refused at once. */
  queued: number;
}

/**
 * One scrypt at a time: libuv has four worker threads by default and the journal's fdatasync
 * runs on the same ones, so three stay free for it whatever a sign-in flood does. Sixteen
 * waiting calls is under a second of hashing (about 50 ms each on a small server).
 */
export const DEFAULT_HASH_GATE: HashGateLimits = { concurrent: 1, queued: 16 };

/** Thrown by `HashGate.run` when the queue is full: answer "busy, try again" at once. */
export class HashGateFullError extends Error {
  constructor() {
    super('Too many password checks are waiting.');
    this.name = 'HashGateFullError';
  }
}

/**
 * A semaphore in front of password hashing. Without it, a few hundred sign-ins at once queue a
 * few hundred scrypt calls on libuv's pool, and every fdatasync (so every ticket issue) waits
 * behind them: 10.7 s for one ticket, measured before this gate.
 */
export class HashGate {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limits: HashGateLimits = DEFAULT_HASH_GATE) {
    if (limits.concurrent < 1 || limits.queued < 0)
      throw new Error('A hash gate needs at least one slot and a queue of zero or more.');
  }

  /** Calls running and waiting now. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /**
   * Runs `task` when a slot is free. With `whenFull: 'refuse'` (the default, for anonymous
   * sign-ins) it throws `HashGateFullError` at once when `queued` calls already wait; with
   * `'wait'` (for signed-in staff, who are few and rate-limited) it always waits its turn.
   */
  async run<T>(task: () => Promise<T>, opts: { whenFull?: 'refuse' | 'wait' } = {}): Promise<T> {
    if (this.running < this.limits.concurrent) this.running += 1;
    else {
      if ((opts.whenFull ?? 'refuse') === 'refuse' && this.waiting.length >= this.limits.queued)
        throw new HashGateFullError();
      // The slot is handed over by the call that finishes, so `running` stays as it is.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
