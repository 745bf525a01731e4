import type {
  CounterView,
  DisplayDelta,
  DisplaySnapshot,
  IssuedTicket,
  PublicCall,
  PublicCounter,
  StaffDelta,
  StaffSnapshot,
  TicketStatusView,
} from '../../../contract/index.js';
import type { PublicServiceQueue, PublicTicket, Ticket } from '../../../contract/domain.js';
import type { RevEvent } from '../../../contract/events.js';
import {
  bookedSlot,
  counterState,
  hasBookedLater,
  peopleAheadOf,
  serviceQueues,
  ticketEstimate,
} from '../domain/index.js';
import type { HallConfig, HallState } from '../domain/index.js';
import { staffEvent, staffTicket, type StaffViewer } from './staff-privacy.js';

/** How many finished tickets staff snapshots carry (the day's open ones always come). */
const RECENT_FINISHED = 50;
const RECENT_CALLS = 8;

const ACTIVE = new Set(['waiting', 'called', 'serving']);

/** One counter as staff see it; null for a counter not in this hall. */
export function counterView(
  state: HallState,
  config: HallConfig,
  clerkName: (id: string) => string | null,
  counterId: string,
): CounterView | null {
  const counter = config.counters.get(counterId);
  if (!counter) return null;
  const c = counterState(state, counter.id);
  return {
    ...counter,
    status: c.status,
    clerkId: c.clerkId,
    clerkName: c.clerkId ? clerkName(c.clerkId) : null,
    pauseReason: c.pauseReason,
    currentTicketId: c.currentTicketId,
  };
}

export function counterViews(
  state: HallState,
  config: HallConfig,
  clerkName: (id: string) => string | null,
): CounterView[] {
  return [...config.counters.values()]
    .sort((a, b) => a.number - b.number)
    .map((counter) => counterView(state, config, clerkName, counter.id)!);
}

/** The hall for staff: open tickets and the most recent finished ones, as `viewer` may see them. */
export function staffSnapshot(
  state: HallState,
  config: HallConfig,
  now: number,
  clerkName: (id: string) => string | null,
  viewer: StaffViewer,
): StaffSnapshot {
  const all = [...state.tickets.values()];
  const finished = all
    .filter((t) => !ACTIVE.has(t.status))
    .sort((a, b) => (b.endedAt ?? 0) - (a.endedAt ?? 0));
  return {
    rev: state.rev,
    day: state.day,
    now,
    hall: config.hall,
    services: [...config.services.values()],
    counters: counterViews(state, config, clerkName),
    queues: serviceQueues(state, config),
    tickets: [
      ...all.filter((t) => ACTIVE.has(t.status)),
      ...finished.slice(0, RECENT_FINISHED),
    ].map((t) => staffTicket(t, viewer)),
  };
}

export function publicTicket(t: Ticket, config: HallConfig): PublicTicket {
  return {
    number: t.number,
    serviceId: t.serviceId,
    status: t.status,
    counterNumber: t.counterId ? (config.counters.get(t.counterId)?.number ?? null) : null,
    calledAt: t.lastCalledAt,
    appointment: isAppointment(t),
  };
}

/** A booked visitor's ticket (the display marks it, the printed ticket names the slot). */
function isAppointment(t: Ticket): boolean {
  return Boolean(t.appointment);
}

function publicCounters(state: HallState, config: HallConfig): PublicCounter[] {
  return [...config.counters.values()]
    .sort((a, b) => a.number - b.number)
    .map((counter) => publicCounter(state, config, counter.id))
    .filter((c): c is PublicCounter => c !== null);
}

function publicCounter(
  state: HallState,
  config: HallConfig,
  counterId: string,
): PublicCounter | null {
  const counter = config.counters.get(counterId);
  if (!counter) return null;
  const c = counterState(state, counterId);
  const t = c.currentTicketId ? state.tickets.get(c.currentTicketId) : undefined;
  return {
    id: counter.id,
    number: counter.number,
    name: counter.name,
    status: c.status,
    current: t ? publicTicket(t, config) : null,
  };
}

function recentCalls(state: HallState, config: HallConfig): PublicCall[] {
  return [...state.tickets.values()]
    .filter((t) => t.lastCalledAt !== null && t.counterId !== null)
    .sort((a, b) => (b.lastCalledAt ?? 0) - (a.lastCalledAt ?? 0))
    .slice(0, RECENT_CALLS)
    .map((t) => ({
      number: t.number,
      serviceId: t.serviceId,
      counterNumber: config.counters.get(t.counterId!)?.number ?? 0,
      at: t.lastCalledAt!,
      recall: t.recalls > 0,
      appointment: isAppointment(t),
    }));
}

export function displaySnapshot(
  state: HallState,
  config: HallConfig,
  now: number,
): DisplaySnapshot {
  return {
    rev: state.rev,
    now,
    hall: { id: config.hall.id, name: config.hall.name, timeZone: config.hall.timeZone },
    services: [...config.services.values()].map(({ id, prefix, name, active }) => ({
      id,
      prefix,
      name,
      active,
    })),
    counters: publicCounters(state, config),
    queues: serviceQueues(state, config),
    recentCalls: recentCalls(state, config),
  };
}

