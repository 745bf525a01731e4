import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { WEBHOOK_HEADERS } from '../../../contract/webhooks.js';
import {
  checkedWebhookTarget,
  type HostLookup,
  type WebhookAddressPolicy,
  type WebhookTarget,
} from './webhook-address-policy.js';
import { signatureHeader } from './webhook-signature.js';

/*
 * One POST of one delivery. The connection goes to the address `checkedWebhookTarget` judged
 * (the name is not resolved again, so DNS cannot hand over another address in between), while
 * the Host header and the TLS server name stay the URL's host, so virtual hosts and
 * certificates work as for any client. Each delivery opens its own connection (`agent: false`):
 * a pooled socket would be keyed by host name, not by the judged address, and at one delivery
 * in flight per endpoint a fresh handshake costs nothing worth keeping a socket open for.
 * Redirects are not followed (a 3xx could lead anywhere, past the address rule); the answer is
 * read up to a cap and the socket closed; the whole exchange has one time limit. It never
 * throws: every failure is an answer in plain words for the delivery log.
 */

export interface WebhookPost {
  target: WebhookTarget;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  maxResponseBytes: number;
}

export interface WebhookPostResult {
  /** The receiver answered 2xx. */
  ok: boolean;
  /** Null when no status line came (refused, timed out, reset). */
  httpStatus: number | null;
  latencyMs: number;
  error: string | null;
}

/** `10 s`, `0.3 s`: a time limit in words. */
export const secondsText = (ms: number): string => `${Math.round(ms / 100) / 10} s`;

const SOCKET_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the receiver',
  EPIPE: 'connection closed by the receiver',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  EPROTO: 'TLS handshake failed',
  HPE_INVALID_CONSTANT: 'the receiver did not answer in HTTP',
};

/** A socket or TLS error in words. */
function errorText(e: NodeJS.ErrnoException): string {
  const known = e.code === undefined ? undefined : SOCKET_ERRORS[e.code];
  if (known) return known;
  if (e.code?.startsWith('HPE_')) return `the receiver's answer is not valid HTTP (${e.code})`;
  if (/CERT|SELF_SIGNED|TLS/.test(e.code ?? '')) return `TLS certificate refused: ${e.message}`;
  return e.message || String(e.code ?? 'request failed');
}

/** The status line in words for the log, without what the receiver may have put in it. */
function statusError(res: IncomingMessage): string | null {
  const status = res.statusCode ?? 0;
  if (status >= 200 && status < 300) return null;
  if (status >= 300 && status < 400)
    return `redirect not followed (Location ${res.headers.location ?? 'none'})`.slice(0, 300);
  const reason = (res.statusMessage ?? '').replace(/[^\x20-\x7e]/g, '').slice(0, 60);
  return `HTTP ${status}${reason ? ` ${reason}` : ''}`;
}

/** POSTs `body` to the target's judged address; resolves how it went. */
export function postWebhook(post: WebhookPost): Promise<WebhookPostResult> {
  const started = performance.now();
  const { target, body, headers, timeoutMs, maxResponseBytes } = post;
  return new Promise<WebhookPostResult>((resolve) => {
    let req: ClientRequest | undefined;
    let settled = false;
    /** The status line, once it came: a stalled or cut body after it does not undo it. */
    let answered: { status: number; error: string | null } | null = null;
    const finish = (httpStatus: number | null, error: string | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // Whatever is left of the answer is not wanted: drop the connection (no keep-alive).
      req?.destroy();
      const latencyMs = Math.round(performance.now() - started);
      resolve({ ok: httpStatus !== null && error === null, httpStatus, latencyMs, error });
    };
    const timer = setTimeout(() => {
      if (answered) finish(answered.status, answered.error);
      else finish(null, `timed out after ${secondsText(timeoutMs)}`);
    }, timeoutMs);
    try {
      const { url, address, family } = target;
      const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
      // Connect to the judged address, whatever the resolver would answer now.
      const pinned: LookupFunction = (_host, options, callback) => {
        if (options.all) callback(null, [{ address, family }]);
        else callback(null, address, family);
      };
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      req = send(url, {
        method: 'POST',
        agent: false,
        lookup: pinned,
        ...(url.protocol === 'https:' && !isIP(hostname) ? { servername: hostname } : {}),
        headers: {
          ...Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
        },
      });
      req.on('error', (e) => finish(null, errorText(e)));
      req.on('response', (res) => {
        const done = { status: res.statusCode ?? 0, error: statusError(res) };
        answered = done;
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read >= maxResponseBytes) finish(done.status, done.error);
        });
        // The end of the answer, or the connection closed under it: the status stands.
        res.on('error', () => undefined);
        res.on('close', () => finish(done.status, done.error));
      });
      req.end(body);
    } catch (e) {
      finish(null, errorText(e as NodeJS.ErrnoException));
    }
  });
}

/** The headers of one delivery: signature (signed now), id, type, attempt, user agent. */
export function webhookHeaders(d: {
  secret: string;
  body: string;
  eventId: string;
  type: string;
  attempt: number;
  unixSeconds: number;
}): Record<string, string> {
  return {
    [WEBHOOK_HEADERS.signature]: signatureHeader(d.secret, d.body, d.unixSeconds),
    [WEBHOOK_HEADERS.eventId]: d.eventId,
    [WEBHOOK_HEADERS.eventType]: d.type,
    [WEBHOOK_HEADERS.attempt]: String(d.attempt),
    'user-agent': 'Siramatik-Webhooks/1',
  };
}

/**
 * Judges `url` (policy and DNS, within the time limit) and POSTs to the judged address: one
 * delivery from a URL as stored. Never throws; a refused address or a name that does not
 * resolve is a failed delivery with no HTTP status and no connection made.
 */
export async function sendWebhook(
  send: Omit<WebhookPost, 'target'> & {
    policy: WebhookAddressPolicy;
    lookup: HostLookup;
    url: string;
  },
): Promise<WebhookPostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const limit = `timed out after ${secondsText(send.timeoutMs)}`;
  let lateFired = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      lateFired = true;
      reject(new Error(limit));
    }, send.timeoutMs);
  });
  late.catch(() => undefined);
  let target: WebhookTarget;
  try {
    const lookup: HostLookup = (host) => Promise.race([send.lookup(host), late]);
    target = await checkedWebhookTarget(send.policy, send.url, lookup);
  } catch (e) {
    const error = lateFired ? `${limit} (looking up the host)` : (e as Error).message;
    return { ok: false, httpStatus: null, latencyMs: elapsed(), error };
  } finally {
    clearTimeout(timer);
  }
  const result = await postWebhook({
    ...send,
    target,
    timeoutMs: Math.max(1, send.timeoutMs - elapsed()),
  });
  const timedOut = result.error?.startsWith('timed out after') === true;
  return {
    ...result,
    latencyMs: elapsed(),
    error: timedOut ? limit : result.error,
  };
}
