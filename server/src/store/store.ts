import type { BookingRevEvent } from '../../../contract/booking-events.js';
import type { RevEvent } from '../../../contract/events.js';
import type { WebhookLogEntry } from '../../../contract/webhooks.js';
import type { ConfigData, SessionRecord } from '../config/config-data.js';
import type { DayStatsSummary, DaySummary } from '../stats/day-summary.js';

/** Configuration: read from memory, written through to disk. */
export interface ConfigStore {
  /** The current configuration. Callers must not mutate it. */
  read(): ConfigData;
  /** Applies `mutate` to a copy, persists it, then makes it current. Rejects without change on failure. */
  update(mutate: (draft: ConfigData) => void): Promise<ConfigData>;
}

export interface SessionStore {
  get(idHash: string): SessionRecord | undefined;
  put(session: SessionRecord): Promise<void>;
  delete(idHash: string): Promise<void>;
  /**
   * Ends every session of `userId` but `exceptIdHash`'s, in one write: the kept session never
   * disappears, not even for a moment (a parallel request, a sweep or another server would
   * see it gone).
   */
  deleteForUser(userId: string, exceptIdHash?: string): Promise<void>;
}

export interface JournalRead {
  events: RevEvent[];
  /** A last line that was cut by a crash and skipped. */
  tornTail: boolean;
}

/** The append-only event journal of each hall-day. */
export interface EventJournal {
  /** All events of one hall-day in revision order. */
  read(hallId: string, day: string): Promise<JournalRead>;
  /**
   * Appends events; resolves only once they are durable (fdatasync). Appends from the same
   * tick share one flush. On failure nothing of the batch is left in the journal.
   */
  append(hallId: string, day: string, events: RevEvent[]): Promise<void>;
  /** The days with a journal, ascending. */
  days(hallId: string): Promise<string[]>;
  /**
   * Blanks the note of every completed visit in the journal of a closed hall-day (never the day
   * being written), atomically; notes have a retention period. Resolves to the number of notes
   * blanked. Optional: a store without it keeps its journals as written.
   */
  blankNotes?(hallId: string, day: string): Promise<number>;
  /**
   * Blanks (`''`) the mobile numbers of `ticket:sms-requested` in a closed day's journal,
   * atomically: a number is kept only for the day its SMS is for (KVKK). Resolves to the number
   * of events changed. Optional: a store without it keeps its journals as written.
   */
  blankPhones?(hallId: string, day: string): Promise<number>;
  /**
   * Only for a journal shared by several server processes: calls `onAppend` when another
   * process appended to a hall's journal. Returns an unsubscribe function.
   */
  watch?(hallId: string, onAppend: (day: string) => void): () => void;
  /**
   * Only for a shared journal: the events of one hall-day after `afterRev`, in revision order,
   * so catching up with another process costs what it wrote, not the whole day.
   */
  readAfter?(hallId: string, day: string, afterRev: number): Promise<RevEvent[]>;
}

export interface DaySummaryStore {
  write(summary: DaySummary): Promise<void>;
  read(hallId: string, day: string): Promise<DaySummary | undefined>;
  /** The summary without what only exports need (cheaper to read for a long range). */
  readStats(hallId: string, day: string): Promise<DayStatsSummary | undefined>;
  /** Days with a summary, ascending. */
  days(hallId: string): Promise<string[]>;
}

/**
 * The booking ledger of each hall: one append-only, revision-numbered stream (1, 2, 3… with no
 * gaps), the truth about bookings. Like the journal, the revision is the lock between servers.
 */
export interface BookingLedger {
  /** All events of the hall's ledger in revision order (a torn last line is skipped). */
  read(hallId: string): Promise<BookingRevEvent[]>;
  /** The events after `afterRev`, in revision order: catching up costs what was written since. */
  readAfter(hallId: string, afterRev: number): Promise<BookingRevEvent[]>;
  /**
   * Appends events (consecutive revisions, the first one after the last stored); resolves only
   * once they are durable. Rejects with `JournalConflictError` when a revision is taken already
   * (by another server, or an earlier append): then nothing of the batch is written.
   */
  append(hallId: string, events: BookingRevEvent[]): Promise<void>;
  /**
   * Blanks the name ('') and phone (null) in the stored `booking:made` events of these bookings,
   * atomically (all or none). The `bookings:erased` event is the caller's to append. Resolves to
   * the number of events blanked (0 for ids unknown or already blank).
   */
  erase(hallId: string, bookingIds: string[]): Promise<number>;
  /**
   * Only for a ledger shared by several server processes: calls `onAppend` when another process
   * appended to the hall's ledger (or notices may have been lost). Returns an unsubscribe function.
   */
  watch?(hallId: string, onAppend: () => void): () => void;
  /**
   * True when this process is the ledger's only writer (the data folder is locked to one
   * process): what it folded from its own appends is all there is, so it never re-reads before
   * deciding. A ledger that is neither exclusive nor watched is re-read before each command.
   */
  readonly exclusive?: boolean;
}

/** Where one webhook endpoint's deliveries stand in its hall's two streams (the outbox). */
export interface WebhookCursor {
  /** The hall-day journal: everything up to revision `rev` of `day` is delivered (or not wanted). */
  day: string;
  rev: number;
  /** The booking ledger: everything up to this revision is delivered (or not wanted). */
  bookingRev: number;
}

/** One endpoint's durable delivery state: the cursor and the event it is retrying, if any. */
export interface WebhookDeliveryState {
  endpointId: string;
  cursor: WebhookCursor;
  /** Tries of the event after the cursor that failed so far (0: none failing). */
  attempts: number;
  /** When that event first failed. */
  failingSince: number | null;
  nextAttemptAt: number | null;
  lastSuccessAt: number | null;
  lastError: string | null;
}

/**
 * The only server that delivers webhooks holds this lease: the data folder's one process in
 * the embedded store, a PostgreSQL advisory lock on its own connection when several servers
 * share a database (a killed server's connection closes, and another takes over).
 */
export interface WebhookLease {
  /** Tries to become (or stay) the deliverer; never waits for another holder. */
  acquire(): Promise<boolean>;
  /** Whether this process holds it now (false once its connection is lost). */
  readonly held: boolean;
  release(): Promise<void>;
}

/** Webhook delivery state and log, per endpoint; the events themselves are the journals'. */
export interface WebhookStore {
  readState(endpointId: string): Promise<WebhookDeliveryState | undefined>;
  /** Resolves once the state is durable. */
  writeState(state: WebhookDeliveryState): Promise<void>;
  /** Adds a try to the endpoint's log, keeping the last `WEBHOOK_LIMITS.logEntries`. */
  appendLog(endpointId: string, entry: WebhookLogEntry): Promise<void>;
  /** The endpoint's last tries, newest first. */
  readLog(endpointId: string, limit: number): Promise<WebhookLogEntry[]>;
  /** Drops an endpoint's state and log (it was deleted). */
  forget(endpointId: string): Promise<void>;
  readonly lease: WebhookLease;
}

export interface Store {
  config: ConfigStore;
  sessions: SessionStore;
  journal: EventJournal;
  summaries: DaySummaryStore;
  bookings: BookingLedger;
  webhooks: WebhookStore;
  close(): Promise<void>;
}
