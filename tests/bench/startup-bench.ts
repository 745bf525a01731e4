import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { benchScript, repoRoot, type BenchContext } from './context.js';
import { figure, type Figure } from './figures.js';
import { writeHistory } from './history-data.js';
import { keepAliveAgent, send } from './http-client.js';
import { median, sleep } from './stats.js';

interface StartupScale {
  days: number;
  ticketsPerDay: number;
  runs: number;
  idleMs: number;
}

const FULL: StartupScale = { days: 365, ticketsPerDay: 560, runs: 5, idleMs: 3000 };
const QUICK: StartupScale = { days: 30, ticketsPerDay: 560, runs: 1, idleMs: 500 };
const READY_TIMEOUT_MS = 30_000;

interface Started {
  ms: number;
  rssMb: number | null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function rssMbOf(pid: number): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null; // not Linux
  }
}

/**
 * Spawns `node <script>` as `npm start` runs the server bundle, and times it from the spawn to
 * the first successful GET /api/health; then lets it sit idle and reads its RSS.
 */
async function coldStart(
  script: string,
  dataDir: string | null,
  idleMs: number,
  cpuProfDir?: string,
): Promise<Started> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: base,
  };
  if (dataDir) env.DATA_DIR = dataDir;
  const prof = cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : [];
  const agent = keepAliveAgent();
  const start = performance.now();
  const child = spawn(process.execPath, [...prof, script], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    let ms: number | undefined;
    while (ms === undefined) {
      if (child.exitCode !== null) throw new Error(`${script} exited (${child.exitCode})`);
      if (performance.now() - start > READY_TIMEOUT_MS) throw new Error(`${script} never answered`);
      const r = await send(agent, 'GET', `${base}/api/health`, { timeoutMs: 1000 }).catch(
        () => null,
      );
      if (r?.status === 200) ms = performance.now() - start;
      else await sleep(5);
    }
    await sleep(idleMs);
    return { ms, rssMb: await rssMbOf(child.pid!) };
  } finally {
    agent.destroy();
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

/** Part 4: cold start with a year of history, and the idle RSS of a one-hall server. */
export async function startupBench(ctx: BenchContext): Promise<Figure[]> {
  const scale = ctx.quick ? QUICK : FULL;
  const history = await mkdtemp(path.join(tmpdir(), 'siramatik-history-'));
  const fresh = await mkdtemp(path.join(tmpdir(), 'siramatik-nohistory-'));
  const floorDir = await mkdtemp(path.join(tmpdir(), 'siramatik-floor-'));
  try {
    ctx.log(`startup: writing ${scale.days} days × ${scale.ticketsPerDay} tickets of history`);
    const genStart = performance.now();
    const now = Date.now();
    const written = await writeHistory({
      dataDir: history,
      days: scale.days,
      ticketsPerDay: scale.ticketsPerDay,
      journals: true,
      today: true,
      now,
    });
    const config = { days: 0, ticketsPerDay: 0, journals: false, today: false, now };
    await writeHistory({ dataDir: fresh, ...config });
    const genS = (performance.now() - genStart) / 1000;

    // The product as `npm start` runs it: the bundle that scripts/start.mjs builds when its
    // sources change and then loads in plain `node` (its check of the time stamps is left
    // out). Built here first, untimed, from the current sources.
    const built = spawnSync(process.execPath, ['scripts/build-server.mjs', '--quiet'], {
      cwd: repoRoot,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (built.status !== 0) throw new Error(`scripts/build-server.mjs failed (${built.status})`);
    const product = path.join(repoRoot, 'dist-server/main.mjs');
    // The floor: a bare node:http server answering /api/health, bundled by esbuild and run by
    // plain `node` like the product, so the ratio is what the product adds to starting Node.
    const floor = path.join(floorDir, 'bare-health-server.mjs');
    await build({
      entryPoints: [benchScript('floors/bare-health-server.ts')],
      outfile: floor,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      logLevel: 'warning',
    });
    // One unmeasured start of each first: the files are in the page cache, as after any
    // earlier start of the installed server.
    await coldStart(floor, null, 0);
    await coldStart(product, history, 0);
    const runs = { floor: [] as Started[], history: [] as Started[], fresh: [] as Started[] };
    for (let i = 0; i < scale.runs; i++) {
      ctx.log(`startup: run ${i + 1}/${scale.runs}`);
      runs.floor.push(await coldStart(floor, null, scale.idleMs));
      runs.history.push(await coldStart(product, history, scale.idleMs, ctx.cpuProfDir));
      runs.fresh.push(await coldStart(product, fresh, 0));
    }
    const ms = (list: Started[]) => median(list.map((s) => s.ms));
    const rss = (list: Started[]) => median(list.map((s) => s.rssMb ?? Number.NaN));
    const size = `${(written.bytes / 2 ** 20).toFixed(0)} MB: ${written.tickets} tickets, ${written.events} events, written in ${genS.toFixed(1)} s`;
    return [
      figure({
        id: 'startup.history',
        name: `cold start, ${scale.days} days of history (median of ${scale.runs})`,
        unit: 'ms',
        value: ms(runs.history),
        floor: ms(runs.floor),
        target: { max: 500 },
        note: `history ${size}; all runs ${runs.history.map((s) => s.ms.toFixed(0)).join(', ')} ms`,
      }),
      figure({
        id: 'startup.nohistory',
        name: 'cold start, configured hall without history',
        unit: 'ms',
        value: ms(runs.fresh),
        floor: ms(runs.floor),
      }),
      figure({
        id: 'startup.idle.rss',
        name: 'idle server RSS, one hall',
        unit: 'MB',
        value: rss(runs.history),
        floor: rss(runs.floor),
      }),
    ];
  } finally {
    await rm(history, { recursive: true, force: true });
    await rm(fresh, { recursive: true, force: true });
    await rm(floorDir, { recursive: true, force: true });
  }
}
