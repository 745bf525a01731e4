import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdtemp, open, readFile, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import type { RevEvent } from '../../contract/events.js';
import { createApp, type App } from '../../server/src/app.js';
import { addDevice, addUser } from '../../server/src/auth/users.js';
import { defaultConfig } from '../../server/src/config/default-config.js';
import { nodeDurableFileSystem } from '../../server/src/store/embedded/durable-fs.js';
import {
  openEmbeddedStore,
  type DurableFileSystem,
  type JournalFileSystem,
  type JournalHandle,
} from '../../server/src/store/embedded/open-embedded-store.js';

const HALL = 'cankaya';
/** 11:00 in Istanbul, so the day never changes under a test. */
const NOW = Date.UTC(2026, 2, 10, 8, 0, 0);
const DAY = '2026-03-10';

type Fault = 'write' | 'datasync';

/** The journal's file operations, with a disk that fails on demand as a full or read-only one does. */
class FailingDisk implements JournalFileSystem {
  fault: { at: Fault; code: 'ENOSPC' | 'EROFS' | 'EIO'; truncateFails?: boolean } | null = null;

  async open(file: string, flags: 'a'): Promise<JournalHandle> {
    const handle = await open(file, flags);
    const failure = (syscall: string) => {
      const code = this.fault!.code;
      return Object.assign(new Error(`${code}: injected, ${syscall} '${file}'`), { code, syscall });
    };
    let halfWritten = false;
    return {
      write: async (data) => {
        if (this.fault?.at !== 'write') return handle.write(data);
        // A full disk takes part of a write, then refuses the rest: a partial line is left.
        if (!halfWritten && data.length > 1) {
          halfWritten = true;
          return handle.write(data.subarray(0, Math.floor(data.length / 2)));
        }
        halfWritten = false;
        throw failure('write');
      },
      datasync: async () => {
        if (this.fault?.at === 'datasync') throw failure('fdatasync');
        await handle.datasync();
      },
      truncate: async (length) => {
        if (this.fault?.truncateFails) throw failure('ftruncate');
        await handle.truncate(length);
      },
      close: () => handle.close(),
    };
  }
}

interface Server {
  app: App;
  kiosk: string;
  clerkCookie: () => Promise<string>;
  logs: string[];
  /** Every event published to clients, and how many times clients were told to resync. */
  published: RevEvent[];
  resets: number;
}

const dirs: string[] = [];
const apps: App[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close().catch(() => undefined);
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function newDataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'siramatik-storage-'));
  dirs.push(dir);
  return dir;
}

let kioskKey = '';
let clerk = { username: '', password: '' };

async function boot(
  dataDir: string,
  disk?: JournalFileSystem,
  documents?: DurableFileSystem,
): Promise<Server> {
  const logs: string[] = [];
  const log = (m: string) => logs.push(m);
  const store = await openEmbeddedStore(dataDir, {
    log,
    initialConfig: defaultConfig,
    now: () => NOW,
    journalFileSystem: disk,
    documentFileSystem: documents,
  });
  if (!store.config.read().devices.length) {
    kioskKey = (await addDevice(store.config, { kind: 'kiosk', hallId: HALL, name: 'k' }, NOW)).key;
    const { password } = await addUser(
      store.config,
      { username: 'clerk1', role: 'clerk', hallId: HALL },
      NOW,
    );
    clerk = { username: 'clerk1', password };
  }
  const app = await createApp({
    store,
    publicUrl: 'http://127.0.0.1',
    now: () => NOW,
    log,
    rateLimits: { loginPerMinute: 1000, issuePerMinute: 10_000 },
  });
  apps.push(app);
  const server: Server = {
    app,
    kiosk: kioskKey,
    logs,
    published: [],
    resets: 0,
    clerkCookie: async () => {
      const res = await request(app.app).post('/api/auth/login').send(clerk);
      expect(res.status).toBe(200);
      return String(res.headers['set-cookie']?.[0]).split(';')[0]!;
    },
  };
  app.queues.subscribe({
    events: (_q, events) => server.published.push(...events),
    reset: () => server.resets++,
  });
  return server;
}

