import { existsSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_LIMITS } from '../../contract/webhooks.js';
import { addUser } from '../../server/src/auth/users.js';
import type { ConfigData } from '../../server/src/config/config-data.js';
import { defaultConfig } from '../../server/src/config/default-config.js';
import { parseWebhookAllowList } from '../../server/src/webhooks/webhook-address-policy.js';
import { kiosk, signedIn } from '../support/http.js';
import {
  signatureValid,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../support/webhook-receiver.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const A = 'cankaya';
const B = 'kizilay';

/** Hall A (the default) and a second hall B with its own admin. */
function twoHalls(): ConfigData {
  const base = defaultConfig();
  return { ...base, halls: [...base.halls, { ...base.halls[0]!, id: B, name: 'Kızılay' }] };
}

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('webhooks API (Ayarlar → Entegrasyonlar)', () => {
  let server: TestServer;
  let hook: WebhookReceiver;
  let admin: Awaited<ReturnType<typeof signedIn>>['agent'];
  let manager: Awaited<ReturnType<typeof signedIn>>['agent'];
  let clerk: Awaited<ReturnType<typeof signedIn>>['agent'];
  let adminOfB: ReturnType<typeof request.agent>;

  const config = () => server.app.configStore.read();
  const webhooksOf = (hallId: string) =>
    (config().webhooks ?? []).filter((w) => w.hallId === hallId);
  const create = (body: object) => admin.post('/api/webhooks').send(body);
  const valid = (extra: object = {}) => ({
    name: 'Çağrı merkezi',
    url: hook.url,
    events: ['ticket.issued', 'ticket.completed'],
    ...extra,
  });

  beforeAll(async () => {
    hook = await startWebhookReceiver();
    server = await startTestServer({
      config: twoHalls,
      webhooks: { allow: parseWebhookAllowList('127.0.0.1') },
    });
    admin = (await signedIn(server, 'admin')).agent;
    manager = (await signedIn(server, 'manager')).agent;
    clerk = (await signedIn(server, 'clerk')).agent;
    const b = await addUser(
      server.app.configStore,
      { username: 'kzadmin', role: 'admin', hallId: B, password: 'kizilay-parola-1' },
      Date.now(),
    );
    adminOfB = request.agent(server.app.app).type('application/json');
    const login = await adminOfB
      .post('/api/auth/login')
      .send({ username: 'kzadmin', password: b.password });
    expect(login.status).toBe(200);
  });
  afterAll(async () => {
    await server.dispose();
    await hook.close();
  });

  it('when an admin adds an endpoint, then the secret comes once in the reply and never again (list, deliveries, audit, settings)', async () => {
    const res = await create(valid({ name: 'Gizli anahtar ucu' }));
    expect(res.status, res.text).toBe(201);
    const { webhook, secret } = res.body as { webhook: { id: string }; secret: string };
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.body.webhook).not.toHaveProperty('secret');
    expect(res.body.webhook).toMatchObject({
      hallId: A,
      name: 'Gizli anahtar ucu',
      url: hook.url,
      personalData: false,
      active: true,
      status: { state: 'idle' },
    });
    expect(webhooksOf(A).find((w) => w.id === webhook.id)?.secret).toBe(secret);

    const reads = [
      await manager.get('/api/webhooks'),
      await admin.get('/api/webhooks'),
      await manager.get(`/api/webhooks/${webhook.id}/deliveries`),
      await manager.get('/api/audit'),
      await admin.get('/api/settings'),
    ];
    for (const r of reads) {
      expect(r.status, r.text).toBe(200);
      expect(r.text).not.toContain(secret);
    }
    expect(reads[0]!.body.map((w: { id: string }) => w.id)).toContain(webhook.id);

    const rotated = await admin.post(`/api/webhooks/${webhook.id}/secret`).send({});
    expect(rotated.status, rotated.text).toBe(200);
    expect(rotated.body.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(rotated.body.secret).not.toBe(secret);
    expect(webhooksOf(A).find((w) => w.id === webhook.id)?.secret).toBe(rotated.body.secret);
    const audit = await manager.get('/api/audit');
    expect(audit.text).not.toContain(rotated.body.secret);
    expect(audit.text).toContain("Webhook 'Gizli anahtar ucu': imza anahtarı yenilendi");
  });

  it('when the URL carries an API key in its query, then a manager sees it masked and the admin in full', async () => {
    const url = `${hook.url}?apikey=SECRET-sms-key&from=BELEDIYE`;
    const made = await create(valid({ name: 'SMS ağ geçidi', url }));
    expect(made.status, made.text).toBe(201);
    expect(made.body.webhook.url).toBe(url);
    const id = made.body.webhook.id as string;
    const managers = await manager.get('/api/webhooks');
    expect(managers.status, managers.text).toBe(200);
    expect(managers.text).not.toContain('SECRET-sms-key');
    expect(managers.body.find((w: { id: string }) => w.id === id).url).toBe(`${hook.url}?…`);
    const admins = await admin.get('/api/webhooks');
    expect(admins.body.find((w: { id: string }) => w.id === id).url).toBe(url);
    expect((await admin.delete(`/api/webhooks/${id}`).send({})).status).toBe(204);
  });

  it('when a clerk calls any webhook route, then it is refused; a manager only reads; nothing changes', async () => {
    const id = (await create(valid({ name: 'Roller' }))).body.webhook.id as string;
    const before = JSON.stringify(config().webhooks);
    const changes = (agent: typeof admin) => [
      agent.post('/api/webhooks').send(valid({ name: 'Yetkisiz' })),
      agent.patch(`/api/webhooks/${id}`).send({ name: 'Yetkisiz' }),
      agent.delete(`/api/webhooks/${id}`).send({}),
      agent.post(`/api/webhooks/${id}/secret`).send({}),
      agent.post(`/api/webhooks/${id}/test`).send({}),
      agent.post(`/api/webhooks/${id}/retry`).send({}),
      agent.post(`/api/webhooks/${id}/deliveries/${A}.b.1/resend`).send({}),
    ];
    const reads = (agent: typeof admin) => [
      agent.get('/api/webhooks'),
      agent.get(`/api/webhooks/${id}/deliveries`),
    ];
    for (const r of await Promise.all([...changes(clerk), ...reads(clerk), ...changes(manager)]))
      expect(r.status, r.text).toBe(403);
    for (const r of await Promise.all(reads(manager))) expect(r.status, r.text).toBe(200);
    expect(JSON.stringify(config().webhooks)).toBe(before);
    expect(hook.got.filter((g) => g.body.includes('webhook.test'))).toEqual([]);
  });

  it('when a body is wrong, then 400 names the field and nothing is saved', async () => {
    const id = (await create(valid({ name: 'Doğrulama' }))).body.webhook.id as string;
    const before = JSON.stringify(config());
    const cases: Array<[object, string]> = [
      [valid({ name: '' }), 'name'],
      [valid({ url: 'ftp://files.example.org/in' }), 'url'],
      [valid({ url: 'https://user:pw@crm.example.org/hook' }), 'url'],
      [valid({ events: [] }), 'events'],
      [valid({ events: ['ticket.nope'] }), 'events.0'],
      [valid({ secret: 'mine' }), 'secret'],
      [valid({ personalData: 'yes' }), 'personalData'],
    ];
    for (const [body, field] of cases) {
      const res = await create(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.field, JSON.stringify(body)).toBe(field);
    }
    const patches: Array<[object, string | undefined]> = [
      [{ url: 'javascript:alert(1)' }, 'url'],
      [{ events: [] }, 'events'],
      [{ active: 'no' }, 'active'],
    ];
    for (const [body, field] of patches) {
      const res = await admin.patch(`/api/webhooks/${id}`).send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.field).toBe(field);
    }
    expect((await admin.patch(`/api/webhooks/${id}`).send({})).status).toBe(400);
    expect(JSON.stringify(config())).toBe(before);
  });

  it('when the URL leads to loopback not on WEBHOOK_ALLOW, or to link-local/metadata, then 400 names url and nothing is saved', async () => {
    const id = (await create(valid({ name: 'Adres kuralı' }))).body.webhook.id as string;
    const before = JSON.stringify(config());
    for (const url of [
      hook.url.replace('127.0.0.1', '127.0.0.2'),
      'http://localhost:9/hook',
      'http://[::1]:9/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://0.0.0.0/hook',
    ]) {
      const made = await create(valid({ url }));
      expect(made.status, `${url}: ${made.text}`).toBe(400);
      expect(made.body.error.field).toBe('url');
      const moved = await admin.patch(`/api/webhooks/${id}`).send({ url });
      expect(moved.status, `${url}: ${moved.text}`).toBe(400);
      expect(moved.body.error.field).toBe('url');
    }
    expect(JSON.stringify(config())).toBe(before);
  });

  it('when a hall has the most endpoints allowed, then one more is refused with a clear 409', async () => {
    const have = webhooksOf(A).length;
    for (let i = have; i < WEBHOOK_LIMITS.endpointsPerHall; i++)
      expect((await create(valid({ name: `Uç ${i}`, active: false }))).status).toBe(201);
    const before = JSON.stringify(config());
    const over = await create(valid({ name: 'Bir fazlası' }));
    expect(over.status).toBe(409);
    expect(over.body.error.message).toContain(String(WEBHOOK_LIMITS.endpointsPerHall));
    expect(JSON.stringify(config())).toBe(before);
    // Hall B counts its own.
    expect((await adminOfB.post('/api/webhooks').send(valid({ name: 'Kızılay ucu' }))).status).toBe(
      201,
    );
    // Make room for the tests after this one.
    for (const w of webhooksOf(A).filter((x) => x.name.startsWith('Uç ')))
      expect((await admin.delete(`/api/webhooks/${w.id}`).send({})).status).toBe(204);
  });

  it("when hall B's admin names hall A's endpoint, then every route answers 404 and A's endpoint is untouched", async () => {
    const id = (await create(valid({ name: 'A salonunun ucu' }))).body.webhook.id as string;
    const before = JSON.stringify(webhooksOf(A));
    const listOfB = await adminOfB.get('/api/webhooks');
    expect(listOfB.status).toBe(200);
    expect(listOfB.text).not.toContain(id);
    expect(listOfB.text).not.toContain('A salonunun ucu');
    for (const res of [
      await adminOfB.patch(`/api/webhooks/${id}`).send({ name: 'Ele geçirildi' }),
      await adminOfB.delete(`/api/webhooks/${id}`).send({}),
      await adminOfB.post(`/api/webhooks/${id}/secret`).send({}),
      await adminOfB.post(`/api/webhooks/${id}/test`).send({}),
      await adminOfB.post(`/api/webhooks/${id}/retry`).send({}),
      await adminOfB.post(`/api/webhooks/${id}/deliveries/${A}.b.1/resend`).send({}),
      await adminOfB.get(`/api/webhooks/${id}/deliveries`),
    ]) {
      expect(res.status, res.text).toBe(404);
      expect(res.body.error.field).toBe('webhookId');
      expect(res.text).not.toContain('A salonunun ucu');
    }
    expect(JSON.stringify(webhooksOf(A))).toBe(before);
    expect(hook.got.filter((g) => g.headers['siramatik-event-type'] === 'webhook.test')).toEqual(
      [],
    );
  });

  it('when personal data is turned on (at adding or later) and a URL carries a token, then the audit says so in its own words and never shows the token', async () => {
    const made = await create(
      valid({
        name: 'SMS sağlayıcısı',
        url: `${hook.url}?token=sms-gizli-123`,
        personalData: true,
      }),
    );
    expect(made.status, made.text).toBe(201);
    const plain = await create(valid({ name: 'Sonradan açılan' }));
    const id = plain.body.webhook.id as string;
    const patched = await admin
      .patch(`/api/webhooks/${id}`)
      .send({ personalData: true, name: 'Sonradan açılan 2' });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body).toMatchObject({ personalData: true, name: 'Sonradan açılan 2' });
    const off = await admin.patch(`/api/webhooks/${id}`).send({ active: false });
    expect(off.body.status.state).toBe('paused');
    await admin.delete(`/api/webhooks/${id}`).send({});

    const audit = (await manager.get('/api/audit?limit=1000')).body as Array<{
      action: string;
      detail: string;
      targetName: string | null;
    }>;
    // The change log names the endpoint (its name now) beside the sentence.
    const added = audit.find((a) => a.detail.startsWith("Webhook 'SMS sağlayıcısı' eklendi"));
    expect(added).toMatchObject({ action: 'webhook.create', targetName: 'SMS sağlayıcısı' });
    const details = audit.map((a) => a.detail).join('\n');
    expect(details).not.toContain('sms-gizli-123');
    expect(details).toContain(`Webhook 'SMS sağlayıcısı' eklendi: ${hook.url}?…`);
    expect(details).toContain('Kişisel veri gönderimi açıldı: SMS sağlayıcısı');
    expect(details).toContain(
      "Webhook 'Sonradan açılan': adı 'Sonradan açılan' → 'Sonradan açılan 2'. Kişisel veri gönderimi açıldı: Sonradan açılan 2",
    );
    expect(details).toContain("Webhook 'Sonradan açılan 2': kapatıldı");
    expect(details).toContain(`Webhook 'Sonradan açılan 2' silindi (${hook.url})`);
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['webhook.create', 'webhook.update', 'webhook.delete']),
    );
  });

  it('when an admin sends a test, then the receiver gets a signed webhook.test and the log shows it', async () => {
    const made = await create(valid({ name: 'Test alıcısı' }));
    const { id } = made.body.webhook as { id: string };
    const secret = made.body.secret as string;
    const sent = await admin.post(`/api/webhooks/${id}/test`).send({});
    expect(sent.status, sent.text).toBe(200);
    expect(sent.body).toMatchObject({
      type: 'webhook.test',
      kind: 'test',
      ok: true,
      httpStatus: 200,
    });
    const got = hook.got.find((g) => g.headers['siramatik-event-id'] === sent.body.eventId)!;
    expect(got).toBeDefined();
    expect(signatureValid(secret, got)).toBe(true);
    expect(signatureValid('another-secret', got)).toBe(false);
    expect(JSON.parse(got.body)).toMatchObject({ type: 'webhook.test', version: 1, hallId: A });
    const log = await manager.get(`/api/webhooks/${id}/deliveries`);
    expect(log.body.log[0]).toMatchObject({ eventId: sent.body.eventId, kind: 'test' });
  });

  it('when the receiver answers 500, then the endpoint is retrying; retry now is recorded; resend sends the same event id again', async () => {
    // Its own path on the receiver: the endpoints of the tests above get the same events.
    const made = await create(
      valid({ name: 'Tekrar ucu', url: `${hook.url}/tekrar`, events: ['ticket.issued'] }),
    );
    const { id } = made.body.webhook as { id: string };
    hook.status = 500;
    const issued = await kiosk(server).issue('vezne');
    expect(issued.status).toBe(201);
    const mine = () => hook.got.filter((g) => g.path === '/hook/tekrar');
    await until(() => mine().length > 0);
    const eventId = String(mine()[0]!.headers['siramatik-event-id']);
    expect(mine()[0]!.headers['siramatik-event-type']).toBe('ticket.issued');
    let view = (await manager.get('/api/webhooks')).body.find((w: { id: string }) => w.id === id);
    for (let i = 0; i < 100 && view.status.state !== 'retrying'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      view = (await manager.get('/api/webhooks')).body.find((w: { id: string }) => w.id === id);
    }
    expect(view.status).toMatchObject({ state: 'retrying', lastSuccessAt: null });
    expect(view.status.nextAttemptAt).toBeGreaterThan(Date.now());

    hook.status = 200;
    const retry = await admin.post(`/api/webhooks/${id}/retry`).send({});
    expect(retry.status, retry.text).toBe(204);
    expect(webhooksOf(A).find((w) => w.id === id)?.retryRequestedAt).toBeGreaterThan(0);
    await until(() =>
      mine().some(
        (g) =>
          g.headers['siramatik-event-id'] === eventId &&
          g.headers['siramatik-delivery-attempt'] !== '1',
      ),
    );

    const resent = await admin.post(`/api/webhooks/${id}/deliveries/${eventId}/resend`).send({});
    expect(resent.status, resent.text).toBe(200);
    expect(resent.body).toMatchObject({ eventId, kind: 'resend', ok: true });
    const unknown = await admin
      .post(`/api/webhooks/${id}/deliveries/${A}.2000-01-01.1/resend`)
      .send({});
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.field).toBe('eventId');
    const audit = await manager.get('/api/audit');
    expect(audit.text).toContain(`Webhook 'Tekrar ucu': olay ${eventId} yeniden gönderildi`);
    expect(audit.text).toContain("Webhook 'Tekrar ucu': hemen yeniden deneme istendi");

    // Deleting forgets the state and the log: the id is unknown afterwards.
    expect(existsSync(path.join(server.dataDir, 'webhooks', `${id}.log.jsonl`))).toBe(true);
    expect((await admin.delete(`/api/webhooks/${id}`).send({})).status).toBe(204);
    expect((await manager.get(`/api/webhooks/${id}/deliveries`)).status).toBe(404);
    expect(existsSync(path.join(server.dataDir, 'webhooks', `${id}.log.jsonl`))).toBe(false);
  });

  it('when the OpenAPI document is read, then the webhook routes are listed under integrations', async () => {
    const doc = (await request(server.app.app).get('/api/docs')).body as {
      paths: Record<string, Record<string, { tags: string[]; 'x-access': string }>>;
    };
    expect(doc.paths['/api/webhooks']!.get).toMatchObject({
      tags: ['integrations'],
      'x-access': 'manager',
    });
    expect(doc.paths['/api/webhooks']!.post).toMatchObject({
      tags: ['integrations'],
      'x-access': 'admin',
    });
    expect(doc.paths['/api/webhooks/{webhookId}/deliveries/{eventId}/resend']!.post!.tags).toEqual([
      'integrations',
    ]);
  });
});
