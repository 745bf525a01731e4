import type { DisplaySnapshot, PublicCall, PublicCounter } from '../../../contract/api.js';
import type { PublicServiceQueue } from '../../../contract/domain.js';
import type { DisplayDelta } from '../../../contract/socket.js';
import { announcementFor, type Announcement } from './announcements.js';

/** How long a new call stays highlighted on the screen. */
export const FLASH_MS = 6_000;
/** How many calls the state keeps (the server sends 8 in a snapshot). */
export const RECENT_CALLS_KEPT = 8;

/** A call being highlighted until `until` (local clock). */
export interface Flash {
  counterNumber: number;
  ticketNumber: string;
  until: number;
}

/** Everything the lobby display knows about its hall. */
export interface DisplayState {
  /** Revision of the last snapshot or delta applied; `null` before the first snapshot. */
  rev: number | null;
  hall: DisplaySnapshot['hall'] | null;
  services: DisplaySnapshot['services'];
  counters: PublicCounter[];
  queues: PublicServiceQueue[];
  /** Most recent first, one entry per ticket. */
  recentCalls: PublicCall[];
  flashes: Flash[];
  /** Server clock minus local clock, so the wall clock shows the hall's time. */
  clockOffsetMs: number;
}

export interface Applied {
  state: DisplayState;
  /** Calls to speak, in order. */
  announcements: Announcement[];
  /** `true` when a revision was skipped: ask the server for a fresh snapshot. */
  resync: boolean;
}

export function emptyState(): DisplayState {
  return {
    rev: null,
    hall: null,
    services: [],
    counters: [],
    queues: [],
    recentCalls: [],
    flashes: [],
    clockOffsetMs: 0,
  };
}

/**
 * A snapshot replaces everything (it arrives on every connect that was not recovered, on a
 * resync and at day change). It never announces: the calls in it were made while this screen
 * was not listening, or were already announced.
 */
export function applySnapshot(
  state: DisplayState,
  snapshot: DisplaySnapshot,
  now: number,
): Applied {
  return {
    state: {
      rev: snapshot.rev,
      hall: snapshot.hall,
      services: snapshot.services,
      counters: [...snapshot.counters].sort((a, b) => a.number - b.number),
      queues: snapshot.queues,
      recentCalls: dedupeCalls(snapshot.recentCalls).slice(0, RECENT_CALLS_KEPT),
      flashes: state.flashes.filter((f) => f.until > now),
      clockOffsetMs: snapshot.now - now,
    },
    announcements: [],
    resync: false,
  };
}

/**
 * A delta newer than what the screen has is applied, and its call (or recall) announced.
 * Deltas at or below the current revision are stale (already in a snapshot) and ignored.
 * A skipped revision still applies the delta (it carries whole entities, and its call is real)
 * but asks for a snapshot to fill the gap.
 */
export function applyDelta(state: DisplayState, delta: DisplayDelta, now: number): Applied {
  if (state.rev === null || delta.rev <= state.rev) {
    return { state, announcements: [], resync: false };
  }
  const resync = delta.rev !== state.rev + 1;
  const next: DisplayState = {
    ...state,
    rev: delta.rev,
    counters: delta.counter ? upsertCounter(state.counters, delta.counter) : state.counters,
    queues: delta.queues,
  };
  if (!delta.call) return { state: next, announcements: [], resync };
  const call = delta.call;
  next.recentCalls = dedupeCalls([call, ...state.recentCalls]).slice(0, RECENT_CALLS_KEPT);
  next.flashes = [
    ...state.flashes.filter((f) => f.until > now && f.counterNumber !== call.counterNumber),
    { counterNumber: call.counterNumber, ticketNumber: call.number, until: now + FLASH_MS },
  ];
  return { state: next, announcements: [announcementFor(call)], resync };
}

/** A batch of deltas (oldest first), applied in turn; their calls announced in order. */
export function applyDeltas(state: DisplayState, deltas: DisplayDelta[], now: number): Applied {
  let result: Applied = { state, announcements: [], resync: false };
  for (const delta of deltas) {
    const next = applyDelta(result.state, delta, now);
    result = {
      state: next.state,
      announcements: [...result.announcements, ...next.announcements],
      resync: result.resync || next.resync,
    };
  }
  return result;
}

function upsertCounter(counters: PublicCounter[], counter: PublicCounter): PublicCounter[] {
  const others = counters.filter((c) => c.id !== counter.id);
  return [...others, counter].sort((a, b) => a.number - b.number);
}

/** Keeps the most recent call of each ticket (a recall moves it back to the top). */
function dedupeCalls(calls: PublicCall[]): PublicCall[] {
  const seen = new Set<string>();
  return calls.filter((c) => {
    if (seen.has(c.number)) return false;
    seen.add(c.number);
    return true;
  });
}
