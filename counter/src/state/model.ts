import type { CounterView, StaffSnapshot } from '../../../contract/api.js';
import type { Hall, Service, ServiceQueue, StaffTicket } from '../../../contract/domain.js';
import type { StaffDelta } from '../../../contract/socket.js';

/**
 * The clerk's own finished visits today: ticket id -> service time in ms.
 *
 * Limitation: a staff snapshot carries the day's active tickets plus only the 50 most recently
 * finished ones of the whole hall. A page that (re)loads late in a busy day therefore sees
 * only those of the clerk's visits that are among the last 50; visits completed while this
 * page is open are counted from the deltas, and what was once counted is kept across
 * resyncs. The figure can undercount after a reload; it never double-counts (keyed by id).
 */
export interface OwnTally {
  day: string;
  serviceMs: ReadonlyMap<string, number>;
}

/** The local copy of the hall, kept from the snapshot and the deltas after it. */
export interface CounterModel {
  rev: number;
  day: string;
  /** Server clock minus local clock, so timers agree with the server's timestamps. */
  clockOffsetMs: number;
  hall: Hall;
  services: Service[];
  counters: CounterView[];
  queues: ServiceQueue[];
  /** Active tickets, no-shows (which may be restored) and recently finished ones, by id. */
  tickets: ReadonlyMap<string, StaffTicket>;
  own: OwnTally;
}

/** What the screen keeps from the deltas: open tickets, and no-shows a clerk may restore. */
const KEPT = new Set(['waiting', 'called', 'serving', 'no-show']);

function ownServiceMs(t: StaffTicket, meId: string): number | null {
  if (t.status !== 'done' || t.clerkId !== meId) return null;
  if (t.startedAt === null || t.completedAt === null) return null;
  return Math.max(0, t.completedAt - t.startedAt);
}

/** A new model from a snapshot; the own tally survives a resync of the same day. */
export function modelFromSnapshot(
  snapshot: StaffSnapshot,
  meId: string,
  receivedAt: number,
  previous: CounterModel | null = null,
): CounterModel {
  const serviceMs = new Map(
    previous && previous.own.day === snapshot.day ? previous.own.serviceMs : [],
  );
  const tickets = new Map<string, StaffTicket>();
  for (const t of snapshot.tickets) {
    tickets.set(t.id, t);
    const ms = ownServiceMs(t, meId);
    if (ms !== null) serviceMs.set(t.id, ms);
  }
  return {
    rev: snapshot.rev,
    day: snapshot.day,
    clockOffsetMs: snapshot.now - receivedAt,
    hall: snapshot.hall,
    services: snapshot.services,
    counters: snapshot.counters,
    queues: snapshot.queues,
    tickets,
    own: { day: snapshot.day, serviceMs },
  };
}

/**
 * Applies one delta that follows the model (the live feed hands only those over, in order:
 * contract/live-feed.ts holds the revision rule).
 */
export function applyDelta(model: CounterModel, delta: StaffDelta, meId: string): CounterModel {
  let { tickets, counters, own } = model;
  const t = delta.ticket;
  if (t) {
    const next = new Map(tickets);
    if (KEPT.has(t.status)) next.set(t.id, t);
    else next.delete(t.id);
    tickets = next;
    const ms = ownServiceMs(t, meId);
    if (ms !== null) own = { day: own.day, serviceMs: new Map(own.serviceMs).set(t.id, ms) };
  }
  const c = delta.counter;
  if (c) counters = counters.map((x) => (x.id === c.id ? c : x));
  return { ...model, rev: delta.rev, tickets, counters, own, queues: delta.queues };
}

export interface OwnStats {
  completed: number;
  /** Mean service time in ms, `null` before the first completed visit. */
  meanServiceMs: number | null;
}

export function ownStats(tally: OwnTally): OwnStats {
  const values = [...tally.serviceMs.values()];
  if (values.length === 0) return { completed: 0, meanServiceMs: null };
  const sum = values.reduce((a, b) => a + b, 0);
  return { completed: values.length, meanServiceMs: sum / values.length };
}

/** The counter's current ticket, if it has one in the model. */
export function currentTicket(model: CounterModel, counter: CounterView): StaffTicket | null {
  return counter.currentTicketId ? (model.tickets.get(counter.currentTicketId) ?? null) : null;
}
