import type { StaffSnapshot } from '../../../contract/api.js';
import type { Service } from '../../../contract/domain.js';
import type { RevEvent } from '../../../contract/events.js';
import type { StaffDelta } from '../../../contract/socket.js';
import type { GroupStats } from '../../../manager/src/state/stats-report.js';
import {
  counter,
  NONE_OPEN,
  staffSnapshot,
  T0,
  ticket,
  waitMinutes,
} from '../../support/staff-views.js';

export { counter, NONE_OPEN, T0, ticket, waitMinutes };

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

export function snapshot(over: Partial<StaffSnapshot> = {}): StaffSnapshot {
  return staffSnapshot(
    {
      services: [service('vezne', 'V'), service('ruhsat', 'R', 6)],
      counters: [counter(2), counter(1)],
      queues: [
        {
          serviceId: 'vezne',
          waiting: 0,
          oldestQueuedAt: null,
          estimate: NONE_OPEN,
          refusesTickets: false,
        },
        {
          serviceId: 'ruhsat',
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
