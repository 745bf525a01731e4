import { describe, expect, it } from 'vitest';
import type { CounterStatus, TicketStatus } from '../../../contract/domain.js';
import {
  ALL_ACTIONS,
  closePlan,
  legalActions,
  type ClosePlan,
  type CounterAction,
} from '../../../counter/src/state/actions.js';

const FREE: CounterAction[] = ['call-next', 'call', 'pause', 'close'];
const CALLED: CounterAction[] = ['recall', 'start', 'no-show', 'requeue'];
const SERVING: CounterAction[] = ['complete', 'transfer'];

const TABLE: Array<[CounterStatus, TicketStatus | null, CounterAction[]]> = [
  ['closed', null, []],
  ['closed', 'called', []],
  ['closed', 'serving', []],
  ['open', null, FREE],
  ['open', 'called', CALLED],
  ['open', 'serving', SERVING],
  // A ticket that is no longer at the desk leaves the counter free.
  ['open', 'done', FREE],
  ['open', 'no-show', FREE],
  ['open', 'waiting', FREE],
  ['open', 'cancelled', FREE],
  ['paused', null, ['resume', 'close']],
  ['paused', 'done', ['resume', 'close']],
  // Not reachable through pause (the server refuses to pause mid-visit), but never stranded.
  ['paused', 'called', [...CALLED, 'resume']],
  ['paused', 'serving', [...SERVING, 'resume']],
];

describe('legalActions', () => {
  it.each(TABLE)(
    'when the counter is %s and its ticket is %s, then exactly the listed actions are legal',
    (counterStatus, ticketStatus, expected) => {
      const legal = legalActions(counterStatus, ticketStatus);

      expect([...legal].sort()).toEqual([...expected].sort());
    },
  );

  it('when any state is given, then only known actions come back', () => {
    for (const [c, t] of TABLE) {
      for (const a of legalActions(c, t)) expect(ALL_ACTIONS).toContain(a);
    }
  });
});

describe('closePlan', () => {
  it.each<[CounterStatus, TicketStatus | null, ClosePlan | null]>([
    ['closed', null, null],
    ['open', null, 'close'],
    ['paused', null, 'close'],
    ['open', 'done', 'close'],
    ['open', 'called', 'confirm-requeue'],
    ['paused', 'called', 'confirm-requeue'],
    ['open', 'serving', 'confirm-finish'],
  ])(
    'when the counter is %s and its ticket is %s, then closing means %s',
    (counterStatus, ticketStatus, plan) => {
      expect(closePlan(counterStatus, ticketStatus)).toBe(plan);
    },
  );
});
