import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allows, type Actor } from '../../server/src/auth/actor.js';
import { addDevice, addUser } from '../../server/src/auth/users.js';
import type { ConfigData, UserRecord } from '../../server/src/config/config-data.js';
import { defaultConfig } from '../../server/src/config/default-config.js';
import { seedDirectorates } from '../../server/src/config/directorates.js';
import type { RouteDef } from '../../server/src/http/route.js';
import { signedIn } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const A = 'cankaya';
const B = 'kizilay';

/** The default hall A and a second hall B with one of everything, named so a leak is visible. */
const ALL_DAY = [{ from: '00:00', to: '23:59' }];
/** Bookable all day, every day: hall B has a booking for hall A's callers to reach for. */
const BOOKABLE_ALL_DAY = {
  enabled: true,
  hours: {
    mon: ALL_DAY,
    tue: ALL_DAY,
    wed: ALL_DAY,
    thu: ALL_DAY,
    fri: ALL_DAY,
    sat: ALL_DAY,
    sun: ALL_DAY,
  },
  slotMinutes: 5,
  perSlot: 5,
};

function twoHalls(): ConfigData {
  const base = defaultConfig();
  return {
    ...base,
    halls: [
      ...base.halls,
      {
        ...base.halls[0]!,
        id: B,
        name: 'Kızılay Hizmet Masası',
        booking: {
          checkInEarlyMinutes: 15,
          checkInLateMinutes: 10,
          horizonDays: 30,
          leadMinutes: 0,
          maxPerContact: 3,
          closedDays: [],
          retentionDays: 30,
        },
      },
    ],
    services: [
      ...base.services,
      {
        id: 'kz-vezne',
        hallId: B,
        prefix: 'K',
        name: { tr: 'Kızılay Veznesi', en: 'Kizilay cashier' },
        targetMinutes: 4,
        active: true,
        booking: BOOKABLE_ALL_DAY,
      },
    ],
    counters: [
      ...base.counters,
      {
        id: 'kz-banko',
        hallId: B,
        number: 1,
        name: 'Kızılay Bankosu',
        services: [{ serviceId: 'kz-vezne', weight: 1 }],
      },
    ],
    directorates: [
      ...seedDirectorates(A),
      {
        id: 'kz-zabita',
        hallId: B,
        name: { tr: 'Kızılay Zabıtası', en: 'Kizilay police' },
        active: true,
      },
    ],
    webhooks: [
      {
        id: 'kz-webhook',
        hallId: B,
        name: 'Kızılay çağrı merkezi',
        url: 'https://kizilay.example.org/hook?token=kz-token',
        events: ['ticket.issued', 'booking.made'],
        personalData: true,
        // Off: the sweep needs its record, not deliveries to a host that does not exist.
        active: false,
        secret: 'kz-secret-never-shown',
        createdAt: Date.now(),
      },
    ],
    printers: [
      {
        id: 'kz-yazici',
        hallId: B,
        name: 'Kızılay Yazıcısı',
        transport: 'none',
        address: '',
        paperWidth: 80,
        codePage: 13,
      },
    ],
  };
}

/**
 * A body that passes validation, for the routes that address a record of the caller's own hall
 * by its id (that check runs after validation): the request must reach it.
 */
const VALID_BODY: Record<string, object> = {
  'PATCH /services/:serviceId': { targetMinutes: 9 },
  'PATCH /counters/:counterId': { name: 'Ele geçirilen banko' },
  'PATCH /users/:userId': { active: false },
  'PATCH /devices/:deviceId': { name: 'Ele geçirilen cihaz' },
  'PATCH /printers/:printerId': { name: 'Ele geçirilen yazıcı' },
  'PATCH /directorates/:directorateId': { active: false },
  'PUT /services/:serviceId/booking': { ...BOOKABLE_ALL_DAY, enabled: false },
  'PATCH /webhooks/:webhookId': { active: true },
};

type Caller = 'kiosk' | 'display' | 'clerk' | 'manager' | 'admin';
const CALLERS: Caller[] = ['kiosk', 'display', 'clerk', 'manager', 'admin'];

/** What each caller is, for `allows()`: only the kind and the role matter. */
const AS_ACTOR: Record<Caller, Actor> = {
  kiosk: { kind: 'device', device: { kind: 'kiosk' } } as Actor,
  display: { kind: 'device', device: { kind: 'display' } } as Actor,
  clerk: { kind: 'user', user: { role: 'clerk' } as UserRecord, sessionIdHash: '' },
  manager: { kind: 'user', user: { role: 'manager' } as UserRecord, sessionIdHash: '' },
  admin: { kind: 'user', user: { role: 'admin' } as UserRecord, sessionIdHash: '' },
};

