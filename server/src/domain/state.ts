import type { CounterState, Ticket } from '../../../contract/domain.js';

/**
 * One hall's queue on one local day. Built only by folding events (`evolve`), so replaying the
 * journal gives the same state. Owned by the hall's command loop, which is the only mutator.
 */
export interface HallState {
  hallId: string;
  day: string;
  rev: number;
  tickets: Map<string, Ticket>;
  ticketIdByNumber: Map<string, string>;
  ticketIdByCode: Map<string, string>;
  /** Waiting ticket ids per service, in issue order (ordering is decided by `pickNext`). */
  waiting: Map<string, Set<string>>;
  /** Per service with people waiting: where the line ends (see `LineEnd`). */
  lineEnds: Map<string, LineEnd>;
  /** Last number handed out per service today. */
  sequences: Map<string, number>;
  counters: Map<string, CounterState>;
  /** Normal tickets called since the last priority ticket (drives the interleave ratio). */
  normalsSincePriority: number;
  /** Recent service times (ms) per service, newest last; feeds the estimated wait. */
  recentServiceMs: Map<string, number[]>;
  /** Time of the latest event folded: the "now" of the estimates shown with this state. */
  clock: number;
  /** When each paused counter paused (the forecast expects it back after a usual pause). */
  pausedAt: Map<string, number>;
  /**
   * When the phone pages' estimates were last sampled, by any server (folded from the journal),
   * so that servers sharing a hall sample one round per `SAMPLE_EVERY_MS` between them.
   */
  lastSampleAt: number;
  /**
   * Bookings checked in today (folded from `ticket:issued`): a second check-in of the same
   * booking is refused by the hall's own revision, even across servers.
   */
  checkedIn: Set<string>;
  /**
   * Per service, the waiting tickets of booked visitors not yet called (a subset of `waiting`):
   * they go by their slot, not their place in line (see `bookedSlot`). Few at a time.
   */
  booked: Map<string, Set<string>>;
  /**
   * Open SMS requests by ticket id (`ticket:sms-requested`, until withdrawn): the number and the
   * people-ahead threshold the hall had when the visitor asked. The number is never sent to a
   * screen; it is `''` in a journal whose day was closed and erased.
   */
  sms: Map<string, SmsRequest>;
  /** Tickets whose `ticket:turn-near` is journalled (once per ticket). */
  turnNear: Set<string>;
}

/** A visitor's wish for an SMS when at most `ahead` people are in front of them. */
export interface SmsRequest {
  phone: string;
  ahead: number;
}

/** What decides a ticket's place in its line (see `compareInLine`). */
export type LinePlace = Pick<Ticket, 'front' | 'queuedAt' | 'seq'>;

/**
 * The end of a service's line since it was last empty: the place (`compareInLine`) furthest
 * back that any ticket took on joining, and whether the ticket that joined last took a place
 * behind all the others. Then that visitor has everyone else ahead of them, and the ticket
 * printed at the kiosk needs no scan of the line (a scan per ticket grew with the line).
 */
export interface LineEnd {
  last: LinePlace;
  lastTicketId: string;
  lastIsBehindAll: boolean;
}

export const RECENT_SERVICE_WINDOW = 20;

/** At most one sample of the phone pages' estimates per hall in this time. */
export const SAMPLE_EVERY_MS = 5 * 60_000;

export function emptyHallState(hallId: string, day: string): HallState {
  return {
    hallId,
    day,
    rev: 0,
    tickets: new Map(),
    ticketIdByNumber: new Map(),
    ticketIdByCode: new Map(),
    waiting: new Map(),
    lineEnds: new Map(),
    sequences: new Map(),
    counters: new Map(),
    normalsSincePriority: Number.POSITIVE_INFINITY,
    recentServiceMs: new Map(),
    clock: 0,
    pausedAt: new Map(),
    lastSampleAt: Number.NEGATIVE_INFINITY,
    checkedIn: new Set(),
    booked: new Map(),
    sms: new Map(),
    turnNear: new Set(),
  };
}

/**
 * The slot a waiting ticket is called by: a booked visitor's, until their first call. Once
 * called (then requeued, restored or transferred) the ticket queues like any other.
 */
export function bookedSlot(t: Ticket): number | null {
  return t.appointment && t.firstCalledAt === null ? t.appointment.slotAt : null;
}

export function closedCounter(id: string): CounterState {
  return {
    id,
    status: 'closed',
    clerkId: null,
    pauseReason: null,
    currentTicketId: null,
    freeSince: null,
  };
}

export function counterState(state: HallState, counterId: string): CounterState {
  return state.counters.get(counterId) ?? closedCounter(counterId);
}

/** The counter a clerk holds in this hall, if any. */
export function counterOfClerk(state: HallState, clerkId: string): CounterState | undefined {
  for (const c of state.counters.values())
    if (c.clerkId === clerkId && c.status !== 'closed') return c;
  return undefined;
}
