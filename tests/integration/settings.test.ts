import { readFile } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { DisplaySnapshot, StaffSnapshot } from '../../contract/api.js';
import type {
  AuditEntryView,
  PairedDevice,
  SettingsView,
  UserWithPassword,
} from '../../contract/settings.js';
import { localDay } from '../../server/src/domain/index.js';
import { AUDIT_LIMIT } from '../../server/src/http/settings-support.js';
import { defaultConfig } from '../../server/src/config/default-config.js';
import { kiosk, signedIn } from '../support/http.js';
import { connect, next, until, type DisplayClient, type StaffClient } from '../support/sockets.js';
import { serverPerTest } from '../support/server-per-test.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe('settings (admin)', () => {
  let server: TestServer;
  const track = serverPerTest({ set: (s) => (server = s), get: () => server });
  const config = () => server.app.configStore.read();
  const configFile = () => readFile(path.join(server.dataDir, 'config.json'), 'utf8');
  /** Runs `act` and checks that neither the live configuration nor the file changed. */
  const expectNothingStored = async (act: () => Promise<void>) => {
    const [before, file] = [JSON.stringify(config()), await configFile()];
    await act();
    expect(JSON.stringify(config())).toBe(before);
    expect(await configFile()).toBe(file);
  };

  describe('overview and hall', () => {
    it('when an admin reads the settings, then everything of the hall comes without any hash', async () => {
      const { agent, user } = await signedIn(server, 'admin');
      const res = await agent.get('/api/settings');
      expect(res.status).toBe(200);
      const body = res.body as SettingsView;
      expect(body.hall).toMatchObject({ id: 'cankaya', noteRetentionDays: 90 });
      expect(body.services.map((s) => s.prefix)).toEqual(['V', 'R', 'M', 'İ', 'D', 'E']);
      expect(body.counters).toHaveLength(6);
      expect(body.devices.map((d) => d.kind).sort()).toEqual(['display', 'kiosk']);
      expect(body.users.find((u) => u.id === user.id)).toEqual({
        id: user.id,
        username: user.username,
        displayName: user.username,
        role: 'admin',
        active: true,
        createdAt: expect.any(Number),
      });
      expect(JSON.stringify(body)).not.toMatch(/passwordHash|keyHash|scrypt\$/);
    });

    it('when an admin changes the hall settings, then they are stored, canonical and audited', async () => {
      const { agent, user } = await signedIn(server, 'admin');
      const res = await agent.patch('/api/halls/cankaya').send({
        name: 'Hoş Geldiniz',
        timeZone: 'asia/baghdad', // UTC+3 all year, like Istanbul: the same date at any time
        priorityRatio: 3,
        escalationMinutes: 45,
        noShowGraceMinutes: 0,
        noteRetentionDays: 30,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ timeZone: 'Asia/Baghdad', noteRetentionDays: 30 });
      expect(config().halls[0]).toMatchObject({
        name: 'Hoş Geldiniz',
        timeZone: 'Asia/Baghdad',
        priorityRatio: 3,
        escalationMinutes: 45,
        noShowGraceMinutes: 0,
        noteRetentionDays: 30,
      });
      expect(config().audit.at(-1)).toMatchObject({ userId: user.id, action: 'hall.update' });
      expect(config().audit.at(-1)!.detail).toContain('priorityRatio 2 → 3');
    });

    it.each([
      [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ timeZone: '+03:00' }, 'timeZone'],
      [{ priorityRatio: 11 }, 'priorityRatio'],
      [{ priorityRatio: 1.5 }, 'priorityRatio'],
      [{ escalationMinutes: 0 }, 'escalationMinutes'],
      [{ noShowGraceMinutes: 61 }, 'noShowGraceMinutes'],
      [{ noteRetentionDays: 0 }, 'noteRetentionDays'],
      [{ noteRetentionDays: 3651 }, 'noteRetentionDays'],
      [{ name: ' ' }, 'name'],
      [{ colour: 'red' }, 'colour'],
      [{}, 'body'],
    ])(
      'when the hall patch is %j, then 400 names %s and nothing is stored',
      async (body, field) => {
        const { agent } = await signedIn(server, 'admin');
        await expectNothingStored(async () => {
          const res = await agent.patch('/api/halls/cankaya').send(body);
          expect(res.status).toBe(400);
          expect(res.body.error).toMatchObject({ code: 'validation', field });
        });
      },
    );

    it('when a new time zone would put the hall on another date now, then it is refused', async () => {
      const { agent } = await signedIn(server, 'admin');
      const today = localDay(Date.now(), 'Europe/Istanbul');
      // UTC+14 and UTC−11: at any moment one of them is on another date than Istanbul.
      const zone = ['Pacific/Kiritimati', 'Pacific/Pago_Pago'].find(
        (z) => localDay(Date.now(), z) !== today,
      )!;
      await expectNothingStored(async () => {
        const res = await agent.patch('/api/halls/cankaya').send({ timeZone: zone });
        expect(res.status).toBe(409);
        expect(res.body.error).toMatchObject({ code: 'conflict', field: 'timeZone' });
      });
    });

    it("when an admin patches another hall, then 403 and that hall's services are out of reach", async () => {
      const base = defaultConfig();
      const other = { ...base.halls[0]!, id: 'kizilay', name: 'Kızılay' };
      await server.dispose();
      server = await startTestServer({
        config: () => ({
          ...base,
          halls: [...base.halls, other],
          services: [...base.services, { ...base.services[0]!, id: 'k-vezne', hallId: 'kizilay' }],
        }),
      });
      const { agent } = await signedIn(server, 'admin');
      expect((await agent.patch('/api/halls/kizilay').send({ name: 'X' })).status).toBe(403);
      const res = await agent.patch('/api/services/k-vezne').send({ targetMinutes: 9 });
      expect(res.status).toBe(404);
      expect((await agent.get('/api/settings')).body.services).toHaveLength(6);
    });
  });

  describe('services', () => {
    it('when an admin adds a service, then the kiosk lists it and issues its numbers', async () => {
      const { agent } = await signedIn(server, 'admin');
      const res = await agent.post('/api/services').send({
        name: { tr: 'Nikâh', en: 'Marriage' },
        prefix: 'N',
        targetMinutes: 10,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({ hallId: 'cankaya', prefix: 'N', active: true });
      const list = await request(server.app.app).get('/api/halls/cankaya/services');
      expect(list.body.map((s: { prefix: string }) => s.prefix)).toContain('N');
      const ticket = await kiosk(server).issue(res.body.id);
      expect(ticket.status).toBe(201);
      expect(ticket.body.number).toBe('N001');
    });

    it.each([
      [{ prefix: 'v' }, 'prefix'],
      [{ prefix: 'ABC' }, 'prefix'],
      [{ prefix: '1' }, 'prefix'],
      [{ name: { tr: '', en: 'X' } }, 'name.tr'],
      [{ name: { tr: 'X', en: 'a'.repeat(61) } }, 'name.en'],
      [{ name: { tr: 'X\u202e', en: 'X' } }, 'name.tr'],
      [{ targetMinutes: 0 }, 'targetMinutes'],
      [{ targetMinutes: 121 }, 'targetMinutes'],
      [{ active: 'yes' }, 'active'],
    ])(
      'when a new service has %j, then 400 names %s and nothing is stored',
      async (patch, field) => {
        const { agent } = await signedIn(server, 'admin');
        const body = { name: { tr: 'Yeni', en: 'New' }, prefix: 'Y', targetMinutes: 5, ...patch };
        await expectNothingStored(async () => {
          const res = await agent.post('/api/services').send(body);
          expect(res.status).toBe(400);
          expect(res.body.error).toMatchObject({ code: 'validation', field });
        });
      },
    );

    it('when a prefix is taken in the hall, then adding or changing to it is a 409 conflict', async () => {
      const { agent } = await signedIn(server, 'admin');
      await expectNothingStored(async () => {
        const created = await agent
          .post('/api/services')
          .send({ name: { tr: 'A', en: 'A' }, prefix: 'İ', targetMinutes: 4 });
        expect(created.status).toBe(409);
        expect(created.body.error).toMatchObject({ code: 'conflict', field: 'prefix' });
        const changed = await agent.patch('/api/services/ruhsat').send({ prefix: 'V' });
        expect(changed.status).toBe(409);
      });
    });

    it('when a prefix is on a ticket issued today, then no other service may take it today', async () => {
      const { agent } = await signedIn(server, 'admin');
      expect((await kiosk(server).issue('vezne')).body.number).toBe('V001');
      expect((await agent.patch('/api/services/vezne').send({ prefix: 'X' })).status).toBe(200);
      const res = await agent.patch('/api/services/ruhsat').send({ prefix: 'V' });
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'conflict', field: 'prefix' });
      expect((await kiosk(server).issue('vezne')).body.number).toBe('X002');
    });

    it('when a service is deactivated, then the kiosk can no longer issue for it', async () => {
      const { agent } = await signedIn(server, 'admin');
      const res = await agent.patch('/api/services/vezne').send({ active: false });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: 'vezne', active: false });
      expect((await kiosk(server).issue('vezne')).body.error.code).toBe('service-inactive');
    });

    it('when a service changes, then a connected display gets a fresh snapshot with it', async () => {
      const display = track(
        connect<DisplayClient>(server.url, '/display', { auth: { key: server.displayKey } }),
      );
      await next<DisplaySnapshot>(display, 'queue:snapshot');
      const { agent } = await signedIn(server, 'admin');
      const fresh = next<DisplaySnapshot>(display, 'queue:snapshot');
      await agent.patch('/api/services/vezne').send({ name: { tr: 'Kasa', en: 'Till' } });
      const snapshot = await fresh;
      expect(snapshot.services.find((s) => s.id === 'vezne')!.name).toEqual({
        tr: 'Kasa',
        en: 'Till',
      });
    });
  });

  describe('counters', () => {
    it('when an admin adds a counter, then staff snapshots show it with its coverage', async () => {
      const { agent } = await signedIn(server, 'admin');
      const res = await agent.post('/api/counters').send({
        number: 7,
        name: 'Banko 7',
        services: [
          { serviceId: 'vezne', weight: 2 },
          { serviceId: 'ruhsat', weight: 0.5 },
        ],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const queue = (await agent.get('/api/halls/cankaya/queue')).body as StaffSnapshot;
      expect(queue.counters.find((c) => c.number === 7)).toMatchObject({
        id: res.body.id,
        status: 'closed',
        services: [
          { serviceId: 'vezne', weight: 2 },
          { serviceId: 'ruhsat', weight: 0.5 },
        ],
      });
    });

    it.each([
      [{ number: 1 }, 409, 'number'],
      [{ number: 0 }, 400, 'number'],
      [{ services: [] }, 400, 'services'],
      [{ services: [{ serviceId: 'nope', weight: 1 }] }, 400, 'services.0.serviceId'],
      [{ services: [{ serviceId: 'vezne', weight: 0 }] }, 400, 'services.0.weight'],
      [{ services: [{ serviceId: 'vezne', weight: 11 }] }, 400, 'services.0.weight'],
      [
        {
          services: [
            { serviceId: 'vezne', weight: 1 },
            { serviceId: 'vezne', weight: 2 },
          ],
        },
        400,
        'services',
      ],
    ])('when a new counter has %j, then %i names %s', async (patch, status, field) => {
      const { agent } = await signedIn(server, 'admin');
      const body = { number: 9, name: 'Banko 9', services: [{ serviceId: 'vezne', weight: 1 }] };
      await expectNothingStored(async () => {
        const res = await agent.post('/api/counters').send({ ...body, ...patch });
        expect(res.status).toBe(status);
        expect(res.body.error.field).toBe(field);
      });
    });

    it('when coverage changes during a visit, then the visit goes on, and renumbering waits for it', async () => {
      const { agent: admin } = await signedIn(server, 'admin');
      const { agent: clerk } = await signedIn(server, 'clerk');
      await kiosk(server).issue('vezne');
      await clerk.post('/api/counters/banko-3/open').send({});
      await clerk.post('/api/counters/banko-3/call-next').send({});
      await clerk.post('/api/counters/banko-3/start').send({});

      const cover = await admin
        .patch('/api/counters/banko-3')
        .send({ services: [{ serviceId: 'dilekce', weight: 1 }] });
      expect(cover.status).toBe(200);
      const renumber = await admin.patch('/api/counters/banko-3').send({ number: 30 });
      expect(renumber.status).toBe(409);
      expect(renumber.body.error).toMatchObject({ code: 'counter-busy', field: 'number' });

      const done = await clerk.post('/api/counters/banko-3/complete').send({ outcome: 'resolved' });
      expect(done.status, JSON.stringify(done.body)).toBe(200);
      expect(done.body.ticket).toMatchObject({ number: 'V001', status: 'done' });
      expect((await admin.patch('/api/counters/banko-3').send({ number: 30 })).status).toBe(200);
    });
  });

  describe('users', () => {
    it('when an admin adds a user, then the one-time password signs them in', async () => {
      const { agent } = await signedIn(server, 'admin');
      const res = await agent
        .post('/api/users')
        .send({ username: 'Ayse.Y', displayName: 'Ayşe Yılmaz', role: 'clerk' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const body = res.body as UserWithPassword;
      expect(body.user).toMatchObject({ username: 'ayse.y', role: 'clerk', active: true });
      expect(JSON.stringify(body)).not.toContain('scrypt');
      const login = await request(server.app.app)
        .post('/api/auth/login')
        .send({ username: 'ayse.y', password: body.password });
      expect(login.status).toBe(200);
      expect(JSON.stringify(config().audit)).not.toContain(body.password);
    });

    it.each([
      [{ username: 'a b' }, 400, 'username'],
      [{ username: 'x' }, 400, 'username'],
      [{ role: 'root' }, 400, 'role'],
      [{ displayName: '' }, 400, 'displayName'],
    ])('when a new user has %j, then %i names %s', async (patch, status, field) => {
      const { agent } = await signedIn(server, 'admin');
      const body = { username: 'mehmet', displayName: 'Mehmet', role: 'clerk', ...patch };
      await expectNothingStored(async () => {
        const res = await agent.post('/api/users').send(body);
        expect(res.status).toBe(status);
        expect(res.body.error.field).toBe(field);
      });
    });

    it('when a user name is taken, then adding it again is a 409 conflict', async () => {
      const { agent, user } = await signedIn(server, 'admin');
      await expectNothingStored(async () => {
        const res = await agent
          .post('/api/users')
          .send({ username: ` ${user.username} `, displayName: 'X', role: 'clerk' });
        expect(res.status).toBe(409);
        expect(res.body.error).toMatchObject({ code: 'conflict', field: 'username' });
      });
    });

    it('when a password is reset, then only the new one works and old sessions end', async () => {
      const { agent: admin } = await signedIn(server, 'admin');
      const clerk = await signedIn(server, 'clerk');
      const res = await admin.post(`/api/users/${clerk.user.id}/reset-password`).send({});
      expect(res.status).toBe(200);
      const { password } = res.body as UserWithPassword;
      expect((await clerk.agent.get('/api/halls/cankaya/queue')).status).toBe(401);
      const login = (pw: string) =>
        request(server.app.app)
          .post('/api/auth/login')
          .send({ username: clerk.user.username, password: pw });
      expect((await login(clerk.user.password)).status).toBe(401);
      expect((await login(password)).status).toBe(200);
    });

    it('when an admin resets their own password, then they stay signed in to read it', async () => {
      const { agent, user } = await signedIn(server, 'admin');
      const res = await agent.post(`/api/users/${user.id}/reset-password`).send({});
      expect(res.status).toBe(200);
      expect((await agent.get('/api/settings')).status).toBe(200);
    });

    it('when a clerk is deactivated, then their session and live socket end', async () => {
      const { agent: admin } = await signedIn(server, 'admin');
      const clerk = await signedIn(server, 'clerk');
      const socket = track(connect<StaffClient>(server.url, '/counter', { cookie: clerk.cookie }));
      await next<StaffSnapshot>(socket, 'queue:snapshot');
      const expired = next<void>(socket, 'session:expired');
      const res = await admin.patch(`/api/users/${clerk.user.id}`).send({ active: false });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: clerk.user.id, active: false });
      await expired;
      await until(() => !socket.connected);
      expect((await clerk.agent.get('/api/halls/cankaya/queue')).status).toBe(401);
      const login = await request(server.app.app)
        .post('/api/auth/login')
        .send({ username: clerk.user.username, password: clerk.user.password });
      expect(login.status).toBe(401);
    });

    it('when a manager is demoted to clerk, then their session ends and audit is closed to them', async () => {
      const { agent: admin } = await signedIn(server, 'admin');
      const manager = await signedIn(server, 'manager');
      expect((await manager.agent.get('/api/audit')).status).toBe(200);
      const res = await admin.patch(`/api/users/${manager.user.id}`).send({ role: 'clerk' });
      expect(res.status).toBe(200);
      expect((await manager.agent.get('/api/audit')).status).toBe(401);
      const login = request.agent(server.app.app);
      await login
        .post('/api/auth/login')
        .send({ username: manager.user.username, password: manager.user.password });
      expect((await login.get('/api/audit')).status).toBe(403);
    });

    it('when an admin tries to deactivate or demote themselves, then 403 and they stay admin', async () => {
      const { agent, user } = await signedIn(server, 'admin');
      await expectNothingStored(async () => {
        const off = await agent.patch(`/api/users/${user.id}`).send({ active: false });
        expect(off.status).toBe(403);
        expect(off.body.error).toMatchObject({ code: 'forbidden', field: 'active' });
        const demote = await agent.patch(`/api/users/${user.id}`).send({ role: 'manager' });
        expect(demote.status).toBe(403);
        expect(demote.body.error.field).toBe('role');
      });
      expect((await agent.get('/api/settings')).status).toBe(200);
    });
  });

  describe('devices and printers', () => {
    it('when an admin creates a kiosk, then its pairing key issues tickets until it is revoked', async () => {
      const { agent } = await signedIn(server, 'admin');
      const res = await agent.post('/api/devices').send({ kind: 'kiosk', name: 'Giriş kioskı' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const { device, pairingUrl } = res.body as PairedDevice;
      expect(pairingUrl.startsWith(`${server.url}/kiosk#key=`)).toBe(true);
      expect(JSON.stringify(res.body)).not.toContain('keyHash');
      const key = pairingUrl.split('#key=')[1]!;
      const issue = () =>
        request(server.app.app)
          .post('/api/halls/cankaya/tickets')
          .set('Authorization', `Bearer ${key}`)
          .send({ serviceId: 'vezne' });
      expect((await issue()).status).toBe(201);

      const revoked = await agent.post(`/api/devices/${device.id}/revoke`).send({});
      expect(revoked.status).toBe(200);
      expect(revoked.body.revokedAt).toEqual(expect.any(Number));
      expect((await issue()).status).toBe(401);
      expect(JSON.stringify(config().audit)).not.toContain(key);
    });

    it('when a display is revoked, then its live socket is dropped', async () => {
      const { agent } = await signedIn(server, 'admin');
      const res = await agent.post('/api/devices').send({ kind: 'display', name: 'Salon 2' });
      const { device, pairingUrl } = res.body as PairedDevice;
      expect(pairingUrl.startsWith(`${server.url}/display#key=`)).toBe(true);
      const display = track(
        connect<DisplayClient>(server.url, '/display', {
          auth: { key: pairingUrl.split('#key=')[1] },
        }),
      );
      await next<DisplaySnapshot>(display, 'queue:snapshot');
      const gone = next<string>(display, 'disconnect');
      expect((await agent.post(`/api/devices/${device.id}/revoke`).send({})).status).toBe(200);
      expect(await gone).toBe('io server disconnect');
    });

    it("when a kiosk's printer is set, then it must be one of the hall's and only kiosks print", async () => {
      const { agent } = await signedIn(server, 'admin');
      const printer = await agent.post('/api/printers').send({
        name: 'Giriş',
        transport: 'tcp',
        address: '192.168.1.50:9100',
        paperWidth: 80,
        codePage: 13,
      });
      expect(printer.status, JSON.stringify(printer.body)).toBe(201);
      await expectNothingStored(async () => {
        const unknown = await agent
          .post('/api/devices')
          .send({ kind: 'kiosk', name: 'K', printerId: 'nope' });
        expect(unknown.body.error).toMatchObject({ code: 'validation', field: 'printerId' });
        const display = await agent
          .post('/api/devices')
          .send({ kind: 'display', name: 'D', printerId: printer.body.id });
        expect(display.body.error).toMatchObject({ code: 'validation', field: 'printerId' });
      });
      const kioskId = config().devices.find((d) => d.kind === 'kiosk')!.id;
      const linked = await agent
        .patch(`/api/devices/${kioskId}`)
        .send({ printerId: printer.body.id, name: 'Kiosk A' });
      expect(linked.status).toBe(200);
      expect(linked.body).toMatchObject({ printerId: printer.body.id, name: 'Kiosk A' });
    });

    it.each([
      [{ address: '1.2.3.4:70000' }, 'address'],
      [{ address: 'printer:0' }, 'address'],
      [{ address: 'a b' }, 'address'],
      [{ transport: 'device', address: '/dev/../etc/passwd' }, 'address'],
      [{ transport: 'device', address: 'usb/lp0' }, 'address'],
      [{ transport: 'none', address: '10.0.0.1' }, 'address'],
      [{ transport: 'serial' }, 'transport'],
      [{ paperWidth: 57 }, 'paperWidth'],
      [{ codePage: 256 }, 'codePage'],
    ])('when a new printer has %j, then 400 names %s', async (patch, field) => {
      const { agent } = await signedIn(server, 'admin');
      const body = {
        name: 'P',
        transport: 'tcp',
        address: 'kasa-yazici',
        paperWidth: 58,
        codePage: 13,
      };
      await expectNothingStored(async () => {
        const res = await agent.post('/api/printers').send({ ...body, ...patch });
        expect(res.status).toBe(400);
        expect(res.body.error).toMatchObject({ code: 'validation', field });
      });
    });

    it('when a printer changes transport, then the address must fit the new one', async () => {
      const { agent } = await signedIn(server, 'admin');
      const created = await agent.post('/api/printers').send({
        name: 'P',
        transport: 'tcp',
        address: '[fd12::1]:9100',
        paperWidth: 58,
        codePage: 13,
      });
      expect(created.status).toBe(201);
      const url = `/api/printers/${created.body.id}`;
      const bad = await agent.patch(url).send({ transport: 'device' });
      expect(bad.body.error).toMatchObject({ code: 'validation', field: 'address' });
      const good = await agent.patch(url).send({ transport: 'device', address: '/dev/usb/lp0' });
      expect(good.status, JSON.stringify(good.body)).toBe(200);
      expect(good.body).toMatchObject({ transport: 'device', address: '/dev/usb/lp0' });
    });
  });

  describe('access and audit', () => {
    it('when a manager or clerk tries a settings change, then 403 and nothing is stored', async () => {
      const manager = await signedIn(server, 'manager');
      const clerk = await signedIn(server, 'clerk');
      await expectNothingStored(async () => {
        for (const { agent } of [manager, clerk]) {
          expect((await agent.get('/api/settings')).status).toBe(403);
          expect((await agent.patch('/api/services/vezne').send({ active: false })).status).toBe(
            403,
          );
          expect(
            (
              await agent
                .post('/api/users')
                .send({ username: 'x1', displayName: 'X', role: 'admin' })
            ).status,
          ).toBe(403);
        }
      });
      expect((await clerk.agent.get('/api/audit')).status).toBe(403);
    });

    it('when settings change, then the audit log says who changed what, newest first', async () => {
      const { agent, user } = await signedIn(server, 'admin');
      const manager = await signedIn(server, 'manager');
      await agent.patch('/api/services/vezne').send({ targetMinutes: 6 });
      const created = await agent
        .post('/api/users')
        .send({ username: 'zeynep', displayName: 'Zeynep', role: 'clerk' });
      const res = await manager.agent.get('/api/audit?limit=2');
      expect(res.status).toBe(200);
      const entries = res.body as AuditEntryView[];
      expect(entries.map((e) => e.action)).toEqual(['user.create', 'service.update']);
      expect(entries[1]).toMatchObject({
        userId: user.id,
        username: user.username,
        detail: 'service V: targetMinutes 4 → 6',
      });
      expect(entries[0]!.at).toBeGreaterThanOrEqual(entries[1]!.at);
      expect(JSON.stringify(entries)).not.toContain(created.body.password);
      expect((await manager.agent.get('/api/audit?limit=0')).body.error.field).toBe('limit');
    });

    it('when a change would not change anything, then nothing is audited', async () => {
      const { agent } = await signedIn(server, 'admin');
      const res = await agent.patch('/api/services/vezne').send({ targetMinutes: 4 });
      expect(res.status).toBe(200);
      expect(config().audit).toEqual([]);
    });

    it('when the audit log is full, then the oldest entry gives way', async () => {
      await server.dispose();
      const base = defaultConfig();
      const old = Array.from({ length: AUDIT_LIMIT }, (_, i) => ({
        at: i,
        userId: 'someone',
        action: 'service.update',
        detail: `old ${i}`,
      }));
      server = await startTestServer({ config: () => ({ ...base, audit: old }) });
      const { agent } = await signedIn(server, 'admin');
      await agent.patch('/api/services/vezne').send({ targetMinutes: 5 });
      const audit = config().audit;
      expect(audit).toHaveLength(AUDIT_LIMIT);
      expect(audit[0]!.detail).toBe('old 1');
      expect(audit.at(-1)!.detail).toBe('service V: targetMinutes 4 → 5');
    });
  });
});
