import { request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../contract/errors.js';
import { addDevice } from '../../server/src/auth/users.js';
import type { RouteDef } from '../../server/src/http/route.js';
import { kiosk, signedIn } from '../support/http.js';
import { until } from '../support/sockets.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** Runs per route × role, and per namespace; RUNS_SCALE=10 for a long soak. */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const REST_RUNS_PER_ROUTE = 28 * SCALE;
const SOCKET_RUNS_PER_NAMESPACE = 120 * SCALE;

type Who = 'none' | 'visitor' | 'kiosk' | 'display' | 'clerk' | 'manager' | 'admin';
const EVERYONE: Who[] = ['none', 'visitor', 'kiosk', 'display', 'clerk', 'manager', 'admin'];
const ERROR_CODES: ErrorCode[] = [
  'validation',
  'payload-too-large',
  'unauthenticated',
  'invalid-credentials',
  'forbidden',
  'forbidden-origin',
  'rate-limited',
  'not-found',
  'hall-not-found',
  'service-not-found',
  'counter-not-found',
  'ticket-not-found',
  'queue-empty',
  'invalid-transition',
  'counter-taken',
  'counter-not-open',
  'counter-busy',
  'service-inactive',
  'grace-expired',
  'conflict',
  // Appointments: refusals a hostile booking, lookup or check-in may get.
  'booking-not-found',
  'booking-closed',
  'booking-limit',
  'booking-not-changeable',
  'slot-full',
  'check-in-too-early',
  'check-in-too-late',
  'booking-already-checked-in',
];

const tried = { rest: 0, restAccepted: 0, socketEmits: 0, rawFrames: 0, handshakes: 0 };

let server: TestServer;
const headersOf = {} as Record<Who, Record<string, string>>;
let visitorCode = '';
const realIds: string[] = [];
const serverLog: string[] = [];

// ---------------------------------------------------------------------------------------------
// Arbitraries: what a visitor, a clerk's browser or the network might send.
// ---------------------------------------------------------------------------------------------

const FIELDS = [
  'serviceId',
  'priority',
  'lang',
  'number',
  'outcome',
  'note',
  'reason',
  'position',
  'username',
  'password',
  'displayName',
  'role',
  'active',
  'kind',
  'name',
  'printerId',
  'prefix',
  'targetMinutes',
  'services',
  'weight',
  'timeZone',
  'priorityRatio',
  'escalationMinutes',
  'noShowGraceMinutes',
  'noteRetentionDays',
  'transport',
  'address',
  'paperWidth',
  'codePage',
  'tr',
  'en',
  'from',
  'to',
  'groupBy',
  'limit',
];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];
const PLAUSIBLE = [
  'vezne',
  'banko-1',
  'cankaya',
  'V001',
  'v001',
  'İ004',
  'resolved',
  'break',
  'front',
  'clerk',
  'admin',
  'kiosk',
  'display',
  'tcp',
  '127.0.0.1:9',
  'Europe/Istanbul',
  '+03:00',
  'tr',
  'en',
  'elderly',
  '2026-03-10',
  '2026-02-30',
  '',
  ' ',
  '=HYPERLINK("http://evil")',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '\u0000',
  '\u202e',
  'İıŞşĞğ',
];

const key = fc.oneof(
  fc.constantFrom(...PROTO_KEYS),
  fc.constantFrom(...FIELDS),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);
const leaf = fc.oneof(
  fc.constantFrom(...PLAUSIBLE),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1, 2 ** 31, 2 ** 53, Number.MAX_SAFE_INTEGER + 2, 1e308, -0),
  fc.boolean(),
  fc.constant(null),
  fc.integer({ min: 100, max: 1500 }).map((n) => 'ş'.repeat(n)),
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 5 }),
  ),
}));
/** A valid-looking body for some route with one field made hostile. */
const nearlyValid = fc
  .record({
    base: fc.constantFrom<Record<string, unknown>>(
      { serviceId: 'vezne' },
      { outcome: 'resolved' },
      { reason: 'break' },
      { number: 'V001' },
      { serviceId: 'dilekce', position: 'front' },
      { username: 'clerk1', password: 'x' },
      { name: { tr: 'A', en: 'B' }, prefix: 'Q', targetMinutes: 4 },
      { kind: 'display', name: 'Lobi' },
      { priorityRatio: 2 },
      { displayName: 'Ayşe', role: 'admin' },
    ),
    field: key,
    hostile: value,
  })
  .map(({ base, field, hostile }) => {
    const o: Record<string, unknown> = { ...base };
    Object.defineProperty(o, field, { value: hostile, enumerable: true, writable: true });
    return o;
  });

