import { seedDirectorates } from '../../../server/src/config/directorates.js';
import type { Counter, Hall, PriorityGroup, Service, Ticket } from '../../../contract/domain.js';
import type { ApiError } from '../../../contract/errors.js';
import type { QueueEvent } from '../../../contract/events.js';
import {
  decide,
  emptyHallState,
  evolve,
  hallConfig,
  type Command,
  type HallConfig,
  type HallState,
} from '../../../server/src/domain/index.js';

export const MINUTE = 60_000;
export const HALL_ID = 'cankaya';
export const DAY = '2024-05-06';
/** 09:00 in Istanbul (UTC+3) on `DAY`: the hall opens. */
export const OPENING = Date.UTC(2024, 4, 6, 6, 0, 0);

/** The instant `minutes` (and `seconds`) after the hall opens. */
export function at(minutes: number, seconds = 0): number {
  return OPENING + minutes * MINUTE + seconds * 1000;
}

export const VEZNE = 'vezne';
export const RUHSAT = 'ruhsat';
export const EVRAK = 'evrak';
export const NIKAH = 'nikah';

export function makeHall(overrides: Partial<Hall> = {}): Hall {
  return {
    id: HALL_ID,
    name: 'Hoş Geldiniz Masası',
    timeZone: 'Europe/Istanbul',
    priorityRatio: 2,
    escalationMinutes: 30,
    noShowGraceMinutes: 10,
    noteRetentionDays: 90,
    dayEndPolicy: 'cancel',
    ...overrides,
  };
}

export function makeService(id: string, prefix: string, overrides: Partial<Service> = {}): Service {
  return {
    id,
    hallId: HALL_ID,
    prefix,
    name: { tr: id, en: id },
    targetMinutes: 4,
    active: true,
    ...overrides,
  };
}

/** A counter covering services, each given as an id (weight 1) or `[id, weight]`. */
export function makeCounter(
  id: string,
  number: number,
  services: Array<string | [string, number]>,
): Counter {
  return {
    id,
    hallId: HALL_ID,
    number,
    name: `Banko ${number}`,
    services: services.map((s) =>
      typeof s === 'string' ? { serviceId: s, weight: 1 } : { serviceId: s[0], weight: s[1] },
    ),
  };
}

export const defaultServices = (): Service[] => [
  makeService(VEZNE, 'V', { targetMinutes: 4 }),
  makeService(RUHSAT, 'R', { targetMinutes: 6 }),
  makeService(EVRAK, 'E', { targetMinutes: 5 }),
  makeService(NIKAH, 'N', { active: false }),
];

/** c1 covers vezne and ruhsat, c2 only vezne, c3 only ruhsat, c4 only evrak. */
export const defaultCounters = (): Counter[] => [
  makeCounter('c1', 1, [VEZNE, RUHSAT]),
  makeCounter('c2', 2, [VEZNE]),
  makeCounter('c3', 3, [RUHSAT]),
  makeCounter('c4', 4, [EVRAK]),
];

export function makeConfig(
  options: { hall?: Partial<Hall>; services?: Service[]; counters?: Counter[] } = {},
): HallConfig {
  return hallConfig(
    makeHall(options.hall),
    options.services ?? defaultServices(),
    options.counters ?? defaultCounters(),
    seedDirectorates(HALL_ID),
  );
}

export function newDay(day = DAY): HallState {
  return emptyHallState(HALL_ID, day);
}

export type RunResult = { ok: true; events: QueueEvent[] } | { ok: false; error: ApiError };

/** Decides the command and, when accepted, folds its events into `state` (in place). */
export function run(
  state: HallState,
  config: HallConfig,
  command: Command,
  now: number,
): RunResult {
  const result = decide(state, config, command, now);
  if (!result.ok) return { ok: false, error: result.error };
  for (const event of result.value) evolve(state, event);
  return { ok: true, events: result.value };
}

/** Like `run`, for arranging: a refusal is a broken test, so it throws. */
export function must(
  state: HallState,
  config: HallConfig,
  command: Command,
  now: number,
): QueueEvent[] {
  const result = run(state, config, command, now);
  if (!result.ok) {
    throw new Error(
      `arrange: ${command.type} refused: ${result.error.code} ${result.error.message}`,
    );
  }
  return result.events;
}

