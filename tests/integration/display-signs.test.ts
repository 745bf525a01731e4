import { readFile } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { DisplaySnapshot } from '../../contract/api.js';
import type { DeviceSetup, DisplaySigns, PairedDevice } from '../../contract/settings.js';
import { signedIn } from '../support/http.js';
import { connect, next, type DisplayClient } from '../support/sockets.js';
import { serverPerTest } from '../support/server-per-test.js';
import type { TestServer } from '../support/test-server.js';

describe('a display set to one counter (counter-top sign)', () => {
  let server: TestServer;
  const track = serverPerTest({ set: (s) => (server = s), get: () => server });
  const config = () => server.app.configStore.read();
  const configFile = () => readFile(path.join(server.dataDir, 'config.json'), 'utf8');
  const deviceOf = (kind: 'kiosk' | 'display') => config().devices.find((d) => d.kind === kind)!;
  const setupOf = (key: string) =>
    request(server.app.app).get('/api/devices/me').set('Authorization', `Bearer ${key}`);

  it('when a new display is paired, then it shows the whole hall', async () => {
    const res = await setupOf(server.displayKey);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: deviceOf('display').id,
      kind: 'display',
      name: 'Test display',
      signCounterId: null,
    } satisfies DeviceSetup);
  });

  it('when an admin sets a display to a counter, then the display learns it, the list shows it and the audit names it', async () => {
    const { agent } = await signedIn(server, 'admin');
    const display = deviceOf('display');
    const res = await agent.patch(`/api/devices/${display.id}`).send({ signCounterId: 'banko-3' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await setupOf(server.displayKey)).body.signCounterId).toBe('banko-3');
    const signs = (await agent.get('/api/devices/signs')).body as DisplaySigns;
    expect(signs.signs).toEqual([{ deviceId: display.id, counterId: 'banko-3' }]);
    expect(signs.counters.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(signs.counters[2]).toEqual({ id: 'banko-3', number: 3, name: 'Banko 3' });
    expect(
      JSON.parse(await configFile()).devices.find((d: { id: string }) => d.id === display.id),
    ).toMatchObject({ signCounterId: 'banko-3' });
    const audit = config().audit.at(-1)!;
    expect(audit).toMatchObject({ action: 'device.update', targetId: display.id });
    expect(audit.detail).toContain("signCounterId null → 'banko-3'");

    // Back to the whole hall.
    expect(
      (await agent.patch(`/api/devices/${display.id}`).send({ signCounterId: null })).status,
    ).toBe(200);
    expect((await setupOf(server.displayKey)).body.signCounterId).toBeNull();
    expect(((await agent.get('/api/devices/signs')).body as DisplaySigns).signs).toEqual([]);
  });

  it('when the counter is unknown, of another hall, or the device a kiosk, then it is refused and nothing changes', async () => {
    const { agent } = await signedIn(server, 'admin');
    await server.app.configStore.update((draft) => {
      draft.halls.push({ ...draft.halls[0]!, id: 'kecioren', name: 'Keçiören' });
      draft.counters.push({ ...draft.counters[0]!, id: 'kecioren-1', hallId: 'kecioren' });
    });
    const before = [JSON.stringify(config()), await configFile()];
    const display = deviceOf('display').id;
    for (const [id, body] of [
      [display, { signCounterId: 'banko-99' }],
      [display, { signCounterId: 'kecioren-1' }],
      [deviceOf('kiosk').id, { signCounterId: 'banko-1' }],
      [display, { signCounterId: 7 }],
      [display, { signCounterId: '' }],
    ] as const) {
      const res = await agent.patch(`/api/devices/${id}`).send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'validation', field: 'signCounterId' });
    }
    const kiosk = await agent
      .post('/api/devices')
      .send({ kind: 'kiosk', name: 'K', signCounterId: 'banko-1' });
    expect(kiosk.body.error).toMatchObject({ code: 'validation', field: 'signCounterId' });
    expect([JSON.stringify(config()), await configFile()]).toEqual(before);
  });

  it('when a display is created as a sign, then its key reads that counter', async () => {
    const { agent } = await signedIn(server, 'admin');
    const res = await agent
      .post('/api/devices')
      .send({ kind: 'display', name: 'Banko 2 üstü', signCounterId: 'banko-2' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const key = (res.body as PairedDevice).pairingUrl.split('#key=')[1]!;
    expect((await setupOf(key)).body).toMatchObject({ signCounterId: 'banko-2' });
  });

  it("when a running display's setting changes, then its live connection is restarted so it reads the new one; a rename leaves it alone", async () => {
    const { agent } = await signedIn(server, 'admin');
    const display = deviceOf('display').id;
    const socket = track(
      connect<DisplayClient>(server.url, '/display', { auth: { key: server.displayKey } }),
    );
    await next<DisplaySnapshot>(socket, 'queue:snapshot');
    let dropped = false;
    socket.on('disconnect', () => (dropped = true));
    expect((await agent.patch(`/api/devices/${display}`).send({ name: 'Salon TV' })).status).toBe(
      200,
    );
    // Still the same connection after the rename: it answers on it.
    const resync = await socket.timeout(2000).emitWithAck('queue:resync');
    expect(resync.ok).toBe(true);
    expect(dropped).toBe(false);
    const gone = next<string>(socket, 'disconnect');
    expect(
      (await agent.patch(`/api/devices/${display}`).send({ signCounterId: 'banko-1' })).status,
    ).toBe(200);
    expect(await gone).toBe('io server disconnect');
  });

  it('when staff or nobody asks for a device setup, then it is refused', async () => {
    const { agent } = await signedIn(server, 'admin');
    expect((await agent.get('/api/devices/me')).status).toBe(403);
    expect((await request(server.app.app).get('/api/devices/me')).status).toBe(401);
    expect((await setupOf('not-a-key')).status).toBe(401);
  });
});
