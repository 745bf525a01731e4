import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  IssuedTicket,
  PublicCall,
  StaffSnapshot,
  TicketStatusView,
} from '../../contract/api.js';
import type { RevEvent } from '../../contract/events.js';
import { addDevice, addUser } from '../../server/src/auth/users.js';
import { defaultConfig } from '../../server/src/config/default-config.js';
import { openPostgresStore } from '../../server/src/store/postgres/open-postgres-store.js';
import { collect, next, until } from '../support/sockets.js';
import { Balancer } from './balancer.js';
import { eventually, freshSchema, sql, uniqueName, type TestSchema } from './cluster-support.js';
import { percentile, request, type ClusterNode } from './cluster-node.js';
import { startNodePair, stopNodePair } from './node-pair.js';

const HALL = 'cankaya';
const SERVICES = ['vezne', 'mali-hizmetler', 'dilekce', 'ruhsat', 'imar-durum', 'imar-evrak'];

interface Clerk {
  counterId: string;
  username: string;
  password: string;
  node: ClusterNode;
  cookie: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What a page knows of the hall's revision: its last snapshot, moved on by in-order deltas. */
function trackRevisions(socket: Socket) {
  const view = { rev: -1, gapsSinceSnapshot: 0 };
  socket.on('queue:snapshot', (s: { rev: number }) => {
    view.rev = s.rev;
    view.gapsSinceSnapshot = 0;
  });
  socket.on('queue:events', (batch: Array<{ rev: number }>) => {
    for (const d of batch) {
      if (d.rev <= view.rev) continue;
      if (d.rev !== view.rev + 1) view.gapsSinceSnapshot += 1;
      view.rev = d.rev;
    }
  });
  return view;
}

/** A socket.io client that reconnects by itself, like the pages (websocket only: no sticky sessions needed). */
function client(base: string, nsp: string, opts: { key?: string; code?: string; cookie?: string }) {
  return io(`${base}${nsp}`, {
    auth: opts.key ? { key: opts.key } : opts.code ? { code: opts.code } : {},
    extraHeaders: opts.cookie ? { Cookie: opts.cookie } : {},
    transports: ['websocket'],
    forceNew: true,
    reconnectionDelay: 1000,
    reconnectionDelayMax: 1000,
    randomizationFactor: 0,
  });
}

describe('two server processes sharing one PostgreSQL and one Redis', () => {
  let schema: TestSchema;
  let a: ClusterNode;
  let b: ClusterNode;
  const balancer = new Balancer();
  const redisPrefix = uniqueName('sm-test');
  const dataDir = path.join(tmpdir(), uniqueName('siramatik-unused-data'));
  const kioskKeys: string[] = [];
  let displayKey = '';
  /** A display and a clerk that an admin ends while their sockets are on the other node. */
  let doomedDisplay = { id: '', key: '' };
  let leaving = { id: '', username: 'ayrilan', password: '' };
  let adminPassword = '';
  const clerks: Clerk[] = [];
  let roaming = { username: 'gezgin', password: '' };
  const sockets: Socket[] = [];

  const clerkOf = (counterId: string) => clerks.find((c) => c.counterId === counterId)!;
  /** Kiosk keys by use: the limit is 30 tickets a minute per kiosk, shared by the nodes. */
  const kiosks = {
    rush: () => kioskKeys.slice(0, 4),
    calls: () => kioskKeys[4]!,
    misc: () => kioskKeys[5]!,
    kill: () => kioskKeys.slice(6),
  };
  const issue = async (node: ClusterNode, serviceId: string, key = kiosks.misc()) => {
    const r = await request<IssuedTicket>(
      node.url,
      'POST',
      `/api/halls/${HALL}/tickets`,
      { Authorization: `Bearer ${key}` },
      { serviceId },
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body;
  };
  const command = (clerk: Clerk, action: string, body: unknown = {}, node = clerk.node) =>
    request<{ ticket: { id: string; number: string } | null; error?: { code: string } }>(
      node.url,
      'POST',
      `/api/counters/${clerk.counterId}/${action}`,
      { Cookie: clerk.cookie },
      body,
    );
  /** The admin's session cookie, signed in on `node`. */
  const adminCookie = async (node: ClusterNode) => {
    const login = await request(
      node.url,
      'POST',
      '/api/auth/login',
      {},
      {
        username: 'admin',
        password: adminPassword,
      },
    );
    expect(login.status).toBe(200);
    return login.cookie!;
  };
  const finishVisit = async (clerk: Clerk) => {
    expect((await command(clerk, 'start')).status).toBe(200);
    expect((await command(clerk, 'complete', { outcome: 'resolved' })).status).toBe(200);
  };
  const journal = async () => {
    const rows = await sql<{ payload: RevEvent }>(
      schema.url,
      'SELECT payload FROM events WHERE hall_id = $1 ORDER BY day, rev',
      [HALL],
    );
    return rows.map((r) => r.payload);
  };

  beforeAll(async () => {
    schema = await freshSchema();
    const seed = await openPostgresStore(schema.url, {
      log: () => undefined,
      initialConfig: defaultConfig,
    });
    const now = Date.now();
    for (let i = 0; i < 10; i++)
      kioskKeys.push(
        (await addDevice(seed.config, { kind: 'kiosk', hallId: HALL, name: `k${i}` }, now)).key,
      );
    displayKey = (await addDevice(seed.config, { kind: 'display', hallId: HALL, name: 'd' }, now))
      .key;
    doomedDisplay = await addDevice(
      seed.config,
      { kind: 'display', hallId: HALL, name: 'to revoke' },
      now,
    );
    // An admin exists, so neither node bootstraps one when both start at once.
    adminPassword = (
      await addUser(seed.config, { username: 'admin', role: 'admin', hallId: HALL }, now)
    ).password;
    const left = await addUser(
      seed.config,
      { username: 'ayrilan', role: 'clerk', hallId: HALL },
      now,
    );
    leaving = { id: left.id, username: 'ayrilan', password: left.password };
    const accounts = [];
    for (let n = 1; n <= 6; n++) {
      const username = `banko${n}`;
      const { password } = await addUser(
        seed.config,
        { username, role: 'clerk', hallId: HALL },
        now,
      );
      accounts.push({ counterId: `banko-${n}`, username, password });
    }
    roaming = {
      username: 'gezgin',
      password: (
        await addUser(seed.config, { username: 'gezgin', role: 'clerk', hallId: HALL }, now)
      ).password,
    };
    await seed.close();

    [a, b] = await startNodePair(schema, balancer, redisPrefix, dataDir);
    balancer.preference = [a.port, b.port];
    // Odd counters on node A, even ones on node B; each clerk signs in where they work.
    for (const [i, account] of accounts.entries()) {
      const node = i % 2 === 0 ? a : b;
      const credentials = { username: account.username, password: account.password };
      const login = await request(node.url, 'POST', '/api/auth/login', {}, credentials);
      expect(login.status).toBe(200);
      const clerk = { ...account, node, cookie: login.cookie! };
      clerks.push(clerk);
      expect((await command(clerk, 'open')).status).toBe(200);
    }
  });

  afterAll(() => stopNodePair({ sockets, nodes: [a, b], balancer, schema, redisPrefix }));

  it('when both nodes start on DATABASE_URL, then neither uses a data folder and both say where their data is', () => {
    expect(existsSync(dataDir)).toBe(false);
    for (const node of [a, b]) {
      expect(node.output()).toMatch(/data: PostgreSQL 127\.0\.0\.1.*Redis fan-out/);
      expect(node.output()).not.toMatch(/admin password:|pairing link:/);
    }
  });

  it('when kiosks on A issue while clerks on both nodes call next at once, then no ticket goes to two counters and numbers stay contiguous', async () => {
    const TOTAL = 72;
    const issued: IssuedTicket[] = [];
    let asked = 0;
    const issuers = kiosks.rush().map(async (key) => {
      while (asked < TOTAL) {
        const serviceId = SERVICES[asked++ % SERVICES.length]!;
        issued.push(await issue(a, serviceId, key));
      }
    });
    /** ticket number → counter whose call-next got it. */
    const calledAt = new Map<string, string>();
    const latency: Record<string, number[]> = { A: [], B: [] };
    let issuing = true;
    const deadline = Date.now() + 60_000;
    const workers = clerks.map(async (clerk) => {
      while (Date.now() < deadline) {
        const t0 = performance.now();
        const r = await command(clerk, 'call-next');
        latency[clerk.node.name]!.push(performance.now() - t0);
        if (r.status === 200) {
          const number = r.body.ticket!.number;
          expect(calledAt.get(number), `${number} called twice`).toBeUndefined();
          calledAt.set(number, clerk.counterId);
          await finishVisit(clerk);
          continue;
        }
        expect(r.body.error?.code).toBe('queue-empty');
        if (!issuing && calledAt.size >= issued.length) return;
        await sleep(5);
      }
    });
    await Promise.all(issuers);
    issuing = false;
    await Promise.all(workers);

    expect(issued).toHaveLength(TOTAL);
    expect([...calledAt.keys()].sort()).toEqual(issued.map((t) => t.number).sort());
    const onNode = (name: string) =>
      [...calledAt.values()].filter((id) => clerkOf(id).node.name === name).length;
    expect(onNode('A')).toBeGreaterThan(0);
    expect(onNode('B')).toBeGreaterThan(0);
    for (const serviceId of SERVICES) {
      const seqs = issued
        .filter((t) => t.serviceId === serviceId)
        .map((t) => Number(/(\d+)$/.exec(t.number)![1]))
        .sort((x, y) => x - y);
      expect(seqs, serviceId).toEqual(seqs.map((_, i) => i + 1));
    }
    const events = await journal();
    expect(events.map((e) => e.rev)).toEqual(events.map((_, i) => i + 1));
    const calls = events.filter((e) => e.type === 'ticket:called');
    expect(new Set(calls.map((e) => e.ticketId)).size).toBe(calls.length);
    console.log(
      `cluster: ${TOTAL} tickets issued on A, called ${onNode('A')} on A / ${onNode('B')} on B; ` +
        `call-next under contention p50/p95 ms: A ${percentile(latency.A!, 50).toFixed(1)}/${percentile(latency.A!, 95).toFixed(1)}, ` +
        `B ${percentile(latency.B!, 50).toFixed(1)}/${percentile(latency.B!, 95).toFixed(1)}`,
    );
  });

  it('when a counter on A calls, then a display connected to B receives ticket:called', async () => {
    const display = client(b.url, '/display', { key: displayKey });
    sockets.push(display);
    await next(display, 'queue:snapshot');
    const calls = collect<PublicCall>(display, 'ticket:called');
    let heardAt = 0;
    display.on('ticket:called', () => (heardAt = performance.now()));
    const clerk = clerkOf('banko-5');
    const pushMs: number[] = [];
    const callMs: number[] = [];

    for (let i = 0; i < 15; i++) {
      const ticket = await issue(a, 'imar-evrak', kiosks.calls());
      const t0 = performance.now();
      const seen = calls.length;
      const r = await command(clerk, 'call-next');
      callMs.push(performance.now() - t0);
      expect(r.body.ticket?.number).toBe(ticket.number);
      await until(() => calls.length > seen);
      pushMs.push(heardAt - t0);
      expect(calls.at(-1)).toMatchObject({ number: ticket.number, counterNumber: 5 });
      await finishVisit(clerk);
    }

    console.log(
      `cluster: uncontended call-next on A p50/max ${percentile(callMs, 50).toFixed(1)}/${Math.max(...callMs).toFixed(1)} ms; ` +
        `call on A → display on B p50/max ${percentile(pushMs, 50).toFixed(1)}/${Math.max(...pushMs).toFixed(1)} ms`,
    );
  });

  it('when a call on A moves a line, then a phone page connected to B gets its new position from B', async () => {
    const first = await issue(a, 'imar-durum');
    const second = await issue(a, 'imar-durum');
    await eventually(
      async () => (await request(b.url, 'GET', `/api/tickets/${second.code}`)).status === 200,
    );
    const phone = client(b.url, '/ticket', { code: second.code });
    sockets.push(phone);
    const statuses = collect<TicketStatusView>(phone, 'ticket:status');
    await until(() => statuses.length > 0);
    expect(statuses[0]).toMatchObject({ number: second.number, peopleAhead: 1 });

    const r = await command(clerkOf('banko-5'), 'call-next');

    expect(r.body.ticket?.number).toBe(first.number);
    await until(() => statuses.some((s) => s.peopleAhead === 0));
    expect(statuses.at(-1)).toMatchObject({
      number: second.number,
      status: 'waiting',
      peopleAhead: 0,
    });
    await finishVisit(clerkOf('banko-5'));
    expect((await command(clerkOf('banko-5'), 'call-next')).body.ticket?.number).toBe(
      second.number,
    );
    await until(() => statuses.at(-1)?.status === 'called');
    await finishVisit(clerkOf('banko-5'));
  });

  it('when a clerk signs in on A, then the cookie works on B, and signing out on B ends it on A', async () => {
    const login = await request(a.url, 'POST', '/api/auth/login', {}, roaming);
    const cookie = { Cookie: login.cookie! };

    await eventually(
      async () => (await request(b.url, 'GET', '/api/auth/me', cookie)).status === 200,
    );
    const staff = client(b.url, '/counter', { cookie: login.cookie! });
    sockets.push(staff);
    const snapshot = await next<StaffSnapshot>(staff, 'queue:snapshot');
    const expired = next(staff, 'session:expired');
    expect((await request(b.url, 'POST', '/api/auth/logout', cookie)).status).toBeLessThan(300);

    await expired;
    await eventually(
      async () => (await request(a.url, 'GET', '/api/auth/me', cookie)).status === 401,
    );
    expect(snapshot.hall.id).toBe(HALL);
  });

  it('when an admin on A revokes a display connected to B, then B drops it at once and refuses it after', async () => {
    const admin = await adminCookie(a);
    const display = client(b.url, '/display', { key: doomedDisplay.key });
    sockets.push(display);
    await next(display, 'queue:snapshot');
    const dropped = next<string>(display, 'disconnect');

    const revoked = await request(a.url, 'POST', `/api/devices/${doomedDisplay.id}/revoke`, {
      Cookie: admin,
    });

    expect(revoked.status).toBe(200);
    // At once: not at B's next session sweep (a minute) nor at the display's next reconnect.
    expect(await dropped).toBe('io server disconnect');
    const again = client(b.url, '/display', { key: doomedDisplay.key });
    sockets.push(again);
    const refused = await next<Error & { data?: { code?: string } }>(again, 'connect_error');
    expect(refused.data?.code).toBe('unauthenticated');
  });

  it('when an admin on A deactivates a clerk whose counter screen is on B, then that screen is told and closed at once', async () => {
    const admin = await adminCookie(a);
    const { username, password } = leaving;
    const login = await request(b.url, 'POST', '/api/auth/login', {}, { username, password });
    expect(login.status).toBe(200);
    const staff = client(b.url, '/counter', { cookie: login.cookie! });
    sockets.push(staff);
    await next(staff, 'queue:snapshot');
    const told = next(staff, 'session:expired');
    const dropped = next<string>(staff, 'disconnect');

    const patched = await request(
      a.url,
      'PATCH',
      `/api/users/${leaving.id}`,
      { Cookie: admin },
      { active: false },
    );

    expect(patched.status).toBe(200);
    await told;
    expect(await dropped).toBe('io server disconnect');
  });

  it('when sign-in attempts are spread over both nodes, then the rate limit counts them together', async () => {
    const attempt = (node: ClusterNode) =>
      request(
        node.url,
        'POST',
        '/api/auth/login',
        {},
        { username: 'kimse', password: 'wrong-password' },
      );
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await attempt(i % 2 ? b : a)).status);

    expect(statuses).toEqual(Array(10).fill(401));
    expect((await attempt(a)).status).toBe(429);
    expect((await attempt(b)).status).toBe(429);
  });

  it('when a display connected to B loses its connection and comes back through A, then its session is recovered with the call it missed', async () => {
    balancer.preference = [b.port, a.port];
    const display = client(balancer.url, '/display', { key: displayKey });
    sockets.push(display);
    await next(display, 'queue:snapshot');
    const ticket = await issue(a, 'ruhsat');
    await next(display, 'queue:events');
    const calls = collect<PublicCall>(display, 'ticket:called');
    const snapshots = collect(display, 'queue:snapshot');

    balancer.preference = [a.port, b.port];
    const dropped = next(display, 'disconnect');
    balancer.dropAll();
    await dropped;
    const reconnected = next(display, 'connect');
    const r = await command(clerkOf('banko-5'), 'call-next');
    await reconnected;

    expect(r.body.ticket?.number).toBe(ticket.number);
    expect(display.recovered).toBe(true);
    await until(() => calls.some((c) => c.number === ticket.number));
    expect(snapshots.length).toBeLessThanOrEqual(1);
    await finishVisit(clerkOf('banko-5'));
  });

  it('when node A is killed with SIGKILL under load, then no acknowledged ticket is lost and its clients resume on B with a fresh snapshot', async () => {
    balancer.preference = [a.port, b.port];
    const { username, password } = clerkOf('banko-1');
    const relogin = await request(a.url, 'POST', '/api/auth/login', {}, { username, password });
    const display = client(balancer.url, '/display', { key: displayKey });
    const staff = client(balancer.url, '/counter', { cookie: relogin.cookie! });
    sockets.push(display, staff);
    await Promise.all([next(display, 'queue:snapshot'), next(staff, 'queue:snapshot')]);
    const afterKill = {
      display: collect<{ rev: number }>(display, 'queue:snapshot'),
      staff: collect<StaffSnapshot>(staff, 'queue:snapshot'),
    };
    const views = [trackRevisions(display), trackRevisions(staff)];
    const recovered: boolean[] = [];
    for (const s of [display, staff]) s.on('connect', () => recovered.push(s.recovered));

    /** code → number of every ticket node A acknowledged. */
    const acked = new Map<string, string>();
    const calledOnB = new Set<string>();
    let killed = false;
    let stopped = false;
    const issuers = kiosks.kill().map(async (key, i) => {
      while (!killed) {
        const r = await request<IssuedTicket>(
          a.url,
          'POST',
          `/api/halls/${HALL}/tickets`,
          { Authorization: `Bearer ${key}` },
          { serviceId: SERVICES[i % 3]! },
        ).catch(() => null);
        if (r?.status === 201) acked.set(r.body.code, r.body.number);
        else await sleep(20);
      }
    });
    const workers = ['banko-2', 'banko-4', 'banko-6'].map(async (id) => {
      const clerk = clerkOf(id);
      while (!stopped) {
        const r = await command(clerk, 'call-next');
        if (r.status !== 200) {
          await sleep(5);
          continue;
        }
        calledOnB.add(r.body.ticket!.number);
        await finishVisit(clerk);
      }
    });
    await until(() => acked.size >= 5, 10_000);
    await sleep(200);
    a.child.kill('SIGKILL');
    killed = true;
    await a.exited;
    await Promise.all(issuers);
    stopped = true;
    await Promise.all(workers);

    // Its clients come back through the balancer, to B, not recovered: each gets a snapshot.
    await until(() => afterKill.display.length > 0 && afterKill.staff.length > 0, 10_000);
    expect(recovered).toEqual([false, false]);
    const queue = await request<StaffSnapshot>(b.url, 'GET', `/api/halls/${HALL}/queue`, {
      Cookie: relogin.cookie!,
    });
    expect(queue.status).toBe(200);
    const events = await journal();
    expect(queue.body.rev).toBe(events.at(-1)!.rev);
    // Snapshot, then deltas without a gap, up to the last revision in the journal.
    await until(() => views.every((v) => v.rev === queue.body.rev));
    expect(views.map((v) => v.gapsSinceSnapshot)).toEqual([0, 0]);

    expect(acked.size).toBeGreaterThan(0);
    for (const [code, number] of acked) {
      const r = await request<TicketStatusView>(b.url, 'GET', `/api/tickets/${code}`);
      expect(r.status, `acknowledged ${number} lost`).toBe(200);
      expect(r.body.number).toBe(number);
      if (calledOnB.has(number)) expect(r.body.status).not.toBe('waiting');
      else if (r.body.status === 'waiting')
        expect(afterKill.staff.at(-1)!.tickets.map((t) => t.number)).toContain(number);
    }
    // Numbers stay contiguous across the kill, and B goes on from where A stopped.
    const next0 = await issue(b, 'vezne');
    const issuedEvents = (await journal()).filter((e) => e.type === 'ticket:issued');
    for (const serviceId of SERVICES) {
      const seqs = issuedEvents.filter((e) => e.serviceId === serviceId).map((e) => e.seq);
      expect(seqs, serviceId).toEqual(seqs.map((_, i) => i + 1));
    }
    const vezne = issuedEvents.filter((e) => e.serviceId === 'vezne');
    expect(next0.number).toBe(vezne.at(-1)!.number);
    console.log(
      `cluster: node A killed after ${acked.size} acknowledged tickets; all readable on B; ${calledOnB.size} called on B meanwhile`,
    );
  });
});
