import type { IssuedTicket, TicketStatusView, DisplaySnapshot } from '../../../contract/api.js';
import type { DisplayDelta } from '../../../contract/socket.js';
import type { PublicServiceQueue } from '../../../contract/domain.js';

export const T0 = Date.UTC(2025, 2, 3, 7, 0, 0);

export function issuedTicket(over: Partial<IssuedTicket> = {}): IssuedTicket {
  return {
    id: 't1',
    number: 'V012',
    serviceId: 'vezne',
    serviceName: { tr: 'Vezne', en: 'Cashier' },
    hallName: 'Çankaya Belediyesi Hoş Geldiniz Masası',
    priority: null,
    lang: 'tr',
    issuedAt: T0,
    peopleAhead: 3,
    estimate: { kind: 'minutes', minutes: 5 },
    code: 'abcdefghijklmnopqrstuv',
    statusUrl: 'http://192.168.1.10:3000/t/abcdefghijklmnopqrstuv',
    print: 'printed',
    appointment: null,
    smsOffered: false,
    ...over,
  };
}

export function statusView(over: Partial<TicketStatusView> = {}): TicketStatusView {
  return {
    number: 'V012',
    lang: 'tr',
    serviceId: 'vezne',
    serviceName: { tr: 'Vezne', en: 'Cashier' },
    hallName: 'Çankaya Belediyesi Hoş Geldiniz Masası',
    status: 'waiting',
    peopleAhead: 3,
    estimate: { kind: 'minutes', minutes: 5 },
    counterNumber: null,
    calledAt: null,
    issuedAt: T0,
    rating: null,
    appointment: false,
    smsOffered: false,
    smsRequested: false,
    smsSent: false,
    ...over,
  };
}

/** `minutes: null`: no open counter serves the line (`refusesTickets` if the hall refuses then). */
export function queue(
  serviceId: string,
  waiting: number,
  minutes: number | null,
  refusesTickets = false,
): PublicServiceQueue {
  return {
    serviceId,
    waiting,
    oldestQueuedAt: waiting > 0 ? T0 : null,
    estimate: minutes === null ? { kind: 'no-open-counter' } : { kind: 'minutes', minutes },
    refusesTickets,
  };
}

export function snapshot(rev: number, queues: PublicServiceQueue[]): DisplaySnapshot {
  return {
    rev,
    now: T0,
    hall: {
      id: 'cankaya',
      name: 'Çankaya Belediyesi Hoş Geldiniz Masası',
      timeZone: 'Europe/Istanbul',
    },
    services: [
      { id: 'vezne', prefix: 'V', name: { tr: 'Vezne', en: 'Cashier' }, active: true },
      { id: 'ruhsat', prefix: 'R', name: { tr: 'Ruhsat', en: 'Licensing' }, active: false },
    ],
    counters: [],
    queues,
    recentCalls: [],
  };
}

export function delta(rev: number, queues: PublicServiceQueue[]): DisplayDelta {
  return { rev, type: 'ticket:issued', at: T0, counter: null, call: null, queues };
}
