import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../server/src/app.js';
import { addUser } from '../../server/src/auth/users.js';
import { defaultConfig } from '../../server/src/config/default-config.js';
import { openEmbeddedStore } from '../../server/src/store/embedded/open-embedded-store.js';

/** Behind TLS (a public URL on https): the cookie must never travel in the clear. */
describe('session cookie and headers when served over https', () => {
  let app: App;
  let dataDir: string;
  let password: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'siramatik-https-'));
    const store = await openEmbeddedStore(dataDir, {
      log: () => undefined,
      initialConfig: defaultConfig,
    });
    ({ password } = await addUser(
      store.config,
      { username: 'clerk1', role: 'clerk', hallId: 'cankaya' },
      Date.now(),
    ));
    app = await createApp({ store, publicUrl: 'https://sira.example', log: () => undefined });
  });
  afterAll(async () => {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('when a clerk signs in on an https install, then the session cookie is Secure, HttpOnly and SameSite=Strict and HSTS is sent', async () => {
    const res = await request(app.app)
      .post('/api/auth/login')
      .send({ username: 'clerk1', password });
    expect(res.status).toBe(200);
    const cookie = String(res.headers['set-cookie']?.[0]);
    expect(cookie).toMatch(/^sid=[A-Za-z0-9_-]{40,};/);
    expect(cookie.split('; ')).toEqual(
      expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Strict', 'Secure']),
    );
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'self'");
  });

  it('when a signed-in clerk signs in again, then the old session id stops working (no fixation)', async () => {
    const first = await request(app.app)
      .post('/api/auth/login')
      .send({ username: 'clerk1', password });
    const old = String(first.headers['set-cookie']?.[0]).split(';')[0]!;
    const again = await request(app.app)
      .post('/api/auth/login')
      .set('Cookie', old)
      .send({ username: 'clerk1', password });
    const fresh = String(again.headers['set-cookie']?.[0]).split(';')[0]!;
    expect(fresh).not.toBe(old);
    expect((await request(app.app).get('/api/auth/me').set('Cookie', old)).status).toBe(401);
    expect((await request(app.app).get('/api/auth/me').set('Cookie', fresh)).status).toBe(200);
  });
});
