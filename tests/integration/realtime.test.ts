import { describe, expect, it } from 'vitest';
import type {
  DisplayDelta,
  DisplaySnapshot,
  PublicCall,
  StaffDelta,
  StaffSnapshot,
  TicketStatusView,
} from '../../contract/index.js';
import { kiosk, signedIn } from '../support/http.js';
import {
  collect,
  collectDeltas,
  connect,
  next,
  until,
  type DisplayClient,
  type StaffClient,
  type TicketClient,
} from '../support/sockets.js';
import { serverPerTest } from '../support/server-per-test.js';
import type { TestServer } from '../support/test-server.js';

describe('Socket.IO push', () => {
  let server: TestServer;
  const track = serverPerTest({ set: (s) => (server = s), get: () => server });

  it('when a counter calls, then a display gets the delta and a ticket:called to announce', async () => {
    const display = track(
      connect<DisplayClient>(server.url, '/display', { auth: { key: server.displayKey } }),
    );
    const snapshot = await next<DisplaySnapshot>(display, 'queue:snapshot');
    expect(snapshot.rev).toBe(0);
    expect(snapshot.hall.name).toContain('Çankaya');
    const deltas = collectDeltas<DisplayDelta>(display);
    const calls = collect<PublicCall>(display, 'ticket:called');

    const { agent } = await signedIn(server, 'clerk');
    await kiosk(server).issue('vezne');
    await agent.post('/api/counters/banko-3/open').send({});
    await agent.post('/api/counters/banko-3/call-next').send({});
    await until(() => calls.length === 1);

    expect(calls[0]).toMatchObject({
      number: 'V001',
      counterNumber: 3,
      serviceId: 'vezne',
      recall: false,
    });
    expect(deltas.map((d) => d.rev)).toEqual([1, 2, 3]);
    expect(deltas[2]!.counter).toMatchObject({
      number: 3,
      current: { number: 'V001', status: 'called' },
    });
    // Public data only: no notes, clerks or codes reach the lobby.
    const wire = JSON.stringify([snapshot, ...deltas]);
    expect(wire).not.toMatch(/clerk|code|note/i);
  });

  it('when a clerk acts, then another staff client sees the delta with the ticket after the change', async () => {
    const { agent, cookie } = await signedIn(server, 'clerk');
    const other = await signedIn(server, 'manager');
    const watcher = track(connect<StaffClient>(server.url, '/manager', { cookie: other.cookie }));
    const snap = await next<StaffSnapshot>(watcher, 'queue:snapshot');
    expect(snap.counters).toHaveLength(6);
    const deltas = collectDeltas<StaffDelta>(watcher);
    const mine = track(connect<StaffClient>(server.url, '/counter', { cookie }));
    await next(mine, 'queue:snapshot');

    await kiosk(server).issue('ruhsat');
    await agent.post('/api/counters/banko-4/open').send({});
    await agent.post('/api/counters/banko-4/call-next').send({});
    await until(() => deltas.length === 3);
    expect(deltas.map((d) => d.event.type)).toEqual([
      'ticket:issued',
      'counter:opened',
      'ticket:called',
    ]);
    expect(deltas[2]!.ticket).toMatchObject({
      number: 'R001',
      status: 'called',
      counterId: 'banko-4',
    });
    expect(deltas[2]!.counter).toMatchObject({
      id: 'banko-4',
      currentTicketId: deltas[2]!.ticket!.id,
    });
    expect(deltas[2]!.queues.find((q) => q.serviceId === 'ruhsat')!.waiting).toBe(0);
  });

  it('when a visitor follows their ticket, then its position falls and the call reaches the phone', async () => {
    const first = await kiosk(server).issue('vezne');
    const second = await kiosk(server).issue('vezne');
    const phone = track(
      connect<TicketClient>(server.url, '/ticket', { auth: { code: second.body.code } }),
    );
    const initial = await next<TicketStatusView>(phone, 'ticket:status');
    expect(initial).toMatchObject({ number: 'V002', peopleAhead: 1, status: 'waiting' });
    const updates = collect<TicketStatusView>(phone, 'ticket:status');

    const { agent } = await signedIn(server, 'clerk');
    await agent.post('/api/counters/banko-1/open').send({});
    await agent.post('/api/counters/banko-1/call-next').send({});
    await until(() => updates.some((u) => u.peopleAhead === 0));
    await agent.post('/api/counters/banko-1/start').send({});
    await agent.post('/api/counters/banko-1/complete').send({ outcome: 'resolved' });
    await agent.post('/api/counters/banko-1/call-next').send({});
    await until(() => updates.some((u) => u.status === 'called'));
    expect(updates.at(-1)).toMatchObject({ number: 'V002', status: 'called', counterNumber: 1 });
    expect(JSON.stringify(updates)).not.toContain(first.body.code);
  });

  it('when a socket connects without credentials, then each namespace refuses it', async () => {
    for (const [nsp, auth] of [
      ['/display', {}],
      ['/display', { key: 'wrong' }],
      ['/counter', {}],
      ['/manager', {}],
      ['/ticket', { code: 'AAAAAAAAAAAAAAAAAAAAAA' }],
    ] as const) {
      const s = track(connect<DisplayClient>(server.url, nsp, { auth }));
      const err = await next<Error & { data?: { code: string } }>(s, 'connect_error');
      expect(err.data?.code, nsp).toMatch(/unauthenticated|ticket-not-found/);
    }
  });

  it('when a clerk connects to /manager, then it is refused as forbidden', async () => {
    const { cookie } = await signedIn(server, 'clerk');
    const s = track(connect<StaffClient>(server.url, '/manager', { cookie }));
    const err = await next<Error & { data?: { code: string } }>(s, 'connect_error');
    expect(err.data?.code).toBe('forbidden');
  });

  it('when the Origin is another site, then the handshake is refused', async () => {
    const s = track(
      connect<DisplayClient>(server.url, '/display', {
        auth: { key: server.displayKey },
        origin: 'http://evil.example',
      }),
    );
    await expect(next(s, 'queue:snapshot', 2000)).rejects.toThrow();
    const ok = track(
      connect<DisplayClient>(server.url, '/display', {
        auth: { key: server.displayKey },
        origin: server.url,
      }),
    );
    expect((await next<DisplaySnapshot>(ok, 'queue:snapshot')).rev).toBe(0);
  });

  it('when a clerk logs out, then their open sockets are told and closed', async () => {
    const { agent, cookie } = await signedIn(server, 'clerk');
    const s = track(connect<StaffClient>(server.url, '/counter', { cookie }));
    await next(s, 'queue:snapshot');
    const expired = next(s, 'session:expired');
    await agent.post('/api/auth/logout');
    await expired;
    await until(() => !s.connected);
  });

  it('when a clerk watches /display and signs out, then that socket is closed too', async () => {
    const { agent, cookie } = await signedIn(server, 'clerk');
    const screen = track(connect<DisplayClient>(server.url, '/display', { cookie }));
    await next(screen, 'queue:snapshot');
    expect((await agent.post('/api/auth/logout')).status).toBe(204);
    await until(() => !screen.connected);
  });

  it('when a display asks to resync, then it gets the current snapshot by ack', async () => {
    const display = track(
      connect<DisplayClient>(server.url, '/display', { auth: { key: server.displayKey } }),
    );
    await next(display, 'queue:snapshot');
    await kiosk(server).issue('vezne');
    const res = await display.timeout(2000).emitWithAck('queue:resync');
    expect(res.ok && res.data.rev).toBe(1);
  });

  it('when a display connects and later drops, then managers see it online, then offline with its last time', async () => {
    const { agent } = await signedIn(server, 'manager');
    const status = async () =>
      (await agent.get('/api/devices/status')).body as Array<{
        name: string;
        online: boolean;
        lastSeenAt: number | null;
      }>;
    const before = (await status()).find((d) => d.name === 'Test display')!;
    expect(before).toMatchObject({ online: false, lastSeenAt: null });
    const display = track(
      connect<DisplayClient>(server.url, '/display', { auth: { key: server.displayKey } }),
    );
    await next(display, 'queue:snapshot');
    expect((await status()).find((d) => d.name === 'Test display')!.online).toBe(true);
    display.close();
    let after = (await status()).find((d) => d.name === 'Test display')!;
    for (let i = 0; i < 50 && after.online; i++) {
      await new Promise((r) => setTimeout(r, 20));
      after = (await status()).find((d) => d.name === 'Test display')!;
    }
    expect(after.online).toBe(false);
    expect(after.lastSeenAt).toBeGreaterThan(0);
  });
});
