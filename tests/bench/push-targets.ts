import type { Agent } from 'node:http';
import { BenchChild } from './child.js';
import { benchScript, type BenchContext } from './context.js';
import type { RelayOptions, RelayReady } from './floors/bare-relay.js';
import { inBatches, send } from './http-client.js';
import type { ProductServerReady } from './product-server.js';

/** The size of the hall the push bench builds. */
export interface PushScale {
  counters: number;
  displays: number;
  phones: number;
  callsPerSecond: number;
  warmupMs: number;
  measureMs: number;
}

/** A server ready to be called: the product, or the bare relay floor. */
export interface PushTarget {
  baseUrl: string;
  server: BenchChild<unknown>;
  counterIds: string[];
  /** Session cookie per counter (empty for the floor, which has no auth). */
  cookies: string[];
  phoneCodes: string[];
  displayAuth: Record<string, unknown>;
  /** Identifies a call in the counter's reply; displays see the same key in ticket:called. */
  callKey: (reply: unknown) => string | null;
}

/** A call as both sides see it: counter number, ticket number and call time. */
export const keyOf = (counterNumber: number, number: string, at: number) =>
  `${counterNumber}|${number}|${at}`;

/** The product with a signed-in clerk at every open counter and a ticket for every phone. */
export async function startProduct(scale: PushScale, ctx: BenchContext, agent: Agent) {
  const server = await BenchChild.start<ProductServerReady>(benchScript('product-server.ts'), {
    label: 'product server',
    options: { counters: scale.counters },
    cpuProfDir: ctx.cpuProfDir,
  });
  const { port, hallId, kioskKey, displayKey, serviceIds, clerks } = server.ready;
  const baseUrl = `http://127.0.0.1:${port}`;
  ctx.log(`push: signing in ${clerks.length} clerks and opening their counters`);
  const cookies = await inBatches(clerks, 8, async (clerk) => {
    const login = await send(agent, 'POST', `${baseUrl}/api/auth/login`, {
      body: { username: clerk.username, password: clerk.password },
    });
    if (login.status !== 200) throw new Error(`login ${clerk.username}: ${login.status}`);
    const cookie = String(login.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
    const open = await send(agent, 'POST', `${baseUrl}/api/counters/${clerk.counterId}/open`, {
      body: {},
      headers: { Cookie: cookie },
    });
    if (open.status !== 200) throw new Error(`open ${clerk.counterId}: ${open.status}`);
    return cookie;
  });
  ctx.log(`push: issuing ${scale.phones} tickets for the phones`);
  const phoneCodes = await inBatches(
    Array.from({ length: scale.phones }, (_, i) => serviceIds[i % serviceIds.length]!),
    16,
    async (serviceId) => {
      const r = await send(agent, 'POST', `${baseUrl}/api/halls/${hallId}/tickets`, {
        body: { serviceId },
        headers: { Authorization: `Bearer ${kioskKey}` },
      });
      if (r.status !== 201) throw new Error(`issue: ${r.status} ${JSON.stringify(r.body)}`);
      return (r.body as { code: string }).code;
    },
  );
  const target: PushTarget = {
    baseUrl,
    server,
    counterIds: clerks.map((c) => c.counterId),
    cookies,
    phoneCodes,
    displayAuth: { key: displayKey },
    callKey: (reply) => {
      const r = reply as {
        counter?: { number: number };
        ticket?: { number: string; lastCalledAt: number } | null;
      };
      return r.counter && r.ticket
        ? keyOf(r.counter.number, r.ticket.number, r.ticket.lastCalledAt)
        : null;
    },
  };
  return target;
}

/** The bare relay floor: no accounts, no tickets, the same counters and phones by name. */
export async function startRelay(
  scale: PushScale,
  ctx: BenchContext,
  options: RelayOptions,
): Promise<PushTarget> {
  const server = await BenchChild.start<RelayReady>(benchScript('floors/bare-relay.ts'), {
    label: options.durable ? 'durable relay' : 'bare relay',
    options,
    cpuProfDir: ctx.cpuProfDir,
  });
  return {
    baseUrl: `http://127.0.0.1:${server.ready.port}`,
    server,
    counterIds: Array.from({ length: scale.counters }, (_, i) => `banko-${i + 1}`),
    cookies: Array.from({ length: scale.counters }, () => ''),
    phoneCodes: Array.from({ length: scale.phones }, (_, i) => `phone-${i}`),
    displayAuth: {},
    callKey: (reply) => {
      const c = (reply as { call?: { counterNumber: number; number: string; at: number } }).call;
      return c ? keyOf(c.counterNumber, c.number, c.at) : null;
    },
  };
}
