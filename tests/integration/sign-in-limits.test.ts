import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import type { RateLimits } from '../../server/src/http/limiters.js';
import { signedIn } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe('sign-in limits', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.dispose();
    server = undefined;
  });

  const start = async (rateLimits: RateLimits) => {
    server = await startTestServer({ rateLimits });
    return server;
  };
  const signIn = (s: TestServer, username: string, password: string, cookie?: string) => {
    const req = request(s.app.app).post('/api/auth/login');
    if (cookie) req.set('Cookie', cookie);
    return req.send({ username, password });
  };

  it('when one account is tried under spellings that sign-in folds together, then they share one bucket', async () => {
    const s = await start({ loginPerMinute: 3, issuePerMinute: 100 });
    const user = await s.addUser('clerk', 'clerk1');
    const statuses: number[] = [];
    for (const name of [' clerk1', 'clerk1\t', 'CLERK1', 'clerk1\u00a0']) {
      statuses.push((await signIn(s, name, 'wrong-password')).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    // The right password under yet another spelling is refused too: the bucket is the account's.
    expect((await signIn(s, ' Clerk1 ', user.password)).status).toBe(429);
  });

  it('when one address tries many user names, then its failures are capped across names', async () => {
    const s = await start({
      loginPerMinute: 1000,
      issuePerMinute: 100,
      loginFailuresPerAddressPerMinute: 5,
    });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await signIn(s, `ghost${i}`, 'nope')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('when clerks sign in rightly through one address, then the cap across names does not count them', async () => {
    const s = await start({
      loginPerMinute: 1000,
      issuePerMinute: 100,
      loginFailuresPerAddressPerMinute: 2,
    });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const user = await s.addUser('clerk');
      statuses.push((await signIn(s, user.username, user.password)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200]);
  });

  it('when an account had too many wrong passwords, then even the right one waits, with Retry-After', async () => {
    const s = await start({
      loginPerMinute: 1000,
      issuePerMinute: 100,
      loginBackoff: { freeFailures: 3, firstDelayMs: 60_000, maxDelayMs: 120_000 },
    });
    const user = await s.addUser('clerk', 'sevgi');
    // From "different" spellings, as a distributed guesser would not bother to vary, but could.
    for (const name of ['sevgi', 'SEVGI', ' sevgi']) {
      expect((await signIn(s, name, 'wrong-password')).status).toBe(401);
    }
    const refused = await signIn(s, 'sevgi', user.password);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate-limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(59);
    // Another account is not held back.
    const other = await s.addUser('clerk');
    expect((await signIn(s, other.username, other.password)).status).toBe(200);
  });

  it('when a signed-in clerk mistypes a sign-in, then their session goes on and no cookie is cleared', async () => {
    const s = await start({ loginPerMinute: 1000, issuePerMinute: 100 });
    const { agent, cookie, user } = await signedIn(s, 'clerk');
    const failed = await signIn(s, user.username, 'wrong-password', cookie);
    expect(failed.status).toBe(401);
    expect(failed.headers['set-cookie']).toBeUndefined();
    const me = await agent.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ kind: 'user', username: user.username });
  });

  it('when many sign-ins arrive at once, then those past the hashing queue are told to retry at once', async () => {
    const s = await start({
      loginPerMinute: 1000,
      issuePerMinute: 100,
      loginFailuresPerAddressPerMinute: 1000,
    });
    const replies = await Promise.all(
      Array.from({ length: 60 }, (_, i) => signIn(s, `flood${i}`, 'wrong-password')),
    );
    const busy = replies.filter((r) => r.status === 429);
    expect(busy.length).toBeGreaterThan(0);
    expect(busy.every((r) => r.headers['retry-after'] === '1')).toBe(true);
    expect(replies.every((r) => r.status === 401 || r.status === 429)).toBe(true);
  });
});
