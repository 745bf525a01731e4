import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const root = path.resolve(import.meta.dirname, '../..');
const exec = promisify(execFile);

/**
 * Puts into `release` what `npm run build` makes of the server (dist-server/) and copies
 * `items` (package.json, scripts, …) from this checkout; the pages (dist/) are the caller's.
 */
export async function releaseWithServer(release: string, items: string[]): Promise<void> {
  await exec(process.execPath, [
    path.join(root, 'scripts/build-server.mjs'),
    '--quiet',
    '--outdir',
    path.join(release, 'dist-server'),
  ]);
  for (const item of items)
    await cp(path.join(root, item), path.join(release, item), { recursive: true });
}

/** A running `npm start`: the npm process, where the server listens and what it printed. */
export interface NpmStarted {
  child: ChildProcess;
  port: number;
  /** `http://127.0.0.1:<port>` */
  base: string;
  /** Resolves with npm's exit code once it has exited. */
  exited: Promise<number | null>;
  output: () => string;
  /** SIGTERM to the whole process group; resolves once npm has exited. */
  stop: () => Promise<void>;
}

/**
 * Runs `npm start` in `cwd` on a free port until the server listens. The process gets its own
 * process group, so `process.kill(-child.pid, …)` stops npm, the shell and the server together.
 * `onSpawn` sees the npm process at once, so a test can clean up even a start that failed.
 */
export async function npmStart(
  cwd: string,
  dataDir: string,
  onSpawn: (child: ChildProcess) => void = () => undefined,
): Promise<NpmStarted> {
  const child = spawn('npm', ['start'], {
    cwd,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  onSpawn(child);
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start in 60 s:\n${output}`)), 60_000);
    const read = (d: Buffer) => {
      output += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    void exited.then((code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
  });
  const stop = async () => {
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
  };
  return { child, port: Number(new URL(base).port), base, exited, output: () => output, stop };
}
