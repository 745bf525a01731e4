import type { Counter, CounterState, Ticket, WaitEstimate } from '../../../contract/domain.js';
import type { QueueEvent } from '../../../contract/events.js';
import type { Command } from './commands.js';
import { joinForecast, refusesTickets, waitingEstimates } from './estimates.js';
import { ticketNumber, type HallConfig } from './hall-config.js';
import { forEachWaiting, pickNext, waitsFrom } from './ordering.js';
import { fail, ok, type Result } from './result.js';
import { decideSms } from './sms-notify.js';
import { counterOfClerk, counterState, SAMPLE_EVERY_MS, type HallState } from './state.js';

const MINUTE = 60_000;

/**
 * Decides what a command means for the hall: the events to record, or why it is refused.
 * Pure: reads the state, never changes it; `now` is the only clock.
 */
export function decide(
  state: HallState,
  config: HallConfig,
  command: Command,
  now: number,
): Result<QueueEvent[]> {
  const base = { hallId: state.hallId, at: now };
  switch (command.type) {
    case 'issue': {
      const service = config.services.get(command.serviceId);
      if (!service)
        return fail(
          'service-not-found',
          `No service ${command.serviceId} in this hall.`,
          'serviceId',
        );
      if (!service.active)
        return fail('service-inactive', `${service.name.en} is not taking tickets now.`);
      const appointment = command.appointment;
      if (appointment && state.checkedIn.has(appointment.bookingId))
        return fail('booking-already-checked-in', 'This booking has already been checked in.');
      if (refusesTickets(state, config, service.id))
        return fail(
          'no-open-counter',
          `No open counter serves ${service.name.en} now, and this hall issues no tickets then.`,
        );
      const seq = (state.sequences.get(service.id) ?? 0) + 1;
      const number = ticketNumber(service.prefix, seq);
      return ok([
        {
          ...base,
          type: 'ticket:issued',
          ticketId: `${state.hallId}-${state.day}-${number}`,
          code: command.code,
          serviceId: service.id,
          seq,
          number,
          priority: command.priority,
          lang: command.lang,
          ...promise(joinForecast(state, config, service, command.priority, now, appointment)),
          ...(appointment
            ? { appointment: { bookingId: appointment.bookingId, slotAt: appointment.slotAt } }
            : {}),
        },
      ]);
    }
    case 'restore': {
      const t = ticketByNumber(state, command.number);
      if (!t) return fail('ticket-not-found', `No ticket ${command.number} today.`, 'number');
      if (t.status !== 'no-show')
        return fail('invalid-transition', `${t.number} is ${t.status}, not a no-show.`);
      if (now - (t.endedAt ?? 0) > config.hall.noShowGraceMinutes * MINUTE) {
        return fail(
          'grace-expired',
          `${t.number} was marked absent more than ${config.hall.noShowGraceMinutes} minutes ago.`,
        );
      }
      return ok([{ ...base, type: 'ticket:restored', ticketId: t.id, clerkId: command.clerkId }]);
    }
    case 'cancel': {
      const t = state.tickets.get(command.ticketId);
      if (!t) return fail('ticket-not-found', 'No such ticket today.');
      if (t.status !== 'waiting' && t.status !== 'called') {
        return fail(
          'invalid-transition',
          `${t.number} is ${t.status} and can no longer be cancelled.`,
        );
      }
      return ok([
        {
          ...base,
          type: 'ticket:cancelled',
          ticketId: t.id,
          by: command.by,
          clerkId: command.clerkId,
        },
      ]);
    }
    case 'rate': {
      const t = state.tickets.get(command.ticketId);
      if (!t) return fail('ticket-not-found', 'No such ticket today.');
      if (t.status !== 'done')
        return fail('invalid-transition', 'A visit can be rated once it is finished.');
      if (t.rating !== null)
        return fail('invalid-transition', 'This visit has already been rated.');
      if (!Number.isInteger(command.rating) || command.rating < 1 || command.rating > 5) {
        return fail('validation', 'The rating is a whole number from 1 to 5.', 'rating');
      }
      return ok([
        {
          ...base,
          type: 'ticket:rated',
          ticketId: t.id,
          rating: command.rating,
          note: command.note,
        },
      ]);
    }
    case 'sample-estimates': {
      // What each waiting visitor's phone page shows now (the same forecast); nothing when no one waits, or
      // when a round was taken lately (by this server or another sharing the hall's journal).
      if (now - state.lastSampleAt < SAMPLE_EVERY_MS) return ok([]);
      const estimates = waitingEstimates(state, config);
      if (Object.keys(estimates).length === 0) return ok([]);
      return ok([{ ...base, type: 'estimates:sampled', estimates }]);
    }
    case 'request-sms':
    case 'withdraw-sms':
    case 'notify-turn-near':
      return decideSms(state, config, command, now);
    default:
      return decideAtCounter(state, config, command, now);
  }
}

