import type { PublicCall } from '../../../contract/api.js';
import type { WaitEstimate } from '../../../contract/domain.js';
import { text, type Bilingual } from '../i18n.js';
import type { DisplayState } from './display-state.js';

/** How many recent calls the screen lists. */
export const RECENT_CALLS_SHOWN = 6;

/** One counter tile: the ticket it is serving (or why it is not), large. */
export interface CounterTile {
  id: string;
  counterNumber: number;
  /** The ticket called to or served at this counter; `null` when free or paused. */
  ticketNumber: string | null;
  paused: boolean;
  flashing: boolean;
  /** The ticket shown is a booked visitor's: marked "Randevu · Appointment". Absent otherwise. */
  appointment?: true;
}

export interface RecentCallRow {
  ticketNumber: string;
  counterNumber: number;
  flashing: boolean;
  /** A booked visitor's call: marked "Randevu". Absent otherwise. */
  appointment?: true;
}

/** `{ appointment: true }` for a booked visitor's ticket, nothing for a walk-in's. */
const appointmentMark = (booked: boolean | undefined): { appointment?: true } =>
  booked ? { appointment: true } : {};

export interface WaitingRow {
  serviceId: string;
  prefix: string;
  name: Bilingual;
  waiting: number;
  /** At least one minute while people wait and a counter serving them is open. */
  estimate: WaitEstimate;
}

const SHOWN_TICKET = new Set(['called', 'serving']);

/** The counters visitors can go to (open or paused), in counter order. */
export function counterTiles(state: DisplayState, now: number): CounterTile[] {
  return state.counters
    .filter((c) => c.status !== 'closed')
    .map((c) => {
      const ticketNumber =
        c.current && SHOWN_TICKET.has(c.current.status) ? c.current.number : null;
      return {
        id: c.id,
        counterNumber: c.number,
        ticketNumber,
        paused: c.status === 'paused' && ticketNumber === null,
        flashing: ticketNumber !== null && isFlashing(state, c.number, ticketNumber, now),
        ...appointmentMark(ticketNumber !== null && c.current?.appointment),
      };
    });
}

/** The last calls, newest first. */
export function recentCallRows(state: DisplayState, now: number): RecentCallRow[] {
  return state.recentCalls.slice(0, RECENT_CALLS_SHOWN).map((c: PublicCall) => ({
    ticketNumber: c.number,
    counterNumber: c.counterNumber,
    flashing: isFlashing(state, c.counterNumber, c.number, now),
    ...appointmentMark(c.appointment),
  }));
}

/** Waiting people and estimated wait per active service, in the hall's service order. */
export function waitingRows(state: DisplayState): WaitingRow[] {
  return state.services
    .filter((s) => s.active)
    .map((s) => {
      const q = state.queues.find((x) => x.serviceId === s.id);
      return {
        serviceId: s.id,
        prefix: s.prefix,
        name: s.name,
        waiting: q?.waiting ?? 0,
        estimate: rowEstimate(q?.waiting ?? 0, q?.estimate),
      };
    });
}

function rowEstimate(waiting: number, estimate: WaitEstimate | undefined): WaitEstimate {
  if (!estimate) return { kind: 'minutes', minutes: 0 };
  if (estimate.kind !== 'minutes') return estimate;
  return { kind: 'minutes', minutes: waiting > 0 ? Math.max(1, Math.round(estimate.minutes)) : 0 };
}

/** "≈ 8 dk", or "Şu anda açık banko yok" when no open counter serves the line: never a time. */
export function waitText(estimate: WaitEstimate): Bilingual {
  switch (estimate.kind) {
    case 'minutes':
      return text.estimatedWait(estimate.minutes);
    case 'range':
      return text.estimatedWaitRange(estimate.min, estimate.max);
    case 'no-open-counter':
      return text.noCountersOpen;
  }
}

export function isFlashing(
  state: DisplayState,
  counterNumber: number,
  ticketNumber: string,
  now: number,
): boolean {
  return state.flashes.some(
    (f) => f.counterNumber === counterNumber && f.ticketNumber === ticketNumber && f.until > now,
  );
}

/** When the next highlight ends (to redraw then), or `null` when nothing is highlighted. */
export function nextFlashEnd(state: DisplayState, now: number): number | null {
  const ends = state.flashes.map((f) => f.until).filter((t) => t > now);
  return ends.length > 0 ? Math.min(...ends) : null;
}
