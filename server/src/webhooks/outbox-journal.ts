import { performance } from 'node:perf_hooks';
import type { RevEvent } from '../../../contract/events.js';
import type { EventJournal } from '../store/store.js';

/** Past days kept in memory per hall besides the live one (endpoints catching up). */
const PAST_DAYS_KEPT = 8;
/**
 * A past day nobody read for this long is dropped: closed days have their notes and mobile
 * numbers blanked in the store (retention), and memory must not keep them longer.
 */
const PAST_DAY_IDLE_MS = 5 * 60_000;
/** Days walked in one look for the next event (a long-paused endpoint goes on next time). */
const MAX_DAY_HOPS = 400;

interface DayWindow {
  /** The day's events from revision 1, contiguous. */
  events: RevEvent[];
  /** Read after the hall moved on to a later day: nothing more will come. */
  final: boolean;
  /** A live batch did not follow on (or the state was rebuilt): read again at the end. */
  stale: boolean;
  /** When a reader last used it (performance.now()). */
  usedAt: number;
}

export interface JournalWindowDeps {
  hallId: string;
  journal: EventJournal;
  /** The day the hall's queue writes now; undefined when the hall is gone. */
  liveDay: () => string | undefined;
}

/**
 * One hall's journal as the outbox reads it: each day read from the store once, then the live
 * day followed by the batches the hall queue publishes (so a delivery never re-reads a file),
 * and a handful of past days for endpoints that are behind.
 */
export class JournalWindow {
  private readonly days = new Map<string, DayWindow>();
  private readonly loading = new Map<string, { pending: RevEvent[]; done: Promise<DayWindow> }>();
  private dayList: string[] = [];

  constructor(private readonly deps: JournalWindowDeps) {}

  /** A durable batch of `day` (this server's or another's), in revision order. */
  appended(day: string, events: readonly RevEvent[]): void {
    const load = this.loading.get(day);
    if (load) load.pending.push(...events);
    else {
      const window = this.days.get(day);
      if (window) extend(window, events);
    }
  }

  /** The hall's state was rebuilt from the journal: what is cached may miss a batch. */
  reset(): void {
    for (const window of this.days.values()) window.stale = true;
  }

  /** The first event after `rev` of `day`, walking on to later days once a day is over. */
  async head(from: { day: string; rev: number }): Promise<{ day: string; event: RevEvent } | null> {
    let { day, rev } = from;
    this.prune();
    for (let hop = 0; hop < MAX_DAY_HOPS; hop += 1) {
      const live = this.deps.liveDay();
      const past = live !== undefined && day < live;
      let window = this.days.get(day) ?? (await this.fill(day, past));
      window.usedAt = performance.now();
      let i = firstAfter(window.events, rev);
      if (i === window.events.length && (window.stale || (past && !window.final))) {
        window = await this.fill(day, past);
        i = firstAfter(window.events, rev);
      }
      if (i < window.events.length) return { day, event: window.events[i]! };
      if (!past) return null;
      const next = await this.dayAfter(day);
      if (next === undefined) return null;
      day = next;
      rev = 0;
    }
    return null;
  }

  /**
   * The events of `day` before revision `rev` (what a delivery's facts are folded from). Only
   * for a day `head` or `event` just returned an event of: it is in memory then.
   */
  before(day: string, rev: number): readonly RevEvent[] {
    const events = this.days.get(day)?.events ?? [];
    return events.slice(0, firstAfter(events, rev - 1));
  }

  /** One event of one day (for a resend), or undefined. */
  async event(day: string, rev: number): Promise<RevEvent | undefined> {
    const live = this.deps.liveDay();
    const window = this.days.get(day) ?? (await this.fill(day, live !== undefined && day < live));
    let found = window.events[firstAfter(window.events, rev - 1)];
    if (found?.rev !== rev && window.stale) {
      const fresh = await this.fill(day, live !== undefined && day < live);
      found = fresh.events[firstAfter(fresh.events, rev - 1)];
    }
    return found?.rev === rev ? found : undefined;
  }

  /** Reads what the store holds of `day` after what is cached; one read per day at a time. */
  private fill(day: string, final: boolean): Promise<DayWindow> {
    const running = this.loading.get(day);
    if (running) return running.done;
    const pending: RevEvent[] = [];
    const done = (async () => {
      const window: DayWindow = this.days.get(day) ?? {
        events: [],
        final: false,
        stale: false,
        usedAt: performance.now(),
      };
      const after = window.events.at(-1)?.rev ?? 0;
      const fresh = await this.readAfter(day, after);
      window.stale = false;
      window.final ||= final;
      window.usedAt = performance.now();
      extend(window, fresh);
      extend(window, pending);
      this.days.set(day, window);
      this.prune();
      return window;
    })().finally(() => this.loading.delete(day));
    this.loading.set(day, { pending, done });
    return done;
  }

  private async readAfter(day: string, rev: number): Promise<RevEvent[]> {
    const { journal, hallId } = this.deps;
    if (journal.readAfter) return journal.readAfter(hallId, day, rev);
    return (await journal.read(hallId, day)).events.filter((e) => e.rev > rev);
  }

  private async dayAfter(day: string): Promise<string | undefined> {
    const known = this.dayList.find((d) => d > day);
    if (known !== undefined) return known;
    this.dayList = await this.deps.journal.days(this.deps.hallId);
    return this.dayList.find((d) => d > day);
  }

  private prune(): void {
    const live = this.deps.liveDay();
    const idleSince = performance.now() - PAST_DAY_IDLE_MS;
    const past = [...this.days.entries()].filter(([day]) => day !== live);
    past.sort((a, b) => b[1].usedAt - a[1].usedAt);
    past.forEach(([day, window], i) => {
      if (i >= PAST_DAYS_KEPT || window.usedAt < idleSince) this.days.delete(day);
    });
  }
}

/** Appends what follows on; a gap marks the window stale (the store has what is missing). */
function extend(window: DayWindow, events: readonly RevEvent[]): void {
  for (const e of events) {
    const last = window.events.at(-1)?.rev ?? 0;
    if (e.rev === last + 1) window.events.push(e);
    else if (e.rev > last + 1) {
      window.stale = true;
      return;
    }
  }
}

/** The index of the first event after `rev` in a list sorted by revision. */
export function firstAfter<T extends { rev: number }>(events: readonly T[], rev: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (events[mid]!.rev <= rev) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
