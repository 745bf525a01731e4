// Part of the issue bench: ticket issue while a crowd of failed sign-ins arrives at once.
// scrypt runs on libuv's worker threads, as does the journal's fdatasync; before the hashing
// gate, 300 failed sign-ins at once held one ticket for 10.7 s.
import { BenchChild } from './child.js';
import { benchScript, type BenchContext } from './context.js';
import type { LoopDelay } from './event-loop.js';
import { figure, type Figure } from './figures.js';
import { keepAliveAgent } from './http-client.js';
import type { Flood, FloodCrowdOptions } from './login-flood-crowd.js';
import { pacedLoad } from './paced-load.js';
import type { ProductServerReady } from './product-server.js';
import { median, summarize, type Summary } from './stats.js';

interface FloodScale {
  rate: number;
  warmupMs: number;
  windowMs: number;
  /** Quiet window, then flood window, this many times (medians reported). */
  pairs: number;
  /** Failed sign-ins sent at once; the next crowd goes when the last is answered. */
  crowd: number;
}

const FULL: FloodScale = { rate: 200, warmupMs: 2000, windowMs: 10_000, pairs: 3, crowd: 300 };
const QUICK: FloodScale = { rate: 200, warmupMs: 300, windowMs: 2000, pairs: 3, crowd: 300 };

interface Window {
  issue: Summary;
  issueFailed: Record<string, number>;
  fsync: Summary;
  /** The server's event-loop delay and CPU time in the window. */
  loop: LoopDelay;
}

/** Ticket issue p99 at 200 req/s, quiet and during a flood of failed sign-ins, same server. */
export async function loginFloodBench(ctx: BenchContext): Promise<Figure[]> {
  const scale = ctx.quick ? QUICK : FULL;
  ctx.log(`issue: ${scale.rate} req/s, quiet and during ${scale.crowd} failed sign-ins at once`);
  const server = await BenchChild.start<ProductServerReady>(benchScript('product-server.ts'), {
    label: 'product server',
    cpuProfDir: ctx.cpuProfDir,
  });
  const { port, hallId, kioskKey, serviceIds } = server.ready;
  const base = `http://127.0.0.1:${port}`;
  const crowdOptions: FloodCrowdOptions = { url: `${base}/api/auth/login`, size: scale.crowd };
  const crowd = await BenchChild.start<unknown>(benchScript('login-flood-crowd.ts'), {
    label: 'sign-in crowd',
    options: crowdOptions,
  });
  const issueAgent = keepAliveAgent();
  try {
    const issue = (durationMs: number) =>
      pacedLoad({
        agent: issueAgent,
        url: `${base}/api/halls/${hallId}/tickets`,
        headers: { Authorization: `Bearer ${kioskKey}` },
        bodies: serviceIds.map((serviceId) => ({ serviceId })),
        rate: scale.rate,
        durationMs,
      });
    const measure = async (flood: boolean) => {
      await server.request('fsync:reset');
      await server.request('probe:reset');
      if (flood) await crowd.request('flood:start');
      const r = await issue(scale.windowMs);
      const floodResult = flood ? await crowd.request<Flood>('flood:stop') : undefined;
      const fsync = await server.request<Summary>('fsync:read');
      const loop = await server.request<LoopDelay>('probe:read');
      return {
        window: { issue: summarize(r.latencies), issueFailed: r.failures, fsync, loop },
        floodResult,
      };
    };
    await issue(scale.warmupMs);
    const quiet: Window[] = [];
    const flooded: Window[] = [];
    const floods: Flood[] = [];
    for (let i = 0; i < scale.pairs; i++) {
      quiet.push((await measure(false)).window);
      const f = await measure(true);
      flooded.push(f.window);
      floods.push(f.floodResult!);
    }
    return floodFigures(scale, quiet, flooded, floods);
  } finally {
    issueAgent.destroy();
    await crowd.stop();
    await server.stop();
  }
}

function floodFigures(scale: FloodScale, quiet: Window[], flooded: Window[], floods: Flood[]) {
  const p99 = (ws: Window[]) => median(ws.map((w) => w.issue.p99));
  const fsyncP99 = (ws: Window[]) => median(ws.map((w) => w.fsync.p99));
  const statuses: Record<string, number> = {};
  for (const f of floods)
    for (const [s, n] of Object.entries(f.statuses)) statuses[s] = (statuses[s] ?? 0) + n;
  const answered = Object.entries(statuses)
    .map(([s, n]) => `${n}× ${s}`)
    .join(', ');
  const crowds = floods.reduce((n, f) => n + f.crowds, 0);
  const signInP99 = median(floods.map((f) => f.latency.p99));
  const failed: Record<string, number> = {};
  for (const w of flooded)
    for (const [why, n] of Object.entries(w.issueFailed)) failed[why] = (failed[why] ?? 0) + n;
  return [
    figure({
      id: 'issue.p99.login-flood',
      name: `ticket issue p99 @ ${scale.rate} req/s during ${scale.crowd} failed sign-ins at once (floor: quiet)`,
      unit: 'ms',
      value: p99(flooded),
      floor: p99(quiet),
      target: { maxRatio: 2 },
      note: `${crowds} crowds of ${scale.crowd} in ${flooded.length} × ${scale.windowMs / 1000} s: ${answered}; sign-in p99 ${signInP99.toFixed(0)} ms; issue max ${median(flooded.map((w) => w.issue.max)).toFixed(0)} ms (quiet ${median(quiet.map((w) => w.issue.max)).toFixed(0)}); failed issues: ${JSON.stringify(failed)}`,
    }),
    figure({
      id: 'issue.fsync.p99.login-flood',
      name: `fdatasync p99 during the sign-in flood (floor: quiet)`,
      unit: 'ms',
      value: fsyncP99(flooded),
      floor: fsyncP99(quiet),
    }),
    figure({
      id: 'issue.eld.p99.login-flood',
      name: `server event-loop delay p99 during the sign-in flood (floor: quiet)`,
      unit: 'ms',
      value: median(flooded.map((w) => w.loop.p99)),
      floor: median(quiet.map((w) => w.loop.p99)),
      note: `max ${median(flooded.map((w) => w.loop.max)).toFixed(0)} ms (quiet ${median(quiet.map((w) => w.loop.max)).toFixed(0)}); server CPU ${median(flooded.map((w) => w.loop.cpuMs)).toFixed(0)} ms (quiet ${median(quiet.map((w) => w.loop.cpuMs)).toFixed(0)})`,
    }),
  ];
}
