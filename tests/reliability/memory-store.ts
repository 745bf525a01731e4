// An in-memory Store for driving the hall command loop under fc.scheduler: every journal
// append becomes durable (or fails) only when the scheduler says so.
import type { RevEvent } from '../../contract/events.js';
import type { ConfigData, SessionRecord } from '../../server/src/config/config-data.js';
import {
  statsPartOf,
  type DayStatsSummary,
  type DaySummary,
} from '../../server/src/stats/day-summary.js';
import { JournalConflictError } from '../../server/src/store/journal-conflict.js';
import { MemoryBookingLedger } from './memory-booking-ledger.js';
import { MemoryWebhookStore } from './memory-webhook-store.js';
import type {
  DaySummaryStore,
  EventJournal,
  JournalRead,
  SessionStore,
  Store,
} from '../../server/src/store/store.js';

/** Decides when (and whether) an append becomes durable; resolve = durable, reject = failed. */
export type Durability = (hallId: string, day: string, events: RevEvent[]) => Promise<void>;

/**
 * One journal, shared by every "server process" given it: appends keep their call order, an
 * append whose first revision is not the next one is refused with a conflict (as the shared
 * store's unique revision guard does), and watchers of other processes hear of each append.
 */
export class MemoryJournal implements EventJournal {
  readonly lines = new Map<string, RevEvent[]>();
  private tail: Promise<void> = Promise.resolve();
  private readonly watchers = new Set<{
    process: string;
    hallId: string;
    on: (day: string) => void;
  }>();

  constructor(private readonly durability: Durability) {}

  events(hallId: string, day: string): RevEvent[] {
    return this.lines.get(`${hallId}/${day}`) ?? [];
  }

  read(hallId: string, day: string): Promise<JournalRead> {
    return Promise.resolve({ events: structuredClone(this.events(hallId, day)), tornTail: false });
  }

  append(hallId: string, day: string, events: RevEvent[], process = ''): Promise<void> {
    const copy = structuredClone(events);
    const done = this.tail.then(async () => {
      await this.durability(hallId, day, copy);
      const key = `${hallId}/${day}`;
      const list = this.lines.get(key) ?? [];
      const expected = (list.at(-1)?.rev ?? 0) + 1;
      if (copy.length > 0 && copy[0]!.rev !== expected)
        throw new JournalConflictError(hallId, day, copy[0]!.rev);
      list.push(...copy);
      this.lines.set(key, list);
      // Said twice in the same turn, as a notifier that batches or repeats itself may.
      for (const w of this.watchers)
        if (w.hallId === hallId && w.process !== process) [1, 2].forEach(() => w.on(day));
    });
    this.tail = done.catch(() => undefined);
    return done;
  }

  days(hallId: string): Promise<string[]> {
    const days = [...this.lines.keys()]
      .filter((k) => k.startsWith(`${hallId}/`))
      .map((k) => k.slice(hallId.length + 1))
      .sort();
    return Promise.resolve(days);
  }

  /** What one of several server processes sees: it hears of the others' appends only. */
  shared(process: string): EventJournal {
    return {
      read: (hallId, day) => this.read(hallId, day),
      append: (hallId, day, events) => this.append(hallId, day, events, process),
      days: (hallId) => this.days(hallId),
      watch: (hallId, onAppend) => {
        const w = { process, hallId, on: onAppend };
        this.watchers.add(w);
        return () => this.watchers.delete(w);
      },
    };
  }
}

export class MemorySummaries implements DaySummaryStore {
  readonly written: DaySummary[] = [];
  write(summary: DaySummary): Promise<void> {
    this.written.push(structuredClone(summary));
    return Promise.resolve();
  }
  read(hallId: string, day: string): Promise<DaySummary | undefined> {
    return Promise.resolve(this.written.findLast((s) => s.hallId === hallId && s.day === day));
  }
  async readStats(hallId: string, day: string): Promise<DayStatsSummary | undefined> {
    const summary = await this.read(hallId, day);
    return summary && statsPartOf(summary);
  }
  days(hallId: string): Promise<string[]> {
    const days = new Set(this.written.filter((s) => s.hallId === hallId).map((s) => s.day));
    return Promise.resolve([...days].sort());
  }
}

const noSessions: SessionStore = {
  get: (): SessionRecord | undefined => undefined,
  put: () => Promise.resolve(),
  delete: () => Promise.resolve(),
  deleteForUser: () => Promise.resolve(),
};

/** A Store over a (possibly shared) journal; `journal` is what this process sees of it. */
export function memoryStore(
  config: ConfigData,
  journal: EventJournal,
  summaries: DaySummaryStore = new MemorySummaries(),
): Store {
  let data = config;
  return {
    config: {
      read: () => data,
      update: (mutate) => {
        const draft = structuredClone(data);
        mutate(draft);
        data = draft;
        return Promise.resolve(data);
      },
    },
    sessions: noSessions,
    journal,
    summaries,
    bookings: new MemoryBookingLedger(),
    webhooks: new MemoryWebhookStore(),
    close: () => Promise.resolve(),
  };
}
