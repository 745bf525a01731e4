import type { Counter, Hall, Ticket } from '../../../contract/domain.js';
import type { HallState, LinePlace } from './state.js';

const MINUTE = 60_000;

/**
 * Who a counter calls next, among the waiting tickets of the services it covers:
 * 1. tickets put at the front (restored no-shows, transfers to the front), earliest first;
 * 2. tickets waiting longer than the hall's escalation limit, longest first;
 * 3. otherwise priority and normal tickets interleave at the hall's ratio (`priorityRatio`
 *    normal calls per priority call when both wait); within a class the longest
 *    weight-adjusted wait goes first; ties by earliest issue.
 */
export function pickNext(
  state: HallState,
  hall: Hall,
  counter: Counter,
  now: number,
): Ticket | undefined {
  const candidates = waitingFor(state, counter);
  if (candidates.length === 0) return undefined;
  const weight = new Map(counter.services.map((s) => [s.serviceId, s.weight]));
  const earliest = (a: Ticket, b: Ticket) =>
    a.queuedAt - b.queuedAt || a.issuedAt - b.issuedAt || a.seq - b.seq;

  const front = candidates.filter((t) => t.front);
  if (front.length > 0) return front.sort(earliest)[0];

  const limit = hall.escalationMinutes * MINUTE;
  const escalated = candidates.filter((t) => now - t.queuedAt > limit);
  if (escalated.length > 0) return escalated.sort(earliest)[0];

  const byWeightedWait = (a: Ticket, b: Ticket) =>
    (now - b.queuedAt) * (weight.get(b.serviceId) ?? 1) -
      (now - a.queuedAt) * (weight.get(a.serviceId) ?? 1) || earliest(a, b);
  const priority = candidates.filter((t) => t.priority !== null).sort(byWeightedWait);
  const normal = candidates.filter((t) => t.priority === null).sort(byWeightedWait);
  if (priority.length === 0) return normal[0];
  if (normal.length === 0) return priority[0];
  return state.normalsSincePriority >= hall.priorityRatio ? priority[0] : normal[0];
}

/** The waiting tickets of the services a counter covers. */
export function waitingFor(state: HallState, counter: Counter): Ticket[] {
  const out: Ticket[] = [];
  for (const { serviceId } of counter.services) {
    for (const id of state.waiting.get(serviceId) ?? []) {
      const t = state.tickets.get(id);
      if (t) out.push(t);
    }
  }
  return out;
}

/**
 * The visitor's place in their own service's line: tickets put at the front, then by
 * the time they joined the line. (Priority interleaving and escalation can still move
 * a visitor, which is why the kiosk calls this an estimate.)
 */
export function peopleAhead(state: HallState, ticket: Ticket): number {
  if (ticket.status !== 'waiting') return 0;
  const line = state.waiting.get(ticket.serviceId);
  const end = state.lineEnds.get(ticket.serviceId);
  // The visitor who joined last took a place behind all the others: everyone is ahead.
  if (line && end?.lastTicketId === ticket.id && end.lastIsBehindAll) return line.size - 1;
  let ahead = 0;
  for (const id of line ?? []) {
    if (id === ticket.id) continue;
    const t = state.tickets.get(id);
    if (t && isBefore(t, ticket)) ahead += 1;
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
