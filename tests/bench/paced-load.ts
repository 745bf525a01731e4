import type { Agent } from 'node:http';
import { send } from './http-client.js';

export interface PacedLoadOptions {
  agent: Agent;
  url: string;
  headers?: Record<string, string>;
  /** Request bodies, sent in turn. */
  bodies: readonly unknown[];
  /** Requests per second, evenly spaced. */
  rate: number;
  durationMs: number;
}

export interface PacedLoadResult {
  /** Latency of each 2xx reply, ms. */
  latencies: number[];
  ok: number;
  failed: number;
  /** What the failed ones got: a status, or the error's message. */
  failures: Record<string, number>;
  /** Requests sent per second, as achieved. */
  sentRate: number;
}

/**
 * Open-loop load at a fixed rate: request k is sent at start + k / rate, whether or not
 * earlier ones have been answered, so a slow server meets the same arrivals as a fast one.
 * (autocannon's rate limit sends each connection's quota back to back at the top of every
 * second instead, which measures bursts rather than a steady rate.)
 */
export async function pacedLoad(opts: PacedLoadOptions): Promise<PacedLoadResult> {
  const latencies: number[] = [];
  let ok = 0;
  let failed = 0;
  const failures: Record<string, number> = {};
  const failure = (why: string) => {
    failed += 1;
    failures[why] = (failures[why] ?? 0) + 1;
  };
  let sent = 0;
  const inFlight = new Set<Promise<void>>();
  const total = Math.round((opts.rate * opts.durationMs) / 1000);
  const start = performance.now();
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + (sent * 1000) / opts.rate <= now) {
        const body = opts.bodies[sent % opts.bodies.length];
        sent += 1;
        const p = send(opts.agent, 'POST', opts.url, { body, headers: opts.headers })
          .then(
            (r) => {
              if (r.status >= 200 && r.status < 300) {
                ok += 1;
                latencies.push(r.ms);
              } else failure(String(r.status));
            },
            (e: Error) => failure(e.message),
          )
          .finally(() => inFlight.delete(p));
        inFlight.add(p);
      }
      if (sent >= total) return resolve();
      setTimeout(tick, Math.max(0, start + (sent * 1000) / opts.rate - performance.now()));
    };
    tick();
  });
  const sendingMs = performance.now() - start;
  await Promise.all(inFlight);
  return {
    latencies,
    ok,
    failed,
    failures,
    sentRate: (sent * 1000) / Math.max(opts.durationMs, sendingMs),
  };
}
