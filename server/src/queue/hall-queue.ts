import type { Ticket } from '../../../contract/domain.js';
import type { QueueEvent, RevEvent } from '../../../contract/events.js';
import {
  closeDayEvents,
  decide,
  emptyHallState,
  evolve,
  fail,
  localDay,
  ok,
  peopleAhead,
  SAMPLE_EVERY_MS,
  turnNearEvents,
  type Command,
  type HallConfig,
  type HallState,
  type Result,
} from '../domain/index.js';
import { daySummaryOf } from '../stats/day-summary.js';
import { foldRecords } from '../stats/ticket-records.js';
import { JournalConflictError } from '../store/journal-conflict.js';
import type { DaySummaryStore, EventJournal } from '../store/store.js';

/** How often a command is decided again after losing a race to another server process. */
const MAX_CONFLICT_RETRIES = 20;
/** How often the estimates the phone pages show are sampled while anyone waits. */

export interface HallQueueDeps {
  hallId: string;
  config: () => HallConfig;
  journal: EventJournal;
  summaries: DaySummaryStore;
  now: () => number;
  log: (msg: string) => void;
  /** Called with each durable batch of events, in revision order. */
  onEvents: (queue: HallQueue, events: RevEvent[]) => void;
  /** Called after the state was rebuilt from the journal (clients must resync). */
  onReset: (queue: HallQueue) => void;
  /** Called with events another server process journalled (already published by it). */
  onRemoteEvents?: (queue: HallQueue, events: RevEvent[]) => void;
}

interface Pending {
  day: string;
  events: RevEvent[];
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * One hall's command loop: decide and apply a command synchronously (so no other command sees
 * the queue between reading its head and claiming it), journal the events, wait for the
 * durable flush, then acknowledge and publish. Flushes run one at a time in revision order;
 * if one fails, it and every batch decided after it are refused and the state is rebuilt
 * from the journal, so memory never holds what the disk does not.
 */
export class HallQueue {
  state: HallState;
  private pending: Pending[] = [];
  /** The last revision known to be in the journal. */
  private durableRev = 0;
  private unwatch: (() => void) | undefined;
  private flushing: Promise<void> | null = null;
  /**
   * Work that replaces or rebuilds the state (rollover, rebuild, catch-up); commands wait while
   * any runs. A set: a rebuild may start while a rollover waits for the last flush.
   */
  private readonly gates = new Set<Promise<void>>();
  /** A failed write could not be undone by a rebuild: memory may hold refused events. */
  private stale = false;

  constructor(private readonly deps: HallQueueDeps) {
    this.state = emptyHallState(deps.hallId, localDay(deps.now(), deps.config().hall.timeZone));
  }

  get hallId(): string {
    return this.deps.hallId;
  }

  get config(): HallConfig {
    return this.deps.config();
  }

  /** Replays today's journal and summarises earlier days that were never closed. */
  async load(): Promise<void> {
    const today = localDay(this.deps.now(), this.config.hall.timeZone);
    const summarised = new Set(await this.deps.summaries.days(this.hallId));
    for (const day of await this.deps.journal.days(this.hallId)) {
      if (day < today && !summarised.has(day)) await this.closeDay((await this.replay(day)).state);
    }
    this.state = (await this.replay(today)).state;
    this.durableRev = this.state.rev;
    this.checkTurnNear();
    this.unwatch?.();
    this.unwatch = this.deps.journal.watch?.(this.hallId, (day) => {
      if (day === this.state.day)
        void this.catchUp().catch((e: Error) => this.deps.log(`catch-up failed: ${e.message}`));
    });
  }

