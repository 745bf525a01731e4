import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssuedTicket } from '../../contract/api.js';
import type { StaffDelta } from '../../contract/socket.js';
import { addDevice, addUser } from '../../server/src/auth/users.js';
import { defaultConfig } from '../../server/src/config/default-config.js';
import { openPostgresStore } from '../../server/src/store/postgres/open-postgres-store.js';
import { collectDeltas, next, until } from '../support/sockets.js';
import { Balancer } from './balancer.js';
import { freshSchema, uniqueName, type TestSchema } from './cluster-support.js';
import { request, type ClusterNode } from './cluster-node.js';
import { staffSocket, startNodePair, stopNodePair } from './node-pair.js';

const HALL = 'cankaya';
const NOTE = 'Vekaletname aslı istendi';

describe('staff screens on two servers sharing PostgreSQL and Redis', () => {
  let schema: TestSchema;
  let a: ClusterNode;
  let b: ClusterNode;
  const balancer = new Balancer();
  const redisPrefix = uniqueName('sm-lp');
  const sockets: Socket[] = [];
  let kioskKey = '';
  const users = {
    author: { username: 'yazan', password: '' },
    other: { username: 'oteki', password: '' },
    manager: { username: 'mudur', password: '' },
  };
  const login = async (node: ClusterNode, who: { username: string; password: string }) => {
    const res = await request(node.url, 'POST', '/api/auth/login', {}, who);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.cookie!;
  };
  const screen = async (node: ClusterNode, nsp: string, cookie: string) => {
    const socket = staffSocket(node.url, nsp, cookie);
    sockets.push(socket);
    await next(socket, 'queue:snapshot');
    return collectDeltas<StaffDelta>(socket);
  };

  beforeAll(async () => {
    schema = await freshSchema();
    const seed = await openPostgresStore(schema.url, {
      log: () => undefined,
      initialConfig: defaultConfig,
    });
    const now = Date.now();
    await addUser(seed.config, { username: 'admin', role: 'admin', hallId: HALL }, now);
    kioskKey = (await addDevice(seed.config, { kind: 'kiosk', hallId: HALL, name: 'k' }, now)).key;
    for (const [key, role] of [
      ['author', 'clerk'],
      ['other', 'clerk'],
      ['manager', 'manager'],
    ] as const) {
      const u = users[key];
      u.password = (
        await addUser(seed.config, { username: u.username, role, hallId: HALL }, now)
      ).password;
    }
    await seed.close();
    [a, b] = await startNodePair(schema, balancer, redisPrefix);
  });

  afterAll(() => stopNodePair({ sockets, nodes: [a, b], balancer, schema, redisPrefix }));

  it("when a clerk on A completes a visit with a note, then screens on both nodes get one delta each: no code anywhere, the note only on the author's and the manager's", async () => {
    const author = await login(a, users.author);
    const other = await login(b, users.other);
    const manager = await login(b, users.manager);
    const seen = {
      authorOnB: await screen(b, '/counter', author),
      otherOnA: await screen(a, '/counter', other),
      otherOnB: await screen(b, '/counter', other),
      managerOnA: await screen(a, '/manager', manager),
    };
    const ticket = await request<IssuedTicket>(
      a.url,
      'POST',
      `/api/halls/${HALL}/tickets`,
      { Authorization: `Bearer ${kioskKey}` },
      { serviceId: 'vezne' },
    );
    expect(ticket.status).toBe(201);
    const act = (action: string, body: unknown = {}) =>
      request(a.url, 'POST', `/api/counters/banko-1/${action}`, { Cookie: author }, body);
    for (const action of ['open', 'call-next', 'start'])
      expect((await act(action)).status).toBe(200);
    expect((await act('complete', { outcome: 'resolved', note: NOTE })).status).toBe(200);

    const completed = (deltas: StaffDelta[]) =>
      deltas.filter((d) => d.event.type === 'ticket:completed');
    await until(() => Object.values(seen).every((d) => completed(d).length > 0), 10_000);

    for (const deltas of Object.values(seen)) {
      expect(JSON.stringify(deltas)).not.toContain(ticket.body.code);
      expect(completed(deltas)).toHaveLength(1);
      const revs = deltas.map((d) => d.rev);
      expect(new Set(revs).size).toBe(revs.length);
    }
    expect(completed(seen.authorOnB)[0]!.ticket!.note).toBe(NOTE);
    expect(completed(seen.managerOnA)[0]!.ticket!.note).toBe(NOTE);
    for (const deltas of [seen.otherOnA, seen.otherOnB]) {
      expect(completed(deltas)[0]!.ticket!.note).toBeNull();
      expect(JSON.stringify(deltas)).not.toContain(NOTE);
    }
  });
});
