import type { Counter, Hall, Ticket } from '../../../contract/domain.js';
import { bookedSlot, type HallState, type LinePlace } from './state.js';

const MINUTE = 60_000;

/**
 * Who a counter calls next, among the waiting tickets of the services it covers:
 * 1. tickets put at the front (restored no-shows, transfers to the front), earliest first;
 * 2. tickets waiting longer than the hall's escalation limit, longest first (a booked visitor's
 *    wait counts from the later of check-in and slot);
 * 3. booked visitors whose slot has come (slot ≤ now), earliest slot first;
 * 4. otherwise priority and normal walk-ins interleave at the hall's ratio (`priorityRatio`
 *    normal calls per priority call when both wait); within a class the longest
 *    weight-adjusted wait goes first; ties by earliest issue.
 * A booked visitor whose slot is still to come is never picked (a clerk may call them by number).
 */
export function pickNext(
  state: HallState,
  hall: Hall,
  counter: Counter,
  now: number,
): Ticket | undefined {
  const limit = hall.escalationMinutes * MINUTE;
  const weight = new Map(counter.services.map((s) => [s.serviceId, s.weight]));
  // One pass, keeping the first of each class under its order (what a stable sort would put
  // first): a call must not sort the whole line, which holds thousands on a busy day.
  let front: Ticket | undefined;
  let escalated: Ticket | undefined;
  let due: Ticket | undefined;
  let priority: Ticket | undefined;
  let priorityWeight = 0;
  let normal: Ticket | undefined;
  let normalWeight = 0;
  forEachWaiting(state, counter, (t) => {
    const slot = bookedSlot(t);
    if (slot !== null && slot > now) return; // never before their slot
    if (t.front) {
      if (!front || earliest(t, front) < 0) front = t;
    } else if (now - waitsFrom(t) > limit) {
      if (!escalated || longestWaiting(t, escalated) < 0) escalated = t;
    }
    if (slot !== null) {
      if (!due || bySlot(t, due) < 0) due = t;
      return;
    }
    const w = (now - t.queuedAt) * (weight.get(t.serviceId) ?? 1);
    if (t.priority !== null) {
      if (goesBefore(t, w, priority, priorityWeight)) {
        priority = t;
        priorityWeight = w;
      }
    } else if (goesBefore(t, w, normal, normalWeight)) {
      normal = t;
      normalWeight = w;
    }
  });
  if (front) return front;
  if (escalated) return escalated;
  if (due) return due;
  if (!priority) return normal;
  if (!normal) return priority;
  return state.normalsSincePriority >= hall.priorityRatio ? priority : normal;
}

/** When a ticket's wait counts from for escalation: a booked visitor's from their slot. */
export function waitsFrom(t: Ticket): number {
  const slot = bookedSlot(t);
  return slot === null ? t.queuedAt : Math.max(t.queuedAt, slot);
}

/** The longest wait first (as `waitsFrom` counts it), then earliest in line. */
function longestWaiting(a: Ticket, b: Ticket): number {
  return waitsFrom(a) - waitsFrom(b) || earliest(a, b);
}

/** Booked visitors by slot, then earliest in line. */
function bySlot(a: Ticket, b: Ticket): number {
  return (bookedSlot(a) ?? 0) - (bookedSlot(b) ?? 0) || earliest(a, b);
}

/** Whether `t` (weighted wait `w`) goes before `best`: the longer weighted wait, then earliest. */
function goesBefore(t: Ticket, w: number, best: Ticket | undefined, bestW: number): boolean {
  return !best || w > bestW || (w === bestW && earliest(t, best) < 0);
}

/** Earliest in line first: joining time, then issue time, then number. */
function earliest(a: Ticket, b: Ticket): number {
  return a.queuedAt - b.queuedAt || a.issuedAt - b.issuedAt || a.seq - b.seq;
}

/** Visits the waiting tickets of the services a counter covers, service by service. */
export function forEachWaiting(
  state: HallState,
  counter: Counter,
  visit: (ticket: Ticket) => void,
): void {
  for (const { serviceId } of counter.services) {
    for (const id of state.waiting.get(serviceId) ?? []) {
      const t = state.tickets.get(id);
      if (t) visit(t);
    }
  }
}

/**
 * The visitor's place in their own service's line: tickets put at the front, then by
 * the time they joined the line. (Priority interleaving and escalation can still move
 * a visitor, which is why the kiosk calls this an estimate.)
 *
 * Booked visitors go by their slot, not their place: a walk-in has ahead of them the booked
 * visitors of the service due by `dueBy` (the caller's "when this visitor is expected to be
 * called"; by default the latest event, so those due now); a booked visitor has ahead of them
 * the tickets put at the front and the booked visitors of earlier slots.
 */
export function peopleAhead(state: HallState, ticket: Ticket, dueBy = state.clock): number {
  if (ticket.status !== 'waiting') return 0;
  const line = state.waiting.get(ticket.serviceId);
  const booked = state.booked.get(ticket.serviceId);
  const slot = bookedSlot(ticket);
  if (slot !== null) return bookedAhead(state, ticket, line);
  const end = state.lineEnds.get(ticket.serviceId);
  // The visitor who joined last took a place behind all the others: every walk-in is ahead.
  if (line && end?.lastTicketId === ticket.id && end.lastIsBehindAll)
    return line.size - 1 - (booked?.size ?? 0) + dueCount(state, booked, dueBy);
  let ahead = dueCount(state, booked, dueBy);
  for (const id of line ?? []) {
    if (id === ticket.id || booked?.has(id)) continue;
    const t = state.tickets.get(id);
    if (t && isBefore(t, ticket)) ahead += 1;
  }
  return ahead;
}

/** Booked visitors not yet called whose slot is at or before `dueBy`. */
function dueCount(state: HallState, booked: Set<string> | undefined, dueBy: number): number {
  let n = 0;
  for (const id of booked ?? []) {
    const t = state.tickets.get(id);
    const slot = t ? bookedSlot(t) : null;
    if (slot !== null && slot <= dueBy) n += 1;
  }
  return n;
}

/** A booked visitor's place: front placements and booked visitors of earlier slots. */
function bookedAhead(state: HallState, ticket: Ticket, line: Set<string> | undefined): number {
  let ahead = 0;
  for (const id of line ?? []) {
    if (id === ticket.id) continue;
    const t = state.tickets.get(id);
    if (!t) continue;
    if (t.front || (bookedSlot(t) !== null && bySlot(t, ticket) < 0)) ahead += 1;
  }
  return ahead;
}

function isBefore(a: Ticket, b: Ticket): boolean {
  return compareInLine(a, b) < 0;
}

/** The order of a service's line as visitors are told it: front placements, then joining time. */
export function compareInLine(a: LinePlace, b: LinePlace): number {
  if (a.front !== b.front) return a.front ? -1 : 1;
  return a.queuedAt - b.queuedAt || a.seq - b.seq;
}

/** A service's waiting tickets in line order (one sort, for ranking a whole line at once). */
export function lineOf(state: HallState, serviceId: string): Ticket[] {
  const line: Ticket[] = [];
  for (const id of state.waiting.get(serviceId) ?? []) {
    const t = state.tickets.get(id);
    if (t) line.push(t);
  }
  return line.sort(compareInLine);
}
