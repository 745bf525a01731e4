import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kiosk, signedIn } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * SameSite=Strict keeps the session cookie off requests from *other sites*, but another port
 * of the same host, or a sibling subdomain, is the same site: the browser sends the cookie. The
 * server must tell its own pages from those by origin, and take changes only as JSON.
 */
describe('changes from another origin (CSRF)', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.dispose();
  });

  const rev = () => server.app.queues.hall('cankaya')!.state.rev;

  /** A clerk at banko-1 with a visitor called, so a recall would be announced again. */
  async function clerkWithCall() {
    const clerk = await signedIn(server, 'clerk');
    await kiosk(server).issue('vezne');
    expect((await clerk.agent.post('/api/counters/banko-1/open').send({})).status).toBe(200);
    expect((await clerk.agent.post('/api/counters/banko-1/call-next').send({})).status).toBe(200);
    return clerk;
  }

  it('when every state-changing route is called with an admin cookie from a sibling origin, then each answers 403 forbidden-origin and nothing is stored', async () => {
    const { cookie } = await signedIn(server, 'admin');
    const config = JSON.stringify(server.app.configStore.read());
    const before = rev();
    const changing = server.app.routes.filter((r) => r.method !== 'get');
    expect(changing.length).toBeGreaterThan(20);
    for (const r of changing) {
      const path = `/api${r.path.replace(/:(\w+)/g, (_m, name: string) => (name === 'hallId' ? 'cankaya' : 'x'))}`;
      const agent = request(server.url);
      const res = await agent[r.method](path)
        .set('Cookie', cookie)
        .set('Origin', 'https://duyuru.example.gov.tr')
        .send({});
      expect(res.status, `${r.method} ${path}`).toBe(403);
      expect(res.body.error.code, `${r.method} ${path}`).toBe('forbidden-origin');
    }
    expect(rev()).toBe(before);
    expect(JSON.stringify(server.app.configStore.read())).toBe(config);
  });

  it('when a form on another port of the same host posts text/plain to recall with the clerk cookie, then 403 forbidden-origin and nothing is announced; the page itself may recall', async () => {
    const { cookie } = await clerkWithCall();
    const before = rev();

    // What a browser sends for <form method=post enctype=text/plain> on http://127.0.0.1:8081.
    const forged = await request(server.url)
      .post('/api/counters/banko-1/recall')
      .set('Cookie', cookie)
      .set('Origin', 'http://127.0.0.1:8081')
      .set('Sec-Fetch-Site', 'same-site')
      .set('Content-Type', 'text/plain')
      .send('{"":"="}');
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe('forbidden-origin');
    expect(rev()).toBe(before);

    const own = await request(server.url)
      .post('/api/counters/banko-1/recall')
      .set('Cookie', cookie)
      .set('Origin', server.url)
      .set('Sec-Fetch-Site', 'same-origin')
      .send({});
    expect(own.status).toBe(200);
    expect(rev()).toBe(before + 1);
  });

  it('when a script sends a JSON revoke with an admin cookie and a foreign Origin, then 403 forbidden-origin and the device keeps working', async () => {
    const { cookie } = await signedIn(server, 'admin');
    const display = server.app.configStore.read().devices.find((d) => d.name === 'Test display')!;

    for (const origin of ['http://127.0.0.1:8081', 'http://evil.example', 'null']) {
      const res = await request(server.url)
        .post(`/api/devices/${display.id}/revoke`)
        .set('Cookie', cookie)
        .set('Origin', origin)
        .send({});
      expect(res.status, origin).toBe(403);
      expect(res.body.error.code, origin).toBe('forbidden-origin');
    }
    const stored = server.app.configStore.read().devices.find((d) => d.id === display.id)!;
    expect(stored.revokedAt).toBeNull();
    const me = await request(server.url)
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${server.displayKey}`);
    expect(me.status).toBe(200);
  });

  it('when Sec-Fetch-Site says same-site or cross-site, then the change is refused even without an Origin; same-origin passes', async () => {
    const { cookie } = await clerkWithCall();
    const before = rev();
    for (const site of ['same-site', 'cross-site', 'none']) {
      const res = await request(server.url)
        .post('/api/counters/banko-1/recall')
        .set('Cookie', cookie)
        .set('Sec-Fetch-Site', site)
        .send({});
      expect(res.status, site).toBe(403);
      expect(res.body.error.code, site).toBe('forbidden-origin');
    }
    expect(rev()).toBe(before);
    const own = await request(server.url)
      .post('/api/counters/banko-1/recall')
      .set('Cookie', cookie)
      .set('Sec-Fetch-Site', 'same-origin')
      .send({});
    expect(own.status).toBe(200);
  });

  it('when a cookie request without a body has no JSON content type (logout, call-next), then it is refused; with application/json it goes through', async () => {
    const { cookie } = await signedIn(server, 'clerk');
    await kiosk(server).issue('vezne');
    const post = (path: string) =>
      request(server.url).post(path).set('Cookie', cookie).set('Origin', server.url);

    expect((await post('/api/counters/banko-1/open').type('json')).status).toBe(200);
    const before = rev();
    const bare = await post('/api/counters/banko-1/call-next');
    expect(bare.status).toBe(403);
    expect(bare.body.error.code).toBe('forbidden-origin');
    const form = await post('/api/counters/banko-1/call-next').type('form').send('a=1');
    expect(form.status).toBe(403);
    expect(rev()).toBe(before);
    expect((await post('/api/counters/banko-1/call-next').type('json')).status).toBe(200);

    const logout = await post('/api/auth/logout');
    expect(logout.status).toBe(403);
    expect((await request(server.url).get('/api/auth/me').set('Cookie', cookie)).status).toBe(200);
    expect((await post('/api/auth/logout').type('json')).status).toBe(204);
    expect((await request(server.url).get('/api/auth/me').set('Cookie', cookie)).status).toBe(401);
  });

  it('when a request has neither Origin nor Sec-Fetch-Site (a non-browser client), then JSON goes through and text/plain is refused', async () => {
    const { cookie } = await clerkWithCall();
    const before = rev();
    const plain = await request(server.url)
      .post('/api/counters/banko-1/recall')
      .set('Cookie', cookie)
      .set('Content-Type', 'text/plain')
      .send('{}');
    expect(plain.status).toBe(403);
    expect(rev()).toBe(before);
    const json = await request(server.url)
      .post('/api/counters/banko-1/recall')
      .set('Cookie', cookie)
      .send({});
    expect(json.status).toBe(200);
  });

  it('when the server sits behind a proxy under its public URL, then that origin passes and a sibling subdomain is refused', async () => {
    const { cookie } = await clerkWithCall();
    const before = rev();
    // The proxy forwards another Host; the browser's Origin is the public URL.
    const viaProxy = (origin: string) =>
      request(server.url)
        .post('/api/counters/banko-1/recall')
        .set('Host', 'siramatik.internal:3000')
        .set('Cookie', cookie)
        .set('Origin', origin)
        .send({});
    const sibling = await viaProxy('http://duyurular.siramatik.internal:3000');
    expect(sibling.status).toBe(403);
    expect(rev()).toBe(before);
    expect((await viaProxy(server.url)).status).toBe(200);
  });

  it('when a kiosk sends its device key from another origin, then the ticket is issued; the same headers with a cookie instead are refused', async () => {
    const { cookie } = await signedIn(server, 'admin');
    const withKey = await request(server.url)
      .post('/api/halls/cankaya/tickets')
      .set('Authorization', `Bearer ${server.kioskKey}`)
      .set('Origin', 'http://127.0.0.1:8081')
      .set('Sec-Fetch-Site', 'same-site')
      .send({ serviceId: 'vezne' });
    expect(withKey.status).toBe(201);
    const withCookie = await request(server.url)
      .post('/api/halls/cankaya/tickets')
      .set('Cookie', cookie)
      .set('Origin', 'http://127.0.0.1:8081')
      .set('Sec-Fetch-Site', 'same-site')
      .send({ serviceId: 'vezne' });
    expect(withCookie.status).toBe(403);
    expect(withCookie.body.error.code).toBe('forbidden-origin');
  });
});
