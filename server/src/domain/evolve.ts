import type { QueueEvent } from '../../../contract/events.js';
import type { Ticket } from '../../../contract/domain.js';
import { compareInLine } from './ordering.js';
import {
  bookedSlot,
  counterState,
  RECENT_SERVICE_WINDOW,
  type HallState,
  type LinePlace,
} from './state.js';

/**
 * Applies one event to the hall state, in place, and returns it. Events are facts already
 * decided by `decide`, so this never validates; it must stay deterministic because startup
 * replays the journal through it. In place, because copying a day of tickets per event would
 * make the command loop quadratic.
 */
export function evolve(state: HallState, event: QueueEvent): HallState {
  if (event.at > state.clock) state.clock = event.at;
  switch (event.type) {
    case 'ticket:issued': {
      const ticket: Ticket = {
        id: event.ticketId,
        code: event.code,
        hallId: event.hallId,
        serviceId: event.serviceId,
        number: event.number,
        seq: event.seq,
        priority: event.priority,
        lang: event.lang,
        status: 'waiting',
        issuedAt: event.at,
        queuedAt: event.at,
        front: false,
        counterId: null,
        clerkId: null,
        firstCalledAt: null,
        lastCalledAt: null,
        startedAt: null,
        completedAt: null,
        endedAt: null,
        recalls: 0,
        transfers: 0,
        outcome: null,
        directorateId: null,
        note: null,
        rating: null,
        // Journals from before appointments have none: a walk-in.
        appointment: event.appointment ?? null,
      };
      if (event.appointment) state.checkedIn.add(event.appointment.bookingId);
      state.tickets.set(ticket.id, ticket);
      state.ticketIdByNumber.set(ticket.number, ticket.id);
      state.ticketIdByCode.set(ticket.code, ticket.id);
      state.sequences.set(
        event.serviceId,
        Math.max(state.sequences.get(event.serviceId) ?? 0, event.seq),
      );
      enqueue(state, ticket);
      break;
    }
    case 'ticket:called': {
      const t = ticketOf(state, event.ticketId);
      // A booked visitor's first call is outside the walk-ins' priority interleave.
      const booked = bookedSlot(t) !== null;
      dequeue(state, t);
      t.status = 'called';
      t.counterId = event.counterId;
      t.clerkId = event.clerkId;
      t.firstCalledAt ??= event.at;
      t.lastCalledAt = event.at;
      t.front = false;
      if (!booked) state.normalsSincePriority = t.priority ? 0 : state.normalsSincePriority + 1;
      const c = counterState(state, event.counterId);
      state.counters.set(c.id, { ...c, currentTicketId: t.id, freeSince: null });
      break;
    }
    case 'ticket:recalled': {
      const t = ticketOf(state, event.ticketId);
      t.recalls += 1;
      t.lastCalledAt = event.at;
      break;
    }
    case 'ticket:started': {
      const t = ticketOf(state, event.ticketId);
      t.status = 'serving';
      t.startedAt = event.at;
      break;
    }
    case 'ticket:completed': {
      const t = ticketOf(state, event.ticketId);
      t.status = 'done';
      t.completedAt = event.at;
      t.endedAt = event.at;
      t.outcome = event.outcome;
      // Journals from before directorates have none: an unknown directorate.
      t.directorateId = event.directorateId ?? null;
      t.note = event.note;
      if (t.startedAt !== null) rememberServiceTime(state, t.serviceId, event.at - t.startedAt);
      freeCounter(state, event.counterId, event.at);
      break;
    }
    case 'ticket:no-show': {
      const t = ticketOf(state, event.ticketId);
      t.status = 'no-show';
      t.endedAt = event.at;
      freeCounter(state, event.counterId, event.at);
      break;
    }
    case 'ticket:restored': {
      const t = ticketOf(state, event.ticketId);
      t.status = 'waiting';
      t.endedAt = null;
      t.counterId = null;
      t.clerkId = null;
      t.front = true;
      t.queuedAt = event.at;
      enqueue(state, t);
      break;
    }
    case 'ticket:requeued': {
      const t = ticketOf(state, event.ticketId);
      t.status = 'waiting';
      t.counterId = null;
      t.clerkId = null;
      t.queuedAt = event.at;
      enqueue(state, t);
      freeCounter(state, event.counterId, event.at);
      break;
    }
    case 'ticket:transferred': {
      const t = ticketOf(state, event.ticketId);
      // The finished segment counts as service time of the service it was spent in.
      if (t.startedAt !== null) rememberServiceTime(state, t.serviceId, event.at - t.startedAt);
      t.status = 'waiting';
      t.serviceId = event.toServiceId;
      t.counterId = null;
      t.clerkId = null;
      t.startedAt = null;
      t.transfers += 1;
      t.queuedAt = event.at;
      t.front = event.position === 'front';
      enqueue(state, t);
      freeCounter(state, event.counterId, event.at);
      break;
    }
    case 'ticket:cancelled': {
      const t = ticketOf(state, event.ticketId);
      if (t.status === 'waiting') dequeue(state, t);
      if (t.counterId !== null && (t.status === 'called' || t.status === 'serving')) {
        freeCounter(state, t.counterId, event.at);
      }
      t.status = 'cancelled';
      t.endedAt = event.at;
      break;
    }
    case 'ticket:rated': {
      // The comment stays in the journal and the stats record, not on the staff's ticket.
      ticketOf(state, event.ticketId).rating = event.rating;
      break;
    }
    case 'ticket:sms-requested':
      // A new request replaces the one before (a corrected number).
      state.sms.set(event.ticketId, { phone: event.phone, ahead: event.ahead });
      break;
    case 'ticket:sms-withdrawn':
      state.sms.delete(event.ticketId);
      break;
    case 'ticket:turn-near':
      state.turnNear.add(event.ticketId);
      break;
    case 'estimates:sampled':
      // A record of what the phone pages showed: the queue itself does not change.
      state.lastSampleAt = event.at;
      break;
    case 'counter:opened': {
      state.counters.set(event.counterId, {
        id: event.counterId,
        status: 'open',
        clerkId: event.clerkId,
        pauseReason: null,
        currentTicketId: null,
        freeSince: event.at,
      });
      break;
    }
    case 'counter:paused': {
      const c = counterState(state, event.counterId);
      state.counters.set(c.id, {
        ...c,
        status: 'paused',
        pauseReason: event.reason,
        freeSince: null,
      });
      state.pausedAt.set(c.id, event.at);
      break;
    }
    case 'counter:resumed': {
      const c = counterState(state, event.counterId);
      state.counters.set(c.id, { ...c, status: 'open', pauseReason: null, freeSince: event.at });
      break;
    }
    case 'counter:closed': {
      const c = counterState(state, event.counterId);
      state.counters.set(c.id, {
        ...c,
        status: 'closed',
        clerkId: null,
        pauseReason: null,
        freeSince: null,
      });
      break;
    }
  }
  return state;
}