const issue = (s: Server) =>
  request(s.app.app)
    .post(`/api/halls/${HALL}/tickets`)
    .set('Authorization', `Bearer ${s.kiosk}`)
    .send({ serviceId: 'vezne' });

const journalFile = (dataDir: string) => path.join(dataDir, 'journal', HALL, `${DAY}.jsonl`);
const journalLines = async (dataDir: string) =>
  (await readFile(journalFile(dataDir), 'utf8'))
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as RevEvent);
const numbers = (s: Server) =>
  [...s.app.queues.hall(HALL)!.state.tickets.values()].map((t) => t.number).sort();

/** A refused ticket: 503 with a clear code and message, and no ticket in the reply. */
function expectRefused(res: request.Response): void {
  expect(res.status, JSON.stringify(res.body)).toBe(503);
  expect(res.body).toEqual({
    error: {
      code: 'storage-unavailable',
      message: expect.stringMatching(/could not store this change; nothing was changed/),
    },
  });
}

describe('storage failure: full disk or read-only data folder', () => {
  it.each([
    ['the disk fills up halfway through a write (ENOSPC)', 'write', 'ENOSPC', false],
    ['fdatasync fails on a read-only remount (EROFS)', 'datasync', 'EROFS', false],
    ['a write fails and cutting the partial line back fails too (EIO)', 'write', 'EIO', true],
  ] as const)(
    'when %s, then the ticket is refused with 503, nothing is acknowledged or published, and the next ticket takes the next stored number',
    async (_what, at, code, truncateFails) => {
      const dataDir = await newDataDir();
      const disk = new FailingDisk();
      const server = await boot(dataDir, disk);
      expect((await issue(server)).body.number).toBe('V001');
      expect((await issue(server)).body.number).toBe('V002');
      const stored = await readFile(journalFile(dataDir), 'utf8');
      const publishedBefore = server.published.length;

      disk.fault = { at, code, truncateFails };
      expectRefused(await issue(server));
      expectRefused(await issue(server));

      // Memory equals the journal: two tickets, revision 2; clients got no delta for the refusal.
      expect(numbers(server)).toEqual(['V001', 'V002']);
      expect(server.app.queues.hall(HALL)!.state.rev).toBe(2);
      expect(server.published).toHaveLength(publishedBefore);
      expect(server.resets).toBeGreaterThan(0);
      expect(server.logs.join('\n')).toContain(code);
      if (!truncateFails) expect(await readFile(journalFile(dataDir), 'utf8')).toBe(stored);

      disk.fault = null;
      const next = await issue(server);
      expect(next.status).toBe(201);
      expect(next.body.number).toBe('V003');
      expect((await journalLines(dataDir)).map((e) => e.rev)).toEqual([1, 2, 3]);

      await server.app.close();
      const restarted = await boot(dataDir);
      expect(numbers(restarted)).toEqual(['V001', 'V002', 'V003']);
      expect(restarted.app.queues.hall(HALL)!.state.rev).toBe(3);
      expect((await request(restarted.app.app).get(`/api/tickets/${next.body.code}`)).status).toBe(
        200,
      );
      expect(restarted.logs.join('\n')).not.toMatch(/torn/);
    },
  );

  it('when the server stops while a partial line could not be cut back, then the restart skips it and numbering goes on from the last stored ticket', async () => {
    const dataDir = await newDataDir();
    const disk = new FailingDisk();
    const server = await boot(dataDir, disk);
    expect((await issue(server)).body.number).toBe('V001');
    disk.fault = { at: 'write', code: 'ENOSPC', truncateFails: true };
    expectRefused(await issue(server));
    expect((await readFile(journalFile(dataDir), 'utf8')).endsWith('\n')).toBe(false);
    await server.app.close();

    const restarted = await boot(dataDir);
    expect(numbers(restarted)).toEqual(['V001']);
    expect(restarted.logs.join('\n')).toMatch(/torn last line/);
    expect((await issue(restarted)).body.number).toBe('V002');
    expect((await journalLines(dataDir)).map((e) => e.rev)).toEqual([1, 2]);
  });

  it('when a call-next cannot be stored, then the ticket still waits, no counter holds it, and the next call-next calls it', async () => {
    const dataDir = await newDataDir();
    const disk = new FailingDisk();
    const server = await boot(dataDir, disk);
    const cookie = await server.clerkCookie();
    const counter = (action: string) =>
      request(server.app.app)
        .post(`/api/counters/banko-1/${action}`)
        .set('Cookie', cookie)
        .send({});
    expect((await issue(server)).status).toBe(201);
    expect((await counter('open')).status).toBe(200);

    disk.fault = { at: 'datasync', code: 'ENOSPC' };
    expectRefused(await counter('call-next'));
    const queue = await request(server.app.app)
      .get(`/api/halls/${HALL}/queue`)
      .set('Cookie', cookie);
    expect(queue.body.rev).toBe(2);
    expect(queue.body.tickets).toMatchObject([{ number: 'V001', status: 'waiting' }]);
    expect(queue.body.counters[0]).toMatchObject({ id: 'banko-1', currentTicketId: null });

    disk.fault = null;
    const call = await counter('call-next');
    expect(call.status).toBe(200);
    expect(call.body.ticket).toMatchObject({ number: 'V001', counterId: 'banko-1' });
  });
});

