import { describe, expect, it } from 'vitest';
import { counterTiles, recentCallRows } from '../../../display/src/state/board.js';
import { applySnapshot, emptyState } from '../../../display/src/state/display-state.js';
import { text } from '../../../display/src/i18n.js';
import { T0, call, calledAt, counter, snapshot } from './fixtures.js';

const stateOf = (over = {}) => applySnapshot(emptyState(), snapshot(over), T0).state;

/** Counter `number` calling a booked visitor's ticket. */
function bookedAt(number: number, ticket: string) {
  const c = calledAt(number, ticket);
  return { ...c, current: { ...c.current!, appointment: true } };
}

describe('the "Randevu" mark of a booked visitor', () => {
  it('when a counter calls a booked visitor, then its tile is marked; a walk-in is not', () => {
    const state = stateOf({
      counters: [bookedAt(1, 'V004'), { ...calledAt(2, 'V005') }, counter(3)],
    });

    const tiles = counterTiles(state, T0);

    expect(tiles.map((t) => [t.ticketNumber, t.appointment ?? false])).toEqual([
      ['V004', true],
      ['V005', false],
      [null, false],
    ]);
  });

  it('when a booked visitor has been served and the counter is free, then the mark goes', () => {
    const c = bookedAt(1, 'V004');
    const state = stateOf({ counters: [{ ...c, current: { ...c.current, status: 'done' } }] });

    expect(counterTiles(state, T0)[0]).not.toHaveProperty('appointment');
  });

  it('when a booked visitor was called, then the recent calls mark the call', () => {
    const state = stateOf({
      recentCalls: [{ ...call('V004', 1), appointment: true }, call('V003', 2)],
    });

    expect(recentCallRows(state, T0).map((r) => [r.ticketNumber, r.appointment ?? false])).toEqual([
      ['V004', true],
      ['V003', false],
    ]);
  });

  it('when the mark is shown, then it reads Turkish first and English second', () => {
    expect(text.appointment).toEqual({ tr: 'Randevu', en: 'Appointment' });
  });
});
