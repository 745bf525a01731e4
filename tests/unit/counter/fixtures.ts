import type { StaffSnapshot } from '../../../contract/api.js';
import type { Service, Ticket } from '../../../contract/domain.js';
import type { RevEvent } from '../../../contract/events.js';
import type { StaffDelta } from '../../../contract/socket.js';
import {
  counter,
  NONE_OPEN,
  staffSnapshot,
  T0,
  ticket,
  waitMinutes,
} from '../../support/staff-views.js';

export { counter, T0, ticket, waitMinutes };

export const ME = 'clerk-me';
export const OTHER = 'clerk-other';

export function service(id: string, prefix: string, targetMinutes = 4): Service {
  return { id, hallId: 'cankaya', prefix, name: { tr: id, en: id }, targetMinutes, active: true };
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
  return staffSnapshot(
    {
      services: [service('vezne', 'V'), service('mali-hizmetler', 'M')],
      counters: [counter(1), counter(2)],
      queues: [
        {
          serviceId: 'vezne',
          waiting: 0,
          oldestQueuedAt: null,
          estimate: NONE_OPEN,
          refusesTickets: false,
        },
      ],
    },
    over,
  );
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
