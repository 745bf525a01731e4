import { mkdtemp, readdir, readFile, rm, truncate, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../server/src/app.js';
import { addUser } from '../../server/src/auth/users.js';
import type { SessionRecord } from '../../server/src/config/config-data.js';
import { defaultConfig } from '../../server/src/config/default-config.js';
import {
  nodeDurableFileSystem,
  type DurableFileSystem,
} from '../../server/src/store/embedded/durable-fs.js';
import {
  openEmbeddedStore,
  type EmbeddedStoreOptions,
} from '../../server/src/store/embedded/open-embedded-store.js';
import type { Store } from '../../server/src/store/store.js';

const NOW = Date.UTC(2026, 2, 10, 8, 0, 0);
const HALL = 'cankaya';
const PASSWORD = 'a long enough password 1';

const dirs: string[] = [];
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of open.splice(0)) await o.close().catch(() => undefined);
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function newDataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'siramatik-durable-'));
  dirs.push(dir);
  return dir;
}

async function openStore(
  dataDir: string,
  extra: Partial<EmbeddedStoreOptions> = {},
): Promise<{ store: Store; logs: string[] }> {
  const logs: string[] = [];
  const store = await openEmbeddedStore(dataDir, {
    log: (m) => logs.push(m),
    initialConfig: defaultConfig,
    now: () => NOW,
    ...extra,
  });
  open.push(store);
  return { store, logs };
}

const addClerk = (store: Store, username: string) =>
  addUser(store.config, { username, role: 'clerk', hallId: HALL, password: PASSWORD }, NOW);

const session = (idHash: string): SessionRecord => ({
  idHash,
  userId: 'usr-1',
  createdAt: NOW,
  expiresAt: NOW + 3_600_000,
});

const usernames = (store: Store) => store.config.read().users.map((u) => u.username);

/** A data folder whose config.json holds clerks ayse and mehmet, and config.json.bak only ayse. */
async function folderWithTwoChanges(): Promise<string> {
  const dir = await newDataDir();
  const { store } = await openStore(dir);
  await addClerk(store, 'ayse');
  await addClerk(store, 'mehmet');
  await store.close();
  return dir;
}

/** Signs in through the real HTTP routes of a server on `store`. */
async function signIn(store: Store, username: string): Promise<number> {
  const app: App = await createApp({ store, publicUrl: 'http://127.0.0.1', now: () => NOW });
  open.push(app);
  const res = await request(app.app).post('/api/auth/login').send({ username, password: PASSWORD });
  return res.status;
}

/** The file operations of the document writes, each call recorded, failing when told to. */
function recordingFileSystem() {
  const calls: string[] = [];
  const fail: { at?: 'sync' | 'link' | 'syncDirectory'; code?: string } = {};
  const injected = (op: string) =>
    Object.assign(new Error(`${fail.code}: injected ${op}`), { code: fail.code });
  const fs: DurableFileSystem = {
    async create(file, mode) {
      calls.push(`create ${path.basename(file)} ${mode.toString(8)}`);
      const handle = await nodeDurableFileSystem.create(file, mode);
      return {
        writeFile: async (data) => {
          calls.push('write');
          await handle.writeFile(data);
        },
        sync: async () => {
          calls.push('sync');
          if (fail.at === 'sync') throw injected('fsync');
          await handle.sync();
        },
        close: () => handle.close(),
      };
    },
    async link(existing, newPath) {
      calls.push(`link ${path.basename(existing)} ${path.basename(newPath)}`);
      if (fail.at === 'link') throw injected('link');
      await nodeDurableFileSystem.link(existing, newPath);
    },
    async rename(from, to) {
      calls.push(`rename ${path.basename(from)} ${path.basename(to)}`);
      await nodeDurableFileSystem.rename(from, to);
    },
    async unlink(file) {
      calls.push(`unlink ${path.basename(file)}`);
      await nodeDurableFileSystem.unlink(file);
    },
    async syncDirectory(dir) {
      calls.push(`syncDirectory ${dir}`);
      if (fail.at === 'syncDirectory') throw injected('fsync of the folder');
      await nodeDurableFileSystem.syncDirectory(dir);
    },
  };
  return { fs, calls, fail };
}

/** A temp name as the writer makes them, with its random part replaced by `*`. */
const generic = (call: string) => call.replace(/\.[0-9a-f]{12}\.tmp/g, '.*.tmp');

