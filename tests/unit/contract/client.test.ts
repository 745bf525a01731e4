import { describe, expect, expectTypeOf, it } from 'vitest';
import * as z from 'zod/mini';
import {
  bodyFailure,
  call,
  callChecked,
  route,
  urlOf,
  type CallFailure,
  type CallInput,
  type FetchInit,
  type FetchLike,
} from '../../../contract/client.js';
import { endpoint, NO_CONTENT } from '../../../contract/endpoint.js';
import { cancelBooking, type bookingDays, type staffBookings } from '../../../contract/bookings.js';

/** A fake `fetch` that records each request and answers with the given status and body. */
function fakeFetch(status: number, body?: unknown) {
  const seen: { url: string; init: FetchInit }[] = [];
  const fetch: FetchLike = (url, init) => {
    seen.push({ url, init });
    return Promise.resolve({
      ok: status >= 200 && status < 300,
      status,
      json: () =>
        body === undefined ? Promise.reject(new SyntaxError('no JSON')) : Promise.resolve(body),
    });
  };
  return { fetch, seen };
}

/** A `fetch` that never answers until its signal aborts, then rejects as a browser does. */
function hangingFetch(): FetchLike {
  return (_url, init) =>
    new Promise((_resolve, reject) => {
      init.signal.addEventListener('abort', () => reject(new Error('AbortError')));
    });
}

const item = endpoint({
  method: 'get',
  path: '/halls/:hallId/items/:itemId',
  summary: 'test',
  tag: 'test',
  params: z.strictObject({ hallId: z.string(), itemId: z.string() }),
  query: z.strictObject({ from: z.optional(z.string()), n: z.optional(z.number()) }),
  reply: z.strictObject({ id: z.string() }),
});

const rename = endpoint({
  method: 'patch',
  path: '/items/:itemId',
  summary: 'test',
  tag: 'test',
  params: z.strictObject({ itemId: z.string() }),
  body: z.strictObject({ name: z.string().check(z.minLength(2)) }),
  reply: z.strictObject({ id: z.string(), name: z.string() }),
});

const remove = endpoint({
  method: 'delete',
  path: '/items/:itemId',
  summary: 'test',
  tag: 'test',
  status: 204,
  params: z.strictObject({ itemId: z.string() }),
  reply: NO_CONTENT,
});

const health = endpoint({
  method: 'get',
  path: '/health',
  summary: 'test',
  tag: 'test',
  reply: z.strictObject({ status: z.string() }),
});

describe('call: the request', () => {
  it('fills path parameters, URI-encoded, under /api', async () => {
    const f = fakeFetch(200, { id: 'x' });
    await call(item, { params: { hallId: 'ana salon', itemId: 'a/b?c#d' } }, { fetch: f.fetch });
    expect(f.seen[0]!.url).toBe('/api/halls/ana%20salon/items/a%2Fb%3Fc%23d');
  });

  it('sends the query, leaving out absent values and encoding the rest', async () => {
    const f = fakeFetch(200, { id: 'x' });
    await call(
      item,
      { params: { hallId: 'h', itemId: 'i' }, query: { from: '2026-01-01 & more', n: 3 } },
      { fetch: f.fetch },
    );
    expect(f.seen[0]!.url).toBe('/api/halls/h/items/i?from=2026-01-01%20%26%20more&n=3');
    expect(urlOf('/x', undefined, { a: undefined, b: null, c: ['1', '2'] })).toBe('/api/x?c=1&c=2');
  });

  it('sends no body on GET, same-origin credentials, no cache', async () => {
    const f = fakeFetch(200, { status: 'ok' });
    await call(health, undefined, { fetch: f.fetch });
    const init = f.seen[0]!.init;
    expect(init.method).toBe('GET');
    expect(init.body).toBeUndefined();
    expect(init.headers['Content-Type']).toBeUndefined();
    expect(init.credentials).toBe('same-origin');
    expect(init.cache).toBe('no-store');
  });

  it('sends the body as JSON on other methods, and {} when the endpoint has none', async () => {
    const f = fakeFetch(200, { id: 'i', name: 'Yeni' });
    await call(rename, { params: { itemId: 'i' }, body: { name: 'Yeni' } }, { fetch: f.fetch });
    expect(f.seen[0]!.init).toMatchObject({
      method: 'PATCH',
      body: '{"name":"Yeni"}',
      headers: { 'Content-Type': 'application/json' },
    });
    const g = fakeFetch(200, {});
    await call(cancelBooking, { params: { code: 'abcdefghijklmnop' } }, { fetch: g.fetch });
    expect(g.seen[0]!.init.body).toBe('{}');
  });

  it('sends a device key as a bearer token, and none without one', async () => {
    const f = fakeFetch(200, { status: 'ok' });
    await call(health, undefined, { fetch: f.fetch, key: 'k-123' });
    await call(health, undefined, { fetch: f.fetch, key: null });
    expect(f.seen[0]!.init.headers.Authorization).toBe('Bearer k-123');
    expect(f.seen[1]!.init.headers.Authorization).toBeUndefined();
  });

  it('refuses a missing path parameter without sending', async () => {
    const f = fakeFetch(200, { id: 'x' });
    const r = await call(item, { params: { hallId: '', itemId: 'i' } }, { fetch: f.fetch });
    expect(r).toMatchObject({ ok: false, status: 0, code: 'validation', field: 'hallId' });
    expect(f.seen).toHaveLength(0);
  });

  it('calls a route (method and path alone) the same way as its endpoint', async () => {
    const f = fakeFetch(201, { id: 'x' });
    const r = await call(
      route<typeof rename>('patch', '/items/:itemId'),
      {
        params: { itemId: 'i' },
        body: { name: 'ab' },
      },
      { fetch: f.fetch },
    );
    expect(f.seen[0]).toMatchObject({ url: '/api/items/i', init: { method: 'PATCH' } });
    expect(r).toEqual({ ok: true, status: 201, data: { id: 'x' } });
  });
});

