import { describe, expect, it } from 'vitest';
import type { BookingRevEvent } from '../../../contract/booking-events.js';
import type { RevEvent } from '../../../contract/events.js';
import type {
  BookingLedger,
  EventJournal,
  WebhookCursor,
} from '../../../server/src/store/store.js';
import { observedLedger, OutboxSource } from '../../../server/src/webhooks/outbox-source.js';
import { webhookEventId } from '../../../server/src/webhooks/webhook-payload.js';

const HALL = 'cankaya';
const MONDAY = '2026-12-07';
const TUESDAY = '2026-12-08';
const WEDNESDAY = '2026-12-09';

/** A journal and a ledger in memory that count how often the outbox reads them. */
function stores() {
  const days = new Map<string, RevEvent[]>();
  const ledger: BookingRevEvent[] = [];
  const reads = { journal: 0, ledger: 0, days: 0 };
  const journal: EventJournal = {
    read: async (_hall, day) => {
      reads.journal += 1;
      return { events: [...(days.get(day) ?? [])], tornTail: false };
    },
    append: async (_hall, day, events) => {
      days.set(day, [...(days.get(day) ?? []), ...events]);
    },
    days: async () => {
      reads.days += 1;
      return [...days.keys()].sort();
    },
  };
  const bookings: BookingLedger = {
    read: async () => [...ledger],
    readAfter: async (_hall, rev) => {
      reads.ledger += 1;
      return ledger.filter((e) => e.rev > rev);
    },
    append: async (_hall, events) => {
      ledger.push(...events);
    },
    erase: async (_hall, ids) => {
      for (const [i, e] of ledger.entries())
        if (e.type === 'booking:made' && ids.includes(e.bookingId))
          ledger[i] = { ...e, name: '', phone: null };
      return ids.length;
    },
    exclusive: true,
  };
  return { days, ledger, reads, journal, bookings };
}

function counterOpened(rev: number, at: number): RevEvent {
  return { type: 'counter:opened', hallId: HALL, counterId: 'banko-1', clerkId: 'u1', at, rev };
}

function made(rev: number, at: number, name = 'Ayşe Yılmaz'): BookingRevEvent {
  return {
    type: 'booking:made',
    hallId: HALL,
    bookingId: `b${rev}`,
    at,
    serviceId: 'vezne',
    slotAt: at + 86_400_000,
    day: TUESDAY,
    time: '09:00',
    slotMinutes: 30,
    name,
    phone: '05321234567',
    addressHash: null,
    lang: 'tr',
    code: 'code',
    checkInCode: '1234567890',
    madeBy: 'citizen',
    rev,
  };
}

/** Everything after `cursor`, in the order the outbox gives it; the cursor moves on. */
async function drain(source: OutboxSource, cursor: WebhookCursor): Promise<string[]> {
  const ids: string[] = [];
  for (let step = await source.next(HALL, cursor); step; step = await source.next(HALL, cursor)) {
    ids.push(webhookEventId(step.source));
    Object.assign(cursor, step.after);
  }
  return ids;
}