type CounterCommand = Exclude<
  Command,
  | { type: 'issue' | 'restore' | 'cancel' | 'rate' | 'sample-estimates' }
  | { type: 'request-sms' | 'withdraw-sms' | 'notify-turn-near' }
>;

function decideAtCounter(
  state: HallState,
  config: HallConfig,
  command: CounterCommand,
  now: number,
): Result<QueueEvent[]> {
  const counter = config.counters.get(command.counterId);
  if (!counter)
    return fail('counter-not-found', `No counter ${command.counterId} in this hall.`, 'counterId');
  const c = counterState(state, counter.id);
  const who = { hallId: state.hallId, at: now, counterId: counter.id, clerkId: command.clerkId };

  if (command.type === 'open') {
    if (c.status !== 'closed') {
      if (c.clerkId === command.clerkId) return ok([]); // signing in again keeps the counter
      return fail('counter-taken', `Counter ${counter.number} is in use by another clerk.`);
    }
    const held = counterOfClerk(state, command.clerkId);
    if (held)
      return fail(
        'invalid-transition',
        `You already hold counter ${config.counters.get(held.id)?.number ?? held.id}; close it first.`,
      );
    return ok([{ ...who, type: 'counter:opened' }]);
  }

  if (c.status === 'closed')
    return fail('counter-not-open', `Counter ${counter.number} is not open.`);
  if (c.clerkId !== command.clerkId && !command.override) {
    return fail('forbidden', `Counter ${counter.number} is held by another clerk.`);
  }
  const current = c.currentTicketId ? state.tickets.get(c.currentTicketId) : undefined;

  switch (command.type) {
    case 'pause':
      if (c.status === 'paused')
        return fail('invalid-transition', 'The counter is already paused.');
      if (current) return fail('counter-busy', `Finish ${current.number} before pausing.`);
      return ok([{ ...who, type: 'counter:paused', reason: command.reason }]);
    case 'resume':
      if (c.status !== 'paused') return fail('invalid-transition', 'The counter is not paused.');
      return ok([{ ...who, type: 'counter:resumed' }]);
    case 'close':
      if (current) return fail('counter-busy', `Finish ${current.number} before closing.`);
      return ok([{ ...who, type: 'counter:closed' }]);
    case 'call-next': {
      const ready = readyToCall(c, current);
      if (!ready.ok) return ready;
      const next = pickNext(state, config.hall, counter, now);
      if (!next) return fail('queue-empty', 'Nobody is waiting for the services of this counter.');
      return ok([
        {
          ...who,
          type: 'ticket:called',
          ticketId: next.id,
          idleMs: idleMs(state, c, counter, now),
        },
      ]);
    }
    case 'call': {
      const ready = readyToCall(c, current);
      if (!ready.ok) return ready;
      const t = ticketByNumber(state, command.number);
      if (!t) return fail('ticket-not-found', `No ticket ${command.number} today.`, 'number');
      if (t.status !== 'waiting')
        return fail('invalid-transition', `${t.number} is ${t.status}, not waiting.`);
      return ok([
        { ...who, type: 'ticket:called', ticketId: t.id, idleMs: idleMs(state, c, counter, now) },
      ]);
    }
    case 'recall':
      if (current?.status !== 'called')
        return fail('invalid-transition', 'There is no called visitor to call again.');
      return ok([{ ...who, type: 'ticket:recalled', ticketId: current.id }]);
    case 'start':
      if (current?.status !== 'called')
        return fail('invalid-transition', 'Call a visitor before starting a visit.');
      return ok([{ ...who, type: 'ticket:started', ticketId: current.id }]);
    case 'complete': {
      if (current?.status !== 'serving')
        return fail('invalid-transition', 'Only a visit in progress can be completed.');
      const directorateId = command.directorateId ?? null;
      const refused = checkDirectorate(config, command.outcome, directorateId);
      if (refused) return refused;
      return ok([
        {
          ...who,
          type: 'ticket:completed',
          ticketId: current.id,
          outcome: command.outcome,
          directorateId,
          note: command.note,
        },
      ]);
    }
    case 'no-show':
      if (current?.status !== 'called')
        return fail('invalid-transition', 'Only a called visitor can be marked absent.');
      return ok([{ ...who, type: 'ticket:no-show', ticketId: current.id }]);
    case 'requeue':
      if (current?.status !== 'called')
        return fail('invalid-transition', 'Only a called visitor can be put back in line.');
      return ok([{ ...who, type: 'ticket:requeued', ticketId: current.id }]);
    case 'transfer': {
      if (current?.status !== 'serving')
        return fail('invalid-transition', 'Only a visit in progress can be transferred.');
      const to = config.services.get(command.serviceId);
      if (!to)
        return fail(
          'service-not-found',
          `No service ${command.serviceId} in this hall.`,
          'serviceId',
        );
      if (to.id === current.serviceId)
        return fail('invalid-transition', 'The visitor is already in that service.', 'serviceId');
      return ok([
        {
          ...who,
          type: 'ticket:transferred',
          ticketId: current.id,
          fromServiceId: current.serviceId,
          toServiceId: to.id,
          position: command.position,
        },
      ]);
    }
  }
}

