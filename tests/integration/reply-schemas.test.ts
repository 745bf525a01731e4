import request from 'supertest';
import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeParse } from 'zod/v4/core';
import { kioskIssuedTicketReply, staffIssuedTicketReply } from '../../contract/reply-schemas.js';
import { isReplySchema, type RouteDef } from '../../server/src/http/route.js';
import { signedIn } from '../support/http.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { parseWebhookAllowList } from '../../server/src/webhooks/webhook-address-policy.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * Every route's successful reply checked with the reply schema its route declares (strict
 * objects: a field the wire type lacks, such as a leaked secret, fails). The routes are
 * driven once each as their users drive them, in the order a day goes: a kiosk issues, a
 * clerk serves, a manager reads the figures, an admin edits the settings. A route the walk
 * below does not reach fails the completeness test.
 */
/** Europe/Istanbul's calendar day of an instant, `YYYY-MM-DD`. */
const dayOf = (at: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Istanbul' }).format(new Date(at));
const hourOf = (at: number) =>
  Number(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Istanbul',
      hour: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(at)),
  );
/**
 * The server's clock: the real one, but two hours back in the local hour before midnight, so
 * today still has slots left to book and check in (the walk books today's next slot).
 */
const SHIFT = hourOf(Date.now()) === 23 ? -2 * 3_600_000 : 0;
const shiftedNow = () => Date.now() + SHIFT;

const EVERY_DAY = [{ from: '00:00', to: '23:59' }];
/** Vezne takes bookings all day, every day: 5-minute slots, five places each. */
const VEZNE_ALL_DAY = {
  enabled: true,
  hours: {
    mon: EVERY_DAY,
    tue: EVERY_DAY,
    wed: EVERY_DAY,
    thu: EVERY_DAY,
    fri: EVERY_DAY,
    sat: EVERY_DAY,
    sun: EVERY_DAY,
  },
  slotMinutes: 5,
  perSlot: 5,
};

