// What the counter and manager screens are built from, as their unit tests make them: one
// hall's counters, tickets and snapshot in the shapes of the wire contract.
import type { CounterView, StaffSnapshot } from '../../contract/api.js';
import type { Ticket, WaitEstimate } from '../../contract/domain.js';

/** 2025-03-03 10:00 in Istanbul (UTC+3). */
export const T0 = Date.UTC(2025, 2, 3, 7, 0, 0);

/** A line's estimate when no counter covering it is open (the fixtures' counters start closed). */
export const NONE_OPEN: WaitEstimate = { kind: 'no-open-counter' };

/** A line's estimate of `minutes`. */
export function waitMinutes(minutes: number): WaitEstimate {
  return { kind: 'minutes', minutes };
}

export function counter(number: number, over: Partial<CounterView> = {}): CounterView {
  return {
    id: `banko-${number}`,
    hallId: 'cankaya',
    number,
    name: `Banko ${number}`,
    services: [{ serviceId: 'vezne', weight: 1 }],
    status: 'closed',
    clerkId: null,
    clerkName: null,
    pauseReason: null,
    currentTicketId: null,
    ...over,
  };
}

export function ticket(number: string, over: Partial<Ticket> = {}): Ticket {
  return {
    id: `t-${number}`,
    code: `code-${number}`,
    hallId: 'cankaya',
    serviceId: 'vezne',
    number,
    seq: 1,
    priority: null,
    lang: 'tr',
    status: 'waiting',
    issuedAt: T0,
    queuedAt: T0,
    front: false,
    counterId: null,
    clerkId: null,
    firstCalledAt: null,
    lastCalledAt: null,
    startedAt: null,
    completedAt: null,
    endedAt: null,
    recalls: 0,
    transfers: 0,
    outcome: null,
    note: null,
    rating: null,
    ...over,
  };
}

/** A staff snapshot of the Çankaya hall at T0, with no tickets. */
export function staffSnapshot(
  parts: Pick<StaffSnapshot, 'services' | 'counters' | 'queues'>,
  over: Partial<StaffSnapshot> = {},
): StaffSnapshot {
  return {
    rev: 10,
    day: '2025-03-03',
    now: T0,
    hall: {
      id: 'cankaya',
      name: 'Çankaya',
      timeZone: 'Europe/Istanbul',
      priorityRatio: 2,
      escalationMinutes: 30,
      noShowGraceMinutes: 5,
      noteRetentionDays: 90,
      dayEndPolicy: 'cancel',
    },
    tickets: [],
    ...parts,
    ...over,
  };
}
