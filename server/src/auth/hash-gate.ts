/** How much password hashing may run and wait at once. */
export interface HashGateLimits {
  /** scrypt calls running at once (each holds one of libuv's worker threads). */
  concurrent: number;
  /** Calls that may wait for a turn; past that, a refusable call is refused at once. */
  queued: number;
  /**
   * A slot rests this many times as long as its hash took before it takes the next, so hashing
   * uses at most 1 / (1 + rest) of a core per slot: on a two-core server a flood of sign-ins
   * leaves the event loop and the journal most of the machine. 0 for no rest.
   */
  rest: number;
}

/**
 * One scrypt at a time: libuv has four worker threads by default and the journal's fdatasync
 * runs on the same ones, so three stay free for it whatever a sign-in flood does. Resting as
 * long as each hash took, the last of sixteen waiting sign-ins is answered within about 1.6 s
 * (scrypt takes about 50 ms on a small server); a hall's few clerks never notice.
 */
export const DEFAULT_HASH_GATE: HashGateLimits = { concurrent: 1, queued: 16, rest: 1 };

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
    if (limits.concurrent < 1 || limits.queued < 0 || limits.rest < 0)
      throw new Error('A hash gate needs a slot, and no negative queue or rest.');
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
    const started = performance.now();
    try {
      return await task();
    } finally {
      // The caller has its answer now; the slot is held through its rest.
      const restMs = (performance.now() - started) * this.limits.rest;
      if (restMs > 0) setTimeout(() => this.release(), restMs).unref();
      else this.release();
    }
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }
}