describe('call: the reply', () => {
  it('returns the JSON body and the status', async () => {
    const f = fakeFetch(200, { status: 'ok' });
    expect(await call(health, undefined, { fetch: f.fetch })).toEqual({
      ok: true,
      status: 200,
      data: { status: 'ok' },
    });
  });

  it('returns undefined for a 204, without reading a body', async () => {
    const f = fakeFetch(204);
    expect(await call(remove, { params: { itemId: 'i' } }, { fetch: f.fetch })).toEqual({
      ok: true,
      status: 204,
      data: undefined,
    });
  });

  it("maps the server's JSON error, with its field", async () => {
    const f = fakeFetch(400, {
      error: { code: 'validation', message: 'name: too short', field: 'name' },
    });
    const r = await call(
      rename,
      { params: { itemId: 'i' }, body: { name: 'x' } },
      { fetch: f.fetch },
    );
    expect(r).toEqual({
      ok: false,
      status: 400,
      code: 'validation',
      message: 'name: too short',
      field: 'name',
    });
  });

  it.each([
    [400, 'validation'],
    [401, 'unauthenticated'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [409, 'invalid-transition'],
    [413, 'payload-too-large'],
    [429, 'rate-limited'],
    [503, 'storage-unavailable'],
    [502, 'network'],
    [504, 'network'],
    [500, 'network'],
    [418, 'internal'],
  ])('a %i without a JSON error (a proxy answered) is %s', async (status, code) => {
    const f = fakeFetch(status);
    expect(await call(health, undefined, { fetch: f.fetch })).toEqual({
      ok: false,
      status,
      code,
      message: '',
    });
  });

  it('a success whose body is not JSON is a failure, not data', async () => {
    const f = fakeFetch(200);
    expect(await call(health, undefined, { fetch: f.fetch })).toMatchObject({
      ok: false,
      code: 'internal',
    });
  });
});

describe('call: no answer', () => {
  it('a network failure is `network`', async () => {
    const fetch: FetchLike = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await call(health, undefined, { fetch })).toEqual({
      ok: false,
      status: 0,
      code: 'network',
      message: '',
    });
  });

  it('no answer within the timeout is `timeout`', async () => {
    const r = await call(health, undefined, { fetch: hangingFetch(), timeoutMs: 5 });
    expect(r).toMatchObject({ ok: false, status: 0, code: 'timeout' });
  });

  it('a body cut off by the timeout is `timeout`', async () => {
    const fetch: FetchLike = (_url, init) =>
      Promise.resolve({
        ok: true,
        status: 200,
        json: () =>
          new Promise((_resolve, reject) => {
            init.signal.addEventListener('abort', () => reject(new Error('AbortError')));
          }),
      });
    const r = await call(health, undefined, { fetch, timeoutMs: 5 });
    expect(r).toMatchObject({ ok: false, code: 'timeout' });
  });

  it("the caller's abort is `aborted`, and an aborted signal sends nothing", async () => {
    const abort = new AbortController();
    const pending = call(health, undefined, { fetch: hangingFetch(), signal: abort.signal });
    abort.abort();
    expect(await pending).toMatchObject({ ok: false, status: 0, code: 'aborted' });

    const f = fakeFetch(200, { status: 'ok' });
    const r = await call(health, undefined, { fetch: f.fetch, signal: abort.signal });
    expect(r).toMatchObject({ ok: false, code: 'aborted' });
    expect(f.seen).toHaveLength(0);
  });

  it('a timer that did not fire leaves the call alone', async () => {
    const f = fakeFetch(200, { status: 'ok' });
    const r = await call(health, undefined, { fetch: f.fetch, timeoutMs: 60_000 });
    expect(r).toMatchObject({ ok: true });
  });
});

