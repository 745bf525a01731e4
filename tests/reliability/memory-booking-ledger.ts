// An in-memory booking ledger for tests that drive the server without a data folder or a
// database (memory-store.ts): the same refusals as the real stores (a taken revision is a
// JournalConflictError, a gap or a foreign hall a fault), checked by the ledger contract.
import type { BookingRevEvent } from '../../contract/booking-events.js';
import {
  blankBookingContacts,
  checkLedgerBatch,
  LEDGER,
} from '../../server/src/store/booking-ledger-rules.js';
import { JournalConflictError } from '../../server/src/store/journal-conflict.js';
import type { BookingLedger } from '../../server/src/store/store.js';

export class MemoryBookingLedger implements BookingLedger {
  readonly ledgers = new Map<string, BookingRevEvent[]>();

  read(hallId: string): Promise<BookingRevEvent[]> {
    return this.readAfter(hallId, 0);
  }

  readAfter(hallId: string, afterRev: number): Promise<BookingRevEvent[]> {
    const events = (this.ledgers.get(hallId) ?? []).filter((e) => e.rev > afterRev);
    return Promise.resolve(structuredClone(events));
  }

  async append(hallId: string, events: BookingRevEvent[]): Promise<void> {
    checkLedgerBatch(hallId, events);
    if (events.length === 0) return;
    const ledger = this.ledgers.get(hallId) ?? [];
    const last = ledger.at(-1)?.rev ?? 0;
    if (events[0]!.rev <= last) throw new JournalConflictError(hallId, LEDGER, events[0]!.rev);
    if (events[0]!.rev !== last + 1)
      throw new Error(`Booking ledger ${hallId}: revision ${events[0]!.rev} would leave a gap.`);
    ledger.push(...structuredClone(events));
    this.ledgers.set(hallId, ledger);
  }

  async erase(hallId: string, bookingIds: string[]): Promise<number> {
    const ids = new Set(bookingIds);
    const ledger = this.ledgers.get(hallId) ?? [];
    let blanked = 0;
    ledger.forEach((event, i) => {
      const edited = blankBookingContacts(event, ids);
      if (edited === event) return;
      ledger[i] = edited;
      blanked += 1;
    });
    return blanked;
  }
}