interface Body {
  contentType: string | null;
  bytes: Buffer | null;
  encoding?: string;
}
const json = (text: string, contentType = 'application/json'): Body => ({
  contentType,
  bytes: Buffer.from(text, 'utf8'),
});
const body: fc.Arbitrary<Body> = fc.oneof(
  { weight: 4, arbitrary: value.map((v) => json(JSON.stringify(v) ?? 'null')) },
  { weight: 3, arbitrary: nearlyValid.map((v) => json(JSON.stringify(v))) },
  fc.constant<Body>({ contentType: null, bytes: null }),
  fc.string({ maxLength: 60 }).map((s) => json(s)),
  fc
    .constantFrom(
      '{"__proto__":{"polluted":"yes"}}',
      '{"constructor":{"prototype":{"polluted":"yes"}}}',
      '{"serviceId":"vezne","__proto__":{"isAdmin":true}}',
      '{"outcome":"resolved","outcome":"forwarded"}',
      '{"serviceId":"vezne"',
      '\uFEFF{"serviceId":"vezne"}',
      '"vezne"',
      '[]',
      'null',
      '1e999999',
      '{"a":"\\ud800"}',
    )
    .map((s) => json(s)),
  fc.integer({ min: 50, max: 1500 }).map((n) => json(`${'{"a":'.repeat(n)}1${'}'.repeat(n)}`)),
  fc.integer({ min: 100, max: 3000 }).map((n) => json(`${'['.repeat(n)}${']'.repeat(n)}`)),
  fc.integer({ min: 3900, max: 9000 }).map((n) => json(JSON.stringify({ note: 'x'.repeat(n) }))),
  fc
    .tuple(
      fc.constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/json; charset=utf-16',
        'application/json; charset=latin1',
        'application/json; charset=bogus',
        'application/xml',
        'application/*',
        'application/json, text/plain',
        '',
        '\u00ff/\u00ff',
      ),
      value,
    )
    .map(([type, v]) => json(JSON.stringify(v) ?? '', type)),
  fc
    .constantFrom('gzip', 'deflate', 'br', 'identity, gzip', 'x-unknown')
    .map((encoding) => ({ ...json('{"serviceId":"vezne"}'), encoding })),
);

/** A header value as bytes a client may put on the wire (latin1, no CR/LF). */
const headerJunk = fc
  .oneof(
    fc.string({ maxLength: 60 }),
    fc
      .string({ unit: 'grapheme', maxLength: 20 })
      .map((s) => Buffer.from(s, 'utf8').toString('latin1')),
    fc.integer({ min: 300, max: 9000 }).map((n) => 'a'.repeat(n)),
    fc.constantFrom('%', '%E0%A4%A', '=;;;=', 'sid', 'sid=', '\t', '"'),
  )
  .map((s) => [...s].filter(headerChar).join(''));

/** What Node lets into a header value: tab, and latin1 without the control characters. */
function headerChar(c: string): boolean {
  const code = c.charCodeAt(0);
  return c.length === 1 && (code === 9 || (code >= 0x20 && code <= 0xff && code !== 0x7f));
}

interface Mutation {
  cookie: string | null;
  authorization: string | null;
}
const junkHeaders: fc.Arbitrary<Mutation> = fc.record({
  cookie: fc.option(
    fc.oneof(
      headerJunk,
      headerJunk.map((s) => `sid=${s}`),
      headerJunk.map((s) => `sid=${s}; sid=other`),
    ),
    { freq: 3 },
  ),
  authorization: fc.option(
    fc.oneof(
      headerJunk,
      headerJunk.map((s) => `Bearer ${s}`),
      headerJunk.map((s) => `Basic ${s}`),
    ),
    { freq: 3 },
  ),
});