describe('the webhook outbox', () => {
  it('when a busy day is followed live by several endpoints, then the journal is read once, not per event', async () => {
    const s = stores();
    let live = MONDAY;
    const source = new OutboxSource({
      journal: s.journal,
      ledger: s.bookings,
      liveDay: () => live,
      booking: () => undefined,
    });
    const ledger = observedLedger(s.bookings, source);
    const cursors = [0, 1, 2].map(() => ({ day: MONDAY, rev: 0, bookingRev: 0 }));
    const seen: string[][] = [[], [], []];
    // 500 visitors × 6 events, in batches as the hall queue publishes them, a booking now and then.
    let at = Date.parse('2026-12-07T06:00:00Z');
    for (let rev = 1, booking = 1; rev <= 3_000; rev += 1) {
      at += 1_000;
      const event = counterOpened(rev, at);
      await s.journal.append(HALL, live, [event]);
      source.journalAppended(HALL, live, [event]);
      if (rev % 100 === 0) await ledger.append(HALL, [made(booking++, (at += 1))]);
      for (const [i, cursor] of cursors.entries()) seen[i]!.push(...(await drain(source, cursor)));
    }
    expect(seen[0]).toHaveLength(3_030);
    expect(seen[1]).toEqual(seen[0]);
    expect(seen[0]!.slice(98, 102)).toEqual([
      `${HALL}.${MONDAY}.99`,
      `${HALL}.${MONDAY}.100`,
      `${HALL}.b.1`,
      `${HALL}.${MONDAY}.101`,
    ]);
    expect(s.reads.journal).toBe(1);
    expect(s.reads.ledger).toBe(1);

    // The day closes with events nobody published live (day-end cancellations): once the hall
    // is on the next day, the closed day is read once more and they are delivered.
    const dayEnd = counterOpened(3_001, (at += 1_000));
    await s.journal.append(HALL, MONDAY, [dayEnd]);
    live = TUESDAY;
    const tuesday = counterOpened(1, at + 1_000);
    await s.journal.append(HALL, TUESDAY, [tuesday]);
    source.journalAppended(HALL, TUESDAY, [tuesday]);
    for (const cursor of cursors)
      expect(await drain(source, cursor)).toEqual([
        `${HALL}.${MONDAY}.3001`,
        `${HALL}.${TUESDAY}.1`,
      ]);
    expect(cursors[0]).toEqual({ day: TUESDAY, rev: 1, bookingRev: 30 });
  });

  it('when an endpoint is days behind, then it walks the days in order, reading each day once', async () => {
    const s = stores();
    for (const day of [MONDAY, TUESDAY, WEDNESDAY]) {
      const morning = Date.parse(`${day}T06:00:00Z`);
      await s.journal.append(
        HALL,
        day,
        [1, 2, 3].map((rev) => counterOpened(rev, morning + rev)),
      );
    }
    await s.bookings.append(HALL, [made(1, Date.parse('2026-12-08T12:00:00Z'))]);
    const source = new OutboxSource({
      journal: s.journal,
      ledger: s.bookings,
      liveDay: () => WEDNESDAY,
      booking: () => undefined,
    });
    const ids = await drain(source, { day: MONDAY, rev: 1, bookingRev: 0 });
    expect(ids).toEqual([
      `${HALL}.${MONDAY}.2`,
      `${HALL}.${MONDAY}.3`,
      `${HALL}.${TUESDAY}.1`,
      `${HALL}.${TUESDAY}.2`,
      `${HALL}.${TUESDAY}.3`,
      `${HALL}.b.1`,
      `${HALL}.${WEDNESDAY}.1`,
      `${HALL}.${WEDNESDAY}.2`,
      `${HALL}.${WEDNESDAY}.3`,
    ]);
    expect(s.reads.journal).toBe(3);
    expect(await source.find({ stream: 'journal', hallId: HALL, day: TUESDAY, rev: 2 })).toEqual({
      stream: 'journal',
      day: TUESDAY,
      event: s.days.get(TUESDAY)![1],
    });
    expect(s.reads.journal).toBe(3);
  });

  it('when bookings are erased, then what memory held of them is read again from the ledger', async () => {
    const s = stores();
    const source = new OutboxSource({
      journal: s.journal,
      ledger: s.bookings,
      liveDay: () => MONDAY,
      booking: () => undefined,
    });
    const ledger = observedLedger(s.bookings, source);
    await ledger.append(HALL, [made(1, Date.parse('2026-12-07T06:00:00Z'))]);
    const first = await source.next(HALL, { day: MONDAY, rev: 0, bookingRev: 0 });
    expect(first?.source.event).toMatchObject({ name: 'Ayşe Yılmaz' });
    await ledger.erase(HALL, ['b1']);
    const again = await source.next(HALL, { day: MONDAY, rev: 0, bookingRev: 0 });
    expect(again?.source.event).toMatchObject({ name: '', phone: null });
  });

  it('when another server erases bookings, then this server serves them blank once it reads the erasure', async () => {
    const s = stores();
    const watchers = new Set<() => void>();
    const shared: BookingLedger = {
      ...s.bookings,
      append: async (hall, events) => {
        await s.bookings.append(hall, events);
        for (const w of watchers) w();
      },
      watch: (_hall, onAppend) => {
        watchers.add(onAppend);
        return () => watchers.delete(onAppend);
      },
      exclusive: false,
    };
    const deps = { journal: s.journal, liveDay: () => MONDAY, booking: () => undefined };
    const here = new OutboxSource({ ...deps, ledger: shared });
    const there = new OutboxSource({ ...deps, ledger: shared });
    const otherLedger = observedLedger(shared, there);
    const at = Date.parse('2026-12-07T06:00:00Z');
    await otherLedger.append(HALL, [made(1, at)]);
    const start = { day: MONDAY, rev: 0, bookingRev: 0 };
    expect((await here.next(HALL, start))?.source.event).toMatchObject({ name: 'Ayşe Yılmaz' });
    // The other server's retention: the store is blanked, then the erasure is appended.
    await otherLedger.erase(HALL, ['b1']);
    const erasure: BookingRevEvent = {
      type: 'bookings:erased',
      hallId: HALL,
      at: at + 1,
      rev: 2,
      bookingIds: ['b1'],
    };
    await otherLedger.append(HALL, [erasure]);
    expect((await here.next(HALL, { ...start, bookingRev: 1 }))?.source.event.type).toBe(
      'bookings:erased',
    );
    expect((await here.next(HALL, start))?.source.event).toMatchObject({ name: '', phone: null });
    const found = await here.find({ stream: 'bookings', hallId: HALL, rev: 1 });
    expect(found?.event).toMatchObject({ name: '', phone: null, addressHash: null });
  });
});
