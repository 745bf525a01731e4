import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WEBHOOK_HEADERS } from '../../contract/webhooks.js';
import { kiosk } from '../support/http.js';
import type { TestServer } from '../support/test-server.js';
import { bookingServer, MONDAY_9, signedIn, type Clock } from './bookings-support.js';
import {
  addWebhook,
  pause,
  Receiver,
  testWebhookOptions,
  until,
  webhookOf,
} from './webhooks-support.js';

describe('the routes’ webhook deliverer: test, resend, URL check', () => {
  let server: TestServer;
  let receiver: Receiver;
  const clock: Clock = { at: MONDAY_9 };

  beforeEach(async () => {
    clock.at = MONDAY_9;
    server = await bookingServer(clock, { webhooks: testWebhookOptions() });
    receiver = await Receiver.start(() => clock.at);
  });
  afterEach(async () => {
    await server.dispose();
    await receiver.close();
  });

  it('when a test is sent, then a signed webhook.test arrives and is logged as a test', async () => {
    const hook = await addWebhook(server, receiver, { createdAt: clock.at, active: false });
    const entry = await server.app.webhooks.sendTest(hook);
    expect(entry).toMatchObject({ type: 'webhook.test', kind: 'test', attempt: 1, ok: true });
    expect(entry.eventId).toMatch(/^test\.[0-9a-f-]{36}$/);
    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received;
    expect(got!.verified).toBe(true);
    expect(got!.body).toMatchObject({ id: entry.eventId, type: 'webhook.test', hallId: 'cankaya' });
    const { status, log } = await server.app.webhooks.deliveries(hook);
    // A test is not an event of the stream: an endpoint switched off stays paused.
    expect(status.state).toBe('paused');
    expect(log).toEqual([entry]);
  });

  it('when an event is resent, then it goes again with its id and the next attempt number; ids of another hall, unknown or unwanted events are refused', async () => {
    const hook = await addWebhook(server, receiver, {
      createdAt: clock.at,
      events: ['ticket.issued'],
    });
    clock.at += 1_000;
    await kiosk(server).issue('vezne');
    const elsewhere = await server.app.queues.issue('kizilay', {
      serviceId: 'kizilay-vezne',
      priority: null,
      lang: 'tr',
    });
    expect(elsewhere.ok).toBe(true);
    const { agent } = await signedIn(server, 'clerk');
    await agent.post('/api/counters/banko-1/open').send({});
    const issued = 'cankaya.2026-12-07.1';
    await until('the event', () => receiver.received.length === 1);
    const resent = await server.app.webhooks.resend(webhookOf(server, hook.id), issued);
    expect(resent).toMatchObject({
      ok: true,
      value: { eventId: issued, kind: 'resend', attempt: 2, ok: true },
    });
    expect(receiver.ids()).toEqual([issued, issued]);
    expect(receiver.received[1]!.headers[WEBHOOK_HEADERS.attempt]).toBe('2');
    expect(receiver.received[1]!.raw).toBe(receiver.received[0]!.raw);

    for (const id of [
      'kizilay.2026-12-07.1', // another hall's ticket.issued
      'cankaya.2026-12-07.99', // no such revision
      'cankaya.2026-12-06.1', // no such day
      'cankaya.b.1', // no booking yet
      'cankaya.2026-12-07.2', // counter.opened: not one it receives
      'test.0b6f2d4c-1f7e-4a8e-9d55-3c1e2f4a5b6c',
      '../../etc/passwd',
    ]) {
      const refused = await server.app.webhooks.resend(webhookOf(server, hook.id), id);
      expect(refused, id).toMatchObject({
        ok: false,
        error: { code: 'not-found', field: 'eventId' },
      });
    }
    await pause(200);
    expect(receiver.received).toHaveLength(2);
  });

  it('when a URL is checked, then loopback and metadata addresses are refused unless allowed, and an allowed one passes', async () => {
    const { webhooks } = server.app;
    expect(await webhooks.urlProblem(receiver.url)).toBeNull();
    expect(await webhooks.urlProblem('http://169.254.169.254/latest/meta-data')).toMatch(
      /link-local.*WEBHOOK_ALLOW/,
    );
    expect(await webhooks.urlProblem('http://[::1]:8080/')).toMatch(/loopback/);
    expect(await webhooks.urlProblem('ftp://example.org/')).toMatch(/http/);
  });
});
