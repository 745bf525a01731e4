import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Me } from '../../contract/api.js';
import type { AuditEntryView, UserWithPassword } from '../../contract/settings.js';
import { bootstrapFirstStart } from '../../server/src/bootstrap.js';
import { signedIn } from '../support/http.js';
import { connect, next, until, type StaffClient } from '../support/sockets.js';
import { serverPerTest } from '../support/server-per-test.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

/** The value after `label: ` in printed lines, up to the first space. */
function printed(lines: string, label: string): string {
  const found = new RegExp(`^${label}: (\\S+)`, 'm').exec(lines)?.[1];
  if (!found) throw new Error(`no "${label}" in:\n${lines}`);
  return found;
}

/** Runs `npm run user -- …`'s source on a data folder; returns what it printed. */
async function userCli(dataDir: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'server/src/cli/user.ts'), ...args],
    { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' } },
  );
  return stdout;
}

describe('one-time passwords', () => {
  let server: TestServer;
  const track = serverPerTest({ set: (s) => (server = s), get: () => server });
  const login = (username: string, password: string) =>
    request(server.app.app).post('/api/auth/login').send({ username, password });
  /** Signs in a new agent; returns it with its cookie. */
  const agentFor = async (username: string, password: string) => {
    const agent = request.agent(server.app.app);
    const res = await agent.post('/api/auth/login').send({ username, password });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const cookie = String(res.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
    return { agent, cookie, me: res.body as Me };
  };
  /** The error code a staff namespace refuses this cookie with. */
  const socketRefusal = async (nsp: string, cookie: string) => {
    const socket = track(connect<StaffClient>(server.url, nsp, { cookie }));
    const err = await next<Error & { data?: { code: string } }>(socket, 'connect_error');
    return err.data?.code;
  };

  it('when the first start prints the admin password, then it signs in only to change it, and afterwards it opens nothing', async () => {
    const lines = (await bootstrapFirstStart(server.app.configStore, server.url, Date.now())).join(
      '\n',
    );
    const printedPassword = printed(lines, 'admin password');
    const { agent, cookie, me } = await agentFor('admin', printedPassword);
    expect(me).toMatchObject({ username: 'admin', role: 'admin', passwordChangeRequired: true });
    expect((await agent.get('/api/auth/me')).body).toMatchObject({ passwordChangeRequired: true });

    for (const res of [
      await agent.get('/api/settings'),
      await agent.get('/api/halls/cankaya/queue'),
      await agent.get('/api/stats'),
      await agent.post('/api/halls/cankaya/tickets').send({ serviceId: 'vezne' }),
      await agent.post('/api/users').send({ username: 'x1', displayName: 'X', role: 'admin' }),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('password-change-required');
    }
    for (const nsp of ['/counter', '/manager', '/display'])
      expect(await socketRefusal(nsp, cookie)).toBe('password-change-required');

    const changed = await agent
      .post('/api/auth/password')
      .send({ currentPassword: printedPassword, newPassword: 'Kendi parolam 2026' });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ username: 'admin', passwordChangeRequired: false });

    // The same session goes on, unrestricted.
    expect((await agent.get('/api/auth/me')).body).toMatchObject({ passwordChangeRequired: false });
    expect((await agent.get('/api/settings')).status).toBe(200);
    const socket = track(connect<StaffClient>(server.url, '/manager', { cookie }));
    await next(socket, 'queue:snapshot');

    expect((await login('admin', printedPassword)).status).toBe(401);
    expect((await login('admin', 'Kendi parolam 2026')).body).toMatchObject({
      passwordChangeRequired: false,
    });
    const audit = (await agent.get('/api/audit')).body as AuditEntryView[];
    expect(audit[0]).toMatchObject({ action: 'user.change-password', username: 'admin' });
    const stored = JSON.stringify(server.app.configStore.read());
    expect(stored).not.toContain(printedPassword);
    expect(stored).not.toContain('Kendi parolam 2026');
  });

  it('when a restricted user calls any route but the public ones and the change, then each answers 403 password-change-required', async () => {
    const lines = (await bootstrapFirstStart(server.app.configStore, server.url, Date.now())).join(
      '\n',
    );
    const { cookie } = await agentFor('admin', printed(lines, 'admin password'));
    // Every route an admin may use, but the public ones (anyone's) and the change itself.
    const guarded = server.app.routes.filter(
      (r) => r.access !== 'public' && r.access !== 'device' && r.path !== '/auth/password',
    );
    expect(guarded.length).toBeGreaterThan(30);
    for (const r of guarded) {
      const url = `/api${r.path.replace(':hallId', 'cankaya').replace(/:\w+/g, 'x')}`;
      const res = await request(server.app.app)[r.method](url).set('Cookie', cookie).send({});
      expect(`${r.method} ${r.path} ${res.status} ${res.body.error?.code}`).toBe(
        `${r.method} ${r.path} 403 password-change-required`,
      );
    }
  });

  it('when an admin adds a user or resets a password, then the shown password is one-time; their own reset is not', async () => {
    const { agent, user: admin } = await signedIn(server, 'admin');
    const created = (
      await agent.post('/api/users').send({ username: 'sule', displayName: 'Şule', role: 'clerk' })
    ).body as UserWithPassword;
    expect((await login('sule', created.password)).body).toMatchObject({
      passwordChangeRequired: true,
    });

    const clerk = await server.addUser('clerk');
    expect((await login(clerk.username, clerk.password)).body).toMatchObject({
      passwordChangeRequired: false,
    });
    const reset = (await agent.post(`/api/users/${clerk.id}/reset-password`).send({}))
      .body as UserWithPassword;
    const restricted = await agentFor(clerk.username, reset.password);
    expect(restricted.me.passwordChangeRequired).toBe(true);
    expect((await restricted.agent.get('/api/halls/cankaya/queue')).body.error.code).toBe(
      'password-change-required',
    );

    const own = (await agent.post(`/api/users/${admin.id}/reset-password`).send({}))
      .body as UserWithPassword;
    expect((await login(admin.username, own.password)).body).toMatchObject({
      passwordChangeRequired: false,
    });
  });

  it('when a user changes their password, then their other sessions and sockets end and this one keeps its socket', async () => {
    const clerk = await server.addUser('clerk');
    const here = await agentFor(clerk.username, clerk.password);
    const there = await agentFor(clerk.username, clerk.password);
    const hereSocket = track(connect<StaffClient>(server.url, '/counter', { cookie: here.cookie }));
    const thereSocket = track(
      connect<StaffClient>(server.url, '/counter', { cookie: there.cookie }),
    );
    await Promise.all([next(hereSocket, 'queue:snapshot'), next(thereSocket, 'queue:snapshot')]);
    const expired = next<void>(thereSocket, 'session:expired');

    const res = await here.agent
      .post('/api/auth/password')
      .send({ currentPassword: clerk.password, newPassword: 'yeni-parola-123' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);

    await expired;
    await until(() => !thereSocket.connected);
    expect((await there.agent.get('/api/halls/cankaya/queue')).status).toBe(401);
    expect((await here.agent.get('/api/halls/cankaya/queue')).status).toBe(200);
    // The server ended the other socket first; this one is still connected and served.
    expect(hereSocket.connected).toBe(true);
    const resync = await hereSocket.timeout(5000).emitWithAck('queue:resync');
    expect(resync.ok).toBe(true);
  });

  it.each([
    ['too short', 'kısa-1', 'validation', 'newPassword'],
    ['the current one', 'CURRENT', 'validation', 'newPassword'],
    ['the user name', 'USERNAME', 'validation', 'newPassword'],
  ])(
    'when the new password is %s, then it is refused and nothing changes',
    async (_what, newPassword, code, field) => {
      const clerk = await server.addUser('clerk', 'ayse.yilmaz');
      const { agent } = await agentFor(clerk.username, clerk.password);
      const before = JSON.stringify(server.app.configStore.read().users);
      const res = await agent.post('/api/auth/password').send({
        currentPassword: clerk.password,
        newPassword: newPassword
          .replace('CURRENT', clerk.password)
          .replace('USERNAME', 'Ayse.Yilmaz'),
      });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code, field });
      expect(JSON.stringify(server.app.configStore.read().users)).toBe(before);
    },
  );

  it('when the current password is wrong, then the change is refused and nothing changes', async () => {
    const clerk = await server.addUser('clerk');
    const { agent } = await agentFor(clerk.username, clerk.password);
    const before = JSON.stringify(server.app.configStore.read().users);
    const res = await agent
      .post('/api/auth/password')
      .send({ currentPassword: 'not-the-password', newPassword: 'yeni-parola-123' });
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: 'invalid-credentials', field: 'currentPassword' });
    expect(JSON.stringify(server.app.configStore.read().users)).toBe(before);
    expect((await agent.get('/api/halls/cankaya/queue')).status).toBe(200);
  });
});

