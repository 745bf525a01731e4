import { describe, expect, it } from 'vitest';
import type { BookingRevEvent } from '../../contract/booking-events.js';
import { JournalConflictError } from '../../server/src/store/journal-conflict.js';
import { bookingCancelled, bookingMade, type StoreUnderTest } from './store-fixtures.js';

function moved(rev: number, bookingId: string): BookingRevEvent {
  return {
    type: 'booking:moved',
    rev,
    hallId: 'hall-a',
    bookingId,
    at: 1_700_000_000_000 + rev * 1000,
    slotAt: 1_700_200_000_000,
    day: '2023-11-17',
    time: '10:00',
  };
}

function erasedContacts(event: BookingRevEvent): BookingRevEvent {
  return { ...event, name: '', phone: null, addressHash: null } as BookingRevEvent;
}

/**
 * The booking ledger's part of the store contract, through the Store interface only; `current`
 * is the test's store under test (reopened ones included).
 */
export function describeBookingLedgerContract(current: () => StoreUnderTest): void {
  describe('booking ledger', () => {
    it('when a hall has no ledger, then read and readAfter give no events', async () => {
      const { store } = current();

      expect(await store.bookings.read('hall-a')).toEqual([]);
      expect(await store.bookings.readAfter('hall-a', 0)).toEqual([]);
    });

    it('when events are appended, then read returns them in revision order, text intact, and readAfter only the later ones', async () => {
      const { store } = current();
      await store.bookings.append('hall-a', [bookingMade(1, 'b-1'), bookingMade(2, 'b-2')]);
      await store.bookings.append('hall-a', [bookingCancelled(3, 'b-1')]);

      expect(await store.bookings.read('hall-a')).toEqual([
        bookingMade(1, 'b-1'),
        bookingMade(2, 'b-2'),
        bookingCancelled(3, 'b-1'),
      ]);
      expect(await store.bookings.readAfter('hall-a', 1)).toEqual([
        bookingMade(2, 'b-2'),
        bookingCancelled(3, 'b-1'),
      ]);
      expect(await store.bookings.readAfter('hall-a', 3)).toEqual([]);
    });

    it('when appends are made one after the other without waiting, then all are stored in the order they were called', async () => {
      const { store } = current();

      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          store.bookings.append('hall-a', [bookingMade(i + 1, `b-${i + 1}`)]),
        ),
      );

      const revs = (await store.bookings.read('hall-a')).map((e) => e.rev);
      expect(revs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    });

    it('when the store is reopened, then the ledger reads the same and appends continue after it', async () => {
      const subject = current();
      await subject.store.bookings.append('hall-a', [bookingMade(1, 'b-1'), moved(2, 'b-1')]);

      const reopened = await subject.reopen();
      await reopened.bookings.append('hall-a', [bookingCancelled(3, 'b-1')]);

      expect(await reopened.bookings.read('hall-a')).toEqual([
        bookingMade(1, 'b-1'),
        moved(2, 'b-1'),
        bookingCancelled(3, 'b-1'),
      ]);
    });

    it('when an append reuses a revision that is taken, then it gets JournalConflictError and nothing of its batch is written, also after reopening', async () => {
      const subject = current();
      await subject.store.bookings.append('hall-a', [bookingMade(1, 'b-1'), bookingMade(2, 'b-2')]);

      const lost = subject.store.bookings.append('hall-a', [
        bookingMade(2, 'b-3'),
        bookingMade(3, 'b-4'),
      ]);

      await expect(lost).rejects.toBeInstanceOf(JournalConflictError);
      const kept = [bookingMade(1, 'b-1'), bookingMade(2, 'b-2')];
      expect(await subject.store.bookings.read('hall-a')).toEqual(kept);
      const reopened = await subject.reopen();
      expect(await reopened.bookings.read('hall-a')).toEqual(kept);
      await reopened.bookings.append('hall-a', [bookingMade(3, 'b-3')]);
      expect(await reopened.bookings.readAfter('hall-a', 2)).toEqual([bookingMade(3, 'b-3')]);
    });

    it('when two appends of the same revision are made at once, then exactly one is stored and the other gets JournalConflictError', async () => {
      const { store } = current();

      const outcomes = await Promise.allSettled([
        store.bookings.append('hall-a', [bookingMade(1, 'b-first')]),
        store.bookings.append('hall-a', [bookingMade(1, 'b-second')]),
      ]);

      expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
      const rejected = outcomes.find((o) => o.status === 'rejected')!;
      expect(rejected.reason).toBeInstanceOf(JournalConflictError);
      const stored = await store.bookings.read('hall-a');
      expect(stored).toHaveLength(1);
      expect([[bookingMade(1, 'b-first')], [bookingMade(1, 'b-second')]]).toContainEqual(stored);
    });

    it('when a batch would leave a gap or its revisions do not follow each other, then it is refused as a fault, not a conflict, and nothing is written', async () => {
      const { store } = current();
      await store.bookings.append('hall-a', [bookingMade(1, 'b-1')]);

      const outcomes = await Promise.allSettled([
        store.bookings.append('hall-a', [bookingMade(3, 'b-3')]),
        store.bookings.append('hall-a', [bookingMade(2, 'b-2'), moved(4, 'b-2')]),
        store.bookings.append('hall-a', [bookingMade(2, 'b-2', 'hall-b')]),
      ]);

      for (const outcome of outcomes) {
        expect(outcome.status).toBe('rejected');
        const reason = (outcome as PromiseRejectedResult).reason as Error;
        expect(reason).not.toBeInstanceOf(JournalConflictError);
        expect(reason.message).toMatch(/^Booking ledger hall-a: /);
      }
      expect(await store.bookings.read('hall-a')).toEqual([bookingMade(1, 'b-1')]);
    });

    it('when halls differ, then each keeps its own ledger and revisions', async () => {
      const { store } = current();
      await store.bookings.append('hall-a', [bookingMade(1, 'b-a1')]);
      await store.bookings.append('hall-b', [bookingMade(1, 'b-b1', 'hall-b')]);
      await store.bookings.append('hall-b', [bookingMade(2, 'b-b2', 'hall-b')]);

      expect(await store.bookings.read('hall-a')).toEqual([bookingMade(1, 'b-a1')]);
      expect(await store.bookings.read('hall-b')).toEqual([
        bookingMade(1, 'b-b1', 'hall-b'),
        bookingMade(2, 'b-b2', 'hall-b'),
      ]);
    });

    it('when bookings are erased, then only their made events lose name, phone and address hash, everything else stays, also after reopening', async () => {
      const subject = current();
      const written: BookingRevEvent[] = [
        bookingMade(1, 'b-1'),
        bookingMade(2, 'b-2'),
        moved(3, 'b-1'),
        bookingMade(4, 'b-3'),
        bookingCancelled(5, 'b-3'),
      ];
      await subject.store.bookings.append('hall-a', written);
      await subject.store.bookings.append('hall-b', [bookingMade(1, 'b-1', 'hall-b')]);

      const blanked = await subject.store.bookings.erase('hall-a', ['b-1', 'b-3', 'b-unknown']);

      expect(blanked).toBe(2);
      const expected = [
        erasedContacts(written[0]!),
        written[1],
        written[2],
        erasedContacts(written[3]!),
        written[4],
      ];
      expect(await subject.store.bookings.read('hall-a')).toEqual(expected);
      const reopened = await subject.reopen();
      expect(await reopened.bookings.read('hall-a')).toEqual(expected);
      expect(await reopened.bookings.read('hall-b')).toEqual([bookingMade(1, 'b-1', 'hall-b')]);
    });

    it('when erased bookings are erased again, then nothing more is blanked and appends continue after the erasure', async () => {
      const { store } = current();
      await store.bookings.append('hall-a', [bookingMade(1, 'b-1'), bookingMade(2, 'b-2')]);
      expect(await store.bookings.erase('hall-a', ['b-1'])).toBe(1);

      expect(await store.bookings.erase('hall-a', ['b-1'])).toBe(0);
      expect(await store.bookings.erase('hall-a', [])).toBe(0);
      expect(await store.bookings.erase('hall-none', ['b-1'])).toBe(0);
      await store.bookings.append('hall-a', [
        {
          type: 'bookings:erased',
          rev: 3,
          hallId: 'hall-a',
          at: 1_700_000_100_000,
          bookingIds: ['b-1'],
        },
      ]);
      await expect(
        store.bookings.append('hall-a', [bookingCancelled(3, 'b-2')]),
      ).rejects.toBeInstanceOf(JournalConflictError);

      const stored = await store.bookings.read('hall-a');
      expect(stored.map((e) => e.rev)).toEqual([1, 2, 3]);
      expect(stored[0]).toEqual(erasedContacts(bookingMade(1, 'b-1')));
      expect(stored[1]).toEqual(bookingMade(2, 'b-2'));
    });
  });
}