  /** Runs one command; resolves once its events are durable. */
  async execute(
    command: Command,
    attempt = 0,
    caughtUp = false,
  ): Promise<Result<{ events: RevEvent[]; ticket: Ticket | null; peopleAhead: number | null }>> {
    await this.waitForGate();
    if (localDay(this.deps.now(), this.config.hall.timeZone) !== this.state.day) {
      await this.checkRollover();
      return this.execute(command, attempt, caughtUp);
    }
    if (this.stale && !(await this.rebuildStale())) {
      return fail('storage-unavailable', 'The server cannot read its journal; try again.');
    }
    // A rebuild may have begun while this command was resuming from an await: deciding now
    // would stand on the state it is replacing. From here to `persist` nothing awaits.
    if (this.gates.size > 0) return this.execute(command, attempt, caughtUp);
    const now = this.deps.now();
    const decided = decide(this.state, this.config, command, now);
    if (!decided.ok) {
      // With a shared journal a refusal may rest on a state another server has moved past
      // (a ticket it issued, a counter it opened): catch up once and decide again.
      if (caughtUp || !this.deps.journal.watch) return decided;
      const rev = this.state.rev;
      await this.catchUp().catch(() => undefined);
      return this.state.rev === rev ? decided : this.execute(command, attempt, true);
    }
    const events = this.apply(decided.value);
    const ticketId = events.find(
      (e): e is RevEvent & { ticketId: string } => 'ticketId' in e,
    )?.ticketId;
    // The ticket's place as this command leaves it: a visitor who has just joined is last, and
    // counted without a scan of the line. Once the events are durable, others may have joined.
    const placed = ticketId ? this.state.tickets.get(ticketId) : undefined;
    const ahead = placed ? peopleAhead(this.state, placed) : null;
    try {
      await this.persist(events);
    } catch (err) {
      // Another server took these revisions: the state has caught up, decide again.
      if (err instanceof JournalConflictError && attempt < MAX_CONFLICT_RETRIES) {
        return this.execute(command, attempt + 1);
      }
      this.deps.log(`journal write failed for hall ${this.hallId}: ${(err as Error).message}`);
      return fail(
        'storage-unavailable',
        'The server could not store this change; nothing was changed. Try again.',
      );
    }
    return ok({
      events,
      ticket: ticketId ? (this.state.tickets.get(ticketId) ?? null) : null,
      peopleAhead: ahead,
    });
  }

  /**
   * Records the estimates the phone pages show (one `estimates:sampled` for the whole hall),
   * at most every `SAMPLE_EVERY_MS`; the domain records nothing when no one waits. Called by
   * the rollover timer.
   */
  async sampleEstimates(): Promise<void> {
    // The last round of any server sharing the hall, as folded from the journal: the domain
    // decides by it too, so this only spares a command that would decide nothing.
    if (this.deps.now() - this.state.lastSampleAt < SAMPLE_EVERY_MS) return;
    const done = await this.execute({ type: 'sample-estimates' });
    if (!done.ok)
      this.deps.log(`hall ${this.hallId}: estimates not sampled: ${done.error.message}`);
  }

  /** Closes the current day now if the clock has passed local midnight (called by a timer). */
  async checkRollover(): Promise<void> {
    await this.waitForGate();
    // Callers woken by the same gate must not each start a rollover: look again, and start
    // one with no await between the look and the gate.
    if (this.gates.size > 0) return this.checkRollover();
    if (localDay(this.deps.now(), this.config.hall.timeZone) !== this.state.day) {
      await this.runGated(() => this.rollover());
    }
  }

  private apply(events: QueueEvent[]): RevEvent[] {
    return events.map((e) => {
      const rev = { ...e, rev: this.state.rev + 1 } as RevEvent;
      evolve(this.state, e);
      this.state.rev = rev.rev;
      return rev;
    });
  }

