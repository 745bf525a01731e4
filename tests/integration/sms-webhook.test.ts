import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kiosk } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { addWebhook, Receiver, testWebhookOptions, until } from './webhooks-support.js';

/*
 * The SMS when the turn nears goes out as `ticket.turn-near` to whatever the municipality's
 * SMS adapter listens on: the number only to an endpoint that ticked personal data.
 */
describe('ticket.turn-near to a real receiver', () => {
  let server: TestServer;
  let withPhone: Receiver;
  let withoutPhone: Receiver;

  beforeEach(async () => {
    server = await startTestServer({ webhooks: testWebhookOptions() });
    withPhone = await Receiver.start();
    withoutPhone = await Receiver.start();
  });
  afterEach(async () => {
    await server.dispose();
    await withPhone.close();
    await withoutPhone.close();
  });

  it('when a requesting visitor comes close, then the personal-data endpoint gets the number, signed, once, and the other endpoint the same event without it', async () => {
    const createdAt = Date.now() - 1_000;
    await addWebhook(server, withPhone, {
      createdAt,
      events: ['ticket.turn-near'],
      personalData: true,
    });
    await addWebhook(server, withoutPhone, { createdAt, events: ['ticket.turn-near'] });
    await server.app.configStore.update((d) => {
      d.halls.find((h) => h.id === 'cankaya')!.smsNotifyAhead = 1;
    });

    await kiosk(server).issue('vezne');
    const second = (await kiosk(server).issue('vezne', { lang: 'en' })).body;
    const third = (await kiosk(server).issue('vezne')).body;
    for (const t of [second, third]) {
      const res = await request(server.app.app)
        .post(`/api/tickets/${t.code}/sms`)
        .send({ phone: '+90 532 765 43 21', consent: true });
      expect(res.status).toBe(200);
    }
    // V002 has one ahead: told at once. V003 (two ahead) is told when V001 is called.
    await until(
      'V002 delivered',
      () => withPhone.received.length >= 1 && withoutPhone.received.length >= 1,
    );
    const clerk = await server.addUser('clerk');
    const agent = request.agent(server.app.app).type('application/json');
    await agent
      .post('/api/auth/login')
      .send({ username: clerk.username, password: clerk.password });
    expect((await agent.post('/api/counters/banko-1/open').send({})).status).toBe(200);
    expect((await agent.post('/api/counters/banko-1/call-next').send({})).status).toBe(200);
    await until(
      'V003 delivered',
      () => withPhone.received.length >= 2 && withoutPhone.received.length >= 2,
    );
    // More calls bring nothing more: once per ticket.
    expect((await agent.post('/api/counters/banko-1/start').send({})).status).toBe(200);
    expect(
      (await agent.post('/api/counters/banko-1/complete').send({ outcome: 'resolved' })).status,
    ).toBe(200);
    expect((await agent.post('/api/counters/banko-1/call-next').send({})).status).toBe(200);
    await new Promise((r) => setTimeout(r, 400));

    for (const r of [withPhone, withoutPhone]) {
      expect(r.types()).toEqual(['ticket.turn-near', 'ticket.turn-near']);
      expect(r.received.every((x) => x.verified)).toBe(true);
    }
    expect(withPhone.received.map((r) => r.body.data)).toEqual([
      expect.objectContaining({
        ticketId: second.id,
        number: 'V002',
        serviceId: 'vezne',
        serviceName: 'Vezne',
        ahead: 1,
        lang: 'en',
        phone: '05327654321',
      }),
      expect.objectContaining({
        ticketId: third.id,
        number: 'V003',
        ahead: 1,
        lang: 'tr',
        phone: '05327654321',
      }),
    ]);
    // The same events, by the same ids, without the number.
    expect(withoutPhone.ids()).toEqual(withPhone.ids());
    for (const r of withoutPhone.received) {
      expect(r.body.data).not.toHaveProperty('phone');
      expect(r.raw).not.toContain('7654321');
    }
  });
});
