import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readlink, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

// `npm start` as the README runs it (npm → sh → node scripts/start.mjs, the server in that
// last process), stopped by the process id an IT person or a service manager has: npm's.
const root = path.resolve(import.meta.dirname, '../..');
const exec = promisify(execFile);
const temps: string[] = [];
const started: ChildProcess[] = [];

async function tempDir(name: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `siramatik-${name}-`));
  temps.push(dir);
  return dir;
}

/** `npm start` in `cwd` until the server listens; its port and the npm process. */
async function npmStart(cwd: string, dataDir: string) {
  const child = spawn('npm', ['start'], {
    cwd,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, only so that a failed test can clean up everything it started.
    detached: true,
  });
  started.push(child);
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start in 60 s:\n${output}`)), 60_000);
    const read = (d: Buffer) => {
      output += d.toString();
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then(() => reject(new Error(`npm start exited:\n${output}`)));
  });
  return { child, port, exited, output: () => output };
}

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

/** Processes whose working folder is `dir` (the server is one while it runs). */
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
    await exec(process.execPath, [
      path.join(root, 'scripts/build-server.mjs'),
      '--quiet',
      '--outdir',
      path.join(release, 'dist-server'),
    ]);
    await mkdir(path.join(release, 'dist'));
    await writeFile(path.join(release, 'dist/index.html'), '<!doctype html><title>test</title>');
    for (const item of ['package.json', 'scripts'])
      await cp(path.join(root, item), path.join(release, item), { recursive: true });
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
      const first = await npmStart(release, dataDir);
      expect(await listening(first.port)).toBe(true);

      process.kill(to.startsWith('the npm') ? first.child.pid! : -first.child.pid!, signal);
      await first.exited;

      expect(await closed(first.port)).toBe(true);
      expect(await processesIn(release)).toEqual([]);
      // The data folder's lock is free: a second server on it starts.
      const second = await npmStart(release, dataDir);
      expect(second.output()).not.toMatch(/in use|locked/i);
      process.kill(second.child.pid!, 'SIGTERM');
      await second.exited;
      expect(await closed(second.port)).toBe(true);
    },
    90_000,
  );
});
