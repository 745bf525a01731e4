import request from 'supertest';
import { expect } from 'vitest';
import type { TestServer } from './test-server.js';

/** A supertest agent signed in as a new user of the given role (keeps its session cookie). */
export async function signedIn(
  server: TestServer,
  role: 'clerk' | 'manager' | 'admin',
  username?: string,
) {
  const user = await server.addUser(role, username);
  // Like the pages' API client: every change is sent as JSON, with or without a body (the
  // server refuses other changes from a cookie as possibly cross-site).
  const agent = request.agent(server.app.app).type('application/json');
  const res = await agent
    .post('/api/auth/login')
    .send({ username: user.username, password: user.password });
  if (res.status !== 200)
    throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  const cookie = String(res.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
  return { agent, user, cookie };
}

export function kiosk(server: TestServer) {
  return {
    issue: (serviceId: string, extra: Record<string, unknown> = {}) =>
      request(server.app.app)
        .post('/api/halls/cankaya/tickets')
        .set('Authorization', `Bearer ${server.kioskKey}`)
        .send({ serviceId, ...extra }),
  };
}

/**
 * A new signed-in user's JSON requests over real HTTP, as their page sends them (for tests that
 * also drive a browser on the same server); each asserts a 200.
 */
export async function staffRequests(server: TestServer, role: 'clerk' | 'manager' | 'admin') {
  const { username, password } = await server.addUser(role);
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  return async (method: string, path: string, body: unknown = {}) => {
    const res = await fetch(`${server.url}/api${path}`, {
      method,
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(body),
    });
    expect(res.status, `${path}: ${await res.clone().text()}`).toBe(200);
  };
}
