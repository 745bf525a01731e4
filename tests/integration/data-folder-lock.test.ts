import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockDataFolder } from '../../server/src/store/embedded/data-folder-lock.js';
import { openEmbeddedStore } from '../../server/src/store/embedded/open-embedded-store.js';
import type { Store } from '../../server/src/store/store.js';
import { makeConfig } from './store-fixtures.js';

/** Each test's stores, children and folders, closed, ended and removed afterwards. */
const opened: Store[] = [];
const children: ChildProcess[] = [];
const dataDirs: string[] = [];
afterEach(async () => {
  await Promise.allSettled(opened.splice(0).map((s) => s.close()));
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await Promise.all(dataDirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function newDataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'siramatik-lock-'));
  dataDirs.push(dir);
  return dir;
}

async function openStore(dir: string, log: (msg: string) => void = () => undefined) {
  const store = await openEmbeddedStore(dir, { log, initialConfig: makeConfig });
  opened.push(store);
  return store;
}

/** Another process holding the OS lock on `file` (as a server in another container would). */
async function holdWithFlockCommand(file: string): Promise<ChildProcess> {
  const child = spawn('flock', ['-x', file, 'sh', '-c', 'echo locked; exec cat >/dev/null'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  children.push(child);
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  expect(line.toString()).toBe('locked\n');
  return child;
}

/** A live process that holds no lock, ended after the test. */
function spawnRunning(): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  children.push(child);
  return child;
}

describe('data folder lock: one process per data folder', () => {
  it('when the folder is already open, then a second open is refused with a clear message', async () => {
    const dir = await newDataDir();
    const first = await openStore(dir);

    const second = openStore(dir);

    await expect(second).rejects.toThrow(
      `Another Sıramatik process (pid ${process.pid} on host ${hostname()}) already uses the data folder ${dir}`,
    );
    await expect(second).rejects.toThrow('possibly from another container or host');
    expect(first.config.read()).toEqual(makeConfig());
  });

  it('when the first store closes, then the lock is released, its file stays, and the folder opens again', async () => {
    const dir = await newDataDir();
    const first = await openStore(dir);

    await first.close();

    expect(await readdir(dir)).toContain('.lock');
    await expect(openStore(dir)).resolves.toBeDefined();
  });

  it('when another process holds the OS lock, then open is refused until that process ends', async () => {
    const dir = await newDataDir();
    const holder = await holdWithFlockCommand(path.join(dir, '.lock'));

    await expect(openStore(dir)).rejects.toThrow(`already uses the data folder ${dir}`);
    holder.stdin!.end();
    await once(holder, 'exit');

    await expect(openStore(dir)).resolves.toBeDefined();
  });

  it('when the lock file names a running process that does not hold the lock, then open succeeds: the pid is information only', async () => {
    const dir = await newDataDir();
    // Another container's pid may be any live process here: a pid alone must not refuse.
    const unrelated = spawnRunning();
    await writeFile(path.join(dir, '.lock'), `${unrelated.pid}\n`);
    const log: string[] = [];

    await openStore(dir, (msg) => log.push(msg));

    expect(log.some((m) => m.includes(`pid ${unrelated.pid}`) && m.includes('stale lock'))).toBe(
      true,
    );
    expect(await readFile(path.join(dir, '.lock'), 'utf8')).toBe(
      `${process.pid}\n${Math.round(performance.timeOrigin)}\n${hostname()}\n`,
    );
  });

  it.each([
    ['a process that has exited', () => `${spawnSync(process.execPath, ['-e', '']).pid}\n`],
    ['this pid from an earlier start (a restarted container)', () => `${process.pid}\n12345\n`],
  ])('when the lock file was left by %s, then open succeeds and logs it', async (_case, text) => {
    const dir = await newDataDir();
    await writeFile(path.join(dir, '.lock'), text());
    const log: string[] = [];

    await openStore(dir, (msg) => log.push(msg));

    expect(log.some((m) => m.includes('ended without releasing it'))).toBe(true);
  });

  it('when a store closes cleanly, then the next open does not report a stale lock', async () => {
    const dir = await newDataDir();
    await (await openStore(dir)).close();
    const log: string[] = [];

    await openStore(dir, (msg) => log.push(msg));

    expect(log.filter((m) => m.includes('lock'))).toEqual([]);
  });

  it('when the file system cannot lock (NFS without lockd), then open fails naming the lock file and the cause', async () => {
    const dir = await newDataDir();
    // What util-linux flock says and returns when flock(2) fails with ENOLCK.
    const noLocks = path.join(dir, 'flock-without-locks');
    await writeFile(noLocks, '#!/bin/sh\necho "flock: 3: No locks available" >&2\nexit 71\n', {
      mode: 0o755,
    });

    const lock = lockDataFolder(dir, () => undefined, { flockCommand: noLocks });

    await expect(lock).rejects.toThrow(`Could not lock ${path.join(dir, '.lock')}`);
    await expect(lock).rejects.toThrow('No locks available');
  });

  it('when there is no flock command (Windows, a bare macOS), then a pid file locks instead, with a warning', async () => {
    const dir = await newDataDir();
    const log: string[] = [];
    const noFlock = { flockCommand: 'siramatik-no-such-flock' };

    const lock = await lockDataFolder(dir, (msg) => log.push(msg), noFlock);
    const second = lockDataFolder(dir, () => undefined, noFlock);

    await expect(second).rejects.toThrow(`already uses the data folder ${dir}`);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(/^WARNING: .*pid file.*another container/);
    await lock.release();
    expect(await readdir(dir)).not.toContain('.lock');
    await (await lockDataFolder(dir, () => undefined, noFlock)).release();
  });

  it('when two processes without a flock command lock one folder at the same moment, then exactly one gets it, every time', async () => {
    const parent = await newDataDir();
    const noFlock = { flockCommand: 'siramatik-no-such-flock' };
    const winners: number[] = [];
    // The race is narrow (an empty lock file between one side's create and its write), so it is
    // run many times; the old code let both in a few times in a hundred.
    for (let run = 0; run < 300; run++) {
      const dir = path.join(parent, String(run));
      await mkdir(dir);

      const both = await Promise.allSettled([
        lockDataFolder(dir, () => undefined, noFlock),
        lockDataFolder(dir, () => undefined, noFlock),
      ]);

      const won = both.filter((r) => r.status === 'fulfilled');
      winners.push(won.length);
      await Promise.all(won.map((r) => r.value.release()));
    }
    expect(winners.filter((n) => n !== 1)).toEqual([]);
  });

  it('when there is no flock command and the lock file is empty and new, then it is left as a lock being written; once old, it is taken over', async () => {
    const dir = await newDataDir();
    const file = path.join(dir, '.lock');
    // What a server with flock leaves for a moment, or a pid-file holder cut by a crash.
    await writeFile(file, '');
    const noFlock = { flockCommand: 'siramatik-no-such-flock' };

    const early = lockDataFolder(dir, () => undefined, noFlock);

    await expect(early).rejects.toThrow(`already uses the data folder ${dir}`);
    await expect(early).rejects.toThrow('try again in a few seconds');
    expect(await readFile(file, 'utf8')).toBe('');
    const minuteAgo = new Date(Date.now() - 60_000);
    await utimes(file, minuteAgo, minuteAgo);
    const log: string[] = [];
    await (await lockDataFolder(dir, (msg) => log.push(msg), noFlock)).release();
    expect(log.some((m) => m.includes('Taking over the stale lock'))).toBe(true);
  });

  it('when a process without a flock command holds the folder, then a process with flock is refused', async () => {
    const dir = await newDataDir();
    const withoutFlock = await lockDataFolder(dir, () => undefined, {
      flockCommand: 'siramatik-no-such-flock',
    });

    const withFlock = lockDataFolder(dir, () => undefined);

    await expect(withFlock).rejects.toThrow(
      `(pid ${process.pid} on host ${hostname()}) already uses the data folder ${dir}`,
    );
    await expect(withFlock).rejects.toThrow('no flock command');
    await withoutFlock.release();
    await (await lockDataFolder(dir, () => undefined)).release();
  });

  it('when the lock file was written without flock by a running process of this host, then a process with flock is refused', async () => {
    const dir = await newDataDir();
    const holder = spawnRunning();
    await writeFile(path.join(dir, '.lock'), `${holder.pid}\n12345\n${hostname()}\npid-file\n`);

    const lock = lockDataFolder(dir, () => undefined);

    await expect(lock).rejects.toThrow(
      `(pid ${holder.pid} on host ${hostname()}) already uses the data folder ${dir}`,
    );
  });

  it('when the lock file was written without flock by a process of this host that has exited, then a process with flock takes it over', async () => {
    const dir = await newDataDir();
    const exited = spawnSync(process.execPath, ['-e', '']).pid;
    await writeFile(path.join(dir, '.lock'), `${exited}\n12345\n${hostname()}\npid-file\n`);
    const log: string[] = [];

    await (await lockDataFolder(dir, (msg) => log.push(msg))).release();

    expect(
      log.some((m) => m.includes(`pid ${exited}`) && m.includes('ended without releasing it')),
    ).toBe(true);
  });

  it('when there is no flock command and the lock file names another host, then the pid file is not taken over', async () => {
    const dir = await newDataDir();
    const exited = spawnSync(process.execPath, ['-e', '']).pid;
    await writeFile(path.join(dir, '.lock'), `${exited}\n12345\nother-container\n`);

    const lock = lockDataFolder(dir, () => undefined, { flockCommand: 'siramatik-no-such-flock' });

    await expect(lock).rejects.toThrow(
      `(pid ${exited} on host other-container) already uses the data folder ${dir}`,
    );
    expect(await readdir(dir)).toContain('.lock');
  });
});
