import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WEBHOOK_HEADERS, WEBHOOK_LIMITS } from '../../contract/webhooks.js';
import { kiosk } from '../support/http.js';
import type { TestServer } from '../support/test-server.js';
import { bookingServer, MONDAY_9, signedIn, type Clock } from './bookings-support.js';
import {
  addWebhook,
  editWebhook,
  pause,
  Receiver,
  statusOf,
  testWebhookOptions,
  until,
  webhookOf,
} from './webhooks-support.js';
import type { WebhookOptions } from '../../server/src/webhooks/webhooks.js';

const SECOND = 1_000;

describe('webhook retries, pauses and restarts', () => {
  let server: TestServer;
  let receiver: Receiver;
  const clock: Clock = { at: MONDAY_9 };
  const tick = () => (clock.at += SECOND);
  /** Issues a ticket a second after the last action; resolves to its event id. */
  const issue = async () => {
    tick();
    const res = await kiosk(server).issue('vezne');
    expect(res.status).toBe(201);
    return `cankaya.2026-12-07.${server.app.queues.hall('cankaya')!.state.rev}`;
  };
  const attempts = () => receiver.received.map((r) => r.headers[WEBHOOK_HEADERS.attempt]);
  const restartWith = async (options: WebhookOptions) => {
    await server.dispose();
    server = await bookingServer(clock, { webhooks: options });
  };

  beforeEach(async () => {
    clock.at = MONDAY_9;
    server = await bookingServer(clock, { webhooks: testWebhookOptions() });
    receiver = await Receiver.start(() => clock.at);
  });
  afterEach(async () => {
    await server.dispose();
    await receiver.close();
  });

  it('when the receiver answers 500 twice, then the same event is tried until 200 and nothing after it goes first; the status goes retrying → ok', async () => {
    await restartWith(testWebhookOptions({ backoffMs: () => 400 }));
    receiver.answers = [500, 500];
    const hook = await addWebhook(server, receiver, { createdAt: clock.at });
    const first = await issue();
    const second = await issue();
    await until('the first failure', () => receiver.received.length >= 1);
    await until('retrying', async () => (await statusOf(server, hook.id)).state === 'retrying');
    const retrying = await statusOf(server, hook.id);
    expect(retrying).toMatchObject({
      lastError: 'HTTP 500 Internal Server Error',
      lastSuccessAt: null,
    });
    expect(retrying.nextAttemptAt).toBeGreaterThan(clock.at);
    await until('both events', () => receiver.received.length >= 4);
    expect(receiver.ids()).toEqual([first, first, first, second]);
    expect(attempts()).toEqual(['1', '2', '3', '1']);
    const deliveries = () => server.app.webhooks.deliveries(webhookOf(server, hook.id));
    await until('the last try logged', async () => (await deliveries()).log.length === 4);
    const { status, log } = await deliveries();
    expect(status.state).toBe('ok');
    expect(status).toMatchObject({ failingSince: null, nextAttemptAt: null, lastError: null });
    expect(log.map((e) => [e.eventId, e.attempt, e.ok, e.httpStatus, e.kind])).toEqual([
      [second, 1, true, 200, 'event'],
      [first, 3, true, 200, 'event'],
      [first, 2, false, 500, 'event'],
      [first, 1, false, 500, 'event'],
    ]);
  });

  it('when the receiver does not answer, then the try times out and the event is tried again', async () => {
    await restartWith(testWebhookOptions({ timeoutMs: 500 }));
    receiver.answers = ['hang'];
    const hook = await addWebhook(server, receiver, { createdAt: clock.at });
    const first = await issue();
    await until('ok', async () => (await statusOf(server, hook.id)).state === 'ok');
    expect(receiver.ids().length).toBeGreaterThanOrEqual(2);
    expect(new Set(receiver.ids())).toEqual(new Set([first]));
    const { log } = await server.app.webhooks.deliveries(webhookOf(server, hook.id));
    expect(log.at(-1)).toMatchObject({
      eventId: first,
      attempt: 1,
      ok: false,
      httpStatus: null,
      error: 'timed out after 0.5 s',
    });
    expect(log[0]).toMatchObject({ eventId: first, attempt: log.length, ok: true });
  });

  it('when an endpoint is switched off, then it gets nothing; switched on, it gets what waited', async () => {
    const hook = await addWebhook(server, receiver, { createdAt: clock.at });
    const first = await issue();
    await until('the first event', () => receiver.received.length === 1);
    await editWebhook(server, hook.id, { active: false });
    expect((await statusOf(server, hook.id)).state).toBe('paused');
    const waited = [await issue(), await issue()];
    await pause(500);
    expect(receiver.ids()).toEqual([first]);
    await editWebhook(server, hook.id, { active: true });
    await until('what waited', () => receiver.received.length >= 3);
    await pause(200);
    expect(receiver.ids()).toEqual([first, ...waited]);
  });

  it('when an endpoint is added after some events, then it gets only the later ones', async () => {
    await issue();
    await issue();
    tick();
    await addWebhook(server, receiver, { createdAt: clock.at });
    const later = await issue();
    await until('the later event', () => receiver.received.length >= 1);
    await pause(300);
    expect(receiver.ids()).toEqual([later]);
  });

  it('when the server restarts, then nothing acknowledged is sent again and what was not is delivered', async () => {
    const hook = await addWebhook(server, receiver, { createdAt: clock.at });
    const first = await issue();
    await until('the first event', () => receiver.received.length === 1);
    await pause(100);
    await server.restart();
    receiver.answers = Array<number>(1_000).fill(503);
    const failing = await issue();
    await until('a failure', () => receiver.received.length >= 2);
    await server.restart();
    receiver.answers = [];
    const after = await issue();
    await until('the rest', () => receiver.ids().includes(after));
    await pause(200);
    const ids = receiver.ids();
    expect(ids.filter((id) => id !== failing)).toEqual([first, after]);
    expect(ids.at(-2)).toBe(failing);
    expect((await statusOf(server, hook.id)).state).toBe('ok');
  });

  it('when the server stops while a delivery is in flight, then it waits for the answer and does not send it again after the restart', async () => {
    await addWebhook(server, receiver, { createdAt: clock.at });
    receiver.delayMs = 300;
    const first = await issue();
    await until('the request', () => receiver.received.length === 1);
    await server.restart();
    receiver.delayMs = 0;
    const next = await issue();
    await until('the next event', () => receiver.received.length >= 2);
    await pause(200);
    expect(receiver.ids()).toEqual([first, next]);
  });

  it('when the head event has failed for a day, then the endpoint is failing, and ok once it is delivered', async () => {
    receiver.answers = Array<number>(1_000).fill(500);
    const hook = await addWebhook(server, receiver, { createdAt: clock.at });
    await issue();
    await until('a failure', () => receiver.received.length >= 1);
    const since = clock.at;
    await until('retrying', async () => (await statusOf(server, hook.id)).state === 'retrying');
    clock.at += WEBHOOK_LIMITS.failingAfterMs;
    const tries = receiver.received.length;
    await until('another try', () => receiver.received.length > tries + 1);
    const failing = await statusOf(server, hook.id);
    expect(failing).toMatchObject({ state: 'failing', failingSince: since });
    receiver.answers = [];
    await until('ok', async () => (await statusOf(server, hook.id)).state === 'ok');
    expect(await statusOf(server, hook.id)).toMatchObject({ failingSince: null, lastError: null });
  });

  it('when "retry now" is asked during a long back-off, then the event is tried at once', async () => {
    await restartWith(testWebhookOptions({ backoffMs: () => 60_000 }));
    receiver.answers = [500];
    const hook = await addWebhook(server, receiver, { createdAt: clock.at });
    const first = await issue();
    await until('retrying', async () => (await statusOf(server, hook.id)).state === 'retrying');
    await pause(400);
    expect(receiver.received).toHaveLength(1);
    tick();
    await editWebhook(server, hook.id, { retryRequestedAt: clock.at });
    await until('the retry', () => receiver.received.length === 2);
    expect(receiver.ids()).toEqual([first, first]);
    await until('ok', async () => (await statusOf(server, hook.id)).state === 'ok');
  });

  it('when "retry now" is clicked on a server whose clock is behind the last request\'s, then the event is still tried at once', async () => {
    await restartWith(testWebhookOptions({ backoffMs: () => 60_000 }));
    receiver.answers = [500, 500];
    const hook = await addWebhook(server, receiver, { createdAt: clock.at });
    const first = await issue();
    await until('retrying', async () => (await statusOf(server, hook.id)).state === 'retrying');
    // An earlier "retry now" recorded by a server whose clock ran an hour ahead.
    await editWebhook(server, hook.id, { retryRequestedAt: clock.at + 3_600_000 });
    await until('the retry', () => receiver.received.length === 2);
    await pause(300);
    expect(receiver.received).toHaveLength(2);
    const { agent } = await signedIn(server, 'admin');
    const res = await agent.post(`/api/webhooks/${hook.id}/retry`).send({});
    expect(res.status, res.text).toBe(204);
    await until('the retry asked on this server', () => receiver.received.length === 3);
    expect(receiver.ids()).toEqual([first, first, first]);
  });

  it('when the type of the event being retried is unticked, then it is passed over and the endpoint is not retrying any more', async () => {
    receiver.answers = Array<number>(1_000).fill(500);
    const hook = await addWebhook(server, receiver, { createdAt: clock.at });
    await issue();
    await until('retrying', async () => (await statusOf(server, hook.id)).state === 'retrying');
    receiver.answers = [];
    await editWebhook(server, hook.id, { events: ['counter.opened'] });
    await until('not retrying', async () => (await statusOf(server, hook.id)).state === 'idle');
    expect(await statusOf(server, hook.id)).toMatchObject({ failingSince: null, lastError: null });
    const tries = receiver.received.length;
    const { agent } = await signedIn(server, 'clerk');
    clock.at += SECOND;
    expect((await agent.post('/api/counters/banko-1/open').send({})).status).toBe(200);
    await until('the next wanted event', () => receiver.received.length === tries + 1);
    expect(receiver.types().at(-1)).toBe('counter.opened');
  });

  it('when an endpoint is deleted, then its retries stop and its state and log are forgotten', async () => {
    receiver.answers = Array<number>(1_000).fill(500);
    const hook = await addWebhook(server, receiver, { createdAt: clock.at });
    await issue();
    await until('a failure', () => receiver.received.length >= 1);
    await server.app.configStore.update((d) => {
      d.webhooks = d.webhooks?.filter((w) => w.id !== hook.id);
    });
    await pause(300);
    const tries = receiver.received.length;
    await pause(500);
    expect(receiver.received).toHaveLength(tries);
    const view = await server.app.webhooks.deliveries(hook);
    expect(view).toEqual({
      status: {
        state: 'idle',
        lastSuccessAt: null,
        failingSince: null,
        nextAttemptAt: null,
        lastError: null,
      },
      log: [],
    });
  });
});
