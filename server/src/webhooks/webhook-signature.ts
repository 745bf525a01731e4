import { createHmac, timingSafeEqual } from 'node:crypto';

/*
 * The `siramatik-signature` header, Stripe's scheme: `t=<unix seconds>,v1=<hex>` where hex is
 * HMAC-SHA256 keyed with the endpoint's secret (the string as shown, its UTF-8 bytes) over
 * `<t>.<raw body>`. The time inside the signed text stops an old delivery being replayed; a
 * receiver recomputes the HMAC over the body exactly as received (before any JSON parsing) and
 * compares in constant time. Several `v1=` entries are accepted so that a sender may sign with
 * an old and a new secret while a rotation settles.
 */

/** Five minutes either way, as Stripe's libraries default to. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

function hmacHex(secret: string, rawBody: string | Uint8Array, unixSeconds: number): string {
  return createHmac('sha256', secret).update(`${unixSeconds}.`).update(rawBody).digest('hex');
}

/** The header value for a body sent at `unixSeconds`. */
export function signatureHeader(
  secret: string,
  rawBody: string | Uint8Array,
  unixSeconds: number,
): string {
  if (!Number.isSafeInteger(unixSeconds) || unixSeconds < 0)
    throw new RangeError(`signature time must be whole unix seconds, not ${unixSeconds}`);
  return `t=${unixSeconds},v1=${hmacHex(secret, rawBody, unixSeconds)}`;
}

/**
 * True when `header` signs `rawBody` with `secret` (any of its `v1=` entries) at a time within
 * `toleranceSeconds` of `nowSeconds`. False for anything else: a missing or malformed header,
 * an old or future time, a body changed by one byte.
 */
export function verifySignature(
  secret: string,
  header: string | undefined,
  rawBody: string | Uint8Array,
  nowSeconds: number,
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
): boolean {
  if (typeof header !== 'string') return false;
  let t: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value, ...rest] = part.trim().split('=');
    if (rest.length > 0 || value === undefined) return false;
    if (key === 't') {
      if (t !== null || !/^\d{1,12}$/.test(value)) return false;
      t = Number(value);
    } else if (key === 'v1' && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  if (t === null || signatures.length === 0) return false;
  if (Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = Buffer.from(hmacHex(secret, rawBody, t), 'hex');
  // Every entry is compared, so the time taken does not tell which one matched.
  let ok = false;
  for (const s of signatures) if (timingSafeEqual(expected, Buffer.from(s, 'hex'))) ok = true;
  return ok;
}