  private persist(events: RevEvent[]): Promise<void> {
    if (events.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.pending.push({ day: this.state.day, events, resolve, reject });
      this.flushing ??= this.flushLoop();
    });
  }

  private async flushLoop(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0);
        try {
          await this.deps.journal.append(
            this.hallId,
            batch[0]!.day,
            batch.flatMap((p) => p.events),
          );
        } catch (err) {
          // Everything decided after the failed batch stood on it: refuse it all, and rebuild
          // the state from what is durable, so memory never holds what the journal does not.
          const refused = [...batch, ...this.pending.splice(0)];
          const conflict = err instanceof JournalConflictError;
          await this.runGated(async () => {
            const durable = await this.replay(this.state.day);
            const remote = durable.events.filter((e) => e.rev > this.durableRev);
            this.state = durable.state;
            this.durableRev = this.state.rev;
            if (conflict) this.deps.onRemoteEvents?.(this, remote);
            else this.deps.onReset(this);
          }).catch((e: unknown) => {
            this.stale = true;
            this.deps.log(`rebuild failed: ${(e as Error).message}`);
          });
          for (const p of refused) p.reject(err);
          continue;
        }
        this.durableRev = batch.at(-1)!.events.at(-1)!.rev;
        for (const p of batch) p.resolve();
        this.deps.onEvents(
          this,
          batch.flatMap((p) => p.events),
        );
        this.checkTurnNear();
      }
    } finally {
      // In the same turn as the last look at `pending`: an append queued after it starts a new
      // loop instead of waiting for one that has ended.
      this.flushing = null;
    }
  }

  /** Waits until every decided event is on disk (or refused). */
  private async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async waitForGate(): Promise<void> {
    while (this.gates.size > 0) await Promise.allSettled([...this.gates]);
  }

  /**
   * Brings the state up to date with what other server processes journalled (a shared journal
   * tells through `watch`). They published those events themselves.
   */
  async catchUp(): Promise<void> {
    await this.waitForGate();
    // Two catch-ups woken together would both apply the same remote events.
    if (this.gates.size > 0) return this.catchUp();
    if (this.stale) {
      await this.rebuildStale();
      return;
    }
    await this.runGated(async () => {
      await this.drain();
      const day = this.state.day;
      const after = this.state.rev;
      const fresh = (await this.readAfter(day, after)).filter((e) => e.rev > this.state.rev);
      if (fresh.length === 0 || this.state.day !== day) return;
      for (const e of fresh) {
        evolve(this.state, e);
        this.state.rev = e.rev;
      }
      this.durableRev = this.state.rev;
      this.deps.onRemoteEvents?.(this, fresh);
    });
    this.checkTurnNear();
  }

  /**
   * Journals `ticket:turn-near` for the SMS requests whose ticket now waits close enough, after
   * every durable batch (this server's or another's) and at start. The command decides from the
   * state, so two servers asking at once record it once; one that fails is tried again after
   * the next batch.
   */
  private checkTurnNear(): void {
    if (turnNearEvents(this.state, this.config, this.deps.now()).length === 0) return;
    void this.execute({ type: 'notify-turn-near' }).then(
      (done) => {
        if (!done.ok)
          this.deps.log(`hall ${this.hallId}: turn-near not recorded: ${done.error.message}`);
      },
      (err: unknown) =>
        this.deps.log(`hall ${this.hallId}: turn-near not recorded: ${(err as Error).message}`),
    );
  }

  /** After a rebuild failed: rebuilds now; false while the journal still cannot be read. */
  private async rebuildStale(): Promise<boolean> {
    try {
      await this.runGated(async () => {
        if (!this.stale) return;
        await this.drain();
        this.state = (await this.replay(this.state.day)).state;
        this.durableRev = this.state.rev;
        this.stale = false;
        this.deps.onReset(this);
      });
    } catch (err) {
      this.deps.log(`rebuild failed: ${(err as Error).message}`);
    }
    return !this.stale;
  }

  /** The journalled events of `day` after `rev` (a shared journal reads only those). */
  private async readAfter(day: string, rev: number): Promise<RevEvent[]> {
    const { journal } = this.deps;
    if (journal.readAfter) return journal.readAfter(this.hallId, day, rev);
    return (await journal.read(this.hallId, day)).events.filter((e) => e.rev > rev);
  }

  private async replay(day: string): Promise<{ state: HallState; events: RevEvent[] }> {
    const { events, tornTail } = await this.deps.journal.read(this.hallId, day);
    if (tornTail)
      this.deps.log(`journal ${this.hallId}/${day}: skipped a torn last line (crash during write)`);
    const state = emptyHallState(this.hallId, day);
    for (const e of events) {
      evolve(state, e);
      state.rev = e.rev;
    }
    return { state, events };
  }

  private async rollover(): Promise<void> {
    await this.drain();
    // Close a copy of what is durable: if the day-end events cannot be stored, the live state
    // must not already hold them (the next attempt would find nothing left to close).
    await this.closeDay((await this.replay(this.state.day)).state);
    this.state = emptyHallState(this.hallId, localDay(this.deps.now(), this.config.hall.timeZone));
    this.durableRev = 0;
    this.deps.onReset(this);
  }

  /** Ends what is still open in a day, journals it, and writes the day summary. */
  private async closeDay(state: HallState, attempt = 0): Promise<void> {
    const now = this.deps.now();
    const events: RevEvent[] = closeDayEvents(state, now).map((e) => {
      evolve(state, e);
      state.rev += 1;
      return { ...e, rev: state.rev } as RevEvent;
    });
    try {
      if (events.length > 0) await this.deps.journal.append(this.hallId, state.day, events);
    } catch (err) {
      // Another server closed (or still wrote to) the same day first: close what it left.
      if (!(err instanceof JournalConflictError) || attempt >= MAX_CONFLICT_RETRIES) throw err;
      return this.closeDay((await this.replay(state.day)).state, attempt + 1);
    }
    const journal = await this.deps.journal.read(this.hallId, state.day);
    await this.deps.summaries.write(
      daySummaryOf(
        { hallId: this.hallId, day: state.day, closedAt: now, lastRev: state.rev },
        foldRecords(journal.events, this.config.hall, this.config.services),
      ),
    );
    this.deps.log(`hall ${this.hallId}: day ${state.day} closed (${state.tickets.size} tickets)`);
  }

  private async runGated(work: () => Promise<void>): Promise<void> {
    const run = work().finally(() => this.gates.delete(run));
    this.gates.add(run);
    return run;
  }
}
