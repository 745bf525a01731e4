import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kiosk, signedIn } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe('tickets over REST', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.dispose();
  });

  it('when the health route is asked, then it answers ok with the version', async () => {
    const res = await request(server.app.app).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true });
  });

  it('when a kiosk lists services, then each has its waiting count and estimate', async () => {
    await kiosk(server).issue('vezne');
    const res = await request(server.app.app).get('/api/halls/cankaya/services');
    expect(res.status).toBe(200);
    const vezne = res.body.find((s: { id: string }) => s.id === 'vezne');
    expect(vezne).toMatchObject({
      prefix: 'V',
      waiting: 1,
      targetMinutes: 4,
      name: { tr: 'Vezne', en: 'Cashier' },
      estimate: { kind: 'no-open-counter' },
    });
    expect(res.body).toHaveLength(6);
  });

  it('when a kiosk issues tickets, then numbers count up per service and the reply has all the visitor needs', async () => {
    const a = await kiosk(server).issue('vezne', { lang: 'en' });
    const b = await kiosk(server).issue('vezne');
    const c = await kiosk(server).issue('ruhsat', { priority: 'elderly' });
    expect(a.status).toBe(201);
    expect([a.body.number, b.body.number, c.body.number]).toEqual(['V001', 'V002', 'R001']);
    expect(a.body).toMatchObject({
      serviceId: 'vezne',
      lang: 'en',
      peopleAhead: 0,
      priority: null,
    });
    expect(b.body.peopleAhead).toBe(1);
    expect(c.body.priority).toBe('elderly');
    expect(a.body.code).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(a.body.statusUrl).toBe(`${server.url}/t/${a.body.code}`);
  });

  it('when the status code is looked up, then the visitor sees their own ticket and nothing else', async () => {
    const a = await kiosk(server).issue('vezne');
    await kiosk(server).issue('vezne');
    const res = await request(server.app.app).get(`/api/tickets/${a.body.code}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      number: 'V001',
      status: 'waiting',
      peopleAhead: 0,
      counterNumber: null,
    });
    expect(JSON.stringify(res.body)).not.toContain('V002');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('when an unknown status code is asked, then 404 ticket-not-found', async () => {
    const res = await request(server.app.app).get('/api/tickets/AAAAAAAAAAAAAAAAAAAAAA');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('ticket-not-found');
  });

  it.each([
    [{ serviceId: 42 }, 'serviceId'],
    [{}, 'serviceId'],
    [{ serviceId: 'vezne', priority: 'vip' }, 'priority'],
    [{ serviceId: 'vezne', lang: 'de' }, 'lang'],
    [{ serviceId: 'vezne', admin: true }, 'admin'],
    [{ serviceId: 'vezne', ['__proto__']: { polluted: 1 } }, '__proto__'],
  ])(
    'when the body is %j, then 400 validation names %s and nothing is issued',
    async (body, field) => {
      const res = await request(server.app.app)
        .post('/api/halls/cankaya/tickets')
        .set('Authorization', `Bearer ${server.kioskKey}`)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify(body));
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'validation', field });
      expect(server.app.queues.hall('cankaya')!.state.tickets.size).toBe(0);
    },
  );

  it('when the body is not JSON, then 400 validation', async () => {
    const res = await request(server.app.app)
      .post('/api/halls/cankaya/tickets')
      .set('Authorization', `Bearer ${server.kioskKey}`)
      .set('Content-Type', 'application/json')
      .send('{"serviceId": ');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation');
  });

  it('when the body is larger than the cap, then 413 and nothing is issued', async () => {
    const res = await request(server.app.app)
      .post('/api/halls/cankaya/tickets')
      .set('Authorization', `Bearer ${server.kioskKey}`)
      .send({ serviceId: 'vezne', lang: 'x'.repeat(10_000) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload-too-large');
    expect(server.app.queues.hall('cankaya')!.state.tickets.size).toBe(0);
  });

  it('when the hall or service is unknown, then 404 with its code', async () => {
    const noHall = await request(server.app.app)
      .post('/api/halls/nowhere/tickets')
      .set('Authorization', `Bearer ${server.kioskKey}`)
      .send({ serviceId: 'vezne' });
    expect(noHall.status).toBe(404);
    expect(noHall.body.error.code).toBe('hall-not-found');
    const noService = await kiosk(server).issue('nope');
    expect(noService.status).toBe(404);
    expect(noService.body.error.code).toBe('service-not-found');
  });

  it('when no key or a wrong key is sent, then 401 and nothing is issued', async () => {
    const none = await request(server.app.app)
      .post('/api/halls/cankaya/tickets')
      .send({ serviceId: 'vezne' });
    const wrong = await request(server.app.app)
      .post('/api/halls/cankaya/tickets')
      .set('Authorization', 'Bearer not-a-key')
      .send({ serviceId: 'vezne' });
    expect([none.status, wrong.status]).toEqual([401, 401]);
    expect(server.app.queues.hall('cankaya')!.state.tickets.size).toBe(0);
  });

  it('when a display key tries to issue, then 403', async () => {
    const res = await request(server.app.app)
      .post('/api/halls/cankaya/tickets')
      .set('Authorization', `Bearer ${server.displayKey}`)
      .send({ serviceId: 'vezne' });
    expect(res.status).toBe(403);
  });

  it('when the visitor leaves, then their ticket is cancelled and a second cancel is refused', async () => {
    const a = await kiosk(server).issue('vezne');
    const res = await request(server.app.app).post(`/api/tickets/${a.body.code}/cancel`).send({});
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('cancelled');
    const again = await request(server.app.app).post(`/api/tickets/${a.body.code}/cancel`).send({});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('invalid-transition');
  });

  it('when the OpenAPI document is asked, then it lists every mounted route', async () => {
    const res = await request(server.app.app).get('/api/docs');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    for (const r of server.app.routes) {
      const p = `/api${r.path.replace(/:([A-Za-z]+)/g, '{$1}')}`;
      expect(res.body.paths[p]?.[r.method], `${r.method} ${p}`).toBeDefined();
    }
    expect(res.body.paths['/api/halls/{hallId}/tickets'].post.requestBody).toBeDefined();
  });

  it('when any page is served, then security headers and a LAN-friendly CSP are set', async () => {
    const res = await request(server.app.app).get('/api/health');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('when a finished visit is rated, then the rating is kept once and feeds the statistics', async () => {
    const issued = await kiosk(server).issue('vezne');
    const code = issued.body.code as string;
    const early = await request(server.app.app)
      .post(`/api/tickets/${code}/rating`)
      .send({ rating: 5 });
    expect(early.status).toBe(409);
    const { agent } = await signedIn(server, 'manager');
    for (const step of ['open', 'call-next', 'start'])
      await agent.post(`/api/counters/banko-1/${step}`).send({});
    await agent.post('/api/counters/banko-1/complete').send({ outcome: 'resolved' });

    const bad = await request(server.app.app)
      .post(`/api/tickets/${code}/rating`)
      .send({ rating: 6 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('rating');
    const rated = await request(server.app.app)
      .post(`/api/tickets/${code}/rating`)
      .send({ rating: 4, comment: 'Hızlıydı, teşekkürler' });
    expect(rated.status).toBe(200);
    expect(rated.body).toMatchObject({ status: 'done', rating: 4 });
    const again = await request(server.app.app)
      .post(`/api/tickets/${code}/rating`)
      .send({ rating: 1 });
    expect(again.status).toBe(409);

    const day = server.app.queues.hall('cankaya')!.state.day;
    const stats = await agent.get(`/api/stats?from=${day}&to=${day}&groupBy=none`);
    expect(stats.body.total).toMatchObject({ ratings: 1, meanRating: 4 });
    const csv = await agent
      .get(`/api/exports/tickets.csv?from=${day}&to=${day}`)
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString('utf8')));
        res.on('end', () => done(null, text));
      });
    expect(String(csv.body)).toContain('Hızlıydı, teşekkürler');
  });
});

describe('tickets when no counter serving the service is open', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.dispose();
  });

  async function setPolicy(whenNoCounterOpen: unknown) {
    const { agent } = await signedIn(server, 'admin');
    return agent.patch('/api/halls/cankaya').send({ whenNoCounterOpen });
  }

  const services = async () =>
    (await request(server.app.app).get('/api/halls/cankaya/services')).body as Array<{
      id: string;
      waiting: number;
      estimate: unknown;
      refusesTickets: boolean;
    }>;

  it('when the hall issues then (the default) and every counter is closed, then the ticket is issued and says no counter is open, never no wait', async () => {
    const res = await kiosk(server).issue('vezne');

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ peopleAhead: 0, estimate: { kind: 'no-open-counter' } });
    const status = await request(server.app.app).get(`/api/tickets/${res.body.code}`);
    expect(status.body.estimate).toEqual({ kind: 'no-open-counter' });
    expect((await services()).find((s) => s.id === 'vezne')).toMatchObject({
      waiting: 1,
      estimate: { kind: 'no-open-counter' },
      refusesTickets: false,
    });
  });

  it('when a counter covering the service opens, then the estimate is a time again', async () => {
    const { agent } = await signedIn(server, 'clerk');
    await agent.post('/api/counters/banko-1/open').send({});

    const res = await kiosk(server).issue('vezne');

    expect(res.body.estimate).toEqual({ kind: 'minutes', minutes: 0 });
    // The first visitor's walk (30 s) and visit (4 min) are ahead of the second.
    expect((await kiosk(server).issue('vezne')).body.estimate).toEqual({
      kind: 'minutes',
      minutes: 5,
    });
  });

  it('when the hall refuses then and no vezne counter is open, then 409 no-open-counter and nothing is issued', async () => {
    expect((await setPolicy('refuse')).status).toBe(200);
    const { agent } = await signedIn(server, 'clerk');
    await agent.post('/api/counters/banko-4/open').send({}); // ruhsat and dilekçe only

    const refused = await kiosk(server).issue('vezne');

    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('no-open-counter');
    const lines = await services();
    expect(lines.find((s) => s.id === 'vezne')).toMatchObject({
      waiting: 0,
      refusesTickets: true,
    });
    expect(lines.find((s) => s.id === 'ruhsat')).toMatchObject({ refusesTickets: false });
    expect((await kiosk(server).issue('ruhsat')).status).toBe(201);
    // No number was used up by the refusal.
    await agent.post('/api/counters/banko-4/close').send({});
    await agent.post('/api/counters/banko-1/open').send({});
    const issued = await kiosk(server).issue('vezne');
    expect([issued.status, issued.body.number]).toEqual([201, 'V001']);
  });

  it('when an admin reads the settings, then the policy reads issue by default; a value outside issue or refuse is 400 and nothing is stored', async () => {
    const { agent } = await signedIn(server, 'admin');
    expect((await agent.get('/api/settings')).body.hall.whenNoCounterOpen).toBe('issue');

    const bad = await setPolicy('sometimes');

    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'validation', field: 'whenNoCounterOpen' });
    expect((await agent.get('/api/settings')).body.hall.whenNoCounterOpen).toBe('issue');
  });
});