describe('callChecked: the body checked before sending', () => {
  it("refuses a body the endpoint's schema refuses, naming the field, and sends nothing", async () => {
    const f = fakeFetch(200, {});
    const r = await callChecked(
      rename,
      { params: { itemId: 'i' }, body: { name: 'x' } },
      { fetch: f.fetch },
    );
    expect(r).toMatchObject({ ok: false, status: 0, code: 'validation', field: 'name' });
    expect(f.seen).toHaveLength(0);
    expect(bodyFailure(rename, { name: 'ab', extra: 1 })).toMatchObject({ field: 'extra' });
  });

  it('sends a body that passes', async () => {
    const f = fakeFetch(200, { id: 'i', name: 'ab' });
    const r = await callChecked(
      rename,
      { params: { itemId: 'i' }, body: { name: 'ab' } },
      {
        fetch: f.fetch,
      },
    );
    expect(r.ok).toBe(true);
    expect(f.seen).toHaveLength(1);
  });
});

describe('call: types from the endpoint', () => {
  it('requires params, query and body exactly when the endpoint has required fields there', () => {
    expectTypeOf<CallInput<typeof health>>().toEqualTypeOf<{
      params?: undefined;
      query?: undefined;
      body?: undefined;
    }>();
    expectTypeOf<CallInput<typeof rename>>().toEqualTypeOf<{
      params: { itemId: string };
      query?: undefined;
      body: { name: string };
    }>();
    expectTypeOf<CallInput<typeof bookingDays>['query']>().toEqualTypeOf<{ serviceId: string }>();
    // A query of optional fields alone may be left out.
    expectTypeOf<CallInput<typeof staffBookings>>().toEqualTypeOf<{
      params: { hallId: string };
      query?: { day?: string | undefined };
      body?: undefined;
    }>();
  });

  it('types the reply, and undefined for no content', () => {
    expectTypeOf(() =>
      call(rename, { params: { itemId: 'i' }, body: { name: 'ab' } }),
    ).returns.resolves.toEqualTypeOf<
      { ok: true; status: number; data: { id: string; name: string } } | CallFailure
    >();
    expectTypeOf(() => call(remove, { params: { itemId: 'i' } })).returns.resolves.toMatchTypeOf<
      { ok: true; data: undefined } | { ok: false }
    >();
  });

  it('refuses a call without its required input', () => {
    // @ts-expect-error: the body is required
    void call(rename, { params: { itemId: 'i' } }, { fetch: fakeFetch(200, {}).fetch });
    // @ts-expect-error: the params are required
    void call(item, undefined, { fetch: fakeFetch(200, {}).fetch });
    // @ts-expect-error: a body this endpoint does not take
    void call(health, { body: { x: 1 } }, { fetch: fakeFetch(200, {}).fetch });
  });
});

describe('page routes agree with the contract endpoints they name', () => {
  it('the kiosk, phone page, display and counter routes have their endpoint’s method and path', async () => {
    const kiosk = await import('../../../kiosk/src/routes.js');
    const counterRoutes = await import('../../../counter/src/routes.js');
    const { DEVICE_SETUP } = await import('../../../display/src/device-setup.js');
    const { CHECK_IN } = await import('../../../kiosk/src/kiosk-check-in-client.js');
    const { checkIn } = await import('../../../contract/bookings.js');
    const { whoAmI, signOut } = await import('../../../contract/endpoints/auth.js');
    const { hallServices, directorateChoices } =
      await import('../../../contract/endpoints/halls.js');
    const tickets = await import('../../../contract/endpoints/tickets.js');
    const { deviceSetup } = await import('../../../contract/endpoints/devices.js');
    const { counterAction } = await import('../../../contract/endpoints/counters.js');
    const { COUNTER_ACTIONS } = await import('../../../contract/counter-commands.js');
    const pairs: [{ method: string; path: string }, { method: string; path: string }][] = [
      [kiosk.WHO_AM_I, whoAmI],
      [kiosk.HALL_SERVICES, hallServices],
      [kiosk.ISSUE_TICKET, tickets.issueTicket],
      [kiosk.RATE_VISIT, tickets.rateVisit],
      [kiosk.CANCEL_TICKET, tickets.cancelTicket],
      [kiosk.REQUEST_SMS, tickets.requestSms],
      [kiosk.WITHDRAW_SMS, tickets.withdrawSms],
      [CHECK_IN, checkIn],
      [DEVICE_SETUP, deviceSetup],
      [counterRoutes.WHO_AM_I, whoAmI],
      [counterRoutes.SIGN_OUT, signOut],
      [counterRoutes.DIRECTORATE_CHOICES, directorateChoices],
      ...COUNTER_ACTIONS.map(
        (a) =>
          [counterRoutes.counterActionRoute(a), counterAction[a]] as [
            { method: string; path: string },
            { method: string; path: string },
          ],
      ),
    ];
    for (const [pageRoute, contract] of pairs) {
      expect({ method: pageRoute.method, path: pageRoute.path }).toEqual({
        method: contract.method,
        path: contract.path,
      });
    }
  });
});