/** The writes of config.json and sessions.json, on a disk whose fsyncs fail on demand (EIO). */
function failingDocumentDisk() {
  const fault = { at: null as 'file' | 'folder' | null };
  const eio = (what: string) =>
    Object.assign(new Error(`EIO: injected, fsync of the ${what}`), { code: 'EIO' });
  const fs: DurableFileSystem = {
    ...nodeDurableFileSystem,
    async create(file, mode) {
      const handle = await nodeDurableFileSystem.create(file, mode);
      return {
        writeFile: (data) => handle.writeFile(data),
        sync: async () => {
          if (fault.at === 'file') throw eio('file');
          await handle.sync();
        },
        close: () => handle.close(),
      };
    },
    async syncDirectory(dir) {
      if (fault.at === 'folder') throw eio('folder');
      await nodeDurableFileSystem.syncDirectory(dir);
    },
  };
  return { fs, fault };
}

describe('storage failure under config.json and sessions.json', () => {
  it.each([
    ['the fsync of the new file', 'file'],
    ['the fsync of the folder after the rename', 'folder'],
  ] as const)(
    'when %s fails (EIO), then a settings change and a sign-in answer 503 storage-unavailable, both files keep their content, and both work once the disk is back',
    async (_what, at) => {
      const dataDir = await newDataDir();
      const disk = failingDocumentDisk();
      const server = await boot(dataDir, undefined, disk.fs);
      const admin = await addUser(
        server.app.configStore,
        { username: 'admin1', role: 'admin', hallId: HALL },
        NOW,
      );
      const signIn = (body: object) => request(server.app.app).post('/api/auth/login').send(body);
      const adminRes = await signIn({ username: 'admin1', password: admin.password });
      const adminCookie = String(adminRes.headers['set-cookie']?.[0]).split(';')[0]!;
      const addService = () =>
        request(server.app.app)
          .post('/api/services')
          .set('Cookie', adminCookie)
          .send({ name: { tr: 'Yeni', en: 'New' }, prefix: 'Y', targetMinutes: 4 });
      const files = () =>
        Promise.all(['config.json', 'sessions.json'].map((f) => readFile(path.join(dataDir, f))));
      const before = await files();

      disk.fault.at = at;
      const service = await addService();
      const login = await signIn(clerk);

      expectRefused(service);
      expectRefused(login);
      expect(login.headers['set-cookie']).toBeUndefined();
      expect(await files()).toEqual(before);
      expect(server.app.configStore.read().services.some((s) => s.prefix === 'Y')).toBe(false);

      disk.fault.at = null;
      expect((await addService()).status).toBe(201);
      expect((await signIn(clerk)).status).toBe(200);
    },
  );
});

