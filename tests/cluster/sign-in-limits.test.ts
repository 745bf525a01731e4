import express from 'express';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { makeLimiters, type RateLimits } from '../../server/src/http/limiters.js';
import { connectRedisCluster, type RedisCluster } from '../../server/src/realtime/redis-cluster.js';
import { redisUrl, uniqueName } from './cluster-support.js';

/**
 * Two servers' sign-in limiters, each with its own Redis connection and one shared prefix, in
 * front of a "password check" that counts how often it runs (right password: `right`).
 */
async function twoNodes(limits: RateLimits) {
  const prefix = uniqueName('sign-in');
  const checks = { count: 0 };
  const node = async () => {
    const redis = await connectRedisCluster(redisUrl(), prefix, () => undefined);
    const limiters = makeLimiters(limits, () => ({ kind: 'anonymous' }), redis.rateLimitStore);
    const app = express();
    app.post('/login', express.json(), limiters.login, (req, res) => {
      checks.count += 1;
      res.status(req.body.password === 'right' ? 200 : 401).json({});
    });
    const attempt = (username: string, password: string) =>
      request(app).post('/login').send({ username, password });
    return { redis, attempt };
  };
  const [a, b] = [await node(), await node()];
  return { a, b, checks };
}

describe('sign-in limits across servers (Redis)', () => {
  const connections: RedisCluster[] = [];
  afterEach(async () => {
    await Promise.all(connections.splice(0).map((c) => c.close()));
  });
  const start = async (limits: RateLimits) => {
    const nodes = await twoNodes(limits);
    connections.push(nodes.a.redis, nodes.b.redis);
    return nodes;
  };

  it('when wrong passwords for one account come through both servers, then both hold the account back', async () => {
    const { a, b, checks } = await start({
      loginPerMinute: 1000,
      issuePerMinute: 1000,
      loginBackoff: { freeFailures: 2, firstDelayMs: 60_000, maxDelayMs: 60_000 },
    });
    expect((await a.attempt('clerk1', 'wrong')).status).toBe(401);
    expect((await b.attempt(' CLERK1\t', 'wrong')).status).toBe(401);
    const refusedA = await a.attempt('clerk1', 'right');
    const refusedB = await b.attempt('Clerk1', 'right');
    expect([refusedA.status, refusedB.status]).toEqual([429, 429]);
    expect(Number(refusedB.headers['retry-after'])).toBeGreaterThanOrEqual(59);
    expect(checks.count).toBe(2);
  });

  it('when a clerk signs in rightly on one server, then the other forgets their mistakes too', async () => {
    const { a, b } = await start({
      loginPerMinute: 1000,
      issuePerMinute: 1000,
      loginBackoff: { freeFailures: 3, firstDelayMs: 60_000, maxDelayMs: 60_000 },
    });
    const statuses: number[] = [];
    for (const [node, password] of [
      [a, 'wrong'],
      [b, 'wrong'],
      [a, 'right'],
      [b, 'wrong'],
      [a, 'wrong'],
      [b, 'right'],
    ] as const) {
      statuses.push((await node.attempt('clerk2', password)).status);
    }
    expect(statuses).toEqual([401, 401, 200, 401, 401, 200]);
  });

  it('when one address tries many names through both servers, then its failures are capped together', async () => {
    const { a, b } = await start({
      loginPerMinute: 1000,
      issuePerMinute: 1000,
      loginFailuresPerAddressPerMinute: 3,
    });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await (i % 2 ? b : a).attempt(`ghost${i}`, 'wrong')).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});
