import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { endpoint } from '../../../contract/endpoint.js';
import { counterParams, hallParams } from '../../../contract/request-schemas.js';
import type { Actor } from '../../../server/src/auth/actor.js';
import type { UserRecord } from '../../../server/src/config/config-data.js';
import {
  mountRoutes,
  route,
  type HallScope,
  type MountDeps,
} from '../../../server/src/http/route.js';
import type { HallQueue } from '../../../server/src/queue/hall-queue.js';

/** Two halls, A and B, with one counter each; a bare queue is enough for the route layer. */
const queues: MountDeps['queues'] = {
  hall: (id) => (['hall-a', 'hall-b'].includes(id) ? ({ hallId: id } as HallQueue) : undefined),
  hallOfCounter: (id) =>
    ({ 'counter-a': { hallId: 'hall-a' }, 'counter-b': { hallId: 'hall-b' } })[id] as
      HallQueue | undefined,
};

const clerkOf = (hallId: string): Actor => ({
  kind: 'user',
  sessionIdHash: 'x',
  user: { id: 'u', username: 'ayse', role: 'clerk', hallId, active: true } as UserRecord,
});

/**
 * A server with one route of the given scope whose handler checks nothing and hands out the
 * hall it was given: only the route layer stands between a caller and another hall.
 */
function serverWith(hall: HallScope, path: string, actor: Actor) {
  const calls: string[] = [];
  const router = express.Router();
  mountRoutes(
    router,
    [
      route({
        endpoint: endpoint({
          method: 'get',
          path,
          summary: 'test',
          tag: 'test',
          reply: z.strictObject({ secretOf: z.nullable(z.string()) }),
          ...(path.includes(':hallId') ? { params: hallParams } : {}),
          ...(path.includes(':counterId') ? { params: counterParams } : {}),
        }),
        access: 'public',
        hall,
        handler: (ctx) => {
          calls.push(ctx.hall?.hallId ?? 'none');
          return { secretOf: ctx.hall?.hallId ?? null };
        },
      }),
    ],
    { actorOf: () => actor, queues },
  );
  const app = express();
  app.use('/api', router);
  return { http: request(app), calls };
}

describe('hall scope, checked by the route layer', () => {
  it('when a clerk of hall A asks for hall B by :hallId, then 403 and the handler never runs', async () => {
    const { http, calls } = serverWith('path', '/halls/:hallId/x', clerkOf('hall-a'));
    const res = await http.get('/api/halls/hall-b/x');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    expect(JSON.stringify(res.body)).not.toContain('secretOf');
    expect(calls).toEqual([]);
    // Their own hall works and the handler gets its queue.
    const own = await http.get('/api/halls/hall-a/x');
    expect(own.body).toEqual({ secretOf: 'hall-a' });
  });

  it('when a hall does not exist, then 404 hall-not-found and the handler never runs', async () => {
    const { http, calls } = serverWith('path', '/halls/:hallId/x', clerkOf('hall-a'));
    const res = await http.get('/api/halls/hall-z/x');
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'hall-not-found', field: 'hallId' });
    expect(calls).toEqual([]);
  });

  it('when an anonymous caller uses a public hall route, then any existing hall answers', async () => {
    const { http } = serverWith('path', '/halls/:hallId/x', { kind: 'anonymous' });
    expect((await http.get('/api/halls/hall-b/x')).body).toEqual({ secretOf: 'hall-b' });
  });

  it("when a clerk of hall A uses hall B's counter, then 403; an unknown counter 404", async () => {
    const { http, calls } = serverWith('counter', '/counters/:counterId/x', clerkOf('hall-a'));
    expect((await http.get('/api/counters/counter-b/x')).status).toBe(403);
    const unknown = await http.get('/api/counters/counter-z/x');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('counter-not-found');
    expect(calls).toEqual([]);
    expect((await http.get('/api/counters/counter-a/x')).body).toEqual({ secretOf: 'hall-a' });
  });

  it("when a route is scoped to the caller's own hall, then the handler gets exactly that hall", async () => {
    const a = serverWith('own', '/x', clerkOf('hall-b'));
    expect((await a.http.get('/api/x')).body).toEqual({ secretOf: 'hall-b' });
    const gone = serverWith('own', '/x', clerkOf('hall-gone'));
    const res = await gone.http.get('/api/x');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('hall-not-found');
    expect(gone.calls).toEqual([]);
  });

  it.each([
    ['none', '/halls/:hallId/x'],
    ['own', '/halls/:hallId/x'],
    ['counter', '/halls/:hallId/x'],
    ['path', '/x'],
    ['counter', '/x'],
  ] as const)(
    "when a route declares hall '%s' on %s, then mounting it fails at start-up",
    (hall, path) => {
      expect(() => serverWith(hall, path, clerkOf('hall-a'))).toThrow(/hall/);
    },
  );
});
