import request from 'supertest';
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
