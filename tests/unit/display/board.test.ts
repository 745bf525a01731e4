import { describe, expect, it } from 'vitest';
import {
  counterTiles,
  nextFlashEnd,
  RECENT_CALLS_SHOWN,
  recentCallRows,
  waitingRows,
  waitText,
} from '../../../display/src/state/board.js';
import {
  applyDelta,
  applySnapshot,
  emptyState,
  FLASH_MS,
} from '../../../display/src/state/display-state.js';
import { T0, call, callDelta, calledAt, counter, queue, snapshot } from './fixtures.js';

const stateOf = (over = {}) => applySnapshot(emptyState(), snapshot(over), T0).state;

describe('counterTiles', () => {
  it('when counters are open, paused or closed, then closed ones are left out', () => {
    const state = stateOf({
      counters: [
        calledAt(1, 'V001'),
        counter(2, { status: 'closed' }),
        counter(3, { status: 'paused' }),
        counter(4),
      ],
    });
    expect(counterTiles(state, T0)).toEqual([
      { id: 'banko-1', counterNumber: 1, ticketNumber: 'V001', paused: false, flashing: false },
      { id: 'banko-3', counterNumber: 3, ticketNumber: null, paused: true, flashing: false },
      { id: 'banko-4', counterNumber: 4, ticketNumber: null, paused: false, flashing: false },
    ]);
  });

  it('when a visitor is being served, then the counter still shows the ticket', () => {
    const state = stateOf({ counters: [calledAt(2, 'R004', 'serving')] });
    expect(counterTiles(state, T0)[0]?.ticketNumber).toBe('R004');
  });

  it('when a call is new, then its counter flashes for a few seconds only', () => {
    const state = applyDelta(stateOf(), callDelta(11, 'V007', 2), T0).state;
    const tile = (now: number) => counterTiles(state, now).find((t) => t.counterNumber === 2);
    expect(tile(T0 + 1_000)?.flashing).toBe(true);
    expect(tile(T0 + FLASH_MS)?.flashing).toBe(false);
    expect(nextFlashEnd(state, T0 + 1_000)).toBe(T0 + FLASH_MS);
    expect(nextFlashEnd(state, T0 + FLASH_MS)).toBeNull();
  });
});

describe('recentCallRows', () => {
  it('when there are more calls than fit, then the newest are shown, newest first', () => {
    const calls = Array.from({ length: 8 }, (_, i) => call(`V00${8 - i}`, 1 + (i % 3)));
    const rows = recentCallRows(stateOf({ recentCalls: calls }), T0);
    expect(rows).toHaveLength(RECENT_CALLS_SHOWN);
    expect(rows[0]).toEqual({ ticketNumber: 'V008', counterNumber: 1, flashing: false });
  });

  it('when the newest call is being announced, then its row is highlighted', () => {
    const state = applyDelta(stateOf(), callDelta(11, 'V001', 3), T0).state;
    expect(recentCallRows(state, T0)[0]).toEqual({
      ticketNumber: 'V001',
      counterNumber: 3,
      flashing: true,
    });
  });
});

describe('waitingRows', () => {
  it('when services have people waiting, then each shows the count and a rounded estimate', () => {
    const state = stateOf({
      services: [
        { id: 'vezne', prefix: 'V', name: { tr: 'Vezne', en: 'Cashier' }, active: true },
        { id: 'ruhsat', prefix: 'R', name: { tr: 'Ruhsat', en: 'Licensing' }, active: true },
        { id: 'eski', prefix: 'X', name: { tr: 'Eski', en: 'Old' }, active: false },
      ],
      queues: [queue('vezne', 3, 7.6), queue('ruhsat', 0, 0), queue('eski', 2, 5)],
    });
    expect(waitingRows(state)).toEqual([
      {
        serviceId: 'vezne',
        prefix: 'V',
        name: { tr: 'Vezne', en: 'Cashier' },
        waiting: 3,
        estimate: { kind: 'minutes', minutes: 8 },
      },
      {
        serviceId: 'ruhsat',
        prefix: 'R',
        name: { tr: 'Ruhsat', en: 'Licensing' },
        waiting: 0,
        estimate: { kind: 'minutes', minutes: 0 },
      },
    ]);
  });

  it('when someone waits with an estimate under a minute, then it shows at least one minute', () => {
    const state = stateOf({ queues: [queue('vezne', 1, 0.2)] });
    expect(waitingRows(state)[0]?.estimate).toEqual({ kind: 'minutes', minutes: 1 });
  });

  it('when people wait but no counter serving them is open, then the row says so and shows no time', () => {
    const state = stateOf({ queues: [queue('vezne', 4, null), queue('ruhsat', 2, 8)] });
    const [vezne, ruhsat] = waitingRows(state).map((r) => waitText(r.estimate));

    expect(vezne).toEqual({ tr: 'Şu anda açık banko yok', en: 'No counters are open right now' });
    expect(ruhsat).toEqual({ tr: '≈ 8 dk', en: '≈ 8 min' });
  });
});
