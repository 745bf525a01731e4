import { describe, expect, it } from 'vitest';
import { counterSign } from '../../../display/src/state/counter-sign.js';
import {
  applyDelta,
  applySnapshot,
  emptyState,
  FLASH_MS,
} from '../../../display/src/state/display-state.js';
import { T0, callDelta, calledAt, counter, snapshot } from './fixtures.js';

const stateOf = (over = {}) => applySnapshot(emptyState(), snapshot(over), T0).state;
/** When the sign's highlight ends; `undefined` when the sign shows no counter. */
const flashOf = (view: ReturnType<typeof counterSign>) =>
  view.kind === 'counter' ? view.flashUntil : undefined;

describe('counterSign', () => {
  it.each([
    [counter(2), 'waiting'],
    [counter(2, { status: 'paused' }), 'paused'],
    [counter(2, { status: 'closed' }), 'closed'],
  ] as const)('when the counter is %o, then the sign says %s with no ticket', (c, state) => {
    expect(counterSign(stateOf({ counters: [c] }), 'banko-2', T0)).toEqual({
      kind: 'counter',
      counterNumber: 2,
      counterName: 'Banko 2',
      state,
      ticketNumber: null,
      flashUntil: null,
    });
  });

  it('when a ticket is called or served there, then the sign shows its number', () => {
    const called = stateOf({ counters: [calledAt(2, 'V004')] });
    expect(counterSign(called, 'banko-2', T0)).toMatchObject({
      state: 'called',
      ticketNumber: 'V004',
      flashUntil: null,
    });
    const serving = stateOf({ counters: [calledAt(2, 'V004', 'serving')] });
    expect(counterSign(serving, 'banko-2', T0)).toMatchObject({
      state: 'serving',
      ticketNumber: 'V004',
    });
  });

  it('when its counter calls, then the sign flashes until the highlight ends, and a recall flashes it anew; other signs do not', () => {
    const called = applyDelta(stateOf(), callDelta(11, 'V007', 2), T0).state;
    expect(flashOf(counterSign(called, 'banko-2', T0 + 1_000))).toBe(T0 + FLASH_MS);
    expect(flashOf(counterSign(called, 'banko-2', T0 + FLASH_MS))).toBeNull();
    expect(counterSign(called, 'banko-1', T0 + 1_000)).toMatchObject({
      state: 'waiting',
      flashUntil: null,
    });
    const recalled = applyDelta(called, callDelta(12, 'V007', 2, true), T0 + 10_000).state;
    expect(flashOf(counterSign(recalled, 'banko-2', T0 + 10_500))).toBe(T0 + 10_000 + FLASH_MS);
  });

  it('when the counter is not in the hall any more, then the sign says it is missing; before the first snapshot, loading', () => {
    expect(counterSign(stateOf(), 'banko-9', T0)).toEqual({ kind: 'missing' });
    expect(counterSign(emptyState(), 'banko-1', T0)).toEqual({ kind: 'loading' });
  });
});