/** The counter an event concerns, if any. */
export function counterIdOf(event: RevEvent, state: HallState): string | null {
  if ('counterId' in event) return event.counterId;
  if ('ticketId' in event) return state.tickets.get(event.ticketId)?.counterId ?? null;
  return null;
}

/** One event for staff, as `viewer` may see it (`queues` as for `displayDelta`). */
export function staffDelta(
  event: RevEvent,
  state: HallState,
  config: HallConfig,
  clerkName: (id: string) => string | null,
  viewer: StaffViewer,
  queues: PublicServiceQueue[] = serviceQueues(state, config),
): StaffDelta {
  const t = 'ticketId' in event ? state.tickets.get(event.ticketId) : undefined;
  const counterId = counterIdOf(event, state);
  // One counter's view, not all of them: a delta goes out for every event.
  const counter = counterId ? counterView(state, config, clerkName, counterId) : null;
  return {
    rev: event.rev,
    event: staffEvent(event, viewer, t?.clerkId ?? null),
    ticket: t ? staffTicket(t, viewer) : null,
    counter,
    queues,
  };
}

/** `queues` may be passed in: it is the same for every event of a batch (published after it). */
export function displayDelta(
  event: RevEvent,
  state: HallState,
  config: HallConfig,
  queues: PublicServiceQueue[] = serviceQueues(state, config),
): DisplayDelta {
  const counterId = counterIdOf(event, state);
  let call: PublicCall | null = null;
  if (event.type === 'ticket:called' || event.type === 'ticket:recalled') {
    const t = state.tickets.get(event.ticketId);
    call = t
      ? {
          number: t.number,
          serviceId: t.serviceId,
          counterNumber: config.counters.get(event.counterId)?.number ?? 0,
          at: event.at,
          recall: event.type === 'ticket:recalled',
          appointment: isAppointment(t),
        }
      : null;
  }
  return {
    rev: event.rev,
    type: event.type,
    at: event.at,
    counter: counterId ? publicCounter(state, config, counterId) : null,
    call,
    queues,
  };
}

/**
 * `ahead` may be passed in by a caller that ranked the whole line at once (`lineOf`). Booked
 * visitors go by their slot, not their place in line: while a service has one whose slot is
 * still to come, a ranked place is not the count, and it is counted here (`peopleAheadOf`).
 */
export function ticketStatusView(
  t: Ticket,
  state: HallState,
  config: HallConfig,
  ranked?: number,
): TicketStatusView {
  const service = config.services.get(t.serviceId);
  const ahead =
    ranked !== undefined && bookedSlot(t) === null && !hasBookedLater(state, t.serviceId)
      ? ranked
      : peopleAheadOf(state, config, t);
  return {
    number: t.number,
    lang: t.lang,
    serviceId: t.serviceId,
    serviceName: service?.name ?? { tr: t.serviceId, en: t.serviceId },
    hallName: config.hall.name,
    status: t.status,
    peopleAhead: ahead,
    // Only a waiting ticket has a wait ahead; a called one is simply "now".
    estimate:
      service && t.status === 'waiting'
        ? ticketEstimate(state, config, t, ahead)
        : { kind: 'minutes', minutes: 0 },
    counterNumber: t.counterId ? (config.counters.get(t.counterId)?.number ?? null) : null,
    calledAt: t.lastCalledAt,
    issuedAt: t.issuedAt,
    rating: t.rating,
    appointment: isAppointment(t),
    smsOffered: smsOffered(config),
    // Whether, never the number: it is for the SMS integration alone.
    smsRequested: state.sms.has(t.id),
    smsSent: state.turnNear.has(t.id),
  };
}

/** The hall sends an SMS when the turn nears (`smsNotifyAhead` set). */
const smsOffered = (config: HallConfig): boolean => (config.hall.smsNotifyAhead ?? null) !== null;

export function issuedTicket(
  t: Ticket,
  state: HallState,
  config: HallConfig,
  statusUrl: string,
  ahead?: number,
): IssuedTicket {
  const view = ticketStatusView(t, state, config, ahead);
  return {
    id: t.id,
    number: t.number,
    serviceId: t.serviceId,
    serviceName: view.serviceName,
    hallName: view.hallName,
    priority: t.priority,
    lang: t.lang,
    issuedAt: t.issuedAt,
    peopleAhead: view.peopleAhead,
    estimate: view.estimate,
    code: t.code,
    statusUrl,
    print: 'no-printer',
    appointment: t.appointment
      ? {
          slotAt: t.appointment.slotAt,
          time: localTime(t.appointment.slotAt, config.hall.timeZone),
        }
      : null,
    smsOffered: view.smsOffered,
  };
}

/** `14:20`: an instant's wall-clock time in the hall's time zone. */
export function localTime(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('tr-TR', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}
