import type { DisplaySnapshot, PublicCall, PublicCounter } from '../../../contract/api.js';
import type { DisplayDelta } from '../../../contract/socket.js';
import type { PublicServiceQueue } from '../../../contract/domain.js';

export const T0 = Date.UTC(2025, 4, 14, 9, 0, 0);

export function counter(number: number, over: Partial<PublicCounter> = {}): PublicCounter {
  return {
    id: `banko-${number}`,
    number,
    name: `Banko ${number}`,
    status: 'open',
    current: null,
    ...over,
  };
}

export function calledAt(
  number: number,
  ticket: string,
  status: 'called' | 'serving' = 'called',
): PublicCounter {
  return counter(number, {
    current: {
      number: ticket,
      serviceId: 'vezne',
      status,
      counterNumber: number,
      calledAt: T0,
      appointment: false,
    },
  });
}

/** `minutes: null`: no open counter serves the line. */
export function queue(
  serviceId: string,
  waiting: number,
  minutes: number | null = 0,
): PublicServiceQueue {
  return {
    serviceId,
    waiting,
    oldestQueuedAt: waiting > 0 ? T0 : null,
    estimate: minutes === null ? { kind: 'no-open-counter' } : { kind: 'minutes', minutes },
    refusesTickets: false,
  };
}

export function call(number: string, counterNumber: number, recall = false): PublicCall {
  return { number, serviceId: 'vezne', counterNumber, at: T0, recall, appointment: false };
}

export function snapshot(over: Partial<DisplaySnapshot> = {}): DisplaySnapshot {
  return {
    rev: 10,
    now: T0,
    hall: { id: 'cankaya', name: 'Çankaya Hoş Geldiniz Masası', timeZone: 'Europe/Istanbul' },
    services: [
      { id: 'vezne', prefix: 'V', name: { tr: 'Vezne', en: 'Cashier' }, active: true },
      { id: 'ruhsat', prefix: 'R', name: { tr: 'Ruhsat', en: 'Licensing' }, active: true },
    ],
    counters: [counter(1), counter(2), counter(3)],
    queues: [queue('vezne', 0), queue('ruhsat', 0)],
    recentCalls: [],
    ...over,
  };
}

export function delta(rev: number, over: Partial<DisplayDelta> = {}): DisplayDelta {
  return { rev, type: 'ticket:issued', at: T0, counter: null, call: null, queues: [], ...over };
}

/** The delta the server sends when counter `n` calls `ticket`. */
export function callDelta(rev: number, ticket: string, n: number, recall = false): DisplayDelta {
  return delta(rev, {
    type: recall ? 'ticket:recalled' : 'ticket:called',
    counter: calledAt(n, ticket),
    call: call(ticket, n, recall),
    queues: [queue('vezne', 0), queue('ruhsat', 0)],
  });
}
