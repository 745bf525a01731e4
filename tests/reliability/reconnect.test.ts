import request from 'supertest';
import { io, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  CounterView,
  DisplayDelta,
  DisplaySnapshot,
  PublicCall,
  PublicCounter,
  StaffDelta,
  StaffSnapshot,
} from '../../contract/index.js';
import type { PublicServiceQueue, ServiceQueue, StaffTicket } from '../../contract/domain.js';
import { kiosk, signedIn } from '../support/http.js';
import { until } from '../support/sockets.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * When clients told to go away by a restart come back: as the pages do, a moment after the
 * disconnect, but never before the test has made its calls "while away" (a fixed delay alone
 * raced those calls on a busy machine).
 */
let reconnectGate: Promise<void> = Promise.resolve();

/**
 * A client's view, kept the way the contract says: a snapshot replaces everything; a delta
 * with `rev <= current` is stale and ignored; a delta that skips a revision means something
 * was missed, so the client asks for a new snapshot (`queue:resync`). Only deltas announce calls.
 */
abstract class View<S extends { rev: number }, D extends { rev: number }> {
  rev: number | null = null;
  snapshots = 0;
  resyncs = 0;
  /** Connection state recovered by Socket.IO (missed deltas replayed). */
  recoveries = 0;

  constructor(readonly socket: Socket) {
    socket.on('queue:snapshot', (s: S) => {
      this.snapshots++;
      this.rev = s.rev;
      this.replace(s);
    });
    socket.on('queue:events', (batch: D[]) => {
      for (const d of batch) {
        if (this.rev === null || d.rev <= this.rev) continue;
        if (d.rev !== this.rev + 1) return this.resync();
        this.rev = d.rev;
        this.apply(d);
      }
    });
    socket.on('connect', () => {
      if (socket.recovered) this.recoveries++;
    });
    // A server that goes away on purpose (restart) says so; Socket.IO then waits for the app to
    // reconnect, as the display and counter apps do.
    socket.on('disconnect', (reason) => {
      if (reason === 'io server disconnect')
        void reconnectGate.then(() => setTimeout(() => socket.connect(), 800));
    });
  }

  private resync(): void {
    this.resyncs++;
    this.socket
      .timeout(3000)
      .emit('queue:resync', (err: Error | null, r: { ok: boolean; data: S }) => {
        if (!err && r.ok) {
          this.rev = r.data.rev;
          this.replace(r.data);
        }
      });
  }

  protected abstract replace(s: S): void;
  protected abstract apply(d: D): void;
}

class DisplayView extends View<DisplaySnapshot, DisplayDelta> {
  counters: PublicCounter[] = [];
  queues: PublicServiceQueue[] = [];
  recentCalls: PublicCall[] = [];
  /** Calls announced (chimed and spoken) as new, in order. */
  announced: PublicCall[] = [];

  protected replace(s: DisplaySnapshot): void {
    this.counters = s.counters;
    this.queues = s.queues;
    this.recentCalls = s.recentCalls;
  }

  protected apply(d: DisplayDelta): void {
    if (d.counter) this.counters = upsert(this.counters, d.counter);
    this.queues = d.queues;
    if (!d.call) return;
    this.announced.push(d.call);
    const call = d.call;
    this.recentCalls = [call, ...this.recentCalls.filter((c) => c.number !== call.number)].slice(
      0,
      8,
    );
  }

  comparable() {
    return { rev: this.rev, counters: this.counters, queues: this.queues, calls: this.recentCalls };
  }
}

class StaffView extends View<StaffSnapshot, StaffDelta> {
  counters: CounterView[] = [];
  queues: ServiceQueue[] = [];
  tickets = new Map<string, StaffTicket>();

  protected replace(s: StaffSnapshot): void {
    this.counters = s.counters;
    this.queues = s.queues;
    this.tickets = new Map(s.tickets.map((t) => [t.id, t]));
  }

