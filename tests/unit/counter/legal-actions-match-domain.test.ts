import { describe, expect, it } from 'vitest';
import {
  ALL_ACTIONS,
  legalActions,
  type CounterAction,
} from '../../../counter/src/state/actions.js';
import { rng } from '../../../server/src/cli/demo-simulation.js';
import {
  counterState,
  decide,
  evolve,
  type Command,
  type HallConfig,
  type HallState,
} from '../../../server/src/domain/index.js';
import { at, issue, makeConfig, newDay, RUHSAT, VEZNE } from '../domain/fixtures.js';

/**
 * The counter page enables only the buttons `legalActions` returns, a mirror of the server's
 * rules. This walks the domain itself through every state a counter can reach and asks
 * `decide()` about every action, so the mirror cannot drift from the judge unnoticed.
 * Restoring a no-show is left out: it depends on the no-show list, not on the counter's state,
 * and the page offers it in its own card.
 */
const COUNTER = 'c2';
const CLERK = 'u-clerk';
const by = { counterId: COUNTER, clerkId: CLERK };
const CHECKED: CounterAction[] = ALL_ACTIONS.filter((a) => a !== 'restore');

/** The request each button sends, made concrete for the state (a waiting number for `call`). */
function commandFor(action: CounterAction | 'open', state: HallState): Command {
  switch (action) {
    case 'open':
    case 'call-next':
    case 'recall':
    case 'start':
    case 'no-show':
    case 'requeue':
    case 'resume':
    case 'close':
      return { type: action, ...by };
    case 'pause':
      return { type: 'pause', reason: 'break', ...by };
    case 'call': {
      const waiting = [...(state.waiting.get(VEZNE) ?? [])][0];
      const number = waiting ? state.tickets.get(waiting)!.number : 'V999';
      return { type: 'call', number, ...by };
    }
    case 'complete':
      return { type: 'complete', outcome: 'resolved', note: null, ...by };
    case 'transfer':
      return { type: 'transfer', serviceId: RUHSAT, position: 'back', ...by };
    case 'restore':
      throw new Error('not checked here');
  }
}

function situation(state: HallState) {
  const c = counterState(state, COUNTER);
  const ticket = c.currentTicketId ? (state.tickets.get(c.currentTicketId) ?? null) : null;
  return { counter: c.status, ticket: ticket?.status ?? null };
}

/** Every disagreement between the page's mirror and the domain in this state. */
function disagreements(state: HallState, config: HallConfig, now: number): string[] {
  const { counter, ticket } = situation(state);
  const legal = legalActions(counter, ticket);
  const out: string[] = [];
  for (const action of CHECKED) {
    const result = decide(state, config, commandFor(action, state), now);
    if (result.ok !== legal.has(action))
      out.push(
        `${counter}/${ticket ?? 'no visit'}: ${action} is ${legal.has(action) ? 'enabled' : 'disabled'} on the page, the server ${result.ok ? 'accepts it' : `refuses it (${result.error.code})`}`,
      );
  }
  return out;
}

function freshHall() {
  const config = makeConfig();
  const state = newDay();
  // Enough visitors that "call next" never meets an empty line within a walk.
  for (let i = 0; i < 60; i++) issue(state, config, VEZNE, at(0, i));
  return { config, state };
}

function apply(state: HallState, config: HallConfig, command: Command, now: number): boolean {
  const result = decide(state, config, command, now);
  if (!result.ok) return false;
  for (const e of result.value) evolve(state, e);
  return true;
}

describe("the counter page's legal actions against the domain's decide()", () => {
  it('when random clerks press every button in turn, then in every state they reach the page enables exactly what the server accepts', () => {
    const seen = new Set<string>();
    const problems = new Set<string>();
    for (let walk = 0; walk < 150; walk++) {
      const rand = rng(walk + 1);
      const { config, state } = freshHall();
      let now = at(1);
      for (let step = 0; step < 40; step++) {
        const { counter, ticket } = situation(state);
        seen.add(`${counter}/${ticket ?? 'none'}`);
        for (const p of disagreements(state, config, now)) problems.add(p);
        // Press any button the server accepts now (opening included), at random.
        const accepted = (['open', ...CHECKED] as const).filter(
          (a) => decide(state, config, commandFor(a, state), now).ok,
        );
        if (accepted.length === 0) break;
        const action = accepted[Math.floor(rand() * accepted.length)]!;
        apply(state, config, commandFor(action, state), now);
        now += 1_000 + Math.floor(rand() * 60_000);
      }
    }
    expect([...problems]).toEqual([]);
    // The walks reach every state a counter can be in (pausing mid-visit is refused).
    expect([...seen].sort()).toEqual([
      'closed/none',
      'open/called',
      'open/none',
      'open/serving',
      'paused/none',
    ]);
  });
});
