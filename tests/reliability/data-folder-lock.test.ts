// Two containers sharing one data volume, reproduced with `unshare --pid --fork`: each server
// process in its own PID namespace, where the other's pid does not exist. The servers are the
// product's own main.ts, started and stopped the way an operator does.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const MAIN = path.join(root, 'server/src/main.ts');
/**
 * A new PID namespace, as a container has; the server dies with the `unshare` process. The
 * user namespace only lets a non-root developer create it (where the kernel allows that).
 */
const NEW_CONTAINER = ['unshare', '--user', '--map-root-user', '--pid', '--fork', '--kill-child'];
/** The same, with a shell as pid 1 and the server below it (as `npm start` or tini would). */
const NEW_CONTAINER_UNDER_A_SHELL = [...NEW_CONTAINER, 'sh', '-c', '"$@"; exit $?', 'sh'];
/** Only a guard against a hung start; no assertion is about speed. */
const START_GUARD_MS = 60_000;

type Outcome = { listening: string } | { exitCode: number | null };

interface ServerRun {
  child: ChildProcess;
  /** Settles when the server listens (its URL) or exits before that (its exit code). */
  outcome: Promise<Outcome>;
  output: () => string;
}

const runs: ChildProcess[] = [];
const dataDirs: string[] = [];
afterEach(async () => {
  for (const child of runs.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    child.kill('SIGKILL');
    await once(child, 'exit');
  }
  await Promise.all(dataDirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function newDataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'siramatik-lock-ns-'));
  dataDirs.push(dir);
  return dir;
}

function startServer(dataDir: string, wrapper: string[] = []): ServerRun {
  const [command, ...args] = [...wrapper, process.execPath, '--import', 'tsx', MAIN];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
  };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const child = spawn(command!, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  runs.push(child);
  let output = '';
  const outcome = new Promise<Outcome>((resolve, reject) => {
    const guard = setTimeout(() => reject(new Error(`no start: ${output}`)), START_GUARD_MS);
    const settle = (result: Outcome) => {
      clearTimeout(guard);
      resolve(result);
    };
    const onData = (d: Buffer) => {
      output += d.toString();
      const listening = /listening on (http:\/\/\S+)/.exec(output);
      if (listening) settle({ listening: listening[1]! });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (exitCode) => settle({ exitCode }));
  });
  return { child, outcome, output: () => output };
}

async function listeningUrl(run: ServerRun): Promise<string> {
  const outcome = await run.outcome;
  if (!('listening' in outcome)) throw new Error(`the server did not start: ${run.output()}`);
  return outcome.listening;
}

/** The server's own pid as this (the host's) PID namespace sees it, below any wrapper. */
async function serverPid(run: ServerRun): Promise<number> {
  const queue = [run.child.pid!];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    const argv = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0');
    if (argv[0] === process.execPath && argv.includes(MAIN)) return pid;
    const children = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8');
    queue.push(...children.split(' ').filter(Boolean).map(Number));
  }
  throw new Error(`no server process below ${run.child.pid}`);
}

/** Stops the server as an operator does (SIGTERM: a clean shutdown), if it still runs. */
async function stopServer(run: ServerRun): Promise<void> {
  if (run.child.exitCode !== null || run.child.signalCode !== null) return;
  process.kill(await serverPid(run), 'SIGTERM');
  await once(run.child, 'exit');
}

describe('data folder lock across PID namespaces (two containers on one volume)', () => {
  it('when a second server starts in another PID namespace beside a running one, then it refuses naming the folder and the first keeps serving', async () => {
    const dir = await newDataDir();
    const first = startServer(dir);
    const firstUrl = await listeningUrl(first);

    const second = startServer(dir, NEW_CONTAINER);

    expect(await second.outcome).toEqual({ exitCode: 1 });
    expect(second.output()).toContain(`already uses the data folder ${dir}`);
    expect(second.output()).toContain('possibly from another container or host');
    expect((await fetch(`${firstUrl}/api/health`)).status).toBe(200);
  });

  it('when the second server has exited, then the lock file is still there and a third, in yet another namespace, still refuses', async () => {
    const dir = await newDataDir();
    await listeningUrl(startServer(dir));
    const second = startServer(dir, NEW_CONTAINER);
    await second.outcome;

    await stopServer(second);
    const third = startServer(dir, NEW_CONTAINER);

    expect(await readdir(dir)).toContain('.lock');
    expect(await third.outcome).toEqual({ exitCode: 1 });
    expect(third.output()).toContain(`already uses the data folder ${dir}`);
  });

  it('when the holder is killed with SIGKILL, then the lock is free and a restart works, even though its old pid now belongs to another live process', async () => {
    const dir = await newDataDir();
    const first = startServer(dir, NEW_CONTAINER);
    await listeningUrl(first);
    process.kill(await serverPid(first), 'SIGKILL');
    await once(first.child, 'exit');
    // The killed server was pid 1 of its container; in the next one pid 1 is a live shell.
    expect((await readFile(path.join(dir, '.lock'), 'utf8')).split('\n')[0]).toBe('1');

    const restarted = startServer(dir, NEW_CONTAINER_UNDER_A_SHELL);

    expect(await restarted.outcome).toEqual({ listening: expect.any(String) });
    expect(restarted.output()).toContain('ended without releasing it');
  });
});
