import autocannon from 'autocannon';
import { BenchChild } from './child.js';
import { benchScript, type BenchContext } from './context.js';
import type { LoopDelay } from './event-loop.js';
import { figure, type Figure } from './figures.js';
import type { FloorServerReady } from './floors/durable-append-server.js';
import { keepAliveAgent } from './http-client.js';
import { loginFloodBench } from './login-flood.js';
import { pacedLoad } from './paced-load.js';
import type { ProductServerReady } from './product-server.js';
import { summarize, type Summary } from './stats.js';

/** The product, the bare floor, and the floor with Express and Socket.IO in it (saturation). */
type Kind = 'product' | 'floor' | 'express-floor';
/** A fixed request rate (open loop), or saturation (autocannon, closed loop). */
type Phase = number | 'saturation';

interface IssueScale {
  rates: number[];
  warmupMs: number;
  phaseMs: number;
  /** autocannon connections for the saturation phase. */
  connections: number;
  /** A fresh server for every phase, so no phase inherits the line of the one before. */
  freshServerPerPhase: boolean;
}

const FULL: IssueScale = {
  rates: [50, 200, 500],
  warmupMs: 2000,
  phaseMs: 10_000,
  connections: 32,
  freshServerPerPhase: true,
};
const QUICK: IssueScale = {
  rates: [200],
  warmupMs: 300,
  phaseMs: 2000,
  connections: 32,
  freshServerPerPhase: false,
};

interface IssueTarget {
  server: BenchChild<unknown>;
  url: string;
  headers: Record<string, string>;
  /** Request bodies, used in turn: a kiosk's visitors spread over the services. */
  bodies: unknown[];
}

interface PhaseResult {
  /** Successful (2xx) requests in the window. */
  ok: number;
  perSecond: number;
  p50: number;
  p99: number;
  failed: number;
  server: LoopDelay;
  /** Server CPU time per successful request, µs. */
  cpuPerRequestUs: number;
  /** The server's fdatasync calls in the window, ms. */
  fsync: Summary;
}

async function startTarget(kind: Kind, ctx: BenchContext): Promise<IssueTarget> {
  if (kind !== 'product') {
    const server = await BenchChild.start<FloorServerReady>(
      benchScript(`floors/${kind === 'floor' ? 'durable' : 'express'}-append-server.ts`),
      {
        label: `${kind === 'floor' ? 'durable-append' : 'express-append'} floor`,
        cpuProfDir: ctx.cpuProfDir,
      },
    );
    return {
      server,
      url: `http://127.0.0.1:${server.ready.port}/api/halls/cankaya/tickets`,
      headers: { Authorization: 'Bearer floor' },
      bodies: [{ serviceId: 'vezne' }],
    };
  }
  const server = await BenchChild.start<ProductServerReady>(benchScript('product-server.ts'), {
    label: 'product server',
    cpuProfDir: ctx.cpuProfDir,
  });
  const { port, hallId, kioskKey, serviceIds } = server.ready;
  return {
    server,
    url: `http://127.0.0.1:${port}/api/halls/${hallId}/tickets`,
    headers: { Authorization: `Bearer ${kioskKey}` },
    bodies: serviceIds.map((serviceId) => ({ serviceId })),
  };
}

/** Runs `durationMs` of load: paced at a rate, or as fast as the server answers. */
async function load(target: IssueTarget, phase: Phase, durationMs: number, connections: number) {
  if (phase === 'saturation') {
    const r = await autocannon({
      url: target.url,
      method: 'POST',
      connections,
      duration: durationMs / 1000,
      requests: target.bodies.map((b) => ({
        method: 'POST' as const,
        body: JSON.stringify(b),
        headers: { ...target.headers, 'Content-Type': 'application/json' },
      })),
    });
    return {
      ok: r['2xx'],
      perSecond: r['2xx'] / r.duration,
      p50: r.latency.p50,
      p99: r.latency.p99,
      failed: r.non2xx + r.errors,
    };
  }
  const agent = keepAliveAgent();
  try {
    const { url, headers, bodies } = target;
    const r = await pacedLoad({ agent, url, headers, bodies, rate: phase, durationMs });
    const latency = summarize(r.latencies);
    return {
      ok: r.ok,
      perSecond: r.sentRate,
      p50: latency.p50,
      p99: latency.p99,
      failed: r.failed,
    };
  } finally {
    agent.destroy();
  }
}

/** Runs phases against one server of `kind`: a warm-up, then the measured window. */
async function runPhases(
  kind: Kind,
  phases: Phase[],
  scale: IssueScale,
  ctx: BenchContext,
): Promise<PhaseResult[]> {
  const target = await startTarget(kind, ctx);
  try {
    const results: PhaseResult[] = [];
    for (const phase of phases) {
      await load(target, phase, scale.warmupMs, scale.connections);
      await target.server.request('probe:reset');
      await target.server.request('fsync:reset');
      const r = await load(target, phase, scale.phaseMs, scale.connections);
      const server = await target.server.request<LoopDelay>('probe:read');
      const fsync = await target.server.request<Summary>('fsync:read');
      const cpuPerRequestUs = (server.cpuMs * 1000) / Math.max(1, r.ok);
      results.push({ ...r, server, cpuPerRequestUs, fsync });
    }
    return results;
  } finally {
    await target.server.stop();
  }
}

