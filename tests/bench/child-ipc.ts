import { loopDelayProbe } from './event-loop.js';

export type Handlers = Record<string, (payload: unknown) => unknown>;

interface Request {
  id: number;
  type: string;
  payload: unknown;
}

/** The options the parent passed to a bench child (see `BenchChild.start`). */
export function childOptions<T>(): T {
  return JSON.parse(process.argv[2] ?? '{}') as T;
}

/**
 * The child side of `BenchChild`: reports ready, then answers requests. Every child also
 * answers `probe:reset` / `probe:read` (its own event-loop delay and RSS) and `stop`, which
 * runs `cleanup` and exits.
 */
export function serveParent(ready: unknown, handlers: Handlers, cleanup: () => unknown): void {
  const probe = loopDelayProbe();
  const all: Handlers = {
    'probe:reset': () => probe.reset(),
    'probe:read': () => probe.read(),
    ...handlers,
  };
  // Never outlive the bench that started us.
  process.on('disconnect', () => process.exit(1));
  process.on('message', (m: Request) => {
    void (async () => {
      if (m.type === 'stop') {
        await Promise.resolve(cleanup()).catch((e: Error) => console.error(e.message));
        process.send!({ id: m.id, ok: true }, () => process.exit(0));
        return;
      }
      try {
        const handler = all[m.type];
        if (!handler) throw new Error(`unknown request ${m.type}`);
        process.send!({ id: m.id, ok: true, value: await handler(m.payload) });
      } catch (err) {
        process.send!({ id: m.id, ok: false, error: (err as Error).message });
      }
    })();
  });
  process.send!({ type: 'ready', info: ready });
}
