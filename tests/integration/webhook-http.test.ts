import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WEBHOOK_HEADERS } from '../../contract/webhooks.js';
import {
  checkedWebhookTarget,
  parseWebhookAllowList,
  WebhookAddressPolicy,
  type HostLookup,
} from '../../server/src/webhooks/webhook-address-policy.js';
import {
  postWebhook,
  sendWebhook,
  webhookHeaders,
} from '../../server/src/webhooks/webhook-http.js';
import { verifySignature } from '../../server/src/webhooks/webhook-signature.js';

/*
 * One POST against a real node:http receiver on 127.0.0.1 (listed in the allow list, as an
 * operator would list a local receiver): what it sees, and what the sender makes of each answer.
 */

const SECRET = 'whsec_integration';
const BODY = JSON.stringify({
  id: 'cankaya.2026-12-05.7',
  type: 'ticket.called',
  data: { a: 'ç' },
});
const allowLocal = new WebhookAddressPolicy(parseWebhookAllowList('127.0.0.1'));
const strict = new WebhookAddressPolicy();
const noLookup: HostLookup = () => Promise.reject(new Error('no lookup expected'));

/*
 * A self-signed certificate for hooks.invalid, made once for this test with
 *   openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 36500 \
 *     -subj /CN=hooks.invalid -addext subjectAltName=DNS:hooks.invalid
 * (valid until 2126; the key is a test fixture and guards nothing).
 */
