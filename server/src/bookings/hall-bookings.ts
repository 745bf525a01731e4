import type { BookingEvent, BookingRevEvent } from '../../../contract/booking-events.js';
import { fail, ok, type Result } from '../domain/index.js';
import {
  bookingStateOf,
  decideBooking,
  emptyBookingState,
  foldBooking,
  type BookingCommand,
  type BookingConfig,
  type BookingState,
} from '../domain/bookings/index.js';
import { JournalConflictError } from '../store/journal-conflict.js';
import type { BookingLedger } from '../store/store.js';

/** How often a command is decided again after another server took its revisions first. */
const MAX_CONFLICT_RETRIES = 20;

export interface HallBookingsDeps {
  hallId: string;
  ledger: BookingLedger;
  /** The hall's booking rules now; undefined once the hall is gone from the configuration. */
  config: () => BookingConfig | undefined;
  now: () => number;
  log: (msg: string) => void;
}

/** Work to do once a command's events are decided, before they are appended (the erasure). */
export type BeforeAppend = (events: BookingRevEvent[]) => Promise<void>;

/**
 * One hall's booking book: the ledger folded into memory, and a command loop like the hall
 * queue's. Commands run one at a time: decide with the pure domain, append with the next
 * revisions, fold once durable. When another server took those revisions
 * (`JournalConflictError`), catch up with what it wrote and decide again, so two servers
 * offering the last place of a slot give it to one booking. Other servers' appends are followed
 * through the ledger's `watch`; a ledger without it (one process per data folder) is read again
 * before each command all the same.
 */
export class HallBookings {
  state: BookingState;
  private tail: Promise<unknown> = Promise.resolve();
  private unwatch: (() => void) | undefined;

  constructor(private readonly deps: HallBookingsDeps) {
    this.state = emptyBookingState(deps.hallId);
  }

  get hallId(): string {
    return this.deps.hallId;
  }

  async load(): Promise<void> {
    this.state = bookingStateOf(this.hallId, await this.deps.ledger.read(this.hallId));
    this.unwatch?.();
    this.unwatch = this.deps.ledger.watch?.(this.hallId, () => {
      void this.serial(() => this.catchUp()).catch((e: Error) =>
        this.deps.log(`bookings of ${this.hallId}: catch-up failed: ${e.message}`),
      );
    });
  }

  stop(): void {
    this.unwatch?.();
    this.unwatch = undefined;
  }

  /** Brings the state up to what the ledger holds (what other servers appended). */
  async refresh(): Promise<void> {
    await this.serial(() => this.catchUp());
  }

  /**
   * Runs one command; resolves once its events are durable (and folded). `build` is called for
   * each attempt, so a command drawing random codes draws new ones when a code is taken.
   */
  execute(
    build: () => BookingCommand,
    beforeAppend?: BeforeAppend,
  ): Promise<Result<BookingRevEvent[]>> {
    return this.serial(() => this.run(build, beforeAppend));
  }

  private async run(
    build: () => BookingCommand,
    beforeAppend: BeforeAppend | undefined,
  ): Promise<Result<BookingRevEvent[]>> {
    // A watched ledger tells of other servers' appends; an exclusive one has none to tell.
    const watched = this.deps.ledger.watch !== undefined;
    if (!watched && this.deps.ledger.exclusive !== true) await this.catchUp();
    let caughtUp = !watched;
    for (let attempt = 0; ; attempt += 1) {
      const config = this.deps.config();
      if (!config) return fail('hall-not-found', `No hall ${this.hallId}.`, 'hallId');
      const command = build();
      const decided = decideBooking(this.state, config, command, this.deps.now());
      if (!decided.ok) {
        // A code drawn at random is taken: draw again.
        if (decided.error.code === 'conflict' && attempt < MAX_CONFLICT_RETRIES) continue;
        // A refusal may rest on a state another server has moved past (a place freed).
        if (!caughtUp) {
          caughtUp = true;
          const rev = this.state.rev;
          await this.catchUp();
          if (this.state.rev !== rev) continue;
        }
        return decided;
      }
      if (decided.value.length === 0) return ok([]);
      const events = this.numbered(decided.value);
      try {
        await beforeAppend?.(events);
        await this.deps.ledger.append(this.hallId, events);
      } catch (err) {
        if (err instanceof JournalConflictError && attempt < MAX_CONFLICT_RETRIES) {
          await this.catchUp();
          continue;
        }
        this.deps.log(
          `booking ledger write failed for hall ${this.hallId}: ${(err as Error).message}`,
        );
        // Whatever the ledger kept is the truth: read it again before the next command.
        await this.catchUp().catch(() => undefined);
        return fail(
          'storage-unavailable',
          'The server could not store this change; nothing was changed. Try again.',
        );
      }
      for (const e of events) foldBooking(this.state, e);
      return ok(events);
    }
  }

  private numbered(events: BookingEvent[]): BookingRevEvent[] {
    return events.map((e, i) => ({ ...e, rev: this.state.rev + 1 + i }) as BookingRevEvent);
  }

  private async catchUp(): Promise<void> {
    const fresh = await this.deps.ledger.readAfter(this.hallId, this.state.rev);
    for (const e of fresh) if (e.rev > this.state.rev) foldBooking(this.state, e);
  }

  /** Runs `work` after everything queued before it, whatever became of that. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work, work);
    this.tail = run.catch(() => undefined);
    return run;
  }
}
