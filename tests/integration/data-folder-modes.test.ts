import { chmod, lstat, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../server/src/store/embedded/open-embedded-store.js';
import type { Store } from '../../server/src/store/store.js';
import { issued, makeConfig, makeSession } from './store-fixtures.js';

const DAY = '2025-03-14';

const roots: string[] = [];
const opened: Store[] = [];
let savedUmask: number | undefined;
afterEach(async () => {
  if (savedUmask !== undefined) process.umask(savedUmask);
  savedUmask = undefined;
  await Promise.allSettled(opened.splice(0).map((s) => s.close()));
  await Promise.all(roots.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function newRoot(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'siramatik-modes-'));
  roots.push(dir);
  return dir;
}

async function openStore(dataDir: string, logs: string[] = []): Promise<Store> {
  const store = await openEmbeddedStore(dataDir, {
    log: (m) => logs.push(m),
    initialConfig: makeConfig,
  });
  opened.push(store);
  return store;
}

/** Everything the store writes: config and its backup, sessions, a journal, a day summary. */
async function useEveryFile(store: Store): Promise<void> {
  await store.config.update((d) => void (d.halls[0]!.name = 'Bir'));
  await store.config.update((d) => void (d.halls[0]!.name = 'İki'));
  await store.sessions.put(makeSession('h1', 'usr-1', Date.now() + 3_600_000));
  await store.sessions.put(makeSession('h2', 'usr-1', Date.now() + 3_600_000));
  await store.journal.append('hall-a', DAY, [issued(1)]);
  await store.summaries.write({
    version: 1,
    hallId: 'hall-a',
    day: DAY,
    closedAt: 1,
    lastRev: 1,
    tickets: [],
  });
}

/** Every file and folder under `dir` (not following links), with its permission bits. */
async function modesUnder(dir: string): Promise<Map<string, string>> {
  const modes = new Map<string, string>();
  const visit = async (file: string) => {
    const stats = await lstat(file);
    if (stats.isSymbolicLink()) return;
    modes.set(path.relative(dir, file) || '.', (stats.mode & 0o777).toString(8));
    if (stats.isDirectory()) {
      for (const name of await readdir(file)) await visit(path.join(file, name));
    }
  };
  await visit(dir);
  return modes;
}

const loose = (modes: Map<string, string>) =>
  [...modes].filter(([, mode]) => mode !== '600' && mode !== '700');

describe('data folder modes', () => {
  it('when the store creates a data folder under a umask that lets everyone read (000), then every folder it makes is 0700 and every file 0600', async () => {
    const root = await newRoot();
    const dataDir = path.join(root, 'srv', 'data');
    savedUmask = process.umask(0o000);
    const logs: string[] = [];

    const store = await openStore(dataDir, logs);
    await useEveryFile(store);
    // Closing waits for the start's tightening walk: a file made loose and fixed by it shows in the log.
    await store.close();

    const modes = await modesUnder(path.join(root, 'srv'));
    expect(loose(modes)).toEqual([]);
    for (const file of [
      'data/config.json',
      'data/config.json.bak',
      'data/sessions.json',
      'data/sessions.json.bak',
      `data/journal/hall-a/${DAY}.jsonl`,
      `data/days/hall-a/${DAY}.json`,
    ]) {
      expect(modes.get(file), file).toBe('600');
    }
    for (const folder of ['.', 'data', 'data/journal/hall-a', 'data/days/hall-a']) {
      expect(modes.get(folder), folder).toBe('700');
    }
    expect(logs.join('\n')).not.toMatch(/Tightened/);
  });

  it('when an existing data folder is readable by others, then the start makes it owner-only and says how many it tightened, leaving what a link points to alone', async () => {
    const root = await newRoot();
    const dataDir = path.join(root, 'data');
    const first = await openStore(dataDir);
    await useEveryFile(first);
    await first.close();
    // As the old code left it: folders 0755, files 0644 (one 0640), under the default umask.
    const before = await modesUnder(dataDir);
    for (const rel of before.keys()) {
      const file = path.join(dataDir, rel);
      const isFolder = (await lstat(file)).isDirectory();
      await chmod(file, isFolder ? 0o755 : rel === 'sessions.json' ? 0o640 : 0o644);
    }
    const outside = path.join(root, 'outside.txt');
    await writeFile(outside, 'not ours');
    await chmod(outside, 0o644);
    await symlink(outside, path.join(dataDir, 'link-to-outside'));
    const logs: string[] = [];

    // The walk runs beside the rest of the start; closing the store waits for it.
    await (await openStore(dataDir, logs)).close();

    const after = await modesUnder(dataDir);
    expect(loose(after)).toEqual([]);
    expect(after.get('.')).toBe('700');
    expect(after.get('config.json')).toBe('600');
    expect(after.get(`journal/hall-a/${DAY}.jsonl`)).toBe('600');
    expect(((await lstat(outside)).mode & 0o777).toString(8)).toBe('644');
    expect(logs).toContain(
      `Tightened ${before.size} files/folders under ${dataDir} to owner-only.`,
    );
  });

  it('when the data folder is owner-only already, then the start does not walk the history inside it again', async () => {
    const root = await newRoot();
    const dataDir = path.join(root, 'data');
    await (await openStore(dataDir)).close();
    // A file loose inside a folder nobody else can enter: an earlier start tightened the folder,
    // so nothing inside is reachable by others and the start leaves the contents alone.
    const inside = path.join(dataDir, 'copied-in.txt');
    await writeFile(inside, 'x');
    await chmod(inside, 0o644);
    const logs: string[] = [];

    await (await openStore(dataDir, logs)).close();

    expect(((await lstat(dataDir)).mode & 0o777).toString(8)).toBe('700');
    expect(((await lstat(inside)).mode & 0o777).toString(8)).toBe('644');
    expect(logs.filter((m) => m.startsWith('Tightened'))).toEqual([]);
  });
});
