import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../server/src/app.js';
import { addUser } from '../../server/src/auth/users.js';
import { defaultConfig } from '../../server/src/config/default-config.js';
import { openEmbeddedStore } from '../../server/src/store/embedded/open-embedded-store.js';

// The session cookie is written by the `cookie` package's serializer. These are the attributes
// the hand-written one set (a browser reads them in any order), pinned so a change shows here.

const opened: { app: App; dataDir: string }[] = [];
afterEach(async () => {
  for (const { app, dataDir } of opened.splice(0)) {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});

async function hallWithClerk(
  publicUrl = 'http://127.0.0.1',
): Promise<{ app: App; password: string }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'siramatik-cookie-'));
  const store = await openEmbeddedStore(dataDir, {
    log: () => undefined,
    initialConfig: defaultConfig,
  });
  const { password } = await addUser(
    store.config,
    { username: 'clerk1', role: 'clerk', hallId: 'cankaya' },
    Date.now(),
  );
  const app = await createApp({
    store,
    log: () => undefined,
    sessionTtlMs: 8 * 60 * 60_000,
    publicUrl,
  });
  opened.push({ app, dataDir });
  return { app, password };
}

/** `name=value` first, then the attributes sorted. */
function setCookieParts(header: unknown): { pair: string; attributes: string[] } {
  const [pair = '', ...attributes] = String((header as string[] | undefined)?.[0]).split('; ');
  return { pair, attributes: attributes.sort() };
}

describe('session cookie', () => {
  it('when a clerk signs in over http, then the cookie is HttpOnly, SameSite=Strict, whole site, for the session’s lifetime, not Secure', async () => {
    const { app, password } = await hallWithClerk();
    const res = await request(app.app)
      .post('/api/auth/login')
      .send({ username: 'clerk1', password });

    expect(res.status).toBe(200);
    const { pair, attributes } = setCookieParts(res.headers['set-cookie']);
    expect(pair).toMatch(/^sid=[A-Za-z0-9_-]{40,}$/);
    expect(attributes).toEqual(['HttpOnly', 'Max-Age=28800', 'Path=/', 'SameSite=Strict']);
  });

  it('when a clerk signs in on an https install, then the same cookie also carries Secure', async () => {
    const { app, password } = await hallWithClerk('https://sira.example');
    const res = await request(app.app)
      .post('/api/auth/login')
      .send({ username: 'clerk1', password });

    const { attributes } = setCookieParts(res.headers['set-cookie']);
    expect(attributes).toEqual([
      'HttpOnly',
      'Max-Age=28800',
      'Path=/',
      'SameSite=Strict',
      'Secure',
    ]);
  });

  it('when a clerk signs out, then the cookie is emptied with Max-Age=0 and the same attributes', async () => {
    const { app, password } = await hallWithClerk();
    const login = await request(app.app)
      .post('/api/auth/login')
      .send({ username: 'clerk1', password });
    const session = setCookieParts(login.headers['set-cookie']).pair;

    const res = await request(app.app).post('/api/auth/logout').set('Cookie', session).send({});

    expect(res.status).toBe(204);
    expect(setCookieParts(res.headers['set-cookie'])).toEqual({
      pair: 'sid=',
      attributes: ['HttpOnly', 'Max-Age=0', 'Path=/', 'SameSite=Strict'],
    });
    expect((await request(app.app).get('/api/auth/me').set('Cookie', session)).status).toBe(401);
  });
});
