import { randomBytes } from 'node:crypto';
import {
  createServer,
  type IncomingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { WebhookDelivery, WebhookEventType } from '../../contract/webhooks.js';
import { WEBHOOK_EVENT_TYPES } from '../../contract/webhooks.js';
import type { WebhookRecord } from '../../server/src/config/config-data.js';
import { parseWebhookAllowList } from '../../server/src/webhooks/webhook-address-policy.js';
import { verifySignature } from '../../server/src/webhooks/webhook-signature.js';
import type { WebhookOptions } from '../../server/src/webhooks/webhooks.js';
import type { TestServer } from '../support/test-server.js';

/** What the receiver answers a request: an HTTP status, or nothing at all ('hang'). */
export type Answer = number | 'hang';

export interface Received {
  headers: IncomingHttpHeaders;
  raw: string;
  body: WebhookDelivery;
  /** The signature checked with the endpoint's secret at the server's clock. */
  verified: boolean;
}

/**
 * A webhook receiver on 127.0.0.1 (port 0): it keeps every request and answers each with the
 * next of `answers` (200 once they are used up). Signatures are checked as a receiver would.
 */
export class Receiver {
  readonly received: Received[] = [];
  answers: Answer[] = [];
  /** Waits before answering (ms). */
  delayMs = 0;
  private readonly sockets = new Set<Socket>();
  private readonly hanging: ServerResponse[] = [];

  private readonly server: Server;

  private constructor(
    readonly secret: string,
    private readonly nowSeconds: () => number,
  ) {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.take(req.headers, Buffer.concat(chunks).toString('utf8'), res));
    });
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
  }

  static async start(nowMs: () => number = Date.now): Promise<Receiver> {
    const secret = randomBytes(32).toString('base64url');
    const receiver = new Receiver(secret, () => Math.floor(nowMs() / 1000));
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  /** The ids received, in order (a retry repeats one). */
  ids(): string[] {
    return this.received.map((r) => r.body.id);
  }

  types(): string[] {
    return this.received.map((r) => r.body.type);
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private take(headers: IncomingHttpHeaders, raw: string, res: ServerResponse): void {
    const verified = verifySignature(
      this.secret,
      headers['siramatik-signature'] as string | undefined,
      raw,
      this.nowSeconds(),
    );
    this.received.push({ headers, raw, body: JSON.parse(raw) as WebhookDelivery, verified });
    const answer = this.answers.shift() ?? 200;
    if (answer === 'hang') {
      this.hanging.push(res);
      return;
    }
    setTimeout(() => res.writeHead(answer).end(answer < 300 ? 'ok' : 'not now'), this.delayMs);
  }
}

/** Delivery timings for tests: short retries and time limit, quick looks; 127.0.0.1 allowed. */
export function testWebhookOptions(over: Partial<WebhookOptions> = {}): WebhookOptions {
  return {
    allow: parseWebhookAllowList('127.0.0.1'),
    backoffMs: () => 150,
    // Long enough for a loaded test machine; the hang test sets its own.
    timeoutMs: 3_000,
    pollMs: 40,
    leaseEveryMs: 100,
    ...over,
  };
}

let seq = 0;

/** Adds an endpoint of the default hall to the running server's configuration. */
export async function addWebhook(
  server: Pick<TestServer, 'app'>,
  receiver: Receiver,
  over: Partial<WebhookRecord> & { createdAt: number },
): Promise<WebhookRecord> {
  const record: WebhookRecord = {
    id: `wh-${++seq}`,
    hallId: 'cankaya',
    name: 'Çağrı merkezi',
    url: receiver.url,
    events: [...WEBHOOK_EVENT_TYPES] as WebhookEventType[],
    personalData: false,
    active: true,
    secret: receiver.secret,
    ...over,
  };
  await server.app.configStore.update((d) => {
    d.webhooks = [...(d.webhooks ?? []), record];
  });
  return record;
}

/** Changes an endpoint in the running server's configuration. */
export async function editWebhook(
  server: TestServer,
  id: string,
  change: Partial<WebhookRecord>,
): Promise<void> {
  await server.app.configStore.update((d) => {
    const w = d.webhooks?.find((x) => x.id === id);
    if (!w) throw new Error(`no webhook ${id}`);
    Object.assign(w, change);
  });
}

/** Waits until `ok()` holds (checked every 10 ms), failing with `what` after `ms`. */
export async function until(
  what: string,
  ok: () => boolean | Promise<boolean>,
  ms = 8_000,
): Promise<void> {
  for (const end = Date.now() + ms; !(await ok());) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The endpoint as configured now. */
export function webhookOf(server: TestServer, id: string): WebhookRecord {
  const w = server.app.configStore.read().webhooks?.find((x) => x.id === id);
  if (!w) throw new Error(`no webhook ${id}`);
  return w;
}

/** The endpoint's status as the routes would show it. */
export function statusOf(server: TestServer, id: string) {
  return server.app.webhooks.status(webhookOf(server, id));
}

/** Waits `ms` of real time (to see that nothing more comes). */
export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
