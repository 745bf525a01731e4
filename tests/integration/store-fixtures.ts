import type { BookingMade, BookingRevEvent } from '../../contract/booking-events.js';
import type { RevEvent } from '../../contract/events.js';
import type { ConfigData, SessionRecord } from '../../server/src/config/config-data.js';
import type { Store } from '../../server/src/store/store.js';
import {
  daySummaryOf,
  type DaySummary,
  type DaySummaryV3,
} from '../../server/src/stats/day-summary.js';
import { foldRecords } from '../../server/src/stats/ticket-records.js';
import { HALL, mondayJournal, SERVICES } from '../unit/stats/stats-fixtures.js';

/** A small configuration: one hall, one service, one counter, one user. */
export function makeConfig(): ConfigData {
  return {
    version: 1,
    halls: [
      {
        id: 'hall-a',
        name: 'Hoş Geldiniz Masası',
        timeZone: 'Europe/Istanbul',
        priorityRatio: 2,
        escalationMinutes: 30,
        noShowGraceMinutes: 2,
        noteRetentionDays: 90,
        dayEndPolicy: 'cancel',
      },
    ],
    services: [
      {
        id: 'svc-v',
        hallId: 'hall-a',
        prefix: 'V',
        name: { tr: 'Vergi', en: 'Tax' },
        targetMinutes: 4,
        active: true,
      },
    ],
    counters: [
      {
        id: 'ctr-1',
        hallId: 'hall-a',
        number: 1,
        name: 'Banko 1',
        services: [{ serviceId: 'svc-v', weight: 1 }],
      },
    ],
    users: [
      {
        id: 'usr-1',
        username: 'ayse',
        displayName: 'Ayşe Yılmaz',
        role: 'admin',
        hallId: 'hall-a',
        passwordHash: 'scrypt$16384$8$1$c2FsdA$aGFzaA',
        active: true,
        createdAt: 1_700_000_000_000,
      },
    ],
    devices: [],
    printers: [],
    audit: [],
  };
}

/** A `ticket:issued` event numbered `rev`. */
export function issued(rev: number, hallId = 'hall-a'): RevEvent {
  return {
    type: 'ticket:issued',
    rev,
    hallId,
    at: 1_700_000_000_000 + rev * 1000,
    ticketId: `t-${rev}`,
    code: `code-${rev}`,
    serviceId: 'svc-v',
    seq: rev,
    number: `V${String(rev).padStart(3, '0')}`,
    priority: null,
    lang: 'tr',
  };
}

/** A `ticket:completed` event whose note holds Turkish letters, a newline and a quote. */
export function completedWithNote(rev: number, hallId = 'hall-a'): RevEvent {
  return {
    type: 'ticket:completed',
    rev,
    hallId,
    at: 1_700_000_000_000 + rev * 1000,
    ticketId: `t-${rev}`,
    counterId: 'ctr-1',
    clerkId: 'usr-1',
    outcome: 'forwarded',
    note: 'İmar müdürlüğüne iletildi.\nŞikâyet "acil" — ÇĞÖÜ\u2028',
  };
}

export function makeSession(idHash: string, userId: string, expiresAt: number): SessionRecord {
  return { idHash, userId, createdAt: expiresAt - 8 * 3600_000, expiresAt };
}

export function makeSummary(hallId: string, day: string, lastRev: number): DaySummary {
  return {
    version: 1,
    hallId,
    day,
    closedAt: Date.parse(`${day}T21:00:00Z`),
    lastRev,
    tickets: [
      {
        id: 't-1',
        code: 'code-1',
        hallId,
        serviceId: 'svc-v',
        number: 'V001',
        seq: 1,
        priority: 'elderly',
        lang: 'tr',
        status: 'done',
        issuedAt: 1,
        queuedAt: 1,
        front: false,
        counterId: 'ctr-1',
        clerkId: 'usr-1',
        firstCalledAt: 2,
        lastCalledAt: 2,
        startedAt: 3,
        completedAt: 4,
        endedAt: 4,
        recalls: 0,
        transfers: 0,
        outcome: 'resolved',
        note: null,
        rating: null,
      },
    ],
  };
}

/** A version 3 summary (records by column) of a hand-written day with a transfer and a note. */
export function makeColumnSummary(hallId: string, day: string, lastRev: number): DaySummaryV3 {
  const records = foldRecords(mondayJournal(), HALL, SERVICES).map((r) => ({ ...r, hallId, day }));
  return daySummaryOf({ hallId, day, closedAt: Date.parse(`${day}T21:00:00Z`), lastRev }, records);
}

/** A booking made for hall-a at revision `rev`, with a Turkish name and a phone number. */
export function bookingMade(
  rev: number,
  bookingId: string,
  hallId = 'hall-a',
): BookingMade & { rev: number } {
  return {
    type: 'booking:made',
    rev,
    hallId,
    bookingId,
    at: 1_700_000_000_000 + rev * 1000,
    serviceId: 'svc-v',
    slotAt: 1_700_100_000_000,
    day: '2023-11-16',
    time: '09:30',
    slotMinutes: 15,
    name: `Ayşe Çağlar Işık ${bookingId}`,
    phone: '+905321234567',
    addressHash: 'a'.repeat(64),
    lang: 'tr',
    code: `code-${bookingId}`,
    checkInCode: '0123456789',
    madeBy: 'citizen',
  };
}

/** A cancellation of `bookingId` at revision `rev`. */
export function bookingCancelled(
  rev: number,
  bookingId: string,
  hallId = 'hall-a',
): BookingRevEvent {
  return {
    type: 'booking:cancelled',
    rev,
    hallId,
    bookingId,
    at: 1_700_000_000_000 + rev * 1000,
    by: 'citizen',
  };
}

/** A store under test: the contract suites run against one (reopened ones included). */
export interface StoreUnderTest {
  store: Store;
  /** Closes the store and opens the same data again; the returned store is the live one. */
  reopen: () => Promise<Store>;
  /** Closes whichever store is open and removes its data. */
  cleanup: () => Promise<void>;
}
