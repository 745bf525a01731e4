import { describe, expect, it } from 'vitest';
import {
  applyDelta,
  applyDeltas,
  applySnapshot,
  emptyState,
  FLASH_MS,
  RECENT_CALLS_KEPT,
} from '../../../display/src/state/display-state.js';
import { T0, call, callDelta, calledAt, counter, delta, queue, snapshot } from './fixtures.js';

const fromSnapshot = (over = {}) => applySnapshot(emptyState(), snapshot(over), T0).state;

describe('applySnapshot', () => {
  it('when the first snapshot arrives, then it becomes the state and nothing is announced', () => {
    const result = applySnapshot(
      emptyState(),
      snapshot({ counters: [calledAt(3, 'V001')], recentCalls: [call('V001', 3)] }),
      T0,
    );
    expect(result.announcements).toEqual([]);
    expect(result.state.rev).toBe(10);
    expect(result.state.counters[0]?.current?.number).toBe('V001');
  });

  it('when a snapshot after a reconnect holds calls the screen never saw, then none is announced', () => {
    const before = fromSnapshot({ rev: 4 });
    const after = applySnapshot(
      before,
      snapshot({
        rev: 9,
        counters: [calledAt(1, 'V002'), calledAt(3, 'V003')],
        recentCalls: [call('V003', 3), call('V002', 1)],
      }),
      T0 + 60_000,
    );
    expect(after.announcements).toEqual([]);
    expect(after.state.rev).toBe(9);
    expect(after.state.recentCalls.map((c) => c.number)).toEqual(['V003', 'V002']);
  });

  it('when a resync snapshot covers calls heard live during a gap, then those are spoken and highlighted once, its own older calls not', () => {
    const before = fromSnapshot({ rev: 10, recentCalls: [call('V001', 2)] });
    const after = applySnapshot(
      before,
      snapshot({
        rev: 13,
        counters: [calledAt(2, 'V002'), calledAt(3, 'V003')],
        recentCalls: [call('V003', 3), call('V002', 2), call('V001', 2)],
      }),
      T0,
      [callDelta(12, 'V003', 3), delta(13, { type: 'ticket:issued' })],
    );
    expect(after.announcements.map((a) => a.ticketNumber)).toEqual(['V003']);
    expect(after.state.flashes).toEqual([
      { counterNumber: 3, ticketNumber: 'V003', until: T0 + FLASH_MS },
    ]);
    expect(after.state.recentCalls.map((c) => c.number)).toEqual(['V003', 'V002', 'V001']);
  });

  it('when a snapshot carries a lower revision (a new day), then it still replaces the state', () => {
    const before = fromSnapshot({ rev: 500, recentCalls: [call('V099', 2)] });
    const after = applySnapshot(before, snapshot({ rev: 0, recentCalls: [] }), T0);
    expect(after.state.rev).toBe(0);
    expect(after.state.recentCalls).toEqual([]);
  });

  it('when the server clock is ahead of the screen, then the clock offset records it', () => {
    const { state } = applySnapshot(emptyState(), snapshot({ now: T0 + 90_000 }), T0);
    expect(state.clockOffsetMs).toBe(90_000);
  });

  it('when a snapshot arrives during a highlight, then the highlight that is still due stays', () => {
    const called = applyDelta(fromSnapshot(), callDelta(11, 'V001', 3), T0).state;
    const later = applySnapshot(called, snapshot({ rev: 11 }), T0 + 1_000).state;
    expect(later.flashes).toHaveLength(1);
    const muchLater = applySnapshot(called, snapshot({ rev: 11 }), T0 + FLASH_MS + 1).state;
    expect(muchLater.flashes).toEqual([]);
  });
});

describe('applyDelta', () => {
  it('when the next delta carries a call, then it is applied and announced once', () => {
    const result = applyDelta(fromSnapshot(), callDelta(11, 'V012', 3), T0);
    expect(result.announcements).toEqual([
      {
        ticketNumber: 'V012',
        counterNumber: 3,
        recall: false,
        text: 've sıfır bir iki numaralı sıra, üç numaralı bankoya lütfen.',
      },
    ]);
    expect(result.state.rev).toBe(11);
    expect(result.state.counters.find((c) => c.number === 3)?.current?.number).toBe('V012');
    expect(result.state.recentCalls[0]).toEqual(call('V012', 3));
  });

  it('when a delta carries no call, then it updates the state and announces nothing', () => {
    const result = applyDelta(
      fromSnapshot(),
      delta(11, { type: 'ticket:issued', queues: [queue('vezne', 1, 4), queue('ruhsat', 0)] }),
      T0,
    );
    expect(result.announcements).toEqual([]);
    expect(result.state.queues[0]).toEqual(queue('vezne', 1, 4));
  });

  it('when a recall arrives for a ticket already called, then it is announced again', () => {
    const first = applyDelta(fromSnapshot(), callDelta(11, 'V012', 3), T0);
    const again = applyDelta(first.state, callDelta(12, 'V012', 3, true), T0 + 30_000);
    expect(again.announcements.map((a) => [a.text, a.recall])).toEqual([
      ['ve sıfır bir iki numaralı sıra, üç numaralı bankoya lütfen.', true],
    ]);
    expect(again.state.recentCalls.map((c) => c.number)).toEqual(['V012']);
  });

  it('when a counter not yet known is opened, then it joins the list in counter order', () => {
    const state = fromSnapshot({ counters: [counter(1), counter(4)] });
    const result = applyDelta(
      state,
      delta(11, { type: 'counter:opened', counter: counter(2) }),
      T0,
    );
    expect(result.state.counters.map((c) => c.number)).toEqual([1, 2, 4]);
  });

  it('when many calls are made, then the recent calls keep only the newest ones', () => {
    let state = fromSnapshot();
    for (let i = 1; i <= RECENT_CALLS_KEPT + 3; i++) {
      state = applyDelta(state, callDelta(10 + i, `V${String(i).padStart(3, '0')}`, 1), T0).state;
    }
    expect(state.recentCalls).toHaveLength(RECENT_CALLS_KEPT);
    expect(state.recentCalls[0]?.number).toBe('V011');
  });

  it('when a counter calls its next ticket, then only the newest call at that counter flashes', () => {
    const one = applyDelta(fromSnapshot(), callDelta(11, 'V001', 3), T0).state;
    const two = applyDelta(one, callDelta(12, 'V002', 3), T0 + 1_000).state;
    expect(two.flashes).toEqual([
      { counterNumber: 3, ticketNumber: 'V002', until: T0 + 1_000 + FLASH_MS },
    ]);
  });
});

describe('applyDeltas', () => {
  it('when a batch holds two calls and an issue, then all apply in order and both calls are announced in order', () => {
    const result = applyDeltas(
      fromSnapshot({ rev: 10 }),
      [
        callDelta(11, 'V012', 3),
        delta(12, { type: 'ticket:issued', queues: [queue('vezne', 2, 4)] }),
        callDelta(13, 'R004', 1),
      ],
      T0,
    );
    expect(result.state.rev).toBe(13);
    expect(result.announcements.map((a) => a.ticketNumber)).toEqual(['V012', 'R004']);
    expect(result.state.recentCalls.map((c) => c.number)).toEqual(['R004', 'V012']);
  });

  it('when a batch is empty, then the state is unchanged', () => {
    const state = fromSnapshot();
    expect(applyDeltas(state, [], T0)).toEqual({ state, announcements: [] });
  });
});