describe('reply schemas: every route replies as its schema says', () => {
  let server: TestServer;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    server = await startTestServer({
      now: shiftedNow,
      webhooks: { allow: parseWebhookAllowList('127.0.0.1') },
      rateLimits: { loginPerMinute: 1000, issuePerMinute: 10_000, bookingPer10Minutes: 10_000 },
    });
  });
  afterAll(async () => {
    await server.dispose();
    await receiver.close();
  });

  function defOf(key: string): RouteDef {
    const def = server.app.routes.find((r) => `${r.method.toUpperCase()} ${r.path}` === key);
    if (!def) throw new Error(`no route ${key}`);
    return def;
  }

  const checked = new Set<string>();
  const problems: string[] = [];
  /** Checks one successful reply of the route `key` (`METHOD /path/:param`) against its schema. */
  function check(key: string, res: Response): Response {
    const def = defOf(key);
    const wanted = def.status ?? 200;
    if (res.status !== wanted) {
      problems.push(`${key}: status ${res.status} ${JSON.stringify(res.body)}`);
      return res;
    }
    if (isReplySchema(def.reply)) {
      const r = safeParse(def.reply, res.body);
      if (!r.success)
        problems.push(`${key}: ${JSON.stringify(r.error.issues)} in ${JSON.stringify(res.body)}`);
    } else if (def.reply.mediaType === null) {
      if (res.text) problems.push(`${key}: a body where none is declared`);
    } else {
      const type = String(res.headers['content-type']).split(';')[0];
      if (type !== def.reply.mediaType.split(';')[0])
        problems.push(`${key}: content type ${type}, declared ${def.reply.mediaType}`);
    }
    checked.add(key);
    return res;
  }

  it('when every route is called once as its users call it, then each reply matches its schema', async () => {
    const app = server.app.app;
    const kiosk = { Authorization: `Bearer ${server.kioskKey}` };
    const display = { Authorization: `Bearer ${server.displayKey}` };
    const clerk = await signedIn(server, 'clerk');
    const manager = await signedIn(server, 'manager');
    const admin = await signedIn(server, 'admin');
    const today = dayOf(shiftedNow());

    // The public and the devices.
    check('GET /health', await request(app).get('/api/health'));
    check('GET /halls', await request(app).get('/api/halls'));
    check('GET /halls/:hallId/services', await request(app).get('/api/halls/cankaya/services'));
    const issue = (serviceId: string) =>
      request(app).post('/api/halls/cankaya/tickets').set(kiosk).send({ serviceId });
    const first = check('POST /halls/:hallId/tickets', await issue('vezne'));
    const forVisitor = check(
      'POST /halls/:hallId/tickets',
      await clerk.agent.post('/api/halls/cankaya/tickets').send({ serviceId: 'vezne' }),
    );
    // The route's schema allows both variants; each caller must get its own: the kiosk the
    // phone code, staff never (the code is the visitor's alone).
    expect(kioskIssuedTicketReply.safeParse(first.body).success).toBe(true);
    expect(staffIssuedTicketReply.safeParse(forVisitor.body).success).toBe(true);
    const code = first.body.code as string;
    check('GET /tickets/:code', await request(app).get(`/api/tickets/${code}`));
    check('GET /devices/me', await request(app).get('/api/devices/me').set(display));
    check('GET /auth/me', await request(app).get('/api/auth/me').set(kiosk));
    check('GET /auth/me', await clerk.agent.get('/api/auth/me'));

    // A clerk's day at counter 1 (vezne).
    const counter = (action: string, body: object = {}) =>
      clerk.agent.post(`/api/counters/banko-1/${action}`).send(body);
    const act = async (action: string, body: object = {}) =>
      check(`POST /counters/:counterId/${action}`, await counter(action, body));
    await act('open');
    await act('call-next');
    await act('recall');
    await act('start');
    await act('complete', { outcome: 'resolved', note: 'Makbuz verildi.' });
    check(
      'POST /tickets/:code/rating',
      await request(app).post(`/api/tickets/${code}/rating`).send({ rating: 5 }),
    );
    const second = (await issue('vezne')).body.number as string;
    await act('call', { number: second });
    await act('no-show');
    await act('restore', { number: second });
    await act('call-next');
    await act('requeue');
    await act('call-next');
    await act('start');
    await act('transfer', { serviceId: 'mali-hizmetler', position: 'front' });
    await act('pause', { reason: 'break' });
    await act('resume');
    await act('close');
    const leaving = (await issue('ruhsat')).body.code as string;
    // The SMS when the turn nears: the hall offers it from here on.
    expect((await admin.agent.patch('/api/halls/cankaya').send({ smsNotifyAhead: 3 })).status).toBe(
      200,
    );
    // Withdrawn before it is asked for: nobody is ahead, so the SMS would go with the request
    // and could no longer be withdrawn.
    check(
      'DELETE /tickets/:code/sms',
      await request(app).delete(`/api/tickets/${leaving}/sms`).send({}),
    );
    check(
      'POST /tickets/:code/sms',
      await request(app)
        .post(`/api/tickets/${leaving}/sms`)
        .send({ phone: '0532 123 45 67', consent: true }),
    );
    check(
      'POST /tickets/:code/cancel',
      await request(app).post(`/api/tickets/${leaving}/cancel`).send({}),
    );
    check(
      'GET /halls/:hallId/display',
      await request(app).get('/api/halls/cankaya/display').set(display),
    );
    check('GET /halls/:hallId/queue', await clerk.agent.get('/api/halls/cankaya/queue'));
    check(
      'GET /halls/:hallId/directorates',
      await clerk.agent.get('/api/halls/cankaya/directorates'),
    );

    // An admin's settings.
    check('GET /settings', await admin.agent.get('/api/settings'));
    check(
      'PATCH /halls/:hallId',
      await admin.agent.patch('/api/halls/cankaya').send({ priorityRatio: 3 }),
    );
    const service = check(
      'POST /services',
      await admin.agent
        .post('/api/services')
        .send({ name: { tr: 'Emlak', en: 'Property tax' }, prefix: 'K', targetMinutes: 5 }),
    ).body.id as string;
    check(
      'PATCH /services/:serviceId',
      await admin.agent.patch(`/api/services/${service}`).send({ targetMinutes: 6 }),
    );
    const newCounter = check(
      'POST /counters',
      await admin.agent
        .post('/api/counters')
        .send({ number: 9, name: 'Banko 9', services: [{ serviceId: service, weight: 1 }] }),
    ).body.id as string;
    check(
      'PATCH /counters/:counterId',
      await admin.agent.patch(`/api/counters/${newCounter}`).send({ name: 'Emlak bankosu' }),
    );
    const created = check(
      'POST /users',
      await admin.agent
        .post('/api/users')
        .send({ username: 'zeynep', displayName: 'Zeynep Kaya', role: 'clerk' }),
    ).body as { user: { id: string }; password: string };
    check(
      'PATCH /users/:userId',
      await admin.agent.patch(`/api/users/${created.user.id}`).send({ displayName: 'Zeynep K.' }),
    );
    const oneTime = check(
      'POST /users/:userId/reset-password',
      await admin.agent.post(`/api/users/${created.user.id}/reset-password`).send({}),
    ).body.password as string;
    const printer = check(
      'POST /printers',
      await admin.agent.post('/api/printers').send({
        name: 'Giriş yazıcısı',
        transport: 'none',
        address: '',
        paperWidth: 80,
        codePage: 13,
      }),
    ).body.id as string;
    check(
      'PATCH /printers/:printerId',
      await admin.agent.patch(`/api/printers/${printer}`).send({ paperWidth: 58 }),
    );
    const device = check(
      'POST /devices',
      await admin.agent.post('/api/devices').send({ kind: 'display', name: 'Banko 1 ekranı' }),
    ).body.device.id as string;
    check(
      'PATCH /devices/:deviceId',
      await admin.agent.patch(`/api/devices/${device}`).send({ signCounterId: 'banko-1' }),
    );
    check('GET /devices/signs', await admin.agent.get('/api/devices/signs'));
    check(
      'POST /devices/:deviceId/revoke',
      await admin.agent.post(`/api/devices/${device}/revoke`).send({}),
    );
    const directorate = check(
      'POST /directorates',
      await admin.agent.post('/api/directorates').send({ name: { tr: 'Kültür İşleri' } }),
    ).body.id as string;
    check(
      'PATCH /directorates/:directorateId',
      await admin.agent
        .patch(`/api/directorates/${directorate}`)
        .send({ name: { tr: 'Kültür İşleri', en: 'Culture' } }),
    );

    // Integrations: an admin adds an endpoint (a local receiver), tests it, and a ticket issued
    // after it goes out; its delivery is resent. A manager reads the list and the log.
    const webhook = check(
      'POST /webhooks',
      await admin.agent
        .post('/api/webhooks')
        .send({ name: 'Çağrı merkezi', url: receiver.url, events: ['ticket.issued'] }),
    ).body.webhook.id as string;
    check(
      'PATCH /webhooks/:webhookId',
      await admin.agent.patch(`/api/webhooks/${webhook}`).send({ personalData: true }),
    );
    check(
      'POST /webhooks/:webhookId/secret',
      await admin.agent.post(`/api/webhooks/${webhook}/secret`).send({}),
    );
    check(
      'POST /webhooks/:webhookId/test',
      await admin.agent.post(`/api/webhooks/${webhook}/test`).send({}),
    );
    await issue('vezne');
    let delivered: { eventId: string; kind: string }[] = [];
    for (let i = 0; i < 200 && !delivered.some((d) => d.kind === 'event'); i++) {
      await new Promise((r) => setTimeout(r, 25));
      delivered = (await manager.agent.get(`/api/webhooks/${webhook}/deliveries`)).body.log;
    }
    check(
      'GET /webhooks/:webhookId/deliveries',
      await manager.agent.get(`/api/webhooks/${webhook}/deliveries`),
    );
    const eventId = delivered.find((d) => d.kind === 'event')?.eventId ?? 'none';
    check(
      'POST /webhooks/:webhookId/deliveries/:eventId/resend',
      await admin.agent.post(`/api/webhooks/${webhook}/deliveries/${eventId}/resend`).send({}),
    );
    check(
      'POST /webhooks/:webhookId/retry',
      await admin.agent.post(`/api/webhooks/${webhook}/retry`).send({}),
    );
    check('GET /webhooks', await manager.agent.get('/api/webhooks'));
    check(
      'DELETE /webhooks/:webhookId',
      await admin.agent.delete(`/api/webhooks/${webhook}`).send({}),
    );

    // Appointments: the admin opens vezne to bookings all day, every day.
    check(
      'PUT /services/:serviceId/booking',
      await admin.agent.put('/api/services/vezne/booking').send(VEZNE_ALL_DAY),
    );
    check(
      'PUT /halls/:hallId/booking-settings',
      await admin.agent.put('/api/halls/cankaya/booking-settings').send({
        checkInEarlyMinutes: 15,
        checkInLateMinutes: 10,
        horizonDays: 30,
        leadMinutes: 0,
        maxPerContact: 3,
        closedDays: [],
        retentionDays: 30,
      }),
    );
    // A citizen looks, books, moves and cancels.
    check(
      'GET /halls/:hallId/booking/services',
      await request(app).get('/api/halls/cankaya/booking/services'),
    );
    const days = check(
      'GET /halls/:hallId/booking/days',
      await request(app).get('/api/halls/cankaya/booking/days').query({ serviceId: 'vezne' }),
    ).body.days as { day: string; closed: string | null }[];
    const open = days.filter((d) => d.closed === null).map((d) => d.day);
    const slotsOf = async (day: string) =>
      check(
        'GET /halls/:hallId/booking/slots',
        await request(app)
          .get('/api/halls/cankaya/booking/slots')
          .query({ serviceId: 'vezne', day }),
      ).body.slots as { time: string }[];
    const bookDay = open[0]!;
    const bookTimes = (await slotsOf(bookDay)).map((s) => s.time);
    const makeBooking = async (day: string, time: string) =>
      check(
        'POST /halls/:hallId/bookings',
        await request(app)
          .post('/api/halls/cankaya/bookings')
          .send({ serviceId: 'vezne', day, time, name: 'Ayşe Yılmaz', phone: null }),
      ).body as { code: string; checkInCode: string };
    const moved = await makeBooking(bookDay, bookTimes[bookTimes.length - 1]!);
    check('GET /bookings/:code', await request(app).get(`/api/bookings/${moved.code}`));
    check(
      'POST /bookings/:code/move',
      await request(app)
        .post(`/api/bookings/${moved.code}/move`)
        .send({ day: bookDay, time: bookTimes[bookTimes.length - 2]! }),
    );
    const dropped = await makeBooking(bookDay, bookTimes[bookTimes.length - 1]!);
    check(
      'POST /bookings/:code/cancel',
      await request(app).post(`/api/bookings/${dropped.code}/cancel`).send({}),
    );
    // The staff's day list; a clerk cancels for a caller.
    const list = check(
      'GET /halls/:hallId/bookings',
      await clerk.agent.get('/api/halls/cankaya/bookings').query({ day: bookDay }),
    ).body as { id: string; status: string }[];
    const bookingId = list.find((b) => b.status === 'booked')!.id;
    check(
      'POST /halls/:hallId/bookings/:bookingId/cancel',
      await clerk.agent.post(`/api/halls/cankaya/bookings/${bookingId}/cancel`).send({}),
    );
    // Today's next slot (5 minutes, no lead time) is inside its check-in window at the kiosk.
    expect(open).toContain(today);
    const arriving = await makeBooking(today, (await slotsOf(today))[0]!.time);
    check(
      'POST /halls/:hallId/check-in',
      await request(app)
        .post('/api/halls/cankaya/check-in')
        .set(kiosk)
        .send({ checkInCode: arriving.checkInCode }),
    );

    // A manager's figures.
    const range = `from=${today}&to=${today}`;
    check('GET /printers', await manager.agent.get('/api/printers'));
    check(
      'POST /printers/:printerId/test',
      await manager.agent.post(`/api/printers/${printer}/test`).send({}),
    );
    check('GET /devices/status', await manager.agent.get('/api/devices/status'));
    check('GET /stats', await manager.agent.get(`/api/stats?${range}&groupBy=service`));
    check('GET /stats/estimates', await manager.agent.get(`/api/stats/estimates?${range}`));
    check('GET /stats/staffing', await manager.agent.get(`/api/stats/staffing?date=${today}`));
    for (const format of ['csv', 'xlsx', 'json'])
      check(
        `GET /exports/tickets.${format}`,
        await manager.agent.get(`/api/exports/tickets.${format}?${range}`),
      );
    check('GET /audit', await manager.agent.get('/api/audit'));

    // A new user's first sign-in, own password, sign-out.
    const zeynep = request.agent(app).type('application/json');
    check(
      'POST /auth/login',
      await zeynep.post('/api/auth/login').send({ username: 'zeynep', password: oneTime }),
    );
    check(
      'POST /auth/password',
      await zeynep
        .post('/api/auth/password')
        .send({ currentPassword: oneTime, newPassword: 'Kızılay-Meydanı-1923-sıra' }),
    );
    check('POST /auth/logout', await zeynep.post('/api/auth/logout').send({}));

    expect(problems).toEqual([]);
    // Every mounted route was checked above: a new route needs a line here.
    const mounted = server.app.routes.map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(mounted.filter((k) => !checked.has(k))).toEqual([]);
  });

  it('when the OpenAPI document is read, then every JSON reply has its schema under its status', async () => {
    const res = await request(server.app.app).get('/api/docs');
    for (const r of server.app.routes) {
      const op = res.body.paths[`/api${r.path.replace(/:([A-Za-z]+)/g, '{$1}')}`][r.method];
      const success = op.responses[String(r.status ?? 200)];
      if (isReplySchema(r.reply))
        expect(success.content['application/json'].schema, `${r.method} ${r.path}`).toBeTypeOf(
          'object',
        );
      else if (r.reply.mediaType) expect(success.content[r.reply.mediaType]).toBeDefined();
      else expect(success.content).toBeUndefined();
    }
    // Strict objects are documented as closed: a client generator knows nothing else comes.
    const me = res.body.paths['/api/auth/login'].post.responses['200'].content['application/json'];
    expect(me.schema.additionalProperties).toBe(false);
    expect(me.schema.required).toContain('passwordChangeRequired');
  });
});
