// A bench child: crowds of failed sign-ins, apart from the process that times ticket issue, so
// the timer's own event loop never waits behind the crowd's three hundred sockets.
import { childOptions, serveParent } from './child-ipc.js';
import { keepAliveAgent, send } from './http-client.js';
import { summarize, type Summary } from './stats.js';

export interface FloodCrowdOptions {
  /** The sign-in URL. */
  url: string;
  /** Sign-ins sent at once; the next crowd goes when the last is answered. */
  size: number;
}

export interface Flood {
  crowds: number;
  /** Replies by status (0: no reply). */
  statuses: Record<string, number>;
  latency: Summary;
}

const { url, size } = childOptions<FloodCrowdOptions>();
const agent = keepAliveAgent();
let running: { stop: () => Promise<Flood> } | null = null;
let round = 0;

/** Crowds of `size` sign-ins with wrong passwords, each under new names, until `stop()`. */
function startFlood() {
  const flood = { crowds: 0, statuses: {} as Record<string, number>, latencies: [] as number[] };
  let stopped = false;
  const crowd = async (n: number) => {
    const replies = await Promise.all(
      Array.from({ length: size }, (_, i) =>
        send(agent, 'POST', url, {
          body: { username: `flood-${n}-${i}`, password: 'not-the-password' },
        }).catch(() => ({ status: 0, ms: Number.NaN })),
      ),
    );
    for (const r of replies) {
      flood.statuses[r.status] = (flood.statuses[r.status] ?? 0) + 1;
      if (Number.isFinite(r.ms)) flood.latencies.push(r.ms);
    }
    flood.crowds += 1;
  };
  const done = (async () => {
    while (!stopped) await crowd(round++);
  })();
  return {
    stop: async (): Promise<Flood> => {
      stopped = true;
      await done;
      const { crowds, statuses, latencies } = flood;
      return { crowds, statuses, latency: summarize(latencies) };
    },
  };
}

serveParent(
  { size },
  {
    'flood:start': () => {
      running = startFlood();
    },
    'flood:stop': async () => {
      const result = await running?.stop();
      running = null;
      return result;
    },
  },
  () => agent.destroy(),
);
