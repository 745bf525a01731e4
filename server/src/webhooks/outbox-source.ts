import type { BookingRevEvent } from '../../../contract/booking-events.js';
import type { RevEvent } from '../../../contract/events.js';
import type { BookingLedger, EventJournal, WebhookCursor } from '../store/store.js';
import { BookingWindow } from './outbox-bookings.js';
import { JournalWindow } from './outbox-journal.js';
import type { BookingFacts, WebhookSource } from './webhook-facts.js';

/** The next event after a cursor, and the cursor once it is delivered (or skipped). */
export interface OutboxStep {
  source: WebhookSource;
  after: WebhookCursor;
}

/** Where an event id points (`parseWebhookEventId`). */
export type OutboxPlace =
  | { stream: 'journal'; hallId: string; day: string; rev: number }
  | { stream: 'bookings'; hallId: string; rev: number };

export interface OutboxSourceDeps {
  journal: EventJournal;
  ledger: BookingLedger;
  /** The day a hall's queue writes now; undefined for a hall that is gone. */
  liveDay: (hallId: string) => string | undefined;
  /** A booking as the hall's folded ledger holds it now (name and phone blank once erased). */
  booking: (hallId: string, bookingId: string) => BookingFacts | undefined;
}

interface HallOutbox {
  journal: JournalWindow;
  bookings: BookingWindow;
  unwatch: (() => void) | undefined;
}

/**
 * The outbox: each hall's two durable streams, the hall-day journal and the booking ledger,
 * read in order after a cursor. Events come from memory (fed live by the hall queue and the
 * ledger, see `observedLedger`); a cursor behind that reads the store once per day or tail.
 * Listeners hear when a hall has something new.
 */
export class OutboxSource {
  private readonly halls = new Map<string, HallOutbox>();
  private readonly listeners = new Set<(hallId: string) => void>();

  constructor(private readonly deps: OutboxSourceDeps) {}

  /** A durable batch of a hall-day journal (this server's or, caught up, another's). */
  journalAppended(hallId: string, day: string, events: readonly RevEvent[]): void {
    this.halls.get(hallId)?.journal.appended(day, events);
    this.notify(hallId);
  }

  /** The hall's state was rebuilt from its journal (a failed write, a new day). */
  journalReset(hallId: string): void {
    this.halls.get(hallId)?.journal.reset();
    this.notify(hallId);
  }

  bookingsAppended(hallId: string, events: readonly BookingRevEvent[]): void {
    this.halls.get(hallId)?.bookings.appended(events);
    this.notify(hallId);
  }

  bookingsErased(hallId: string): void {
    this.halls.get(hallId)?.bookings.erased();
  }

  /** Calls `listener` with the hall's id when it may have a new event. */
  onAppend(listener: (hallId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The next event after `cursor`: the earlier (by `at`, journal first on a tie) of the two
   * streams' next events; null when neither has one yet.
   */
  async next(hallId: string, cursor: WebhookCursor): Promise<OutboxStep | null> {
    const hall = this.hall(hallId);
    const [journal, booking] = await Promise.all([
      hall.journal.head(cursor),
      hall.bookings.head(cursor.bookingRev),
    ]);
    if (journal && (!booking || journal.event.at <= booking.at))
      return {
        source: { stream: 'journal', day: journal.day, event: journal.event },
        after: { day: journal.day, rev: journal.event.rev, bookingRev: cursor.bookingRev },
      };
    if (booking)
      return {
        source: { stream: 'bookings', event: booking },
        after: { ...cursor, bookingRev: booking.rev },
      };
    return null;
  }

  /** The event at a place (a resend), or undefined when the stream has none there. */
  async find(place: OutboxPlace): Promise<WebhookSource | undefined> {
    const hall = this.hall(place.hallId);
    if (place.stream === 'journal') {
      const event = await hall.journal.event(place.day, place.rev);
      return event && { stream: 'journal', day: place.day, event };
    }
    const event = await hall.bookings.event(place.rev);
    return event && { stream: 'bookings', event };
  }

  /**
   * The journal events of `day` before revision `rev`, to fold a delivery's facts from. Call
   * right after `next` or `find` returned an event of that day (it is in memory then).
   */
  journalBefore(hallId: string, day: string, rev: number): readonly RevEvent[] {
    return this.halls.get(hallId)?.journal.before(day, rev) ?? [];
  }

  /** A booking as the hall's folded ledger holds it now. */
  booking(hallId: string, bookingId: string): BookingFacts | undefined {
    return this.deps.booking(hallId, bookingId);
  }

  close(): void {
    for (const hall of this.halls.values()) hall.unwatch?.();
    this.halls.clear();
    this.listeners.clear();
  }

  private hall(hallId: string): HallOutbox {
    let hall = this.halls.get(hallId);
    if (!hall) {
      const { journal, ledger, liveDay } = this.deps;
      const bookings = new BookingWindow(hallId, ledger);
      hall = {
        journal: new JournalWindow({ hallId, journal, liveDay: () => liveDay(hallId) }),
        bookings,
        // A ledger shared by several servers tells of the others' appends.
        unwatch: ledger.watch?.(hallId, () => {
          bookings.changedElsewhere();
          this.notify(hallId);
        }),
      };
      this.halls.set(hallId, hall);
    }
    return hall;
  }

  private notify(hallId: string): void {
    for (const listener of this.listeners) listener(hallId);
  }
}

/**
 * The booking ledger as the booking service uses it, telling the outbox of each durable append
 * and erasure of this server (no second write: the ledger is the outbox).
 */
export function observedLedger(ledger: BookingLedger, outbox: OutboxSource): BookingLedger {
  return {
    read: (hallId) => ledger.read(hallId),
    readAfter: (hallId, afterRev) => ledger.readAfter(hallId, afterRev),
    append: async (hallId, events) => {
      await ledger.append(hallId, events);
      outbox.bookingsAppended(hallId, events);
    },
    erase: async (hallId, bookingIds) => {
      try {
        return await ledger.erase(hallId, bookingIds);
      } finally {
        outbox.bookingsErased(hallId);
      }
    },
    ...(ledger.watch ? { watch: ledger.watch.bind(ledger) } : {}),
    ...(ledger.exclusive !== undefined ? { exclusive: ledger.exclusive } : {}),
  };
}
