import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  LiveFeed,
  LIVE_TRANSPORTS,
  RECONNECT_CAP_MS,
  RESYNC_TIMEOUT_MS,
  reconnectDelay,
  type FeedStatus,
  type LiveFeedOptions,
  type SnapshotCause,
} from '../../../contract/live-feed.js';
import { FakeFeedSocket } from './fake-feed-socket.js';

interface Snap {
  rev: number;
  label: string;
}
interface Delta {
  rev: number;
  call?: string;
}

function setup(over: Partial<LiveFeedOptions<Snap, Delta>> = {}) {
  const sockets: FakeFeedSocket[] = [];
  const snapshots: { snap: Snap; cause: SnapshotCause; covered: number[] }[] = [];
  const delivered: number[] = [];
  const statuses: FeedStatus[] = [];
  const refusals: string[] = [];
  const feed = new LiveFeed<Snap, Delta>({
    open: (options) => {
      const s = new FakeFeedSocket(options);
      sockets.push(s);
      return s;
    },
    events: {
      snapshot: 'queue:snapshot',
      deltas: 'queue:events',
      resync: 'queue:resync',
      end: 'session:expired',
    },
    revOf: (s) => s.rev,
    refusedCodes: ['unauthenticated', 'forbidden'],
    onSnapshot: (snap, cause, covered) =>
      snapshots.push({ snap, cause, covered: covered.map((d) => d.rev) }),
    onDeltas: (ds) => delivered.push(...ds.map((d) => d.rev)),
    onStatus: (s) => statuses.push(s),
    onRefused: (code) => refusals.push(code),
    random: () => 0.5,
    ...over,
  });
  feed.start();
  const socket = sockets[0]!;
  const deltas = (...revs: number[]) =>
    socket.fire(
      'queue:events',
      revs.map((rev) => ({ rev })),
    );
  /** Connected and holding a snapshot at `rev`. */
  const live = (rev: number) => {
    socket.serverAccepts();
    socket.fire('queue:snapshot', { rev, label: `s${rev}` });
  };
  const resyncs = () => socket.requests.filter((r) => r.event === 'queue:resync');
  return { feed, socket, sockets, snapshots, delivered, statuses, refusals, deltas, live, resyncs };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('LiveFeed: transport and reconnect policy', () => {
  it('when a feed opens its socket, then it asks for WebSocket first with polling as fallback and the one back-off', () => {
    const { socket } = setup();
    expect(LIVE_TRANSPORTS).toEqual(['websocket', 'polling']);
    expect(socket.options).toEqual({
      transports: ['websocket', 'polling'],
      tryAllTransports: true,
      reconnectionDelay: 1_000,
      reconnectionDelayMax: 10_000,
      randomizationFactor: 0.5,
    });
  });

  it.each([
    [0, 0, 500],
    [0, 0.5, 1_000],
    [0, 0.999_999, 1_500],
    [1, 0.5, 2_000],
    [2, 0, 2_000],
    [3, 0.5, 8_000],
    [4, 0, 8_000],
    [4, 0.5, 10_000],
    [60, 0.999_999, 10_000],
  ])(
    'when reconnect attempt %i draws %f, then it waits %i ms (doubling, ±50 %, capped)',
    (attempt, random, ms) => {
      expect(reconnectDelay(attempt, () => random)).toBe(ms);
    },
  );

  it('when the server closes the socket, then the feed reconnects after a jittered delay, not at once', () => {
    const { socket, live, statuses } = setup();
    live(1);
    socket.drop('io server disconnect');
    expect(statuses.at(-1)).toBe('offline');
    vi.advanceTimersByTime(999);
    expect(socket.connectCalls).toBe(0);
    vi.advanceTimersByTime(1);
    expect(socket.connectCalls).toBe(1);
  });

  it('when attempts keep failing in a storm, then one retry is pending at a time, delays double to the cap, and a success resets them', () => {
    const { socket, sockets, live } = setup();
    live(1);
    const listeners = socket.listenerCount();
    socket.drop('io server disconnect');
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      const before = socket.connectCalls;
      let waited = 0;
      while (socket.connectCalls === before) {
        vi.advanceTimersByTime(100);
        waited += 100;
      }
      expect(socket.connectCalls).toBe(before + 1);
      waits.push(waited);
      // The middleware refuses for a passing reason (the server is still starting).
      socket.failAttempt(undefined, false);
      socket.failAttempt(undefined, false);
    }
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 10_000, 10_000, 10_000, 10_000]);
    expect(vi.getTimerCount()).toBe(1);
    expect(sockets).toHaveLength(1);
    expect(socket.listenerCount()).toBe(listeners);

    socket.serverAccepts();
    socket.drop('io server disconnect');
    vi.advanceTimersByTime(1_000);
    expect(socket.connectCalls).toBe(9);
  });

  it('when Socket.IO retries by itself (transport closed), then the feed adds no retry of its own', () => {
    const { socket, live } = setup();
    live(1);
    socket.drop('transport close');
    socket.failAttempt();
    vi.advanceTimersByTime(RECONNECT_CAP_MS * 3);
    expect(socket.connectCalls).toBe(0);
  });

  it('when the server refuses the credentials, then the feed stops for good and says why', () => {
    const { socket, live, statuses, refusals } = setup();
    live(1);
    socket.drop('io server disconnect');
    socket.failAttempt('unauthenticated', false);
    vi.advanceTimersByTime(RECONNECT_CAP_MS * 3);
    expect(socket.connectCalls).toBe(0);
    expect(statuses.at(-1)).toBe('refused');
    expect(refusals).toEqual(['unauthenticated']);
    expect(socket.listenerCount()).toBe(0);
  });

  it('when the end event is pushed (session expired), then the feed stops as refused', () => {
    const { socket, live, refusals, statuses } = setup();
    live(1);
    socket.fire('session:expired');
    expect(refusals).toEqual(['unauthenticated']);
    expect(statuses.at(-1)).toBe('refused');
    expect(socket.disconnectCalls).toBe(1);
  });
});