export function errorCode(result: RunResult): string {
  return result.ok ? `accepted with ${result.events.length} event(s)` : result.error.code;
}

export function eventsOf(result: RunResult): QueueEvent[] {
  if (!result.ok)
    throw new Error(`expected events, got ${result.error.code}: ${result.error.message}`);
  return result.events;
}

/** Issues a ticket; the status code is derived from service and sequence so it is unique. */
export function issue(
  state: HallState,
  config: HallConfig,
  serviceId: string,
  now: number,
  priority: PriorityGroup | null = null,
): Ticket {
  const code = `code-${serviceId}-${(state.sequences.get(serviceId) ?? 0) + 1}`;
  const [event] = must(
    state,
    config,
    { type: 'issue', serviceId, priority, lang: 'tr', code },
    now,
  );
  if (event?.type !== 'ticket:issued') throw new Error('arrange: issue gave no ticket:issued');
  return ticketById(state, event.ticketId);
}

/** Checks a booked visitor in (slot `slotAt`); the booking id defaults to one per slot. */
export function checkIn(
  state: HallState,
  config: HallConfig,
  serviceId: string,
  now: number,
  slotAt: number,
  bookingId = `bk-${serviceId}-${slotAt}`,
): Ticket {
  const code = `code-${serviceId}-${(state.sequences.get(serviceId) ?? 0) + 1}`;
  const [event] = must(
    state,
    config,
    {
      type: 'issue',
      serviceId,
      priority: null,
      lang: 'tr',
      code,
      appointment: { bookingId, slotAt },
    },
    now,
  );
  if (event?.type !== 'ticket:issued') throw new Error('arrange: check-in gave no ticket:issued');
  return ticketById(state, event.ticketId);
}

export function open(
  state: HallState,
  config: HallConfig,
  counterId: string,
  clerkId: string,
  now: number,
): void {
  must(state, config, { type: 'open', counterId, clerkId }, now);
}

/** Calls the next visitor at a counter and returns the called ticket. */
export function callNext(
  state: HallState,
  config: HallConfig,
  counterId: string,
  clerkId: string,
  now: number,
): Ticket {
  const [event] = must(state, config, { type: 'call-next', counterId, clerkId }, now);
  if (event?.type !== 'ticket:called') throw new Error('arrange: call-next gave no ticket:called');
  return ticketById(state, event.ticketId);
}

export function ticketById(state: HallState, id: string): Ticket {
  const t = state.tickets.get(id);
  if (!t) throw new Error(`no ticket ${id}`);
  return t;
}

export function ticketByNumber(state: HallState, number: string): Ticket {
  const id = state.ticketIdByNumber.get(number);
  if (id === undefined) throw new Error(`no ticket ${number}`);
  return ticketById(state, id);
}

/** The numbers waiting in a service's line, as stored (issue/enqueue order). */
export function waitingNumbers(state: HallState, serviceId: string): string[] {
  return [...(state.waiting.get(serviceId) ?? [])].map((id) => ticketById(state, id).number);
}

const byKey = <V>(entries: Iterable<[string, V]>): Array<[string, V]> =>
  [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** The state as plain, order-independent data, so two states can be compared with `toEqual`. */
export function comparable(state: HallState) {
  return {
    hallId: state.hallId,
    day: state.day,
    rev: state.rev,
    tickets: byKey(state.tickets).map(([id, t]) => [id, { ...t }]),
    ticketIdByNumber: byKey(state.ticketIdByNumber),
    ticketIdByCode: byKey(state.ticketIdByCode),
    waiting: byKey(state.waiting).map(([id, set]) => [id, [...set].sort()]),
    sequences: byKey(state.sequences),
    counters: byKey(state.counters).map(([id, c]) => [id, { ...c }]),
    normalsSincePriority: state.normalsSincePriority,
    recentServiceMs: byKey(state.recentServiceMs).map(([id, list]) => [id, [...list]]),
    checkedIn: [...state.checkedIn].sort(),
    booked: byKey(state.booked).map(([id, set]) => [id, [...set].sort()]),
  };
}

/** Folds a journal into a fresh state of the same hall and day. */
export function replay(events: readonly QueueEvent[], day = DAY): HallState {
  const state = newDay(day);
  for (const event of events) evolve(state, event);
  return state;
}
