import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import express from 'express';
import { MemoryStore, type Store } from 'express-rate-limit';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loginBackoff, type LoginBackoff } from '../../server/src/http/login-backoff.js';

/** A sign-in route behind the back-off, whose "password check" counts how often it runs. */
function signInRoute(
  limits: LoginBackoff,
  stores = { failures: new MemoryStore() as Store, failureTimes: new MemoryStore() as Store },
) {
  const checks = { count: 0 };
  const app = express();
  app.post(
    '/login',
    express.json(),
    loginBackoff(limits, stores, (req) => String(req.body.username)),
    (req, res) => {
      checks.count += 1;
      res.status(req.body.password === 'right' ? 200 : 401).json({});
    },
  );
  const attempt = (password: string, username = 'clerk1') =>
    request(app).post('/login').send({ username, password });
  return { app, attempt, checks };
}

/**
 * A store like Redis during an outage: while `down`, every call hangs until `up()` answers it
 * (from a memory store).
 */
function outageStore() {
  const inner = new MemoryStore();
  const held: Array<() => void> = [];
  const state = { down: false };
  const call =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      state.down
        ? new Promise<R>((resolve, reject) => held.push(() => fn(...args).then(resolve, reject)))
        : fn(...args);
  const store: Store = {
    init: (options) => inner.init(options),
    get: call((key: string) => inner.get(key)),
    increment: call((key: string) => inner.increment(key)),
    decrement: call((key: string) => inner.decrement(key)),
    resetKey: call((key: string) => inner.resetKey(key)),
  };
  const up = () => {
    state.down = false;
    held.splice(0).forEach((answer) => answer());
  };
  return { store, state, up, held };
}

describe('per-account sign-in back-off', () => {
  beforeEach(() => {
    // Only the clock the stores and the back-off read; sockets keep real timers.
    vi.useFakeTimers({ toFake: ['Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('when an account keeps failing, then each wait is longer, up to the cap, and waiting checks nothing', async () => {
    const { attempt, checks } = signInRoute({
      freeFailures: 1,
      firstDelayMs: 1000,
      maxDelayMs: 4000,
    });
    const waits: string[] = [];
    for (const delay of [1001, 2001, 4001, 4001]) {
      expect((await attempt('wrong')).status).toBe(401);
      const refused = await attempt('right');
      expect(refused.status).toBe(429);
      waits.push(String(refused.headers['retry-after']));
      vi.advanceTimersByTime(delay);
    }
    expect(waits).toEqual(['1', '2', '4', '4']);
    expect(checks.count).toBe(4);
    // After the last wait, the right password is checked and signs in.
    expect((await attempt('right')).status).toBe(200);
  });

  it('when a clerk signs in rightly between mistakes, then the count starts again', async () => {
    const { attempt, checks } = signInRoute({
      freeFailures: 3,
      firstDelayMs: 60_000,
      maxDelayMs: 60_000,
    });
    const statuses: number[] = [];
    for (const password of ['wrong', 'wrong', 'right', 'wrong', 'wrong', 'right']) {
      statuses.push((await attempt(password)).status);
    }
    expect(statuses).toEqual([401, 401, 200, 401, 401, 200]);
    expect(checks.count).toBe(6);
  });

  it('when another account fails, then this one is not held back', async () => {
    const { attempt } = signInRoute({ freeFailures: 1, firstDelayMs: 60_000, maxDelayMs: 60_000 });
    expect((await attempt('wrong', 'someone-else')).status).toBe(401);
    expect((await attempt('wrong', 'someone-else')).status).toBe(429);
    expect((await attempt('right')).status).toBe(200);
  });

  it('when a client gives up while the store hangs, then the account is free at once and the abandoned attempt checks no password', async () => {
    const failures = outageStore();
    const { app, attempt, checks } = signInRoute(
      { freeFailures: 10, firstDelayMs: 1000, maxDelayMs: 30_000 },
      { failures: failures.store, failureTimes: new MemoryStore() },
    );
    const server = http.createServer(app).listen(0);
    try {
      await once(server, 'listening');
      const serverSide = once(server, 'connection') as Promise<[Socket]>;
      failures.state.down = true;
      const abandoned = http.request({
        port: (server.address() as AddressInfo).port,
        method: 'POST',
        path: '/login',
        headers: { 'Content-Type': 'application/json' },
      });
      abandoned.on('error', () => undefined);
      abandoned.end(JSON.stringify({ username: 'clerk1', password: 'right' }));
      const [socket] = await serverSide;
      await vi.waitUntil(() => failures.held.length > 0, { interval: 1 });

      // The client gives up; the store is answering again by the next attempt.
      abandoned.destroy();
      await once(socket, 'close');
      await new Promise((resolve) => setImmediate(resolve));
      failures.state.down = false;
      const next = await attempt('right');

      expect(next.status).toBe(200);
      expect(checks.count).toBe(1);
      // When the hung call is answered at last, the abandoned attempt goes no further.
      failures.up();
      expect((await attempt('right')).status).toBe(200);
      expect(checks.count).toBe(2);
    } finally {
      server.close();
    }
  });
});
