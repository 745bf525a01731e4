import type { PublicServiceQueue, Service } from '../../../contract/domain.js';
import type { DisplaySnapshot, ServiceView } from '../../../contract/api.js';
import type { DisplayDelta } from '../../../contract/socket.js';

/** What the kiosk knows of one service. */
export type ServiceInfo = Pick<Service, 'id' | 'prefix' | 'name' | 'active'>;

/** The figures shown on a service button. */
export type QueueFigures = Pick<PublicServiceQueue, 'waiting' | 'estimate' | 'refusesTickets'>;

/** The hall as the kiosk sees it: services, live queue figures and the revision they are at. */
export interface LiveHall {
  /** `null` until the first socket snapshot (REST answers carry no revision). */
  rev: number | null;
  hallName: string | null;
  services: ServiceInfo[];
  queues: Record<string, QueueFigures>;
}

export const EMPTY_HALL: LiveHall = { rev: null, hallName: null, services: [], queues: {} };

/** Only what the buttons show: the wire object carries more. */
function pick(q: QueueFigures): QueueFigures {
  return { waiting: q.waiting, estimate: q.estimate, refusesTickets: q.refusesTickets };
}

function figures(queues: PublicServiceQueue[]): Record<string, QueueFigures> {
  const out: Record<string, QueueFigures> = {};
  for (const q of queues) out[q.serviceId] = pick(q);
  return out;
}

/** The hall from `GET /api/halls/:hallId/services`. */
export function fromServiceViews(hall: LiveHall, views: ServiceView[]): LiveHall {
  const queues: Record<string, QueueFigures> = {};
  for (const v of views) queues[v.id] = pick(v);
  return {
    ...hall,
    services: views.map(({ id, prefix, name, active }) => ({ id, prefix, name, active })),
    queues,
  };
}

/** A snapshot replaces everything, whatever revision the kiosk was at. */
export function applySnapshot(hall: LiveHall, snapshot: DisplaySnapshot): LiveHall {
  return {
    rev: snapshot.rev,
    hallName: snapshot.hall.name,
    services: snapshot.services.map(({ id, prefix, name, active }) => ({
      id,
      prefix,
      name,
      active,
    })),
    queues: figures(snapshot.queues),
  };
}

/**
 * Applies a delta that follows the hall (the live feed hands only those over, in order:
 * contract/live-feed.ts holds the revision rule).
 */
export function applyDelta(hall: LiveHall, delta: DisplayDelta): LiveHall {
  return { ...hall, rev: delta.rev, queues: figures(delta.queues) };
}