describe('durable config.json and sessions.json: how a change is written', () => {
  it('when the configuration changes, then a new temp file is written and fsynced, the old version linked to config.json.bak, renamed into place, and the folder fsynced last', async () => {
    const dir = await newDataDir();
    const disk = recordingFileSystem();
    const { store } = await openStore(dir, { documentFileSystem: disk.fs });
    disk.calls.length = 0;

    await addClerk(store, 'ayse');

    expect(disk.calls.map(generic)).toEqual([
      'create .config.json.*.tmp 600',
      'write',
      'sync',
      'link config.json .config.json.bak.*.tmp',
      'rename .config.json.bak.*.tmp config.json.bak',
      'rename .config.json.*.tmp config.json',
      `syncDirectory ${dir}`,
    ]);
  });

  it('when two changes are written, then each has its own temp file and no temp file is left', async () => {
    const dir = await newDataDir();
    const disk = recordingFileSystem();
    const { store } = await openStore(dir, { documentFileSystem: disk.fs });
    disk.calls.length = 0;

    await Promise.all([addClerk(store, 'ayse'), store.sessions.put(session('h1'))]);
    await addClerk(store, 'mehmet');

    const temps = disk.calls.filter((c) => c.startsWith('create')).map((c) => c.split(' ')[1]);
    expect(temps).toHaveLength(3);
    expect(new Set(temps).size).toBe(3);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('when the configuration changes, then config.json.bak holds the version before the change', async () => {
    const dir = await folderWithTwoChanges();

    const main = JSON.parse(await readFile(path.join(dir, 'config.json'), 'utf8'));
    const backup = JSON.parse(await readFile(path.join(dir, 'config.json.bak'), 'utf8'));

    expect(main.users.map((u: { username: string }) => u.username)).toEqual(['ayse', 'mehmet']);
    expect(backup.users.map((u: { username: string }) => u.username)).toEqual(['ayse']);
  });

  it('when the file system has no hard links, then the backup is written as a copy', async () => {
    const dir = await newDataDir();
    const disk = recordingFileSystem();
    const { store } = await openStore(dir, { documentFileSystem: disk.fs });
    await addClerk(store, 'ayse');
    disk.fail.at = 'link';
    disk.fail.code = 'EPERM';

    await addClerk(store, 'mehmet');

    const backup = JSON.parse(await readFile(path.join(dir, 'config.json.bak'), 'utf8'));
    expect(backup.users.map((u: { username: string }) => u.username)).toEqual(['ayse']);
    expect(usernames(store)).toEqual(['ayse', 'mehmet']);
  });

  it.each([
    ['the fsync of the new file fails (EIO)', 'sync'],
    ['the fsync of the folder fails after the rename (EIO)', 'syncDirectory'],
  ] as const)(
    'when %s, then the change is refused, config.json keeps the old content and memory too',
    async (_what, at) => {
      const dir = await newDataDir();
      const disk = recordingFileSystem();
      const { store } = await openStore(dir, { documentFileSystem: disk.fs });
      await addClerk(store, 'ayse');
      const before = await readFile(path.join(dir, 'config.json'), 'utf8');
      disk.fail.at = at;
      disk.fail.code = 'EIO';

      await expect(addClerk(store, 'mehmet')).rejects.toMatchObject({ code: 'EIO' });

      expect(await readFile(path.join(dir, 'config.json'), 'utf8')).toBe(before);
      expect(usernames(store)).toEqual(['ayse']);
      expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
      disk.fail.at = undefined;
      await addClerk(store, 'mehmet');
      expect(usernames(store)).toEqual(['ayse', 'mehmet']);
    },
  );

  it('when a crash left temp files beside config.json and sessions.json, then the start removes them', async () => {
    const dir = await folderWithTwoChanges();
    const stale = ['.config.json.tmp', '.config.json.0123456789ab.tmp', '.sessions.json.tmp'];
    for (const name of stale) await writeFile(path.join(dir, name), '{"version":1,"ha');

    await openStore(dir);

    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('durable config.json: the start falls back to config.json.bak', () => {
  it.each([
    ['empty (the rename was durable, the data not)', (file: string) => truncate(file, 0)],
    ['cut in the middle', async (file: string) => truncate(file, 100)],
    ['missing', (file: string) => unlink(file)],
    ['JSON of the wrong shape', (file: string) => writeFile(file, '{"version":1}')],
  ])(
    'when config.json is %s and config.json.bak is good, then the start serves the backup, logs both files and keeps the damaged file',
    async (what, damage) => {
      const dir = await folderWithTwoChanges();
      const file = path.join(dir, 'config.json');
      await damage(file);

      const { store, logs } = await openStore(dir);

      expect(usernames(store)).toEqual(['ayse']);
      expect(await signIn(store, 'ayse')).toBe(200);
      const warning = logs.find((m) => m.includes('config.json.bak'));
      expect(warning).toContain(file);
      expect(warning).toContain(`${file}.bak`);
      expect(warning).toMatch(/^WARNING/);
      // config.json is whole again, and the damaged one is kept for a human to look at.
      const restored = JSON.parse(await readFile(file, 'utf8'));
      expect(restored.users.map((u: { username: string }) => u.username)).toEqual(['ayse']);
      const aside = (await readdir(dir)).filter((n) => n.startsWith('config.json.damaged-'));
      expect(aside).toHaveLength(what === 'missing' ? 0 : 1);
    },
  );

  it.each([
    ['config.json is empty and there is no backup', '', null],
    ['both are damaged', '{"version":1,"ha', '{"versi'],
    ['config.json is missing and its backup is damaged', null, ''],
  ])(
    'when %s, then the start is refused naming both files and what to do, and nothing is written',
    async (_what, main, backup) => {
      const dir = await newDataDir();
      const file = path.join(dir, 'config.json');
      if (main !== null) await writeFile(file, main);
      if (backup !== null) await writeFile(`${file}.bak`, backup);
      const before = (await readdir(dir)).sort();

      const opening = openStore(dir);

      await expect(opening).rejects.toThrow(`Cannot start: ${file} is`);
      await expect(opening).rejects.toThrow(`its backup ${file}.bak is`);
      await expect(opening).rejects.toThrow(/Restore .*config\.json from a backup/);
      // No fresh configuration (a new admin) was written over what is there.
      expect((await readdir(dir)).filter((n) => n.startsWith('config.json')).sort()).toEqual(
        before,
      );
      if (main !== null) expect(await readFile(file, 'utf8')).toBe(main);
    },
  );
});

describe('durable sessions.json: never restored from its backup, everyone signs in again', () => {
  it('when sessions.json is damaged and sessions.json.bak still holds a session that was signed out, then the start brings back no session, says everyone signs in again and keeps the damaged file', async () => {
    const dir = await newDataDir();
    const { store } = await openStore(dir);
    await store.sessions.put(session('h1'));
    await store.sessions.put(session('h2'));
    await store.sessions.delete('h2'); // signed out
    await store.close();
    const file = path.join(dir, 'sessions.json');
    const backup = JSON.parse(await readFile(`${file}.bak`, 'utf8'));
    expect(backup.sessions.map((s: SessionRecord) => s.idHash)).toContain('h2');
    await truncate(file, 0);

    const reopened = await openStore(dir);

    expect(reopened.store.sessions.get('h2')).toBeUndefined();
    expect(reopened.store.sessions.get('h1')).toBeUndefined();
    expect(reopened.logs.join('\n')).toMatch(/everyone signs in again/);
    expect((await readdir(dir)).some((n) => n.startsWith('sessions.json.damaged-'))).toBe(true);
    await reopened.store.sessions.put(session('h3'));
    expect(reopened.store.sessions.get('h3')).toBeDefined();
  });

  it('when sessions.json is damaged and has no backup, then the start goes on with no sessions, says everyone signs in again, and keeps the damaged file', async () => {
    const dir = await newDataDir();
    const { store } = await openStore(dir);
    await store.close();
    const file = path.join(dir, 'sessions.json');
    await writeFile(file, '{"version":1,"sessions":[{"idHa');

    const reopened = await openStore(dir);

    expect(reopened.store.sessions.get('h1')).toBeUndefined();
    expect(reopened.logs.join('\n')).toMatch(/everyone signs in again/);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 1, sessions: [] });
    expect((await readdir(dir)).some((n) => n.startsWith('sessions.json.damaged-'))).toBe(true);
    await reopened.store.sessions.put(session('h3'));
    expect(reopened.store.sessions.get('h3')).toBeDefined();
  });
});
