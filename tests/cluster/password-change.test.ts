import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Me } from '../../contract/api.js';
import { addDevice, addUser } from '../../server/src/auth/users.js';
import { defaultConfig } from '../../server/src/config/default-config.js';
import { openPostgresStore } from '../../server/src/store/postgres/open-postgres-store.js';
import { next } from '../support/sockets.js';
import { Balancer } from './balancer.js';
import { freshSchema, uniqueName, type TestSchema } from './cluster-support.js';
import { request, type ClusterNode } from './cluster-node.js';
import { staffSocket, startNodePair, stopNodePair } from './node-pair.js';

const HALL = 'cankaya';

describe('own password changes with two servers sharing PostgreSQL and Redis', () => {
  let schema: TestSchema;
  let a: ClusterNode;
  let b: ClusterNode;
  const balancer = new Balancer();
  const redisPrefix = uniqueName('sm-otp');
  const sockets: Socket[] = [];
  const clerk = { username: 'degisen', password: '' };
  const oneTime = { username: 'yeni.gelen', password: '' };
  const login = async (node: ClusterNode, who: { username: string; password: string }) => {
    const res = await request<Me>(node.url, 'POST', '/api/auth/login', {}, who);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return { me: res.body, cookie: res.cookie! };
  };

  beforeAll(async () => {
    schema = await freshSchema();
    const seed = await openPostgresStore(schema.url, {
      log: () => undefined,
      initialConfig: defaultConfig,
    });
    const now = Date.now();
    // An admin and a device exist, so neither node bootstraps them.
    await addUser(seed.config, { username: 'admin', role: 'admin', hallId: HALL }, now);
    await addDevice(seed.config, { kind: 'display', hallId: HALL, name: 'd' }, now);
    clerk.password = (
      await addUser(seed.config, { username: clerk.username, role: 'clerk', hallId: HALL }, now)
    ).password;
    oneTime.password = (
      await addUser(
        seed.config,
        { username: oneTime.username, role: 'clerk', hallId: HALL, passwordChangeRequired: true },
        now,
      )
    ).password;
    await seed.close();
    [a, b] = await startNodePair(schema, balancer, redisPrefix);
  });

  afterAll(() => stopNodePair({ sockets, nodes: [a, b], balancer, schema, redisPrefix }));

  it('when a one-time password signs in on B, then the mark stored in PostgreSQL restricts it on A too', async () => {
    const { me, cookie } = await login(b, oneTime);
    expect(me.passwordChangeRequired).toBe(true);
    const queue = await request(a.url, 'GET', `/api/halls/${HALL}/queue`, { Cookie: cookie });
    expect(queue.status).toBe(403);
    expect((queue.body as { error: { code: string } }).error.code).toBe('password-change-required');
    const socket = staffSocket(a.url, '/counter', cookie);
    sockets.push(socket);
    const refused = await next<Error & { data?: { code?: string } }>(socket, 'connect_error');
    expect(refused.data?.code).toBe('password-change-required');
  });

  it('when a clerk changes their password on A, then their other session on B is closed at once and the changing session keeps its socket on B', async () => {
    const changing = await login(a, clerk);
    const other = await login(b, clerk);
    const keptSocket = staffSocket(b.url, '/counter', changing.cookie);
    const otherSocket = staffSocket(b.url, '/counter', other.cookie);
    sockets.push(keptSocket, otherSocket);
    await Promise.all([next(keptSocket, 'queue:snapshot'), next(otherSocket, 'queue:snapshot')]);
    const told = next(otherSocket, 'session:expired');
    const dropped = next<string>(otherSocket, 'disconnect');

    const changed = await request(
      a.url,
      'POST',
      '/api/auth/password',
      { Cookie: changing.cookie },
      { currentPassword: clerk.password, newPassword: 'kendi-parolam-1' },
    );

    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    await told;
    expect(await dropped).toBe('io server disconnect');
    // The same broadcast spared the changing session's socket: it is still served.
    const resync = await keptSocket.timeout(5000).emitWithAck('queue:resync');
    expect(resync).toMatchObject({ ok: true });
    expect(keptSocket.connected).toBe(true);
    const otherQueue = await request(b.url, 'GET', `/api/halls/${HALL}/queue`, {
      Cookie: other.cookie,
    });
    expect(otherQueue.status).toBe(401);
  });
});
