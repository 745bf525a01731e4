import type { CounterView, StaffSnapshot } from '../../../contract/api.js';
import type { Service, Ticket } from '../../../contract/domain.js';
import type { RevEvent } from '../../../contract/events.js';
import type { StaffDelta } from '../../../contract/socket.js';
import type { GroupStats } from '../../../manager/src/state/stats-report.js';

/** 2025-03-03 10:00 in Istanbul (UTC+3). */
export const T0 = Date.UTC(2025, 2, 3, 7, 0, 0);
export const MIN = 60_000;

export function service(id: string, prefix: string, targetMinutes = 4): Service {
  return {
    id,
    hallId: 'cankaya',
    prefix,
    name: { tr: `${id} tr`, en: `${id} en` },
    targetMinutes,
    active: true,
  };
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
    services: [service('vezne', 'V'), service('ruhsat', 'R', 6)],
    counters: [counter(2), counter(1)],
    queues: [
      { serviceId: 'vezne', waiting: 0, oldestQueuedAt: null, estimatedWaitMinutes: 0 },
      { serviceId: 'ruhsat', waiting: 0, oldestQueuedAt: null, estimatedWaitMinutes: 0 },
    ],
    tickets: [],
    ...over,
  };
}

export function delta(rev: number, over: Partial<StaffDelta> = {}): StaffDelta {
  const event = {
    type: 'counter:opened',
    hallId: 'cankaya',
    at: T0,
    counterId: 'banko-1',
    clerkId: 'c1',
    rev,
  } as RevEvent;
  return { rev, event, ticket: null, counter: null, queues: snapshot().queues, ...over };
}

/** A stats group with everything zero unless given. */
export function group(key: string | null, over: Partial<GroupStats> = {}): GroupStats {
  const none = { count: 0, meanSeconds: null, medianSeconds: null, p90Seconds: null };
  return {
    key,
    label: key ?? '',
    issued: 0,
    served: 0,
    noShows: 0,
    cancelled: 0,
    transferred: 0,
    wait: none,
    serviceTime: { ...none, withinTarget: 0, withinTargetShare: null },
    resolved: 0,
    forwarded: 0,
    resolvedShare: null,
    forwardedShare: null,
    idleSeconds: 0,
    ratings: 0,
    meanRating: null,
    ...over,
  };
}
