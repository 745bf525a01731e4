import type { CounterView } from '../../../contract/api.js';
import type { Service, StaffTicket } from '../../../contract/domain.js';
import type { CounterModel } from './model.js';

/** One visitor waiting for a service this counter covers. */
export interface WaitingEntry {
  ticket: StaffTicket;
  service: Service | null;
  /** Since the ticket (re)entered its line, in ms (never negative). */
  waitedMs: number;
}

/**
 * The visitors waiting for this counter's services: those put at the front first, then by
 * the time they joined the line. This is the line's order, not a promise of who comes next:
 * the server interleaves priority visitors and escalates long waits when it calls.
 */
export function waitingLine(
  model: CounterModel,
  counter: CounterView,
  now: number,
): WaitingEntry[] {
  const covered = new Set(counter.services.map((s) => s.serviceId));
  const out: WaitingEntry[] = [];
  for (const ticket of model.tickets.values()) {
    if (ticket.status !== 'waiting' || !covered.has(ticket.serviceId)) continue;
    out.push({
      ticket,
      service: model.services.find((s) => s.id === ticket.serviceId) ?? null,
      waitedMs: Math.max(0, now - ticket.queuedAt),
    });
  }
  return out.sort(
    (a, b) =>
      Number(b.ticket.front) - Number(a.ticket.front) ||
      a.ticket.queuedAt - b.ticket.queuedAt ||
      a.ticket.number.localeCompare(b.ticket.number),
  );
}

/**
 * The waiting visitors a clerk can pick from while typing a number: those whose number holds
 * what was typed (case and spaces ignored), in line order, at most `limit`.
 */
export function callSuggestions(
  line: readonly WaitingEntry[],
  typed: string,
  limit = 8,
): WaitingEntry[] {
  const q = typed.replace(/\s+/g, '').toLocaleUpperCase('tr-TR');
  return line.filter((e) => e.ticket.number.toLocaleUpperCase('tr-TR').includes(q)).slice(0, limit);
}

/**
 * An example number for the call field, from a service this counter covers (its first active
 * one), so a counter that serves only R does not suggest V numbers. Empty when it covers none.
 */
export function numberPlaceholder(counter: CounterView, services: readonly Service[]): string {
  for (const { serviceId } of counter.services) {
    const s = services.find((x) => x.id === serviceId);
    if (s?.active) return `${s.prefix}012`;
  }
  return '';
}
