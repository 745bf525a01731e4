import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a receiver got. */
export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface WebhookReceiver {
  /** Every request, in arrival order. */
  got: Received[];
  /** What it answers from now on. */
  status: number;
  /** `http://127.0.0.1:<port>/hook` (any path is answered). */
  url: string;
  close: () => Promise<void>;
}

/** A real HTTP receiver on 127.0.0.1 that records every request and answers `status`. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const r: WebhookReceiver = { got: [], status: 200, url: '', close: async () => undefined };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      r.got.push({ path: req.url ?? '', headers: req.headers, body });
      res.writeHead(r.status, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  r.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  r.close = () =>
    new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    });
  return r;
}

/**
 * What a receiver does with `siramatik-signature: t=<unix s>,v1=<hex>`: recompute the HMAC of
 * `<t>.<raw body>` with its secret, compare in constant time, refuse a time 5 minutes off.
 */
export function signatureValid(secret: string, r: Received, nowMs = Date.now()): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(r.headers['siramatik-signature']));
  if (!m) return false;
  const expected = createHmac('sha256', secret).update(`${m[1]}.${r.body}`).digest();
  const given = Buffer.from(m[2]!, 'hex');
  return timingSafeEqual(expected, given) && Math.abs(nowMs / 1000 - Number(m[1])) <= 300;
}
