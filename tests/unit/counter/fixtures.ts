import type { CounterView, StaffSnapshot } from '../../../contract/api.js';
import type { Service, Ticket } from '../../../contract/domain.js';
import type { RevEvent } from '../../../contract/events.js';
import type { StaffDelta } from '../../../contract/socket.js';

export const ME = 'clerk-me';
export const OTHER = 'clerk-other';
export const T0 = Date.UTC(2025, 2, 3, 7, 0, 0);

export function service(id: string, prefix: string, targetMinutes = 4): Service {
  return { id, hallId: 'cankaya', prefix, name: { tr: id, en: id }, targetMinutes, active: true };
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

/** A ticket this clerk (or another) finished, with the given service time. */
export function done(number: string, clerkId: string, serviceMs: number): Ticket {
  return ticket(number, {
    status: 'done',
    clerkId,
    counterId: 'banko-1',
    startedAt: T0,
    completedAt: T0 + serviceMs,
    endedAt: T0 + serviceMs,
    outcome: 'resolved',
  });
}

export function snapshot(over: Partial<StaffSnapshot> = {}): StaffSnapshot {
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
    services: [service('vezne', 'V'), service('mali-hizmetler', 'M')],
    counters: [counter(1), counter(2)],
    queues: [{ serviceId: 'vezne', waiting: 0, oldestQueuedAt: null, estimatedWaitMinutes: 0 }],
    tickets: [],
    ...over,
  };
}

export function delta(
  rev: number,
  event: Partial<RevEvent> & Pick<RevEvent, 'type'>,
  over: Partial<StaffDelta> = {},
): StaffDelta {
  return {
    rev,
    event: { hallId: 'cankaya', at: T0, ticketId: 'x', ...event, rev } as RevEvent,
    ticket: null,
    counter: null,
    queues: [],
    ...over,
  };
}
