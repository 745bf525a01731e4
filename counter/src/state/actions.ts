import type { CounterStatus, TicketStatus } from '../../../contract/domain.js';

/** Every command the clerk can give from the main screen (each is `POST /api/counters/:id/<action>`). */
export type CounterAction =
  | 'call-next'
  | 'call'
  | 'recall'
  | 'start'
  | 'complete'
  | 'no-show'
  | 'requeue'
  | 'transfer'
  | 'pause'
  | 'resume'
  | 'close'
  /** Put a visitor marked absent back at the front of the line (within the grace window). */
  | 'restore';

export const ALL_ACTIONS: readonly CounterAction[] = [
  'call-next',
  'call',
  'recall',
  'start',
  'complete',
  'no-show',
  'requeue',
  'transfer',
  'pause',
  'resume',
  'close',
  'restore',
];

const WITH_CALLED: readonly CounterAction[] = ['recall', 'start', 'no-show', 'requeue'];
const WITH_SERVING: readonly CounterAction[] = ['complete', 'transfer'];

/**
 * The actions the server would accept now, from the counter's status and the status of its
 * current ticket (`null` when it has none). Mirrors the server's rules so that only legal
 * buttons are enabled; the server stays the judge.
 */
export function legalActions(
  counterStatus: CounterStatus,
  ticketStatus: TicketStatus | null,
): ReadonlySet<CounterAction> {
  if (counterStatus === 'closed') return new Set();
  // Only a called or serving ticket occupies the counter; anything else means "free".
  const visit = ticketStatus === 'called' || ticketStatus === 'serving' ? ticketStatus : null;
  const legal = new Set<CounterAction>();
  if (visit === 'called') WITH_CALLED.forEach((a) => legal.add(a));
  if (visit === 'serving') WITH_SERVING.forEach((a) => legal.add(a));
  if (counterStatus === 'paused') {
    legal.add('resume');
    if (visit === null) legal.add('close');
    return legal;
  }
  if (visit === null) {
    legal.add('call-next');
    legal.add('call');
    legal.add('pause');
    legal.add('close');
  }
  return legal;
}

/**
 * What "close the counter" does now. With no visit it closes at once; with a visit at the desk
 * the clerk must confirm first: a called visitor goes back to the line (then the counter
 * closes), a visit in service has to be completed or transferred before the counter can close
 * (the server refuses otherwise). `null` when closing is not possible at all.
 */
export type ClosePlan = 'close' | 'confirm-requeue' | 'confirm-finish';

export function closePlan(
  counterStatus: CounterStatus,
  ticketStatus: TicketStatus | null,
): ClosePlan | null {
  if (counterStatus === 'closed') return null;
  if (ticketStatus === 'called') return 'confirm-requeue';
  if (ticketStatus === 'serving') return 'confirm-finish';
  return 'close';
}