/** A real tmpfs can be mounted here (root with CAP_SYS_ADMIN, as in CI's container). */
function canMount(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(path.join(tmpdir(), 'siramatik-mount-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

/** Fills every free block of the file system holding `file`. */
async function fill(file: string): Promise<void> {
  const handle = await open(file, 'w');
  for (const size of [65536, 4096, 256, 16, 1]) {
    try {
      for (;;) await handle.write(Buffer.alloc(size));
    } catch (err) {
      expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
    }
  }
  await handle.close();
}

/** Runs `test` with a 256 KiB tmpfs mounted at a new folder. */
async function withTmpfs(test: (mountPoint: string) => Promise<void>): Promise<void> {
  const mountPoint = await newDataDir();
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mountPoint]);
  try {
    await test(mountPoint);
  } finally {
    for (const app of apps.splice(0)) await app.close().catch(() => undefined);
    execFileSync('umount', [mountPoint]);
  }
}

describe.runIf(canMount())('storage failure on a real full file system (tmpfs)', () => {
  it('when the data folder is full, then sign-in, sign-out and a settings change answer 503 storage-unavailable and change nothing', async () => {
    await withTmpfs(async (mountPoint) => {
      const dataDir = path.join(mountPoint, 'data');
      const server = await boot(dataDir);
      const cookie = await server.clerkCookie();
      const admin = await addUser(
        server.app.configStore,
        { username: 'admin1', role: 'admin', hallId: HALL },
        NOW,
      );
      const adminCookie = String(
        (
          await request(server.app.app)
            .post('/api/auth/login')
            .send({ username: 'admin1', password: admin.password })
        ).headers['set-cookie']?.[0],
      ).split(';')[0]!;
      const configBefore = await readFile(path.join(dataDir, 'config.json'), 'utf8');
      await fill(path.join(mountPoint, 'filler'));

      const login = await request(server.app.app).post('/api/auth/login').send(clerk);
      const logout = await request(server.app.app)
        .post('/api/auth/logout')
        .set('Cookie', cookie)
        .send({});
      const service = await request(server.app.app)
        .post('/api/services')
        .set('Cookie', adminCookie)
        .send({ name: { tr: 'Yeni', en: 'New' }, prefix: 'Y', targetMinutes: 4 });

      for (const res of [login, logout, service]) expectRefused(res);
      expect(login.headers['set-cookie']).toBeUndefined();
      expect(await readFile(path.join(dataDir, 'config.json'), 'utf8')).toBe(configBefore);
      expect(server.app.configStore.read().services.some((s) => s.prefix === 'Y')).toBe(false);
      // The session whose sign-out was refused is still the one it was.
      const me = await request(server.app.app).get('/api/auth/me').set('Cookie', cookie);
      expect(me.body).toMatchObject({ kind: 'user', username: 'clerk1' });
    });
  });

  it('when the data folder runs out of space, then the ticket that does not fit is refused with 503 and a restart after freeing space goes on from the last stored number', async () => {
    await withTmpfs(async (mountPoint) => {
      const dataDir = path.join(mountPoint, 'data');
      const server = await boot(dataDir);
      expect((await issue(server)).body.number).toBe('V001');
      // Fill every free block, then issue until a ticket's line no longer fits in the journal.
      const filler = path.join(mountPoint, 'filler');
      await fill(filler);
      let refused: request.Response | null = null;
      const acknowledged: string[] = ['V001'];
      for (let i = 0; i < 200 && !refused; i++) {
        const res = await issue(server);
        if (res.status === 201) acknowledged.push(res.body.number);
        else refused = res;
      }
      expect(refused, 'the full disk never refused a ticket').not.toBeNull();
      expectRefused(refused!);
      expect(numbers(server)).toEqual(acknowledged);
      expect((await journalLines(dataDir)).map((e) => 'number' in e && e.number)).toEqual(
        acknowledged,
      );

      await unlink(filler);
      const next = await issue(server);
      expect(next.status).toBe(201);
      acknowledged.push(next.body.number);
      expect(next.body.number).toBe(`V${String(acknowledged.length).padStart(3, '0')}`);
      await server.app.close();
      const restarted = await boot(dataDir);
      expect(numbers(restarted)).toEqual(acknowledged);
    });
  });
});
