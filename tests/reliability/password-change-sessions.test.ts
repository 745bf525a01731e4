import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../server/src/app.js';
import { sha256Hex } from '../../server/src/auth/secrets.js';
import { addUser } from '../../server/src/auth/users.js';
import { defaultConfig } from '../../server/src/config/default-config.js';
import {
  nodeDurableFileSystem,
  type DurableFileSystem,
} from '../../server/src/store/embedded/durable-fs.js';
import { openEmbeddedStore } from '../../server/src/store/embedded/open-embedded-store.js';
import type { Store } from '../../server/src/store/store.js';

const NOW = Date.UTC(2026, 2, 10, 8, 0, 0);
const HALL = 'cankaya';
const OLD = 'the old password 1';
const NEW = 'the brand new password 2';

const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const done of cleanup.splice(0).reverse()) await done().catch(() => undefined);
});

/** Document writes that fail with EIO for sessions.json only, while `failing.on`. */
function sessionsFailingFileSystem() {
  const failing = { on: false };
  const fs: DurableFileSystem = {
    ...nodeDurableFileSystem,
    create: (file, mode) => {
      if (failing.on && path.basename(file).startsWith('.sessions.json'))
        return Promise.reject(Object.assign(new Error('EIO: injected'), { code: 'EIO' }));
      return nodeDurableFileSystem.create(file, mode);
    },
  };
  return { fs, failing };
}

/** A server on a fresh data folder with clerk `ayse` and admin `zeynep`, both with `OLD`. */
async function start(fs?: DurableFileSystem): Promise<{ app: App; store: Store }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'siramatik-password-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  const store = await openEmbeddedStore(dir, {
    log: () => undefined,
    initialConfig: defaultConfig,
    now: () => NOW,
    documentFileSystem: fs,
  });
  cleanup.push(() => store.close());
  for (const [username, role] of [
    ['ayse', 'clerk'],
    ['zeynep', 'admin'],
  ] as const)
    await addUser(store.config, { username, role, hallId: HALL, password: OLD }, NOW);
  const app = await createApp({
    store,
    publicUrl: 'http://127.0.0.1',
    now: () => NOW,
    log: () => undefined,
    rateLimits: { loginPerMinute: 1000, issuePerMinute: 1000 },
  });
  cleanup.push(() => app.close());
  return { app, store };
}

/** Signs in a new browser; returns it and its session cookie's value. */
async function browser(app: App, username: string, password = OLD) {
  const agent = request.agent(app.app).type('application/json');
  const res = await agent.post('/api/auth/login').send({ username, password });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const cookie = String(res.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
  return { agent, sessionId: cookie.slice(cookie.indexOf('=') + 1) };
}

const signInStatus = async (app: App, username: string, password: string) =>
  (await request(app.app).post('/api/auth/login').send({ username, password })).status;

describe('a password change or reset when the sessions cannot be written', () => {
  it('when ending the other sessions fails during a password change, then the reply is 503 and indeed nothing changed: the old password still signs in, the new one does not', async () => {
    const disk = sessionsFailingFileSystem();
    const { app } = await start(disk.fs);
    const here = await browser(app, 'ayse');
    disk.failing.on = true;

    const res = await here.agent
      .post('/api/auth/password')
      .send({ currentPassword: OLD, newPassword: NEW });

    expect(res.status).toBe(503);
    disk.failing.on = false;
    expect(await signInStatus(app, 'ayse', NEW)).toBe(401);
    expect(await signInStatus(app, 'ayse', OLD)).toBe(200);
  });

  it("when ending the user's sessions fails during an admin's reset, then the reply is 503 and the user's password is unchanged (no one was shown a new one)", async () => {
    const disk = sessionsFailingFileSystem();
    const { app, store } = await start(disk.fs);
    const admin = await browser(app, 'zeynep');
    const ayse = store.config.read().users.find((u) => u.username === 'ayse')!;
    disk.failing.on = true;

    const res = await admin.agent.post(`/api/users/${ayse.id}/reset-password`).send();

    expect(res.status).toBe(503);
    disk.failing.on = false;
    expect(await signInStatus(app, 'ayse', OLD)).toBe(200);
  });

  it('when a password change succeeds, then the other browser is signed out and this one stays', async () => {
    const { app } = await start();
    const here = await browser(app, 'ayse');
    const other = await browser(app, 'ayse');

    const res = await here.agent
      .post('/api/auth/password')
      .send({ currentPassword: OLD, newPassword: NEW });

    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ username: 'ayse', passwordChangeRequired: false });
    expect((await other.agent.get('/api/auth/me')).status).toBe(401);
    expect((await here.agent.get('/api/auth/me')).status).toBe(200);
    expect(await signInStatus(app, 'ayse', NEW)).toBe(200);
  });
});

describe('the session that changes the password', () => {
  it('when its user changes their password, then it exists after every session write (never deleted and put back)', async () => {
    const { app, store } = await start();
    const here = await browser(app, 'ayse');
    await browser(app, 'ayse');
    const kept = sha256Hex(here.sessionId);
    const presentAfterEachWrite: boolean[] = [];
    const sessions = store.sessions;
    for (const name of ['put', 'delete', 'deleteForUser'] as const) {
      const write = sessions[name].bind(sessions) as (...args: unknown[]) => Promise<void>;
      (sessions as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
        await write(...args);
        presentAfterEachWrite.push(sessions.get(kept) !== undefined);
      };
    }

    const res = await here.agent
      .post('/api/auth/password')
      .send({ currentPassword: OLD, newPassword: NEW });

    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(presentAfterEachWrite).toEqual([true]);
  });
});