describe('one-time passwords from the command line', () => {
  let dataDir: string;
  let server: TestServer | undefined;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'siramatik-otp-'));
  });
  afterEach(async () => {
    await server?.dispose();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('when `npm run user -- add` and `reset` print a password, then each is one-time', async () => {
    const added = printed(await userCli(dataDir, 'add', 'mehmet', '--role', 'clerk'), 'password');
    const other = printed(await userCli(dataDir, 'add', 'zeynep', '--role', 'manager'), 'password');
    const reset = printed(await userCli(dataDir, 'reset', 'zeynep'), 'password');
    server = await startTestServer({ dataDir });
    const login = (username: string, password: string) =>
      request(server!.app.app).post('/api/auth/login').send({ username, password });

    const mehmet = await login('mehmet', added);
    expect(mehmet.body).toMatchObject({ passwordChangeRequired: true });
    expect((await login('zeynep', other)).status).toBe(401);
    const zeynep = await login('zeynep', reset);
    expect(zeynep.body).toMatchObject({ passwordChangeRequired: true });
    const cookie = String(zeynep.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
    const res = await request(server.app.app).get('/api/stats').set('Cookie', cookie);
    expect(res.body.error.code).toBe('password-change-required');
    // Three runs of the real command line (npm, then the tool from its sources or its bundle).
  }, 90_000);
});
