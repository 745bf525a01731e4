import express from 'express';
import { MemoryStore } from 'express-rate-limit';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loginBackoff, type LoginBackoff } from '../../server/src/http/login-backoff.js';

/** A sign-in route behind the back-off, whose "password check" counts how often it runs. */
function signInRoute(limits: LoginBackoff) {
  const checks = { count: 0 };
  const app = express();
  app.post(
    '/login',
    express.json(),
    loginBackoff(limits, { failures: new MemoryStore(), failureTimes: new MemoryStore() }, (req) =>
      String(req.body.username),
    ),
    (req, res) => {
      checks.count += 1;
      res.status(req.body.password === 'right' ? 200 : 401).json({});
    },
  );
  const attempt = (password: string, username = 'clerk1') =>
    request(app).post('/login').send({ username, password });
  return { attempt, checks };
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
});
