import request from 'supertest';
import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { kiosk, signedIn } from '../support/http.js';
import { until } from '../support/sockets.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

type Who = 'none' | 'visitor' | 'kiosk' | 'display' | 'clerk' | 'manager' | 'admin';
type Nsp = '/display' | '/counter' | '/manager' | '/ticket';
type Outcome = 'allowed' | 'unauthenticated' | 'forbidden' | 'ticket-not-found';

const EVERYONE: Who[] = ['none', 'visitor', 'kiosk', 'display', 'clerk', 'manager', 'admin'];

/**
 * The design (DESIGN.md security model, realtime.ts), written out by hand: /display for kiosk
 * and display keys and any staff; /counter for staff; /manager for managers and admins;
 * /ticket for whoever holds a valid ticket code, and nobody else.
 */
const EXPECTED: Record<Nsp, Record<Who, Outcome>> = {
  '/display': {
    none: 'unauthenticated',
    visitor: 'unauthenticated',
    kiosk: 'allowed',
    display: 'allowed',
    clerk: 'allowed',
    manager: 'allowed',
    admin: 'allowed',
  },
  '/counter': {
    none: 'unauthenticated',
    visitor: 'unauthenticated',
    kiosk: 'forbidden',
    display: 'forbidden',
    clerk: 'allowed',
    manager: 'allowed',
    admin: 'allowed',
  },
  '/manager': {
    none: 'unauthenticated',
    visitor: 'unauthenticated',
    kiosk: 'forbidden',
    display: 'forbidden',
    clerk: 'forbidden',
    manager: 'allowed',
    admin: 'allowed',
  },
  '/ticket': {
    none: 'ticket-not-found',
    visitor: 'allowed',
    kiosk: 'ticket-not-found',
    display: 'ticket-not-found',
    clerk: 'ticket-not-found',
    manager: 'ticket-not-found',
    admin: 'ticket-not-found',
  },
};

/** The first message each namespace sends an accepted socket. */
const FIRST: Record<Nsp, string> = {
  '/display': 'queue:snapshot',
  '/counter': 'queue:snapshot',
  '/manager': 'queue:snapshot',
  '/ticket': 'ticket:status',
};

interface Credentials {
  auth: Record<string, unknown>;
  cookie?: string;
}

let server: TestServer;
const creds = {} as Record<Who, Credentials>;
const open: Socket[] = [];

function socketFor(
  nsp: string,
  c: Credentials,
  opts: { origin?: string; reconnect?: boolean } = {},
): Socket {
  const headers: Record<string, string> = {};
  if (c.cookie) headers.Cookie = c.cookie;
  if (opts.origin) headers.Origin = opts.origin;
  const s = io(`${server.url}${nsp}`, {
    auth: c.auth,
    extraHeaders: headers,
    transports: ['websocket'],
    forceNew: true,
    reconnection: opts.reconnect ?? false,
    reconnectionDelay: 300,
    reconnectionDelayMax: 300,
  });
  open.push(s);
  return s;
}

/** Connects and reports what happened: the first message, or the refusal's code. */
function attempt(
  nsp: Nsp,
  c: Credentials,
  origin?: string,
): Promise<{ outcome: Outcome | 'refused'; first?: unknown }> {
  const s = socketFor(nsp, c, { origin });
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ outcome: 'refused' }), 3000);
    s.once(FIRST[nsp], (first: unknown) => {
      clearTimeout(timer);
      resolve({ outcome: 'allowed', first });
    });
    s.once('connect_error', (err: Error & { data?: { code?: Outcome } }) => {
      clearTimeout(timer);
      resolve({ outcome: err.data?.code ?? 'refused' });
    });
  });
}

beforeAll(async () => {
  server = await startTestServer();
  const ticket = await kiosk(server).issue('vezne');
  creds.none = { auth: {} };
  creds.visitor = { auth: { code: ticket.body.code } };
  creds.kiosk = { auth: { key: server.kioskKey } };
  creds.display = { auth: { key: server.displayKey } };
  for (const role of ['clerk', 'manager', 'admin'] as const)
    creds[role] = { auth: {}, cookie: (await signedIn(server, role)).cookie };
});
afterEach(() => {
  open.splice(0).forEach((s) => s.close());
});
afterAll(async () => {
  await server.dispose();
});

