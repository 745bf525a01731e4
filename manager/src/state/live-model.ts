import type { CounterView, StaffSnapshot } from '../../../contract/api.js';
import type { Hall, Service, ServiceQueue, StaffTicket } from '../../../contract/domain.js';
import type { StaffDelta } from '../../../contract/socket.js';

/** The manager's local copy of the hall, kept from the snapshot and the deltas after it. */
export interface LiveModel {
  rev: number;
  day: string;
  /** Server clock minus local clock, so elapsed times agree with the server's timestamps. */
  clockOffsetMs: number;
  hall: Hall;
  services: Service[];
  counters: CounterView[];
  queues: ServiceQueue[];
  /** Open tickets (waiting, called, serving) by id. */
  tickets: ReadonlyMap<string, StaffTicket>;
}

const ACTIVE = new Set(['waiting', 'called', 'serving']);

/** A fresh model from a snapshot (first connect, resync, reconnect, new day). */
export function modelFromSnapshot(snapshot: StaffSnapshot, receivedAt: number): LiveModel {
  const tickets = new Map<string, StaffTicket>();
  for (const t of snapshot.tickets) if (ACTIVE.has(t.status)) tickets.set(t.id, t);
  return {
    rev: snapshot.rev,
    day: snapshot.day,
    clockOffsetMs: snapshot.now - receivedAt,
    hall: snapshot.hall,
    services: snapshot.services,
    counters: [...snapshot.counters].sort((a, b) => a.number - b.number),
    queues: snapshot.queues,
    tickets,
  };
}

/**
 * Applies one delta that follows the model (the live feed hands only those over, in order:
 * contract/live-feed.ts holds the revision rule).
 */
export function applyDelta(model: LiveModel, delta: StaffDelta): LiveModel {
  let { tickets, counters } = model;
  const t = delta.ticket;
  if (t) {
    const next = new Map(tickets);
    if (ACTIVE.has(t.status)) next.set(t.id, t);
    else next.delete(t.id);
    tickets = next;
  }
  const c = delta.counter;
  if (c) {
    counters = counters.some((x) => x.id === c.id)
      ? counters.map((x) => (x.id === c.id ? c : x))
      : [...counters, c].sort((a, b) => a.number - b.number);
  }
  return { ...model, rev: delta.rev, tickets, counters, queues: delta.queues };
}