function ticketOf(state: HallState, id: string): Ticket {
  const t = state.tickets.get(id);
  if (!t) throw new Error(`journal names unknown ticket ${id}`);
  return t;
}

function enqueue(state: HallState, t: Ticket): void {
  let set = state.waiting.get(t.serviceId);
  if (!set) state.waiting.set(t.serviceId, (set = new Set()));
  set.add(t.id);
  if (bookedSlot(t) !== null) {
    let booked = state.booked.get(t.serviceId);
    if (!booked) state.booked.set(t.serviceId, (booked = new Set()));
    booked.add(t.id);
  }
  const end = set.size > 1 ? state.lineEnds.get(t.serviceId) : undefined;
  const place: LinePlace = { front: t.front, queuedAt: t.queuedAt, seq: t.seq };
  const behindAll = !end || compareInLine(end.last, place) < 0;
  state.lineEnds.set(t.serviceId, {
    last: behindAll ? place : end.last,
    lastTicketId: t.id,
    lastIsBehindAll: behindAll,
  });
}

function dequeue(state: HallState, t: Ticket): void {
  const set = state.waiting.get(t.serviceId);
  set?.delete(t.id);
  if (set?.size === 0) state.lineEnds.delete(t.serviceId);
  const booked = state.booked.get(t.serviceId);
  if (booked?.delete(t.id) && booked.size === 0) state.booked.delete(t.serviceId);
}

function freeCounter(state: HallState, counterId: string, at: number): void {
  const c = counterState(state, counterId);
  state.counters.set(c.id, {
    ...c,
    currentTicketId: null,
    freeSince: c.status === 'open' ? at : null,
  });
}

function rememberServiceTime(state: HallState, serviceId: string, ms: number): void {
  const list = state.recentServiceMs.get(serviceId) ?? [];
  list.push(Math.max(0, ms));
  if (list.length > RECENT_SERVICE_WINDOW) list.shift();
  state.recentServiceMs.set(serviceId, list);
}