describe('LiveFeed: snapshot and revisions', () => {
  it('when connected, then the first snapshot is shown (cause connect) and the feed is online', () => {
    const { live, snapshots, statuses } = setup();
    live(4);
    expect(snapshots).toEqual([{ snap: { rev: 4, label: 's4' }, cause: 'connect', covered: [] }]);
    expect(statuses).toEqual(['online']);
  });

  it('when deltas come before the first snapshot, then they are ignored (the snapshot holds them)', () => {
    const { socket, deltas, delivered, snapshots } = setup();
    socket.serverAccepts();
    deltas(1, 2);
    socket.fire('queue:snapshot', { rev: 2, label: 's2' });
    deltas(3);
    expect(delivered).toEqual([3]);
    expect(snapshots).toHaveLength(1);
  });

  it('when an old delta or a repeat arrives, then it is ignored and nothing is asked', () => {
    const { live, deltas, delivered, resyncs } = setup();
    live(5);
    deltas(4, 5, 6, 6);
    deltas(6, 3, 7);
    expect(delivered).toEqual([6, 7]);
    expect(resyncs()).toHaveLength(0);
  });

  it('when a batch is out of order but whole, then it is applied in order without a resync', () => {
    const { live, deltas, delivered, resyncs } = setup();
    live(5);
    deltas(7, 6, 8);
    expect(delivered).toEqual([6, 7, 8]);
    expect(resyncs()).toHaveLength(0);
  });

  it('when a revision is skipped, then exactly one resync is asked however many deltas follow, and they wait for it', () => {
    const { live, deltas, delivered, resyncs, snapshots } = setup();
    live(5);
    deltas(6, 8);
    deltas(9);
    deltas(10, 11);
    expect(delivered).toEqual([6]);
    expect(resyncs()).toHaveLength(1);
    expect(resyncs()[0]!.timeoutMs).toBe(RESYNC_TIMEOUT_MS);

    resyncs()[0]!.ack(null, { ok: true, data: { rev: 9, label: 's9' } });
    expect(snapshots.at(-1)).toEqual({
      snap: { rev: 9, label: 's9' },
      cause: 'resync',
      covered: [8, 9],
    });
    expect(delivered).toEqual([6, 10, 11]);
    deltas(12);
    expect(delivered).toEqual([6, 10, 11, 12]);
    expect(resyncs()).toHaveLength(1);
  });

  it('when the missing delta arrives late while a resync is out, then the snapshot covers it and it is not applied twice', () => {
    const { live, deltas, delivered, resyncs, snapshots } = setup();
    live(5);
    deltas(7);
    deltas(6);
    expect(resyncs()).toHaveLength(1);
    resyncs()[0]!.ack(null, { ok: true, data: { rev: 6, label: 's6' } });
    expect(snapshots.at(-1)!.covered).toEqual([6]);
    expect(delivered).toEqual([7]);
  });

  it('when a resync times out, then the next gap asks once more (not before)', () => {
    const { live, deltas, resyncs } = setup();
    live(5);
    deltas(7);
    deltas(8);
    resyncs()[0]!.ack(new Error('operation has timed out'), undefined);
    expect(resyncs()).toHaveLength(1);
    deltas(9);
    expect(resyncs()).toHaveLength(2);
  });

  it('when the server pushes a snapshot (day change), then it replaces the state, even at a lower revision', () => {
    const { socket, live, deltas, delivered, snapshots } = setup();
    live(120);
    socket.fire('queue:snapshot', { rev: 0, label: 'new day' });
    deltas(1);
    expect(snapshots.at(-1)).toEqual({
      snap: { rev: 0, label: 'new day' },
      cause: 'push',
      covered: [],
    });
    expect(delivered).toEqual([1]);
  });
});

