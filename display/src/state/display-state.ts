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
 * resync and at day change). It announces none of its own calls: they were made while this
 * screen was not listening, or were already announced. `heard`: after a gap, the deltas this
 * screen received live but that the resync's snapshot covers (contract/live-feed.ts never
 * applies them); their calls were never spoken, so they are spoken and highlighted now, once.
 */
export function applySnapshot(
  state: DisplayState,
  snapshot: DisplaySnapshot,
  now: number,
  heard: DisplayDelta[] = [],
): Applied {
  const replaced: Applied = {
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
  };
  return heard.reduce((result, delta) => {
    if (!delta.call) return result;
    return {
      state: { ...result.state, flashes: flashed(result.state.flashes, delta.call, now) },
      announcements: [...result.announcements, announcementFor(delta.call)],
    };
  }, replaced);
}

/**
 * Applies a delta that follows the state, and announces its call (or recall). The live feed
 * (contract/live-feed.ts) hands over each revision once, in order, and only after a snapshot.
 */
export function applyDelta(state: DisplayState, delta: DisplayDelta, now: number): Applied {
  const next: DisplayState = {
    ...state,
    rev: delta.rev,
    counters: delta.counter ? upsertCounter(state.counters, delta.counter) : state.counters,
    queues: delta.queues,
  };
  if (!delta.call) return { state: next, announcements: [] };
  const call = delta.call;
  next.recentCalls = dedupeCalls([call, ...state.recentCalls]).slice(0, RECENT_CALLS_KEPT);
  next.flashes = flashed(state.flashes, call, now);
  return { state: next, announcements: [announcementFor(call)] };
}

/** The newest call at a counter is highlighted; older highlights there, or past due, end. */
function flashed(flashes: Flash[], call: PublicCall, now: number): Flash[] {
  return [
    ...flashes.filter((f) => f.until > now && f.counterNumber !== call.counterNumber),
    { counterNumber: call.counterNumber, ticketNumber: call.number, until: now + FLASH_MS },
  ];
}

/** A batch of deltas (oldest first), applied in turn; their calls announced in order. */
export function applyDeltas(state: DisplayState, deltas: DisplayDelta[], now: number): Applied {
  let result: Applied = { state, announcements: [] };
  for (const delta of deltas) {
    const next = applyDelta(result.state, delta, now);
    result = {
      state: next.state,
      announcements: [...result.announcements, ...next.announcements],
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