function rateFigures(rate: number, product: PhaseResult, floor: PhaseResult): Figure[] {
  return [
    figure({
      id: `issue.p50.${rate}`,
      name: `ticket issue p50 @ ${rate} req/s`,
      unit: 'ms',
      value: product.p50,
      floor: floor.p50,
    }),
    figure({
      id: `issue.p99.${rate}`,
      name: `ticket issue p99 @ ${rate} req/s`,
      unit: 'ms',
      value: product.p99,
      floor: floor.p99,
      target: rate === 200 ? { max: 10 } : undefined,
      note: `failed ${product.failed} (floor ${floor.failed}); sent ${product.perSecond.toFixed(0)}/s`,
    }),
    figure({
      id: `issue.fsync.p99.${rate}`,
      name: `fdatasync p99 @ ${rate} req/s`,
      unit: 'ms',
      value: product.fsync.p99,
      floor: floor.fsync.p99,
      note: `max ${product.fsync.max.toFixed(0)} ms (floor ${floor.fsync.max.toFixed(0)}); ${product.fsync.count} fdatasyncs for ${product.ok} tickets (floor ${floor.fsync.count})`,
    }),
    figure({
      id: `issue.eld.p99.${rate}`,
      name: `server event-loop delay p99 @ ${rate} req/s`,
      unit: 'ms',
      value: product.server.p99,
      floor: floor.server.p99,
    }),
  ];
}

function saturationFigures(
  connections: number,
  product: PhaseResult,
  floor: PhaseResult,
  expressFloor: PhaseResult,
) {
  return [
    figure({
      id: 'issue.saturation',
      name: `ticket issue throughput at saturation (${connections} conn.)`,
      unit: 'req/s',
      value: product.perSecond,
      floor: floor.perSecond,
      note: `the bare node:http floor: the physical reference; p50/p99 ${product.p50}/${product.p99} ms (floor ${floor.p50}/${floor.p99}); failed ${product.failed} (floor ${floor.failed})`,
    }),
    figure({
      id: 'issue.saturation.express',
      name: 'the same throughput against the Express + Socket.IO floor',
      unit: 'req/s',
      value: product.perSecond,
      floor: expressFloor.perSecond,
      // The decided target (issue 17): the stack is fixed, so saturation is judged against it.
      target: { minRatio: 0.6 },
      note: `that floor's own ratio to the bare floor: ${(expressFloor.perSecond / floor.perSecond).toFixed(2)}; its CPU per request ${expressFloor.cpuPerRequestUs.toFixed(0)} µs`,
    }),
    figure({
      id: 'issue.saturation.cpu',
      name: 'server CPU time per issued ticket at saturation',
      unit: 'µs',
      value: product.cpuPerRequestUs,
      floor: floor.cpuPerRequestUs,
    }),
    figure({
      id: 'issue.saturation.eld.p99',
      name: 'server event-loop delay p99 at saturation',
      unit: 'ms',
      value: product.server.p99,
      floor: floor.server.p99,
    }),
  ];
}

/** Part 1: durable ticket issue over HTTP, beside a bare append + fdatasync server. */
export async function issueBench(ctx: BenchContext): Promise<Figure[]> {
  const scale = ctx.quick ? QUICK : FULL;
  const phases: Phase[] = [...scale.rates, 'saturation'];
  const results = { floor: [] as PhaseResult[], product: [] as PhaseResult[] };
  if (scale.freshServerPerPhase) {
    // Floor and product back to back per phase, so both meet the same background load.
    for (const phase of phases) {
      ctx.log(`issue: ${phase === 'saturation' ? 'saturation' : `${phase} req/s`}`);
      results.floor.push(...(await runPhases('floor', [phase], scale, ctx)));
      results.product.push(...(await runPhases('product', [phase], scale, ctx)));
    }
  } else {
    ctx.log(`issue: ${phases.join(', ')} (floor, then product)`);
    results.floor = await runPhases('floor', phases, scale, ctx);
    results.product = await runPhases('product', phases, scale, ctx);
  }
  ctx.log('issue: saturation, Express + Socket.IO floor');
  const [expressFloor] = await runPhases('express-floor', ['saturation'], scale, ctx);
  const figures = phases.flatMap((phase, i) =>
    phase === 'saturation'
      ? saturationFigures(scale.connections, results.product[i]!, results.floor[i]!, expressFloor!)
      : rateFigures(phase, results.product[i]!, results.floor[i]!),
  );
  return [...figures, ...(await loginFloodBench(ctx))];
}