/** A path parameter: a real id of this server, or something else. */
const param = (real: () => string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...real()).map((s) => encodeURIComponent(s)) },
    fc.constantFrom(...PROTO_KEYS, ...PLAUSIBLE.filter((s) => s !== '')).map(encodeURIComponent),
    fc.string({ minLength: 1, maxLength: 80 }).map(encodeURIComponent),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).map(encodeURIComponent),
    fc.integer({ min: 65, max: 5000 }).map((n) => 'A'.repeat(n)),
    // Raw: a stray `%` is a malformed escape; latin1 bytes go on the wire as they are.
    fc
      .string({ minLength: 1, maxLength: 20 })
      .map((s) => s.replace(/[^\u0021-\u00ff]|[/?#]/g, '%')),
  );

const query = fc.oneof(
  fc.constant(''),
  fc
    .array(
      fc.tuple(
        fc.oneof(key, fc.constantFrom('from', 'to', 'groupBy', 'limit', 'a[b]', 'a[]')),
        fc.oneof(
          fc.constantFrom('2026-03-10', '1970-01-01', '9999-12-31', '0', '-1', '1e9', 'NaN'),
          fc.string({ maxLength: 30 }),
        ),
      ),
      { maxLength: 6 },
    )
    .map((pairs) =>
      pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'),
    ),
  fc.constantFrom(
    'from=2026-01-01&to=2026-01-31',
    'from=2000-01-01&to=2999-01-01',
    'limit=%',
    '%%%',
  ),
);

// ---------------------------------------------------------------------------------------------
// Sending and checking
// ---------------------------------------------------------------------------------------------

interface Reply {
  status: number;
  contentType: string;
  text: string;
}

function send(method: string, path: string, headers: Record<string, string>, b: Body | null) {
  return new Promise<Reply>((resolve, reject) => {
    const h: Record<string, string> = { ...headers };
    if (b?.contentType !== null && b?.contentType !== undefined) h['Content-Type'] = b.contentType;
    if (b?.encoding) h['Content-Encoding'] = b.encoding;
    // Framed explicitly: Node's client sends a DELETE, OPTIONS or TRACE body unframed otherwise.
    if (b?.bytes) h['Content-Length'] = String(b.bytes.length);
    const req = httpRequest(
      { host: '127.0.0.1', port: server.port, method, path, headers: h, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(b?.bytes ?? undefined);
  });
}

/** What must not change on a refused request: the hall's revision and the configuration. */
function stored() {
  const q = server.app.queues.hall('cankaya')!;
  return {
    day: q.state.day,
    rev: q.state.rev,
    config: JSON.stringify(server.app.configStore.read()),
  };
}

function expectNoPollution(): void {
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
}

/** Credentials the fuzz itself may end (sign-out, deactivation, revocation) are renewed. */
async function heal(): Promise<void> {
  for (const role of ['clerk', 'manager', 'admin'] as const) {
    const me = await send('GET', '/api/auth/me', headersOf[role], null);
    if (me.status !== 200) headersOf[role] = { Cookie: (await signedIn(server, role)).cookie };
  }
  for (const kind of ['kiosk', 'display'] as const) {
    const me = await send('GET', '/api/auth/me', headersOf[kind], null);
    if (me.status !== 200) {
      const { key } = await addDevice(
        server.app.configStore,
        { kind, hallId: 'cankaya', name: `fuzz ${kind}` },
        Date.now(),
      );
      headersOf[kind] = { Authorization: `Bearer ${key}` };
    }
  }
}

beforeAll(async () => {
  server = await startTestServer({
    log: (m) => serverLog.push(m),
    // This suite sends malformed input, not floods: one socket answers a barrier per run, far
    // more often than the real rations allow (resource-bounds.test.ts tests those).
    socketEventLimits: {
      resync: { burst: 10_000, perSecond: 1_000 },
      refresh: { burst: 10_000, perSecond: 1_000 },
      other: { burst: 10_000, perSecond: 1_000 },
      strikes: { burst: 10_000, perSecond: 1_000 },
    },
  });
  const ticket = await kiosk(server).issue('vezne');
  visitorCode = ticket.body.code;
  headersOf.none = {};
  headersOf.visitor = {};
  headersOf.kiosk = { Authorization: `Bearer ${server.kioskKey}` };
  headersOf.display = { Authorization: `Bearer ${server.displayKey}` };
  for (const role of ['clerk', 'manager', 'admin'] as const) {
    const s = await signedIn(server, role);
    headersOf[role] = { Cookie: s.cookie };
    realIds.push(s.user.id);
  }
  const config = server.app.configStore.read();
  realIds.push(...config.devices.map((d) => d.id), ...config.counters.map((c) => c.id));
});
afterAll(async () => {
  await server.dispose();
  console.log(
    `hostile input: ${tried.rest} REST requests (${tried.restAccepted} accepted as valid), ` +
      `${tried.socketEmits} socket events, ${tried.rawFrames} raw frames, ` +
      `${tried.handshakes} handshakes; ${tried.rest + tried.socketEmits + tried.rawFrames + tried.handshakes} inputs in all`,
  );
});

describe('hostile input over REST: every route, every role', () => {
  const realFor = (name: string) => () => {
    const config = server.app.configStore.read();
    switch (name) {
      case 'hallId':
        return ['cankaya'];
      case 'code':
        return [visitorCode];
      case 'counterId':
        return config.counters.map((c) => c.id);
      case 'serviceId':
        return config.services.map((s) => s.id);
      case 'printerId':
        return ['p1', ...config.printers.map((p) => p.id)];
      default:
        return realIds;
    }
  };

  it('when every route is called with hostile params, query, body and headers as every role, then each answer is a 4xx or a valid 2xx, refusals change nothing, and the server lives on', async () => {
    const routes: RouteDef[] = server.app.routes;
    expect(routes.length).toBeGreaterThan(40);
    for (const route of routes) {
      const names = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      const request = fc.record({
        who: fc.constantFrom(...EVERYONE),
        params: fc.tuple(...names.map((n) => param(realFor(n)))),
        query,
        body,
        junk: fc.option(junkHeaders, { freq: 3 }),
        wrongMethod: fc.option(fc.constantFrom('PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE'), {
          freq: 12,
        }),
      });
      await fc.assert(
        fc.asyncProperty(request, async (r) => {
          let path = route.path;
          names.forEach((n, i) => (path = path.replace(`:${n}`, r.params[i]!)));
          const url = `/api${path}${r.query ? `?${r.query}` : ''}`;
          const headers = { ...headersOf[r.who] };
          if (r.junk?.cookie !== null && r.junk?.cookie !== undefined)
            headers.Cookie = r.junk.cookie;
          if (r.junk?.authorization !== null && r.junk?.authorization !== undefined)
            headers.Authorization = r.junk.authorization;
          const method = r.wrongMethod ?? route.method.toUpperCase();
          const before = stored();
          const reply = await send(method, url, headers, method === 'GET' ? null : r.body).catch(
            (err: Error) => {
              throw new Error(`${method} ${url.slice(0, 200)} as ${r.who}: ${err.message}`);
            },
          );
          tried.rest++;
          const label = `${method} ${url.slice(0, 200)} as ${r.who} → ${reply.status} ${reply.text.slice(0, 300)}`;
          expect(reply.status, label).toBeLessThan(500);
          expect(reply.status, label).toBeGreaterThanOrEqual(200);
          if (reply.status >= 400) {
            if (reply.contentType.startsWith('application/json')) {
              const parsed = JSON.parse(reply.text) as {
                error: { code: ErrorCode; message: string };
              };
              expect(ERROR_CODES, label).toContain(parsed.error.code);
              expect(parsed.error.message.length, label).toBeGreaterThan(0);
            } else {
              // Only Node's own HTTP parser answers without JSON (URI or headers too large).
              expect([400, 414, 431], label).toContain(reply.status);
            }
            expect(stored(), label).toEqual(before);
          } else {
            tried.restAccepted++;
            if (method !== 'GET') await heal();
          }
        }),
        { numRuns: REST_RUNS_PER_ROUTE },
      );
    }
    expectNoPollution();
    expect((await send('GET', '/api/health', {}, null)).status).toBe(200);
    expect(serverLog.filter((l) => /unhandled error/.test(l))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Socket.IO
// ---------------------------------------------------------------------------------------------

const NAMESPACES = {
  '/display': { who: 'display', events: ['queue:resync'] },
  '/counter': { who: 'clerk', events: ['queue:resync'] },
  '/manager': { who: 'manager', events: ['queue:resync'] },
  '/ticket': { who: 'visitor', events: ['ticket:refresh'] },
} as const;
type Nsp = keyof typeof NAMESPACES;

const RESERVED = [
  'connect',
  'connect_error',
  'disconnect',
  'disconnecting',
  'newListener',
  'removeListener',
];

async function connectAs(nsp: Nsp): Promise<Socket> {
  const who = NAMESPACES[nsp].who;
  const cookie = headersOf[who as Who]?.Cookie;
  const bearer = headersOf[who as Who]?.Authorization?.replace(/^Bearer /, '');
  const s = io(`${server.url}${nsp}`, {
    auth: who === 'visitor' ? { code: visitorCode } : bearer ? { key: bearer } : {},
    extraHeaders: cookie ? { Cookie: cookie } : {},
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  tried.handshakes++;
  await until(() => s.connected);
  return s;
}

/** Well-formed acks only: `{ ok: true, data }` or `{ ok: false, error: { code, message } }`. */
function expectAck(reply: unknown, label: string): void {
  expect(typeof reply, label).toBe('object');
  const r = reply as { ok: boolean; data?: unknown; error?: { code: string; message: string } };
  if (r.ok) expect(r.data, label).toBeDefined();
  else expect(ERROR_CODES, label).toContain(r.error?.code);
}

describe('hostile input over Socket.IO: every event name on every namespace', () => {
  const emit = fc.record({
    name: fc.oneof(
      fc.constantFrom('queue:resync', 'ticket:refresh', 'counter:call-next', 'queue:snapshot'),
      fc.constantFrom(...PROTO_KEYS, ...RESERVED),
      fc.string({ maxLength: 30 }),
      fc.string({ unit: 'grapheme', maxLength: 10 }),
    ),
    args: fc.array(value, { maxLength: 3 }),
    ack: fc.constantFrom('function', 'none', 'not-a-function'),
    binary: fc.boolean(),
  });

  it.each(Object.keys(NAMESPACES) as Nsp[])(
    'when %s gets unknown, reserved and malformed events with and without acks, then it answers only with well-formed acks, stays connected and changes nothing',
    async (nsp) => {
      let s = await connectAs(nsp);
      const barrierEvent = NAMESPACES[nsp].events[0];
      const before = stored();
      let previous = '';
      let dropped = '';
      const watch = (socket: Socket) =>
        socket.on('disconnect', (reason) => (dropped = `${reason} after ${previous}`));
      watch(s);
      await fc.assert(
        fc.asyncProperty(fc.array(emit, { minLength: 1, maxLength: 4 }), async (batch) => {
          expect(dropped).toBe('');
          previous = JSON.stringify(batch).slice(0, 2000);

          const replies: Array<{ label: string; reply: unknown; mustAnswer: boolean }> = [];
          const waiting: Array<Promise<void>> = [];
          for (const e of batch) {
            // The server takes messages up to 16 KiB (maxHttpBufferSize) and drops the
            // connection of a client that sends more: a bigger emit must end it, like a
            // reserved name does. Emits close to the limit are left out (framing varies).
            const size = Buffer.byteLength(JSON.stringify([nsp, e.name, ...e.args]));
            if (size > 15_000 && size < 18_000) continue;
            const oversized = size >= 18_000;
            const args: unknown[] = [...e.args];
            // (A binary attachment makes the client rebuild objects, which drops `__proto__`
            // keys and so changes the size: oversized emits go without one.)
            if (e.binary && !oversized) args.push(Buffer.from([0, 1, 2, 255]));
            const label = `${nsp} ${JSON.stringify(e.name)} ${JSON.stringify(args).slice(0, 120)} ack=${e.ack}`;
            tried.socketEmits++;
            if (RESERVED.includes(e.name) || oversized) {
              // The client library refuses reserved names; a hostile client sends the packet
              // anyway. The server must not run its own handlers for them (a forged
              // `disconnect` would mark a display offline): it ends that connection instead.
              (s as unknown as { packet: (p: unknown) => void }).packet({
                type: 2,
                data: [e.name, ...args],
              });
              await until(() => !s.connected);
              expect(dropped).toMatch(/^(transport close|transport error|parse error)/);
              dropped = '';
              s.close();
              s = await connectAs(nsp);
              watch(s);
              return;
            }
            if (e.ack === 'function') {
              const entry = {
                label,
                reply: undefined as unknown,
                mustAnswer: e.name === barrierEvent && args.length === 0,
              };
              replies.push(entry);
              waiting.push(
                new Promise<void>((resolve) => {
                  s.emit(e.name, ...args, (reply: unknown) => {
                    entry.reply = reply;
                    resolve();
                  });
                }),
              );
            } else {
              if (e.ack === 'not-a-function') args.push({ ack: 'function () {}' });
              s.emit(e.name, ...args);
            }
          }
          // Packets of one socket are handled in order: once the barrier is answered, every
          // earlier event has been handled and any ack it sent has arrived.
          const barrier = await s.timeout(3000).emitWithAck(barrierEvent);
          expectAck(barrier, `${nsp} barrier`);
          for (const r of replies) {
            if (r.reply !== undefined) expectAck(r.reply, r.label);
            else expect(r.mustAnswer, `${r.label}: a valid request got no answer`).toBe(false);
          }
          void Promise.all(waiting);
          expect(s.connected).toBe(true);
        }),
        // One socket lives through all runs, so a failing run is reported as it was, unshrunk.
        { numRuns: SOCKET_RUNS_PER_NAMESPACE, endOnFailure: true },
      );
      expect(stored()).toEqual(before);
      s.close();
    },
  );

  it('when a client sends malformed frames, oversized payloads or asks for unknown namespaces, then only that connection ends and the server and other clients carry on', async () => {
    const bystander = await connectAs('/counter');
    const before = stored();
    const frames = [
      '2/counter,["queue:resync"',
      '2/counter,{"a":1}',
      '2/counter,123',
      '2/counter,[]',
      '2/counter,[{"__proto__":{"polluted":1}}]',
      '2/nope,["queue:resync"]',
      '3/counter,99[{"ok":true}]',
      '51-/counter,["queue:resync",{"_placeholder":true,"num":7}]',
      '0/counter,{"__proto__":{"polluted":1}}',
      '1/counter,',
      '9',
      '2/counter,9999999999999999999999["queue:resync"]',
      `2/counter,["${'x'.repeat(20_000)}"]`,
    ];
    for (const frame of frames) {
      const s = await connectAs('/counter');
      tried.rawFrames++;
      s.io.engine.write(frame);
      await new Promise((r) => setTimeout(r, 30));
      s.close();
    }
    for (const nsp of ['/nope', '/__proto__', '/constructor', '/display/../counter']) {
      const s = io(`${server.url}${nsp}`, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
      });
      tried.handshakes++;
      const err = await new Promise<Error>((resolve) => s.once('connect_error', resolve));
      expect(err.message).toMatch(/Invalid namespace/);
      s.close();
    }
    const reply = await bystander.timeout(3000).emitWithAck('queue:resync');
    expectAck(reply, 'bystander');
    expect(stored()).toEqual(before);
    expectNoPollution();
    expect((await send('GET', '/api/health', {}, null)).status).toBe(200);
    bystander.close();
  });
});