describe('socket authorization matrix: every namespace × every role', () => {
  const cases = (Object.keys(EXPECTED) as Nsp[]).flatMap((nsp) =>
    EVERYONE.map((who) => [nsp, who, EXPECTED[nsp][who]] as const),
  );
  it.each(cases)('when %s is opened as %s, then the handshake is %s', async (nsp, who, want) => {
    const { outcome, first } = await attempt(nsp, creds[who]);
    expect(outcome).toBe(want);
    if (outcome !== 'allowed') return;
    // What each audience gets: public hall data on /display, the full queue for staff.
    const wire = JSON.stringify(first);
    if (nsp === '/display') expect(wire).not.toMatch(/"code"|clerkId|"note"/);
    if (nsp === '/counter' || nsp === '/manager') expect(first).toHaveProperty('tickets');
    if (nsp === '/ticket') expect(first).toMatchObject({ number: 'V001' });
  });

  it('when credentials are put where another kind belongs (a session id as a device key, a device key as the cookie, a ticket code as a key), then nothing opens', async () => {
    const sid = creds.clerk.cookie!.split('=')[1]!;
    const swapped: Array<[Nsp, Credentials]> = [
      ['/counter', { auth: { key: sid } }],
      ['/display', { auth: {}, cookie: `sid=${server.displayKey}` }],
      ['/display', { auth: { key: creds.visitor.auth.code } }],
      ['/counter', { auth: { key: server.kioskKey, code: creds.visitor.auth.code } }],
      ['/ticket', { auth: { code: { $ne: '' } } }],
      ['/ticket', { auth: { code: `${String(creds.visitor.auth.code)}x` } }],
      ['/manager', { auth: { key: ['x'] }, cookie: `sid=${'a'.repeat(5000)}` }],
    ];
    for (const [nsp, c] of swapped) {
      const { outcome } = await attempt(nsp, c);
      expect(outcome, `${nsp} ${JSON.stringify(c)}`).not.toBe('allowed');
    }
  });

  it.each(Object.keys(EXPECTED) as Nsp[])(
    'when %s is opened from another site (Origin check), then the handshake is refused; from the site itself it opens',
    async (nsp) => {
      const who: Who = nsp === '/ticket' ? 'visitor' : 'admin';
      const c = nsp === '/display' ? creds.display : creds[who];
      expect((await attempt(nsp, c, 'http://evil.example')).outcome).toBe('refused');
      expect((await attempt(nsp, c, 'null')).outcome).toBe('refused');
      expect((await attempt(nsp, c, server.url)).outcome).toBe('allowed');
    },
  );
});

describe('socket authorization after credentials end', () => {
  /**
   * A client that lost its connection comes back with its recovery session; it must not be sent
   * what it missed when the credentials behind that session ended in the meantime.
   */
  async function recoverAfter(
    nsp: Nsp,
    c: Credentials,
    revoke: () => Promise<void>,
  ): Promise<{ leaked: string[]; refusedWith: string | undefined }> {
    const s = socketFor(nsp, c, { reconnect: true });
    const events: string[] = [];
    s.io.on('packet', (p: { type: number; nsp: string; data?: unknown[] }) => {
      if (p.nsp === nsp && p.type === 2) events.push(String(p.data?.[0]));
    });
    let refusedWith: string | undefined;
    s.on(
      'connect_error',
      (e: Error & { data?: { code?: string } }) => (refusedWith = e.data?.code),
    );
    await until(() => events.includes('queue:snapshot'));
    // Something broadcast to the hall, so the client has a recovery offset.
    await kiosk(server).issue('ruhsat');
    await until(() => events.includes('queue:events'));
    s.io.engine.close();
    await until(() => !s.connected);
    await revoke();
    const before = events.length;
    await kiosk(server).issue('ruhsat');
    await until(() => refusedWith !== undefined || s.connected, 5000);
    s.close();
    return { leaked: events.slice(before), refusedWith };
  }

  it('when a clerk signs out while their /counter socket is away, then its recovery gets no missed events and is refused', async () => {
    const { agent, cookie } = await signedIn(server, 'clerk');
    const r = await recoverAfter('/counter', { auth: {}, cookie }, async () => {
      await agent.post('/api/auth/logout');
    });
    expect(r.leaked.filter((e) => e !== 'session:expired')).toEqual([]);
    expect(r.refusedWith).toBe('unauthenticated');
  });

  it('when a manager is made a clerk while their /manager socket is away, then its recovery gets no missed events and is refused', async () => {
    const manager = await signedIn(server, 'manager');
    const admin = await signedIn(server, 'admin');
    const r = await recoverAfter('/manager', { auth: {}, cookie: manager.cookie }, async () => {
      const res = await admin.agent.patch(`/api/users/${manager.user.id}`).send({ role: 'clerk' });
      expect(res.status).toBe(200);
    });
    expect(r.leaked.filter((e) => e !== 'session:expired')).toEqual([]);
    expect(r.refusedWith).toBe('unauthenticated');
  });

  it('when a display is revoked while its socket is away, then its recovery gets no missed events and is refused', async () => {
    const admin = await signedIn(server, 'admin');
    const paired = await admin.agent.post('/api/devices').send({ kind: 'display', name: 'Lobi 2' });
    expect(paired.status).toBe(201);
    const key = new URL(paired.body.pairingUrl).hash.replace(/^#key=/, '');
    const r = await recoverAfter('/display', { auth: { key } }, async () => {
      const res = await admin.agent.post(`/api/devices/${paired.body.device.id}/revoke`).send({});
      expect(res.status).toBe(200);
    });
    expect(r.leaked).toEqual([]);
    expect(r.refusedWith).toBe('unauthenticated');
  });

  it('when a socket whose credentials still hold loses its connection, then it recovers and gets what it missed', async () => {
    const s = socketFor('/counter', creds.clerk, { reconnect: true });
    const events: string[] = [];
    s.onAny((name: string) => events.push(name));
    await until(() => events.includes('queue:snapshot'));
    await kiosk(server).issue('ruhsat');
    await until(() => events.includes('queue:events'));
    s.io.engine.close();
    await until(() => !s.connected);
    const before = events.length;
    await kiosk(server).issue('ruhsat');
    await until(() => s.connected);
    await until(() => events.slice(before).includes('queue:events'));
    expect(s.recovered).toBe(true);
  });

  it('when a REST call carries a revoked device key or an ended session, then it is refused like no credentials', async () => {
    const { agent, cookie } = await signedIn(server, 'clerk');
    await agent.post('/api/auth/logout');
    const res = await request(server.app.app).get('/api/halls/cankaya/queue').set('Cookie', cookie);
    expect(res.status).toBe(401);
  });
});