const TEST_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg11yhhaaqt0+U60M5
43OkhUGXjbZfrA4kRPzaxRdW0hqhRANCAAQymccLITgzxS8R/ey3v+EjSb1Hcc94
JZyfrgb+yhZTdo57tTi7PBpFjNDPIs2bLcIEtNUE8+W+5YFT6ZgTRjMb
-----END PRIVATE KEY-----`;
const TEST_CERT = `-----BEGIN CERTIFICATE-----
MIIBoDCCAUegAwIBAgIUTAsDMmuzMtUnoEFqmnxwqJ6nSRwwCgYIKoZIzj0EAwIw
GDEWMBQGA1UEAwwNaG9va3MuaW52YWxpZDAgFw0yNjEyMDUwNTI5NTdaGA8yMTI2
MTExMTA1Mjk1N1owGDEWMBQGA1UEAwwNaG9va3MuaW52YWxpZDBZMBMGByqGSM49
AgEGCCqGSM49AwEHA0IABDKZxwshODPFLxH97Le/4SNJvUdxz3glnJ+uBv7KFlN2
jnu1OLs8GkWM0M8izZstwgS01QTz5b7lgVPpmBNGMxujbTBrMB0GA1UdDgQWBBRc
dY8KaJVqe3J7VkgcGsDKCHaD8jAfBgNVHSMEGDAWgBRcdY8KaJVqe3J7VkgcGsDK
CHaD8jAPBgNVHRMBAf8EBTADAQH/MBgGA1UdEQQRMA+CDWhvb2tzLmludmFsaWQw
CgYIKoZIzj0EAwIDRwAwRAIgcHudNxWijShd+0u4gylk2p4GSC+JpfhzAFuAiPsj
I+YCIFXz/tat5Azpvp2hRuZxaY2qUM/org7Pqkhg1ceDT7ux
-----END CERTIFICATE-----`;

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

interface Receiver {
  server: Server;
  port: number;
  seen: Seen[];
  connections: number;
}

const receivers: Server[] = [];
afterEach(async () => {
  for (const s of receivers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

async function receiver(answer: (req: IncomingMessage, res: ServerResponse, seen: Seen) => void) {
  const r: Receiver = { server: createServer(), port: 0, seen: [], connections: 0 };
  r.server.on('connection', () => r.connections++);
  r.server.on('request', (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const seen = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      r.seen.push(seen);
      answer(req, res, seen);
    });
  });
  receivers.push(r.server);
  await new Promise<void>((ok) => r.server.listen(0, '127.0.0.1', ok));
  r.port = (r.server.address() as AddressInfo).port;
  return r;
}

function headers(attempt = 1): Record<string, string> {
  return webhookHeaders({
    secret: SECRET,
    body: BODY,
    eventId: 'cankaya.2026-12-05.7',
    type: 'ticket.called',
    attempt,
    unixSeconds: Math.floor(Date.now() / 1000),
  });
}

async function post(url: string, timeoutMs = 5_000, maxResponseBytes = 64 * 1024) {
  const target = await checkedWebhookTarget(allowLocal, url, noLookup);
  return postWebhook({ target, body: BODY, headers: headers(), timeoutMs, maxResponseBytes });
}

describe('webhook POST to a real receiver', () => {
  it('when the receiver answers 200, then it is ok, and the receiver verifies the signature over the raw body', async () => {
    const r = await receiver((_req, res, seen) => {
      const valid = verifySignature(
        SECRET,
        seen.headers[WEBHOOK_HEADERS.signature] as string,
        seen.body,
        Math.floor(Date.now() / 1000),
      );
      res.writeHead(valid ? 200 : 400).end('thanks');
    });
    const result = await post(`http://127.0.0.1:${r.port}/hooks/in?src=sira`);
    expect(result).toMatchObject({ ok: true, httpStatus: 200, error: null });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(r.seen).toHaveLength(1);
    const seen = r.seen[0]!;
    expect(seen).toMatchObject({ method: 'POST', url: '/hooks/in?src=sira', body: BODY });
    expect(seen.headers).toMatchObject({
      host: `127.0.0.1:${r.port}`,
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(BODY)),
      'user-agent': 'Siramatik-Webhooks/1',
      [WEBHOOK_HEADERS.eventId]: 'cankaya.2026-12-05.7',
      [WEBHOOK_HEADERS.eventType]: 'ticket.called',
      [WEBHOOK_HEADERS.attempt]: '1',
    });
    // The same body with another byte would not verify: the check above is a real one.
    expect(
      verifySignature(
        SECRET,
        seen.headers[WEBHOOK_HEADERS.signature] as string,
        `${BODY} `,
        Date.now() / 1000,
      ),
    ).toBe(false);
  });

  it('when the URL names a host, then the connection goes to the judged address and Host stays the name', async () => {
    const r = await receiver((_req, res) => res.writeHead(204).end());
    const lookups: string[] = [];
    const lookup: HostLookup = (host) => {
      lookups.push(host);
      return Promise.resolve(['127.0.0.1']);
    };
    const policy = new WebhookAddressPolicy(parseWebhookAllowList('hooks.invalid'));
    const result = await sendWebhook({
      policy,
      lookup,
      url: `http://hooks.invalid:${r.port}/in`,
      body: BODY,
      headers: headers(),
      timeoutMs: 5_000,
      maxResponseBytes: 1024,
    });
    expect(result).toMatchObject({ ok: true, httpStatus: 204, error: null });
    // Resolved once, by the check: the request itself did not ask the resolver again.
    expect(lookups).toEqual(['hooks.invalid']);
    expect(r.seen[0]!.headers.host).toBe(`hooks.invalid:${r.port}`);
  });

  it('when an https URL names a host, then TLS asks for that name at the judged address and checks the certificate', async () => {
    const serverNames: string[] = [];
    let requests = 0;
    const server = createTlsServer(
      {
        key: TEST_KEY,
        cert: TEST_CERT,
        SNICallback: (name, done) => {
          serverNames.push(name);
          done(null);
        },
      },
      (_req, res) => {
        requests++;
        res.writeHead(200).end();
      },
    );
    receivers.push(server);
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const port = (server.address() as AddressInfo).port;
    const result = await sendWebhook({
      policy: new WebhookAddressPolicy(parseWebhookAllowList('hooks.invalid')),
      lookup: () => Promise.resolve(['127.0.0.1']),
      url: `https://hooks.invalid:${port}/in`,
      body: BODY,
      headers: headers(),
      timeoutMs: 5_000,
      maxResponseBytes: 1024,
    });
    // No CA vouches for the test certificate: refused, in words, and nothing was posted.
    expect(result).toMatchObject({ ok: false, httpStatus: null });
    expect(result.error).toBe('TLS certificate refused: self-signed certificate');
    expect(serverNames).toEqual(['hooks.invalid']);
    expect(requests).toBe(0);
  });

  it('when the receiver answers 500, then it failed with the status in words', async () => {
    const r = await receiver((_req, res) => res.writeHead(500).end('boom'));
    const result = await post(`http://127.0.0.1:${r.port}/`);
    expect(result).toMatchObject({
      ok: false,
      httpStatus: 500,
      error: 'HTTP 500 Internal Server Error',
    });
  });

  it('when the receiver never answers, then it fails at the time limit', async () => {
    const r = await receiver(() => undefined);
    const result = await post(`http://127.0.0.1:${r.port}/`, 300);
    expect(result).toMatchObject({ ok: false, httpStatus: null, error: 'timed out after 0.3 s' });
    expect(result.latencyMs).toBeGreaterThanOrEqual(290);
    expect(result.latencyMs).toBeLessThan(3_000);
    expect(r.seen).toHaveLength(1);
  });

  it('when the receiver answers 10 MB, then only the cap is read and the connection is dropped', async () => {
    let finished: boolean | null = null;
    let markClosed = () => undefined as void;
    const closed = new Promise<void>((done) => (markClosed = done));
    const r = await receiver((_req, res) => {
      res.on('close', () => {
        finished = res.writableFinished;
        markClosed();
      });
      res.writeHead(200, { 'content-length': String(10 * 1024 * 1024) });
      // One megabyte now, the other nine three seconds later: a sender reading the whole answer
      // would wait for them (its time limit is five seconds, so it would still end ok).
      res.write(Buffer.alloc(1024 * 1024, 0x61));
      setTimeout(() => {
        if (!res.destroyed) res.end(Buffer.alloc(9 * 1024 * 1024, 0x62));
      }, 3_000).unref();
    });
    const result = await post(`http://127.0.0.1:${r.port}/`, 5_000, 64 * 1024);
    expect(result).toMatchObject({ ok: true, httpStatus: 200, error: null });
    expect(result.latencyMs).toBeLessThan(2_000);
    await closed;
    expect(finished).toBe(false);
  });

  it('when the receiver drops the connection after a 200 status line, then the 200 stands', async () => {
    const r = await receiver((_req, res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write('partial', () => res.socket?.destroy());
    });
    const result = await post(`http://127.0.0.1:${r.port}/`);
    expect(result).toMatchObject({ ok: true, httpStatus: 200, error: null });
  });

  it('when the receiver redirects, then it is not followed and fails naming the Location', async () => {
    const r = await receiver((req, res) => {
      if (req.url === '/moved')
        res.writeHead(302, { location: `http://127.0.0.1:${r.port}/elsewhere` }).end();
      else res.writeHead(200).end();
    });
    const result = await post(`http://127.0.0.1:${r.port}/moved`);
    expect(result).toEqual({
      ok: false,
      httpStatus: 302,
      latencyMs: expect.any(Number) as number,
      error: `redirect not followed (Location http://127.0.0.1:${r.port}/elsewhere)`,
    });
    expect(r.seen.map((s) => s.url)).toEqual(['/moved']);
  });

  it('when nothing listens on the port, then it fails as connection refused', async () => {
    const r = await receiver(() => undefined);
    const port = r.port;
    r.server.close();
    await new Promise((done) => r.server.once('close', done));
    const result = await post(`http://127.0.0.1:${port}/`);
    expect(result).toMatchObject({ ok: false, httpStatus: null, error: 'connection refused' });
  });

  it('when the URL is 127.0.0.1 and nothing is listed, then it is refused without any connection', async () => {
    const r = await receiver((_req, res) => res.writeHead(200).end());
    const result = await sendWebhook({
      policy: strict,
      lookup: noLookup,
      url: `http://127.0.0.1:${r.port}/`,
      body: BODY,
      headers: headers(),
      timeoutMs: 5_000,
      maxResponseBytes: 1024,
    });
    expect(result).toMatchObject({ ok: false, httpStatus: null });
    expect(result.error).toBe(
      'address not allowed: 127.0.0.1 is a loopback address; refused unless listed in WEBHOOK_ALLOW',
    );
    await new Promise((done) => setTimeout(done, 100));
    expect(r.connections).toBe(0);
  });

  it('when a host name resolves to a loopback address, then it is refused without any connection', async () => {
    const r = await receiver((_req, res) => res.writeHead(200).end());
    const result = await sendWebhook({
      policy: strict,
      lookup: () => Promise.resolve(['127.0.0.1']),
      url: `http://rebind.invalid:${r.port}/`,
      body: BODY,
      headers: headers(),
      timeoutMs: 5_000,
      maxResponseBytes: 1024,
    });
    expect(result).toMatchObject({ ok: false, httpStatus: null });
    expect(result.error).toContain('address not allowed: rebind.invalid resolves to 127.0.0.1');
    await new Promise((done) => setTimeout(done, 100));
    expect(r.connections).toBe(0);
  });

  it('when the resolver never answers, then the whole delivery still ends at the time limit', async () => {
    const result = await sendWebhook({
      policy: strict,
      lookup: () => new Promise(() => undefined),
      url: 'http://slow-dns.invalid/',
      body: BODY,
      headers: headers(),
      timeoutMs: 300,
      maxResponseBytes: 1024,
    });
    expect(result).toMatchObject({ ok: false, httpStatus: null });
    expect(result.error).toBe('timed out after 0.3 s (looking up the host)');
    expect(result.latencyMs).toBeLessThan(2_000);
  });
});
