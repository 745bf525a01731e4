import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

type Who = 'anonymous' | 'kiosk' | 'display' | 'clerk' | 'manager' | 'admin';
const EVERYONE: Who[] = ['anonymous', 'kiosk', 'display', 'clerk', 'manager', 'admin'];
const STAFF: Who[] = ['clerk', 'manager', 'admin'];
const MANAGERS: Who[] = ['manager', 'admin'];
const ADMIN: Who[] = ['admin'];

/**
 * Who may call each route, written out by hand from the security model (DESIGN.md), not read
 * from the route table: a route added without a line here fails the completeness test.
 */
const MAY: Record<string, Who[]> = {
  'GET /health': EVERYONE,
  'POST /auth/login': EVERYONE,
  'POST /auth/logout': EVERYONE,
  'GET /auth/me': EVERYONE,
  'POST /auth/password': STAFF,
  'GET /halls': EVERYONE,
  'GET /halls/:hallId/services': EVERYONE,
  'GET /halls/:hallId/queue': STAFF,
  'GET /halls/:hallId/display': ['kiosk', 'display'],
  'POST /halls/:hallId/tickets': ['kiosk', ...STAFF],
  'GET /tickets/:code': EVERYONE,
  'POST /tickets/:code/cancel': EVERYONE,
  'POST /tickets/:code/rating': EVERYONE,
  'POST /tickets/:code/sms': EVERYONE,
  'DELETE /tickets/:code/sms': EVERYONE,
  'GET /printers': MANAGERS,
  'GET /devices/status': MANAGERS,
  'GET /devices/me': ['kiosk', 'display'],
  'GET /devices/signs': ADMIN,
  'GET /stats': MANAGERS,
  'GET /stats/estimates': MANAGERS,
  'GET /stats/staffing': MANAGERS,
  'GET /exports/tickets.csv': MANAGERS,
  'GET /exports/tickets.xlsx': MANAGERS,
  'GET /exports/tickets.json': MANAGERS,
  'POST /printers/:printerId/test': MANAGERS,
  'GET /settings': ADMIN,
  'PATCH /halls/:hallId': ADMIN,
  'POST /services': ADMIN,
  'PATCH /services/:serviceId': ADMIN,
  'POST /counters': ADMIN,
  'PATCH /counters/:counterId': ADMIN,
  'POST /users': ADMIN,
  'PATCH /users/:userId': ADMIN,
  'POST /users/:userId/reset-password': ADMIN,
  'POST /devices': ADMIN,
  'PATCH /devices/:deviceId': ADMIN,
  'POST /devices/:deviceId/revoke': ADMIN,
  'POST /printers': ADMIN,
  'PATCH /printers/:printerId': ADMIN,
  'GET /halls/:hallId/directorates': STAFF,
  'POST /directorates': ADMIN,
  'PATCH /directorates/:directorateId': ADMIN,
  'GET /audit': MANAGERS,
  'GET /halls/:hallId/booking/services': EVERYONE,
  'GET /halls/:hallId/booking/days': EVERYONE,
  'GET /halls/:hallId/booking/slots': EVERYONE,
  'POST /halls/:hallId/bookings': EVERYONE,
  'GET /bookings/:code': EVERYONE,
  'POST /bookings/:code/cancel': EVERYONE,
  'POST /bookings/:code/move': EVERYONE,
  'GET /halls/:hallId/bookings': STAFF,
  'POST /halls/:hallId/bookings/:bookingId/cancel': STAFF,
  'POST /halls/:hallId/check-in': ['kiosk', ...STAFF],
  'PUT /services/:serviceId/booking': ADMIN,
  'PUT /halls/:hallId/booking-settings': ADMIN,
  'GET /webhooks': MANAGERS,
  'GET /webhooks/:webhookId/deliveries': MANAGERS,
  'POST /webhooks': ADMIN,
  'PATCH /webhooks/:webhookId': ADMIN,
  'DELETE /webhooks/:webhookId': ADMIN,
  'POST /webhooks/:webhookId/secret': ADMIN,
  'POST /webhooks/:webhookId/test': ADMIN,
  'POST /webhooks/:webhookId/deliveries/:eventId/resend': ADMIN,
  'POST /webhooks/:webhookId/retry': ADMIN,
  ...Object.fromEntries(
    [
      'open',
      'pause',
      'resume',
      'close',
      'call-next',
      'call',
      'recall',
      'start',
      'complete',
      'no-show',
      'requeue',
      'transfer',
      'restore',
    ].map((a) => [`POST /counters/:counterId/${a}`, STAFF]),
  ),
};

describe('authorization matrix: every route × every role', () => {
  let server: TestServer;
  const headers: Record<Who, Record<string, string>> = {} as never;
  beforeAll(async () => {
    server = await startTestServer();
    headers.anonymous = {};
    headers.kiosk = { Authorization: `Bearer ${server.kioskKey}` };
    headers.display = { Authorization: `Bearer ${server.displayKey}` };
    for (const role of ['clerk', 'manager', 'admin'] as const)
      headers[role] = { Cookie: (await signedIn(server, role)).cookie };
  });
  afterAll(async () => {
    await server.dispose();
  });

  it('when the route table is compared with the matrix, then every route has a line', () => {
    const mounted = server.app.routes.map((r) => `${r.method.toUpperCase()} ${r.path}`).sort();
    expect(mounted).toEqual(Object.keys(MAY).sort());
  });

  const cases = Object.entries(MAY).flatMap(([key, allowed]) =>
    EVERYONE.map((who) => [key, who, allowed.includes(who)] as const),
  );
  it.each(cases)('%s as %s: allowed=%s', async (key, who, allowed) => {
    const [method, routePath] = key.split(' ') as [string, string];
    const url = `/api${routePath
      .replace(':hallId', 'cankaya')
      .replace(':counterId', 'banko-6')
      .replace(':code', 'AAAAAAAAAAAAAAAAAAAAAA')
      .replace(':printerId', 'p1')
      .replace(/:(serviceId|userId|deviceId|directorateId|webhookId)/, 'no-such-id')
      .replace(':eventId', 'cankaya.2026-12-05.1')}`;
    // Logging out ends the session: use a session of its own so later cases keep theirs.
    const sent =
      routePath === '/auth/logout' && STAFF.includes(who)
        ? { Cookie: (await signedIn(server, who as 'clerk')).cookie }
        : headers[who];
    // An empty body: allowed callers get past authorisation and stop at validation.
    const req =
      method === 'GET'
        ? request(server.app.app).get(url)
        : method === 'PATCH'
          ? request(server.app.app).patch(url).send({})
          : method === 'PUT'
            ? request(server.app.app).put(url).send({})
            : method === 'DELETE'
              ? request(server.app.app).delete(url).send({})
              : request(server.app.app).post(url).send({});
    const res = await req.set(sent);
    const refused = res.status === 401 || res.status === 403;
    if (routePath === '/auth/me' && who === 'anonymous') {
      // Public route whose answer for nobody is "not signed in".
      expect(res.body.error.code).toBe('unauthenticated');
    } else {
      expect(refused, `${res.status} ${JSON.stringify(res.body)}`).toBe(!allowed);
    }
  });
});
