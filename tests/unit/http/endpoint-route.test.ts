import express from 'express';
import request from 'supertest';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as z from 'zod/mini';
import { endpoint, NO_CONTENT } from '../../../contract/endpoint.js';
import type { Actor } from '../../../server/src/auth/actor.js';
import { openApiDocument } from '../../../server/src/http/openapi.js';
import { mountRoutes, route, type MountDeps } from '../../../server/src/http/route.js';
import type { HallQueue } from '../../../server/src/queue/hall-queue.js';

const queues: MountDeps['queues'] = {
  hall: (id) => (id === 'hall-a' ? ({ hallId: id } as HallQueue) : undefined),
  hallOfCounter: () => undefined,
};
const anonymous: Actor = { kind: 'anonymous' };

/** A contract endpoint written with zod/mini, as the pages import it. */
const renameThing = endpoint({
  method: 'post',
  path: '/halls/:hallId/things/:thingId',
  summary: 'Rename a thing.',
  tag: 'things',
  params: z.strictObject({ hallId: z.string(), thingId: z.string() }),
  query: z.strictObject({ dryRun: z.optional(z.enum(['yes', 'no'])) }),
  body: z.strictObject({ name: z.string().check(z.trim(), z.minLength(2)) }),
  status: 201,
  reply: z.strictObject({ id: z.string(), name: z.string(), dryRun: z.boolean() }),
});

const forgetThing = endpoint({
  method: 'delete',
  path: '/things/:thingId',
  summary: 'Forget a thing.',
  tag: 'things',
  params: z.strictObject({ thingId: z.string() }),
  reply: NO_CONTENT,
});

function serverWith() {
  const routes = [
    route({
      endpoint: renameThing,
      access: 'public',
      hall: 'path',
      handler: ({ params, query, body, hall }) => {
        expectTypeOf(params).toEqualTypeOf<{ hallId: string; thingId: string }>();
        expectTypeOf(body).toEqualTypeOf<{ name: string }>();
        expectTypeOf(query.dryRun).toEqualTypeOf<'yes' | 'no' | undefined>();
        expectTypeOf(hall).toEqualTypeOf<HallQueue>();
        return { id: `${hall.hallId}/${params.thingId}`, name: body.name, dryRun: !!query.dryRun };
      },
    }),
    route({
      endpoint: forgetThing,
      access: 'public',
      hall: 'none',
      handler: ({ res, hall }) => {
        expectTypeOf(hall).toEqualTypeOf<undefined>();
        res.status(204).end();
        return undefined;
      },
    }),
  ];
  const router = express.Router();
  mountRoutes(router, routes, { actorOf: () => anonymous, queues });
  const app = express();
  app.use(express.json());
  app.use('/api', router);
  return { http: request(app), routes };
}

describe('a route built on a contract endpoint', () => {
  it('when called, then method, path, schemas and status come from the endpoint', async () => {
    const { http } = serverWith();
    const res = await http.post('/api/halls/hall-a/things/t1?dryRun=yes').send({ name: '  Ada ' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: 'hall-a/t1', name: 'Ada', dryRun: true });
    expect((await http.delete('/api/things/t1')).status).toBe(204);
  });

  it('when the body breaks a zod/mini schema, then 400 with an English message and its field', async () => {
    const { http } = serverWith();
    const short = await http.post('/api/halls/hall-a/things/t1').send({ name: 'A' });
    expect(short.status).toBe(400);
    expect(short.body.error).toMatchObject({ code: 'validation', field: 'name' });
    expect(short.body.error.message).toMatch(/^name: Too small/);
    const extra = await http.post('/api/halls/hall-a/things/t1').send({ name: 'Ada', x: 1 });
    expect(extra.body.error).toMatchObject({ message: 'Unknown field(s): x.', field: 'x' });
    const query = await http.post('/api/halls/hall-a/things/t1?dryRun=maybe').send({ name: 'Ada' });
    expect(query.body.error.field).toBe('dryRun');
  });

  it('when the hall of the path is unknown, then 404 before the body is read', async () => {
    const { http } = serverWith();
    const res = await http.post('/api/halls/hall-z/things/t1').send({});
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('hall-not-found');
  });

  it('when documented, then OpenAPI shows its parameters, body and reply schema', () => {
    const { routes } = serverWith();
    expect(routes[0]!.endpoint).toBe(renameThing);
    const doc = openApiDocument(routes, 't') as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    const op = doc.paths['/api/halls/{hallId}/things/{thingId}']!.post!;
    expect(op).toMatchObject({
      summary: 'Rename a thing.',
      tags: ['things'],
      'x-hall-scope': 'path',
    });
    expect(
      (op.parameters as { name: string; in: string }[]).map((p) => `${p.in}:${p.name}`),
    ).toEqual(['path:hallId', 'path:thingId', 'query:dryRun']);
    expect(op.requestBody).toMatchObject({
      content: { 'application/json': { schema: { required: ['name'] } } },
    });
    expect(op.responses).toMatchObject({
      '201': {
        content: { 'application/json': { schema: { required: ['id', 'name', 'dryRun'] } } },
      },
    });
    expect(doc.paths['/api/things/{thingId}']!.delete!.responses).toMatchObject({
      '200': { description: 'No content.' },
    });
  });
});
