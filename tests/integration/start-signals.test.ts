import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readlink, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { npmStart, releaseWithServer } from '../support/npm-release.js';

// `npm start` as the README runs it (npm → sh → node scripts/start.mjs, the server in that
// last process), stopped by the process id an IT person or a service manager has: npm's.
const temps: string[] = [];
const started: ChildProcess[] = [];

async function tempDir(name: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `siramatik-${name}-`));
  temps.push(dir);
  return dir;
}

/** `npm start` in `cwd` until the server listens; a failed test cleans up what it started. */
const startNpm = (cwd: string, dataDir: string) =>
  npmStart(cwd, dataDir, (child) => started.push(child));

/** Whether something accepts connections on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Waits until the port is closed; fails when it is still open after `limitMs`. */
async function closed(port: number, limitMs = 10_000): Promise<boolean> {
  for (const until = Date.now() + limitMs; Date.now() < until;) {
    if (!(await listening(port))) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/**
 * Processes whose working folder is `dir` (the server is one while it runs), once none is left
 * or `limitMs` has passed: the port closes first, then the server writes its state and exits.
 */
async function processesLeftIn(dir: string, limitMs = 10_000): Promise<number[]> {
  let found = await processesIn(dir);
  for (const until = Date.now() + limitMs; found.length > 0 && Date.now() < until;) {
    await new Promise((r) => setTimeout(r, 100));
    found = await processesIn(dir);
  }
  return found;
}

/** Processes whose working folder is `dir` now. */
async function processesIn(dir: string): Promise<number[]> {
  const found: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if ((await readlink(`/proc/${entry}/cwd`)) === dir) found.push(Number(entry));
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
}

describe.runIf(process.platform === 'linux')('npm start and the signals that stop it', () => {
  let release: string;

  // A release as `npm run build` leaves it: no sources, so `npm start` runs what it finds.
  beforeAll(async () => {
    release = await tempDir('start-signals');
    await releaseWithServer(release, ['package.json', 'scripts']);
    await mkdir(path.join(release, 'dist'));
    await writeFile(path.join(release, 'dist/index.html'), '<!doctype html><title>test</title>');
  }, 120_000);

  afterEach(() => {
    for (const child of started.splice(0)) {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already stopped, as it should be.
      }
    }
  });

  afterAll(async () => {
    for (const dir of temps) await rm(dir, { recursive: true, force: true });
  });

  // SIGTERM: `kill <pid>`, a service manager. SIGHUP: the terminal closed. SIGINT: Ctrl+C,
  // which the terminal sends to the whole foreground group (a SIGINT to npm alone reaches only
  // the shell, which holds it until its child ends: nothing a script below it can see).
  it.each([
    ['SIGTERM', 'the npm process only'],
    ['SIGHUP', 'the npm process only'],
    ['SIGINT', 'the process group, as Ctrl+C does'],
  ] as const)(
    'when %s is sent to %s, then the server stops, closes its port and frees the data folder',
    async (signal, to) => {
      const dataDir = await tempDir('start-signals-data');
      const first = await startNpm(release, dataDir);
      expect(await listening(first.port)).toBe(true);

      process.kill(to.startsWith('the npm') ? first.child.pid! : -first.child.pid!, signal);
      await first.exited;

      expect(await closed(first.port)).toBe(true);
      expect(await processesLeftIn(release)).toEqual([]);
      // The data folder's lock is free: a second server on it starts.
      const second = await startNpm(release, dataDir);
      expect(second.output()).not.toMatch(/in use|locked/i);
      process.kill(second.child.pid!, 'SIGTERM');
      await second.exited;
      expect(await closed(second.port)).toBe(true);
    },
    90_000,
  );
});
