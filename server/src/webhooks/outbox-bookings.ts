import type { BookingRevEvent } from '../../../contract/booking-events.js';
import { blankBookingContacts } from '../store/booking-ledger-rules.js';
import type { BookingLedger } from '../store/store.js';
import { firstAfter } from './outbox-journal.js';

/** Ledger events kept in memory per hall; past twice this, the oldest half is dropped. */
const EVENTS_KEPT = 5_000;

/**
 * One hall's booking ledger as the outbox reads it: the tail from the earliest revision an
 * endpoint asked for, followed live by this server's appends (and, on a shared ledger, read on
 * from the store when another server appended), so deliveries do not re-read the ledger.
 */
export class BookingWindow {
  private events: BookingRevEvent[] = [];
  /** The revision `events[0]` has, or would have. */
  private first = 1;
  /** The last revision known to be in the ledger. */
  private last = 0;
  private known = false;
  private stale = false;
  private loading: { pending: BookingRevEvent[]; done: Promise<void> } | null = null;
  /** Counts erasures: a read that overlapped one may hold what was erased. */
  private erasures = 0;

  constructor(
    private readonly hallId: string,
    private readonly ledger: BookingLedger,
  ) {}

  /** A durable batch this server appended, in revision order. */
  appended(events: readonly BookingRevEvent[]): void {
    if (this.loading) this.loading.pending.push(...events);
    else if (this.known) {
      this.extend(events);
      // Endpoints far behind read the store again; the live tail stays small.
      if (this.events.length > 2 * EVENTS_KEPT) {
        this.events = this.events.slice(-EVENTS_KEPT);
        this.first = this.events[0]!.rev;
      }
    }
  }

  /** Another server appended (a shared ledger's notice): read on at the end. */
  changedElsewhere(): void {
    this.stale = true;
  }

  /** Names and phone numbers were blanked in the store: what memory holds is forgotten. */
  erased(): void {
    this.erasures += 1;
    this.known = false;
    this.events = [];
  }

  /** The first event after `rev`, or null when there is none yet. */
  async head(rev: number): Promise<BookingRevEvent | null> {
    if (!this.known || rev < this.first - 1 || rev > this.last) await this.fill(rev, true);
    let i = firstAfter(this.events, rev);
    if (i === this.events.length && this.stale) {
      await this.fill(this.last, false);
      i = firstAfter(this.events, rev);
    }
    return this.events[i] ?? null;
  }

  /** One event (for a resend), or undefined. */
  async event(rev: number): Promise<BookingRevEvent | undefined> {
    if (this.known && rev >= this.first && rev <= this.last)
      return this.events[firstAfter(this.events, rev - 1)];
    const [found] = await this.ledger.readAfter(this.hallId, rev - 1);
    return found?.rev === rev ? found : undefined;
  }

  private async fill(after: number, replace: boolean): Promise<void> {
    while (this.loading) await this.loading.done;
    const pending: BookingRevEvent[] = [];
    const erasures = this.erasures;
    let overlapped = false;
    const done = (async () => {
      const fresh = await this.ledger.readAfter(this.hallId, after);
      overlapped = erasures !== this.erasures;
      if (overlapped) return;
      this.stale = false;
      if (replace) {
        this.events = [];
        this.first = after + 1;
        this.last = after;
        this.known = true;
      }
      this.extend(fresh);
      this.extend(pending);
    })().finally(() => {
      this.loading = null;
    });
    this.loading = { pending, done };
    await done;
    if (overlapped) await this.fill(after, true);
  }

  /** Blanks the names and numbers of `bookingIds` held in memory, as the store's `erase` does. */
  private blank(bookingIds: ReadonlySet<string>): void {
    this.events = this.events.map((e) => blankBookingContacts(e, bookingIds));
  }

  private extend(events: readonly BookingRevEvent[]): void {
    for (const e of events) {
      if (e.rev === this.last + 1) {
        this.events.push(e);
        this.last = e.rev;
        // Another server's retention blanked the store; memory must not keep what it erased.
        if (e.type === 'bookings:erased') this.blank(new Set(e.bookingIds));
      } else if (e.rev > this.last + 1) {
        this.stale = true;
        return;
      }
    }
  }
}
