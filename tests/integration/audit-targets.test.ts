import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntryView, PairedDevice } from '../../contract/settings.js';
import { signedIn } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe('audit entries name what they changed', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.dispose();
    server = undefined;
  });

  it('when an admin adds a device and resets a password, then the log names the device and the user, ids aside', async () => {
    server = await startTestServer();
    const { agent } = await signedIn(server, 'admin');
    const clerk = await server.addUser('clerk');
    const created = await agent.post('/api/devices').send({ kind: 'display', name: 'Salon TV' });
    expect(created.status).toBe(201);
    const { device } = created.body as PairedDevice;
    expect((await agent.post(`/api/users/${clerk.id}/reset-password`).send({})).status).toBe(200);

    const audit = (await agent.get('/api/audit')).body as AuditEntryView[];

    expect(audit.find((e) => e.action === 'device.create')).toMatchObject({
      targetId: device.id,
      targetName: 'Salon TV',
    });
    expect(audit.find((e) => e.action === 'user.reset-password')).toMatchObject({
      targetId: clerk.id,
      targetName: clerk.username,
    });
  });

  it('when entries were written before targets were stored, then their targets are read from the detail', async () => {
    server = await startTestServer();
    const { agent, user } = await signedIn(server, 'admin');
    const displayId = server.app.configStore.read().devices.find((d) => d.kind === 'display')!.id;
    await server.app.configStore.update((draft) => {
      draft.audit.push(
        {
          at: 1,
          userId: user.id,
          action: 'device.update',
          detail: `display ${displayId}: name 'A' → 'Test display'`,
        },
        {
          at: 2,
          userId: user.id,
          action: 'service.update',
          detail: 'service V: targetMinutes 5 → 6',
        },
        {
          at: 3,
          userId: user.id,
          action: 'printer.update',
          detail: "printer 'Giriş yazıcısı': paperWidth 58 → 80",
        },
      );
    });

    const audit = (await agent.get('/api/audit')).body as AuditEntryView[];
    const of = (action: string) => audit.find((e) => e.action === action)!;

    expect(of('device.update')).toMatchObject({ targetId: displayId, targetName: 'Test display' });
    expect(of('service.update')).toMatchObject({ targetName: 'Vezne' });
    expect(of('printer.update').targetName).toBe('Giriş yazıcısı');
  });
});
