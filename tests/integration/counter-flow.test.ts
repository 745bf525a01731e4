import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kiosk, signedIn } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe('counter commands over REST', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.dispose();
  });

  it('when a clerk opens, calls, starts and completes, then the visit is done with its outcome', async () => {
    const { agent, user } = await signedIn(server, 'clerk');
    await kiosk(server).issue('vezne');
    const open = await agent.post('/api/counters/banko-1/open').send({});
    expect(open.status).toBe(200);
    expect(open.body.counter).toMatchObject({ id: 'banko-1', status: 'open', clerkId: user.id });
    const call = await agent.post('/api/counters/banko-1/call-next').send({});
    expect(call.status).toBe(200);
    expect(call.body.ticket).toMatchObject({
      number: 'V001',
      status: 'called',
      counterId: 'banko-1',
    });
    expect((await agent.post('/api/counters/banko-1/start').send({})).body.ticket.status).toBe(
      'serving',
    );
    const done = await agent
      .post('/api/counters/banko-1/complete')
      .send({ outcome: 'forwarded', directorateId: 'fen-isleri', note: 'Fen İşleri' });
    expect(done.status).toBe(200);
    expect(done.body.ticket).toMatchObject({
      status: 'done',
      outcome: 'forwarded',
      note: 'Fen İşleri',
    });
    expect(done.body.counter.currentTicketId).toBeNull();
  });

  it('when a command is illegal in the current state, then 409 with its code and nothing changes', async () => {
    const { agent } = await signedIn(server, 'clerk');
    expect((await agent.post('/api/counters/banko-1/call-next').send({})).body.error.code).toBe(
      'counter-not-open',
    );
    await agent.post('/api/counters/banko-1/open').send({});
    const empty = await agent.post('/api/counters/banko-1/call-next').send({});
    expect(empty.status).toBe(409);
    expect(empty.body.error.code).toBe('queue-empty');
    const complete = await agent
      .post('/api/counters/banko-1/complete')
      .send({ outcome: 'resolved' });
    expect(complete.status).toBe(409);
    expect(complete.body.error.code).toBe('invalid-transition');
    expect(server.app.queues.hall('cankaya')!.state.rev).toBe(1);
  });

  it('when a clerk calls a specific number, then that ticket is called even if others wait longer', async () => {
    const { agent } = await signedIn(server, 'clerk');
    await kiosk(server).issue('vezne');
    await kiosk(server).issue('vezne');
    await agent.post('/api/counters/banko-1/open').send({});
    const res = await agent.post('/api/counters/banko-1/call').send({ number: 'v002' });
    expect(res.status).toBe(200);
    expect(res.body.ticket.number).toBe('V002');
    const missing = await agent.post('/api/counters/banko-1/recall').send({});
    expect(missing.status).toBe(200);
  });

  it('when a second clerk takes a counter in use, then 409 counter-taken; acting on it is 403', async () => {
    const a = await signedIn(server, 'clerk');
    const b = await signedIn(server, 'clerk');
    await a.agent.post('/api/counters/banko-2/open').send({});
    const take = await b.agent.post('/api/counters/banko-2/open').send({});
    expect(take.status).toBe(409);
    expect(take.body.error.code).toBe('counter-taken');
    const act = await b.agent.post('/api/counters/banko-2/pause').send({ reason: 'break' });
    expect(act.status).toBe(403);
  });

  it('when a manager acts on a clerk’s counter, then the override is allowed', async () => {
    const clerk = await signedIn(server, 'clerk');
    const manager = await signedIn(server, 'manager');
    await clerk.agent.post('/api/counters/banko-2/open').send({});
    const res = await manager.agent.post('/api/counters/banko-2/close').send({});
    expect(res.status).toBe(200);
    expect(res.body.counter.status).toBe('closed');
  });

  it('when transfer, no-show, restore and requeue are used, then the ticket moves as the rules say', async () => {
    const { agent } = await signedIn(server, 'clerk');
    await kiosk(server).issue('vezne');
    await kiosk(server).issue('vezne');
    await agent.post('/api/counters/banko-3/open').send({});
    await agent.post('/api/counters/banko-3/call-next').send({});
    await agent.post('/api/counters/banko-3/start').send({});
    const moved = await agent
      .post('/api/counters/banko-3/transfer')
      .send({ serviceId: 'dilekce', position: 'front' });
    expect(moved.body.ticket).toMatchObject({
      number: 'V001',
      serviceId: 'dilekce',
      status: 'waiting',
      front: true,
    });
    const next = await agent.post('/api/counters/banko-3/call-next').send({});
    expect(next.body.ticket.number).toBe('V001'); // front of the line, banko-3 covers dilekce
    await agent.post('/api/counters/banko-3/no-show').send({});
    const restored = await agent.post('/api/counters/banko-3/restore').send({ number: 'V001' });
    expect(restored.body.ticket).toMatchObject({ status: 'waiting', front: true });
    await agent.post('/api/counters/banko-3/call').send({ number: 'V002' });
    const requeued = await agent.post('/api/counters/banko-3/requeue').send({});
    expect(requeued.body.ticket).toMatchObject({ number: 'V002', status: 'waiting' });
  });

  it('when the user name is typed in capitals on any keyboard, then sign-in still works', async () => {
    const user = await server.addUser('clerk', 'ayse.yilmaz');
    const res = await request(server.app.app)
      .post('/api/auth/login')
      .send({ username: 'AYSE.YILMAZ', password: user.password });
    expect(res.status).toBe(200);
  });

  it('when the password is wrong or the user unknown, then the same 401 without a hint', async () => {
    const user = await server.addUser('clerk');
    const wrongPw = await request(server.app.app)
      .post('/api/auth/login')
      .send({ username: user.username, password: 'nope' });
    const noUser = await request(server.app.app)
      .post('/api/auth/login')
      .send({ username: 'ghost', password: 'nope' });
    expect(wrongPw.status).toBe(401);
    expect(noUser.status).toBe(401);
    expect(wrongPw.body).toEqual(noUser.body);
  });

  it('when a clerk signs in, then the cookie is HttpOnly and SameSite=Strict, and logout ends the session', async () => {
    const user = await server.addUser('clerk');
    const agent = request.agent(server.app.app);
    const res = await agent
      .post('/api/auth/login')
      .send({ username: user.username, password: user.password });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/sid=[A-Za-z0-9_-]{40,}/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect((await agent.get('/api/auth/me')).body).toMatchObject({
      kind: 'user',
      username: user.username,
      role: 'clerk',
    });
    expect((await agent.post('/api/auth/logout').send({})).status).toBe(204);
    expect((await agent.get('/api/auth/me')).status).toBe(401);
  });

  it('when a clerk logs in again with an old cookie, then a new session id is issued (no fixation)', async () => {
    const { agent, cookie, user } = await signedIn(server, 'clerk');
    const again = await agent
      .post('/api/auth/login')
      .send({ username: user.username, password: user.password });
    const fresh = String(again.headers['set-cookie']?.[0]).split(';')[0];
    expect(fresh).not.toBe(cookie);
    const old = await request(server.app.app).get('/api/auth/me').set('Cookie', cookie);
    expect(old.status).toBe(401);
  });

  it('when sign-in is attempted too often, then 429 rate-limited', async () => {
    await server.dispose();
    server = await startTestServer({ rateLimits: { loginPerMinute: 3, issuePerMinute: 2 } });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      codes.push(
        (
          await request(server.app.app)
            .post('/api/auth/login')
            .send({ username: 'x1', password: 'y' })
        ).status,
      );
    }
    expect(codes).toEqual([401, 401, 401, 429, 429]);
    const issues: number[] = [];
    for (let i = 0; i < 3; i++) issues.push((await kiosk(server).issue('vezne')).status);
    expect(issues).toEqual([201, 201, 429]);
  });
});