  protected apply(d: StaffDelta): void {
    if (d.counter) this.counters = upsert(this.counters, d.counter);
    if (d.ticket) this.tickets.set(d.ticket.id, d.ticket);
    this.queues = d.queues;
  }

  comparable() {
    const tickets = [...this.tickets.values()].sort((a, b) => a.id.localeCompare(b.id));
    return { rev: this.rev, counters: this.counters, queues: this.queues, tickets };
  }
}

function upsert<T extends { id: string; number: number }>(list: T[], item: T): T[] {
  return [...list.filter((x) => x.id !== item.id), item].sort((a, b) => a.number - b.number);
}

describe('reconnecting clients resync to exactly the current state', () => {
  let server: TestServer;
  const sockets: Socket[] = [];
  let clerks: Array<{ counterId: string; cookie: string }>;
  let managerCookie = '';

  const act = (i: number, action: string, body: object = {}) =>
    request(server.app.app)
      .post(`/api/counters/${clerks[i]!.counterId}/${action}`)
      .set('Cookie', clerks[i]!.cookie)
      .send(body)
      .then((r) => {
        expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(200);
        return r.body as { ticket: StaffTicket | null };
      });
  const freshDisplay = async () =>
    (
      await request(server.app.app)
        .get('/api/halls/cankaya/display')
        .set('Authorization', `Bearer ${server.displayKey}`)
    ).body as DisplaySnapshot;
  const freshStaff = async () =>
    (await request(server.app.app).get('/api/halls/cankaya/queue').set('Cookie', managerCookie))
      .body as StaffSnapshot;
  const serverRev = () => server.app.queues.hall('cankaya')!.state.rev;

  function clients() {
    const common = {
      transports: ['websocket'],
      forceNew: true,
      reconnection: true,
      reconnectionDelay: 300,
      reconnectionDelayMax: 300,
      randomizationFactor: 0,
    };
    const display = new DisplayView(
      io(`${server.url}/display`, { ...common, auth: { key: server.displayKey } }),
    );
    const staff = new StaffView(
      io(`${server.url}/counter`, { ...common, extraHeaders: { Cookie: clerks[0]!.cookie } }),
    );
    sockets.push(display.socket, staff.socket);
    return { display, staff };
  }

  async function expectInSync(display: DisplayView, staff: StaffView): Promise<void> {
    await until(() => display.rev === serverRev() && staff.rev === serverRev(), 10_000);
    const d = await freshDisplay();
    const s = await freshStaff();
    expect(display.comparable()).toEqual({
      rev: d.rev,
      counters: d.counters,
      queues: d.queues,
      calls: d.recentCalls,
    });
    expect(staff.comparable()).toEqual({
      rev: s.rev,
      counters: s.counters,
      queues: s.queues,
      tickets: [...s.tickets].sort((a, b) => a.id.localeCompare(b.id)),
    });
  }

  beforeEach(async () => {
    server = await startTestServer();
    clerks = [];
    for (const counterId of ['banko-1', 'banko-3', 'banko-4']) {
      const { cookie } = await signedIn(server, 'clerk');
      clerks.push({ counterId, cookie });
    }
    managerCookie = (await signedIn(server, 'manager')).cookie;
    for (let i = 0; i < 3; i++) await act(i, 'open');
    for (let i = 0; i < 8; i++) await kiosk(server).issue(i % 2 ? 'dilekce' : 'vezne');
  });
  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.close());
    await server.dispose();
  });

  /** Calls before, a cut, calls while away, then the same checks for either kind of cut. */
  async function scenario<T>(cut: () => Promise<T>, whileAway: (afterCut: T) => Promise<string[]>) {
    const { display, staff } = clients();
    await until(() => display.snapshots > 0 && staff.snapshots > 0);
    const before = [(await act(0, 'call-next')).ticket!, (await act(1, 'call-next')).ticket!];
    await act(1, 'recall');
    await expectInSync(display, staff);
    expect(display.announced.map((c) => [c.number, c.recall])).toEqual([
      [before[0]!.number, false],
      [before[1]!.number, false],
      [before[1]!.number, true],
    ]);
    const announcedBefore = display.announced.length;

    const afterCut = await cut();
    const calledWhileAway = await whileAway(afterCut);
    await expectInSync(display, staff);

    // Every call made while away is on the screen and on the counter client.
    for (const number of calledWhileAway) {
      expect(display.recentCalls.map((c) => c.number)).toContain(number);
      expect([...staff.tickets.values()].find((t) => t.number === number)?.status).toBe('called');
    }
    const current = display.counters.map((c) => c.current?.number).filter(Boolean);
    for (const number of calledWhileAway) expect(current).toContain(number);
    // Nothing from before the cut is announced again; only calls made while away may be.
    const announcedAfter = display.announced.slice(announcedBefore).map((c) => c.number);
    for (const t of before) expect(announcedAfter).not.toContain(t.number);
    for (const number of announcedAfter) expect(calledWhileAway).toContain(number);
    return { display, staff, announcedAfter };
  }

  const callsWhileAway = async () => {
    await act(0, 'start');
    await act(0, 'complete', { outcome: 'resolved' });
    const a = (await act(0, 'call-next')).ticket!.number;
    await act(1, 'no-show');
    const b = (await act(1, 'call-next')).ticket!.number;
    await kiosk(server).issue('ruhsat');
    const c = (await act(2, 'call-next')).ticket!.number;
    return [a, b, c];
  };

  it('when the server restarts and calls are made before the display and counter clients are back, then they resync from a snapshot to exactly the current state, show every call made meanwhile and announce none from before', async () => {
    const { display, staff, announcedAfter } = await scenario(
      async () => {
        let cameBack!: () => void;
        reconnectGate = new Promise((resolve) => (cameBack = resolve));
        await server.restart();
        return cameBack;
      },
      async (comeBack) => {
        // The clients come back 0.8 s after these calls: they happen while they are away.
        const numbers = await callsWhileAway();
        expect(sockets.every((s) => !s.connected)).toBe(true);
        comeBack?.();
        return numbers;
      },
    );
    // A restart loses the connection state: the new snapshot brings the calls, silently.
    expect(announcedAfter).toEqual([]);
    expect(display.recoveries + staff.recoveries).toBe(0);
  });

  it('when the network drops the display and counter connections while calls happen, then Socket.IO recovers them, replays exactly the missed calls once and they end in the current state', async () => {
    let away: string[] = [];
    const { display, staff, announcedAfter } = await scenario(
      async () => {
        for (const s of sockets) s.io.engine.close();
        await until(() => sockets.every((s) => !s.connected));
      },
      async () => {
        away = await callsWhileAway();
        return away;
      },
    );
    expect(display.recoveries).toBe(1);
    expect(staff.recoveries).toBe(1);
    // The replayed deltas announce the calls made while away, each once, in order.
    expect(announcedAfter).toEqual(away);
  });

  it('when deltas arrive out of order or with a gap, then the reducer ignores the stale ones and resyncs on the gap to the current state', async () => {
    const { display, staff } = clients();
    await until(() => display.snapshots > 0 && staff.snapshots > 0);
    await act(0, 'call-next');
    await expectInSync(display, staff);
    const rev = display.rev!;
    // A stale delta (already in the snapshot) and one from the future arrive from the wire.
    const listeners = display.socket.listeners('queue:events');
    const stale = { rev, type: 'ticket:called', at: 0, counter: null, call: null, queues: [] };
    for (const l of listeners) l([stale]);
    expect(display.rev).toBe(rev);
    for (const l of listeners) l([{ ...stale, rev: rev + 5 }]);
    await until(() => display.resyncs === 1);
    await act(1, 'call-next');
    await expectInSync(display, staff);
  });
});
