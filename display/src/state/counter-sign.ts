import type { DisplayState } from './display-state.js';

/** What one counter's sign says: the ticket it calls or serves, or why it has none. */
export type SignState = 'called' | 'serving' | 'waiting' | 'paused' | 'closed';

/** One counter's sign ("banko üstü ekran"), or `null` counter when it no longer exists. */
export type CounterSignView =
  | {
      kind: 'counter';
      counterNumber: number;
      counterName: string;
      state: SignState;
      /** The ticket called to or served at this counter; `null` in the other states. */
      ticketNumber: string | null;
      /**
       * Set while a call or recall of this ticket is highlighted: when the highlight ends. Each
       * call and recall has its own value, so the sign restarts its flash on a recall.
       */
      flashUntil: number | null;
    }
  | { kind: 'missing' }
  /** The screen has not had its first snapshot yet. */
  | { kind: 'loading' };

/**
 * The sign of `counterId` in the hall as the display knows it. A counter that is not in the
 * hall's list (removed from the settings) is `missing`: the sign says so instead of going blank.
 */
export function counterSign(state: DisplayState, counterId: string, now: number): CounterSignView {
  if (state.rev === null) return { kind: 'loading' };
  const counter = state.counters.find((c) => c.id === counterId);
  if (!counter) return { kind: 'missing' };
  const ticket = counter.current;
  const shown = ticket && (ticket.status === 'called' || ticket.status === 'serving');
  const base = {
    kind: 'counter' as const,
    counterNumber: counter.number,
    counterName: counter.name,
  };
  if (shown) {
    const flash = state.flashes.find(
      (f) =>
        f.counterNumber === counter.number && f.ticketNumber === ticket.number && f.until > now,
    );
    return {
      ...base,
      state: ticket.status === 'called' ? 'called' : 'serving',
      ticketNumber: ticket.number,
      flashUntil: flash ? flash.until : null,
    };
  }
  const idle: SignState =
    counter.status === 'closed' ? 'closed' : counter.status === 'paused' ? 'paused' : 'waiting';
  return { ...base, state: idle, ticketNumber: null, flashUntil: null };
}
