import { describe, expect, it } from 'vitest';
import type { DisplaySnapshot } from '../../../contract/api.js';
import { DISPLAY_FEED_EVENTS, LiveFeed } from '../../../contract/live-feed.js';
import type { DisplayDelta } from '../../../contract/socket.js';
import {
  applyDeltas,
  applySnapshot,
  emptyState,
  type Applied,
} from '../../../display/src/state/display-state.js';
import { call, calledAt, callDelta, snapshot, T0 } from '../display/fixtures.js';
import { FakeFeedSocket } from './fake-feed-socket.js';

/** The lobby display as display-connection.ts wires it: the feed and the display's reducers. */
function lobbyDisplay() {
  const spoken: string[] = [];
  const sockets: FakeFeedSocket[] = [];
  let state = emptyState();
  const apply = (result: Applied) => {
    state = result.state;
    spoken.push(...result.announcements.map((a) => a.ticketNumber));
  };
  const feed = new LiveFeed<DisplaySnapshot, DisplayDelta>({
    open: (options) => {
      const s = new FakeFeedSocket(options);
      sockets.push(s);
      return s;
    },
    events: DISPLAY_FEED_EVENTS,
    revOf: (s) => s.rev,
    refusedCodes: ['unauthenticated', 'forbidden'],
    onSnapshot: (s, _cause, heard) => apply(applySnapshot(state, s, T0, heard)),
    onDeltas: (deltas) => apply(applyDeltas(state, deltas, T0)),
    onStatus: () => undefined,
    random: () => 0.5,
  });
  feed.start();
  const socket = sockets[0]!;
  return {
    spoken,
    socket,
    state: () => state,
    push: (...deltas: DisplayDelta[]) => socket.fire('queue:events', deltas),
    snapshot: (s: DisplaySnapshot) => socket.fire('queue:snapshot', s),
    resyncs: () => socket.requests.filter((r) => r.event === 'queue:resync'),
  };
}

/** A snapshot at `rev` whose recent calls are `numbers` (newest first), at counter 1. */
const snapAt = (rev: number, ...numbers: string[]) =>
  snapshot({
    rev,
    recentCalls: numbers.map((n) => call(n, 1)),
    counters: [calledAt(1, numbers[0] ?? 'V000')],
  });

describe('live feed and lobby display: no stale call announced', () => {
  it('when deltas repeat, skip, come late, and the screen reconnects, then each call heard live is spoken once and no call the snapshots alone bring is spoken', () => {
    const d = lobbyDisplay();
    d.socket.serverAccepts();
    d.snapshot(snapAt(10, 'V001'));
    expect(d.spoken).toEqual([]);

    d.push(callDelta(11, 'V002', 1));
    d.push(callDelta(11, 'V002', 1), callDelta(10, 'V001', 1));
    expect(d.spoken).toEqual(['V002']);

    // 12 (V003) is lost; 13 (V004) is heard: one resync, nothing spoken yet.
    d.push(callDelta(13, 'V004', 2));
    d.push(callDelta(14, 'V005', 2));
    expect(d.resyncs()).toHaveLength(1);
    expect(d.spoken).toEqual(['V002']);

    d.resyncs()[0]!.ack(null, { ok: true, data: snapAt(13, 'V004', 'V003', 'V002', 'V001') });
    // V004 was heard live and is covered by the snapshot: spoken once. V003 came only with the
    // snapshot: shown, not spoken. V005 is newer than the snapshot: follows it.
    expect(d.spoken).toEqual(['V002', 'V004', 'V005']);
    expect(d.state().rev).toBe(14);
    expect(d.state().recentCalls.map((c) => c.number)).toEqual([
      'V005',
      'V004',
      'V003',
      'V002',
      'V001',
    ]);

    d.push(callDelta(13, 'V004', 2), callDelta(14, 'V005', 2));
    expect(d.spoken).toEqual(['V002', 'V004', 'V005']);

    // A storm of drops; each fresh connect brings a snapshot with calls made meanwhile.
    for (let i = 0; i < 5; i++) {
      d.socket.drop('transport close');
      d.socket.serverAccepts(false);
      d.push(callDelta(20 + i, `R00${i}`, 3));
      d.snapshot(snapAt(20 + i, `R00${i}`, 'V005'));
    }
    expect(d.spoken).toEqual(['V002', 'V004', 'V005']);

    d.push(callDelta(24, 'R004', 3), callDelta(25, 'V006', 1));
    expect(d.spoken).toEqual(['V002', 'V004', 'V005', 'V006']);
  });

  it('when a recovered connection replays the missed deltas, then their calls are spoken, in order, once', () => {
    const d = lobbyDisplay();
    d.socket.serverAccepts();
    d.snapshot(snapAt(10, 'V001'));
    d.socket.drop('ping timeout');
    d.socket.serverAccepts(true);
    d.push(callDelta(11, 'V002', 1), callDelta(12, 'V003', 2));
    d.push(callDelta(12, 'V003', 2));
    expect(d.spoken).toEqual(['V002', 'V003']);
  });
});