describe("hall scope: a user or device of hall A never reaches hall B's data", () => {
  let server: TestServer;
  const headers = {} as Record<Caller, Record<string, string>>;
  /** Hall B's record ids, by the path parameter that names them. */
  const ofB: Record<string, string> = {
    hallId: B,
    counterId: 'kz-banko',
    serviceId: 'kz-vezne',
    printerId: 'kz-yazici',
    directorateId: 'kz-zabita',
    webhookId: 'kz-webhook',
    eventId: `${B}.b.1`,
  };
  /** Strings only hall B's data contains. */
  const markers = ['Kızılay', 'Kizilay', B, 'kz-'];
  let ticketCodeOfB = '';

  /** Everything of hall B that a change could touch. */
  const snapshotOfB = () => {
    const d = server.app.configStore.read();
    const mine = <T extends { hallId: string }>(list: T[] = []) =>
      list.filter((x) => x.hallId === B);
    const queue = server.app.queues.hall(B)!;
    return JSON.stringify({
      hall: d.halls.find((h) => h.id === B),
      services: mine(d.services),
      counters: mine(d.counters),
      directorates: mine(d.directorates),
      printers: mine(d.printers),
      webhooks: mine(d.webhooks),
      users: mine(d.users),
      devices: mine(d.devices).map(({ lastSeenAt: _s, ...x }) => x),
      rev: queue.state.rev,
      bookings: [...server.app.bookings.book(B)!.state.bookings.values()],
    });
  };

  beforeAll(async () => {
    server = await startTestServer({ config: twoHalls });
    headers.kiosk = { Authorization: `Bearer ${server.kioskKey}` };
    headers.display = { Authorization: `Bearer ${server.displayKey}` };
    for (const role of ['clerk', 'manager', 'admin'] as const)
      headers[role] = { Cookie: (await signedIn(server, role)).cookie };
    const now = Date.now();
    ofB.userId = (
      await addUser(server.app.configStore, { username: 'kzmemur', role: 'clerk', hallId: B }, now)
    ).id;
    ofB.deviceId = (
      await addDevice(
        server.app.configStore,
        { kind: 'kiosk', hallId: B, name: 'Kızılay kiosk' },
        now,
      )
    ).id;
    markers.push(ofB.userId, ofB.deviceId, 'kzmemur');
    // Hall B has a visitor waiting, so its queue has something to leak.
    const issued = await server.app.queues.issue(B, {
      serviceId: 'kz-vezne',
      priority: null,
      lang: 'tr',
    });
    if (!issued.ok) throw new Error(issued.error.message);
    ticketCodeOfB = issued.value.code;
    markers.push(ticketCodeOfB);
    // And a visitor has booked, so its appointments have something to leak.
    const days = server.app.bookings.days(B, 'kz-vezne');
    if (!days.ok) throw new Error(days.error.message);
    let made = false;
    for (const { day, closed } of days.value.days) {
      const slots = closed === null ? server.app.bookings.slots(B, 'kz-vezne', day) : null;
      const time = slots?.ok ? slots.value.slots[0]?.time : undefined;
      if (time === undefined) continue;
      const booked = await server.app.bookings.make(B, {
        serviceId: 'kz-vezne',
        day,
        time,
        name: 'Kızılay Randevulusu',
        phone: null,
        lang: 'tr',
        madeBy: 'staff',
        address: '127.0.0.1',
      });
      if (!booked.ok) throw new Error(booked.error.message);
      const row = server.app.bookings.staffList(B, day);
      if (!row.ok) throw new Error(row.error.message);
      ofB.bookingId = row.value[0]!.id;
      markers.push(ofB.bookingId, booked.value.code, booked.value.checkInCode);
      made = true;
      break;
    }
    if (!made) throw new Error('hall B has no slot to book');
  });
  afterAll(async () => {
    await server.dispose();
  });

  it('when the route table is walked, then every route declares a hall scope that fits its path', () => {
    const routes: RouteDef[] = server.app.routes;
    for (const r of routes) {
      const where = `${r.method.toUpperCase()} ${r.path}`;
      expect(['path', 'counter', 'own', 'none'], where).toContain(r.hall);
      if (r.path.includes(':hallId')) expect(r.hall, where).toBe('path');
      if (r.hall === 'path') expect(r.path, where).toContain(':hallId');
      if (r.hall === 'counter') expect(r.path, where).toContain(':counterId');
    }
    // The scoped routes this suite drives are most of the table, not a handful.
    expect(routes.filter((r) => r.hall !== 'none').length).toBeGreaterThan(30);
  });

  it('when the OpenAPI document is read, then each operation names its hall scope', async () => {
    const doc = (await request(server.app.app).get('/api/docs')).body as {
      paths: Record<string, Record<string, { 'x-hall-scope': string; description: string }>>;
    };
    expect(doc.paths['/api/halls/{hallId}/queue']!.get).toMatchObject({
      'x-hall-scope': 'path',
      description: expect.stringContaining('403'),
    });
    expect(doc.paths['/api/stats']!.get!['x-hall-scope']).toBe('own');
  });

  // Every scoped route × every hall A caller its access allows, from the live route table: a
  // route added later is covered without a line here.
  const cases = () =>
    server.app.routes
      .filter((r) => r.hall !== 'none')
      .flatMap((r) =>
        CALLERS.filter((c) => allows(r.access, AS_ACTOR[c])).map((c) => [r, c] as const),
      );

  it("when every scoped route is called by every allowed caller of hall A with hall B's ids, then 403/404 and nothing of hall B", async () => {
    const before = snapshotOfB();
    const all = cases();
    expect(all.length).toBeGreaterThan(60);
    for (const [r, caller] of all) {
      const key = `${r.method.toUpperCase()} ${r.path}`;
      const where = `${key} as ${caller}`;
      const sent: string[] = [];
      const path = r.path.replace(/:(\w+)/g, (_m, name: string) => {
        const value = ofB[name];
        if (value === undefined) throw new Error(`${where}: no hall B value for :${name}`);
        sent.push(value);
        return value;
      });
      const call = request(server.app.app)[r.method](`/api${path}`).set(headers[caller]);
      // Empty bodies where they pass: a hall check that ran after validation would answer 400.
      const res = await (r.method === 'get' ? call : call.send(VALID_BODY[key] ?? {}));
      if (r.hall === 'path' || r.hall === 'counter') {
        expect(res.status, `${where}: ${res.text}`).toBe(403);
        expect(res.body.error.code, where).toBe('forbidden');
      } else if (sent.length > 0) {
        if (res.status === 400) throw new Error(`${where}: add a valid body to VALID_BODY`);
        expect([403, 404], `${where}: ${res.status} ${res.text}`).toContain(res.status);
      }
      // The reply may repeat the id the caller sent, and nothing else of hall B.
      let text = res.text ?? '';
      for (const s of sent) text = text.split(s).join('');
      for (const m of markers) expect(text, `${where} leaks ${m}`).not.toContain(m);
    }
    expect(snapshotOfB()).toBe(before);
  });

  it("when hall A's staff name hall B's printer, then it answers as unknown, never with a check of its own (no oracle of another hall's ids)", async () => {
    const json = { 'Content-Type': 'application/json', Origin: server.url };
    const patch = await request(server.app.app)
      .patch('/api/printers/kz-yazici')
      .set({ ...headers.admin, ...json })
      .send({ transport: 'tcp', address: '127.0.0.1:9100' });
    expect(patch.status, patch.text).toBe(404);
    expect(patch.body.error.code).toBe('not-found');
    const test = await request(server.app.app)
      .post('/api/printers/kz-yazici/test')
      .set({ ...headers.manager, ...json })
      .send({});
    expect(test.status, test.text).toBe(404);
    expect(test.body.error.code).toBe('not-found');
  });

  it("when hall B's own clerk asks, then the same routes answer (the refusals above are about the hall)", async () => {
    const { agent } = await signedIn(server, 'clerk');
    // A clerk of hall A is refused hall B's queue; hall A's own queue answers.
    expect((await agent.get(`/api/halls/${A}/queue`)).status).toBe(200);
    const user = await addUser(
      server.app.configStore,
      { username: 'kzclerk', role: 'clerk', hallId: B, password: 'kizilay-parola-1' },
      Date.now(),
    );
    const b = request.agent(server.app.app).type('application/json');
    const login = await b
      .post('/api/auth/login')
      .send({ username: 'kzclerk', password: user.password });
    expect(login.status).toBe(200);
    const res = await b.get(`/api/halls/${B}/queue`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('kz-vezne');
  });
});
