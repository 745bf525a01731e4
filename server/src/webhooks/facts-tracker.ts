import type { RevEvent } from '../../../contract/events.js';
import {
  WebhookFacts,
  type BookingFacts,
  type WebhookFactsLookup,
  type WebhookSource,
} from './webhook-facts.js';

export interface FactsTrackerDeps {
  hallId: string;
  /** The day's journal events before a revision (in memory right after the outbox read). */
  journalBefore: (day: string, rev: number) => readonly RevEvent[];
  /** Bookings as the hall's folded ledger holds them now (erased names stay erased). */
  booking: (bookingId: string) => BookingFacts | undefined;
}

/**
 * The facts one reader of a hall's outbox needs for its delivery bodies (a ticket's number and
 * service, a booking's slot), kept in step with the events it passes: each event is noted once
 * the reader moves past it, so the next delivery costs nothing to look up. A reader that
 * starts mid-day, or skips without noting, is folded again from its day's events once.
 */
export class FactsTracker {
  private facts: WebhookFacts;
  /** The journal place the facts are folded up to (inclusive); null: not in step. */
  private at: { day: string; rev: number } | null = null;

  constructor(private readonly deps: FactsTrackerDeps) {
    this.facts = new WebhookFacts(deps.hallId);
  }

  /** What the events before `source` told; call right after reading `source`. */
  lookupFor(source: WebhookSource): WebhookFactsLookup {
    if (source.stream === 'journal' && !this.inStepWith(source.day, source.event.rev)) {
      this.facts = new WebhookFacts(this.deps.hallId);
      const { day, event } = source;
      for (const e of this.deps.journalBefore(day, event.rev))
        this.facts.note({ stream: 'journal', day, event: e });
      this.at = { day, rev: event.rev - 1 };
    }
    return {
      ticket: (ticketId) => this.facts.ticket(ticketId),
      booking: (bookingId) => this.deps.booking(bookingId),
    };
  }

  /** The reader moved past `source` (delivered or passed over). */
  passed(source: WebhookSource): void {
    if (source.stream !== 'journal') return;
    if (this.inStepWith(source.day, source.event.rev)) {
      this.facts.note(source);
      this.at = { day: source.day, rev: source.event.rev };
    } else this.at = null;
  }

  private inStepWith(day: string, rev: number): boolean {
    if (this.at === null) return false;
    // A new day starts from nothing: its first event needs no earlier ones.
    if (this.at.day !== day) return rev === 1 && day > this.at.day;
    return this.at.rev === rev - 1;
  }
}