describe('LiveFeed: reconnect', () => {
  it('when a connection comes back without its session, then the revision is forgotten until the new snapshot', () => {
    const { socket, live, deltas, delivered, snapshots, resyncs, statuses } = setup();
    live(5);
    deltas(7);
    const staleResync = resyncs()[0]!;
    socket.drop('transport close');
    socket.serverAccepts(false);
    expect(statuses.at(-1)).toBe('offline');
    deltas(8);
    expect(delivered).toEqual([]);
    // The old connection's resync answers late: ignored.
    staleResync.ack(null, { ok: true, data: { rev: 7, label: 'stale' } });
    expect(snapshots).toHaveLength(1);

    socket.fire('queue:snapshot', { rev: 8, label: 's8' });
    expect(snapshots.at(-1)).toEqual({
      snap: { rev: 8, label: 's8' },
      cause: 'connect',
      covered: [],
    });
    expect(statuses.at(-1)).toBe('online');
    deltas(8, 9);
    expect(delivered).toEqual([9]);
  });

  it('when Socket.IO recovers the session, then the missed deltas follow and no snapshot is needed', () => {
    const { socket, live, deltas, delivered, snapshots, statuses } = setup();
    live(5);
    socket.drop('ping timeout');
    socket.serverAccepts(true);
    expect(statuses.at(-1)).toBe('online');
    deltas(6, 7);
    expect(delivered).toEqual([6, 7]);
    expect(snapshots).toHaveLength(1);
  });

  it('when the page asks for a resync while offline and Socket.IO has given up, then it reconnects instead', () => {
    const { socket, live, feed, resyncs } = setup();
    live(5);
    socket.drop('io server disconnect');
    feed.resync();
    expect(socket.connectCalls).toBe(1);
    expect(resyncs()).toHaveLength(0);
  });

  it('when stopped, then no listener, timer or late answer is left behind', () => {
    const { socket, live, deltas, feed, resyncs, snapshots } = setup();
    live(5);
    deltas(7);
    socket.drop('io server disconnect');
    feed.stop();
    resyncs()[0]!.ack(null, { ok: true, data: { rev: 7, label: 'late' } });
    expect(snapshots).toHaveLength(1);
    expect(socket.listenerCount()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    expect(feed.rev).toBeNull();
  });
});

describe('LiveFeed: a state without revisions (the phone page)', () => {
  it('when each push is a whole state, then each replaces the last, and a refusal in a refresh stops the feed', () => {
    const shown: string[] = [];
    const refusals: string[] = [];
    const sockets: FakeFeedSocket[] = [];
    const feed = new LiveFeed<{ status: string }, never>({
      open: (o) => {
        const s = new FakeFeedSocket(o);
        sockets.push(s);
        return s;
      },
      events: { snapshot: 'ticket:status', resync: 'ticket:refresh' },
      refusedCodes: ['ticket-not-found'],
      onSnapshot: (s) => shown.push(s.status),
      onStatus: () => undefined,
      onRefused: (code) => refusals.push(code),
    });
    feed.start();
    const socket = sockets[0]!;
    socket.serverAccepts();
    socket.fire('ticket:status', { status: 'waiting' });
    socket.fire('ticket:status', { status: 'called' });
    feed.resync();
    feed.resync();
    expect(socket.requests.map((r) => r.event)).toEqual(['ticket:refresh']);
    socket.requests[0]!.ack(null, { ok: false, error: { code: 'ticket-not-found' } });
    expect(shown).toEqual(['waiting', 'called']);
    expect(refusals).toEqual(['ticket-not-found']);
    expect(feed.status).toBe('refused');
  });
});