function readyToCall(c: CounterState, current: Ticket | undefined): Result<true> {
  if (c.status === 'paused')
    return fail('counter-not-open', 'The counter is paused; resume it to call.');
  if (current)
    return fail('counter-busy', `Finish ${current.number} before calling the next visitor.`);
  return ok(true);
}

/**
 * A ticket by the number a clerk typed. Keyboards differ: `i001` is `İ001` under Turkish
 * rules but `I001` under English ones, and a clerk may type `I` for `İ`; try each reading.
 */
function ticketByNumber(state: HallState, number: string): Ticket | undefined {
  const typed = number.trim();
  const readings = [typed.toLocaleUpperCase('tr-TR'), typed.toUpperCase()];
  readings.push(...readings.map((r) => r.replace(/^I/, 'İ')));
  for (const r of readings) {
    const id = state.ticketIdByNumber.get(r);
    if (id !== undefined) return state.tickets.get(id);
  }
  return undefined;
}

/**
 * How long the counter stood free while someone it could serve was waiting: from the later
 * of "counter became free" and "the longest-waiting covered ticket joined the line".
 */
function idleMs(state: HallState, c: CounterState, counter: Counter, now: number): number {
  if (c.freeSince === null) return 0;
  let oldest = Number.POSITIVE_INFINITY;
  forEachWaiting(state, counter, (t) => {
    // A booked visitor waits for the counter only from their slot.
    const from = waitsFrom(t);
    if (from <= now) oldest = Math.min(oldest, from);
  });
  if (oldest === Number.POSITIVE_INFINITY) return 0;
  return Math.max(0, now - Math.max(c.freeSince, oldest));
}

/** The events that close a day at local midnight: open visits end, counters close. */
export function closeDayEvents(state: HallState, now: number): QueueEvent[] {
  const base = { hallId: state.hallId, at: now };
  const events: QueueEvent[] = [];
  for (const t of state.tickets.values()) {
    if (t.status === 'waiting' || t.status === 'called' || t.status === 'serving') {
      events.push({
        ...base,
        type: 'ticket:cancelled',
        ticketId: t.id,
        by: 'day-end',
        clerkId: null,
      });
    }
  }
  for (const c of state.counters.values()) {
    if (c.status !== 'closed' && c.clerkId !== null) {
      events.push({ ...base, type: 'counter:closed', counterId: c.id, clerkId: c.clerkId });
    }
  }
  return events;
}

/** A forwarded visit names an active directorate of the hall; a resolved one names none. */
function checkDirectorate(
  config: HallConfig,
  outcome: 'resolved' | 'forwarded',
  directorateId: string | null,
): Result<never> | null {
  if (outcome === 'resolved')
    return directorateId === null
      ? null
      : fail(
          'validation',
          'A visit resolved at the desk is not forwarded to a directorate.',
          'directorateId',
        );
  if (directorateId === null)
    return fail('validation', 'Choose the directorate the visit is forwarded to.', 'directorateId');
  const d = config.directorates.get(directorateId);
  if (!d)
    return fail('validation', `No directorate ${directorateId} in this hall.`, 'directorateId');
  if (!d.active)
    return fail(
      'validation',
      `${d.name.tr} is retired; choose another directorate.`,
      'directorateId',
    );
  return null;
}

/** The estimate recorded at issue, and the history factor in it when there was one. */
function promise(p: { estimate: WaitEstimate; factor: number }) {
  return p.factor === 1
    ? { estimate: p.estimate }
    : { estimate: p.estimate, estimateFactor: p.factor };
}
