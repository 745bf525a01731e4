import { describe, expect, it } from 'vitest';
import {
  signatureHeader,
  verifySignature,
} from '../../../server/src/webhooks/webhook-signature.js';

const SECRET = 'whsec_test_secret';
const BODY = '{"id":"hall-1.2026-12-05.42","type":"ticket.called"}';
const T = 1_733_389_200;
/*
 * Computed once outside this code, with OpenSSL:
 *   printf '%s' '1733389200.{"id":"hall-1.2026-12-05.42","type":"ticket.called"}' \
 *     | openssl dgst -sha256 -hmac 'whsec_test_secret'
 *   printf '%s' '1733389200.{"a":"ç"}' | openssl dgst -sha256 -hmac 'whsec_test_secret'
 * (the second one in a UTF-8 shell: the body's bytes, not its UTF-16 code units).
 */
const KNOWN = 'a7f6f662322300e3e7b4616a331ec64822e84414c7bfdf433c7b9f850bba8fe2';
const KNOWN_UTF8 = 'b8a6de9c528721faf4e2bb27f5ca540a5d11a8aedde231d20a32b1a4a963da1a';

describe('webhook signature', () => {
  it('when a body is signed, then the header is t=<seconds>,v1=<the HMAC OpenSSL computes>', () => {
    expect(signatureHeader(SECRET, BODY, T)).toBe(`t=${T},v1=${KNOWN}`);
    expect(signatureHeader(SECRET, '{"a":"ç"}', T)).toBe(`t=${T},v1=${KNOWN_UTF8}`);
    expect(signatureHeader(SECRET, Buffer.from('{"a":"ç"}'), T)).toBe(`t=${T},v1=${KNOWN_UTF8}`);
  });

  it('when a receiver verifies the header within five minutes, then it is accepted', () => {
    const header = signatureHeader(SECRET, BODY, T);
    expect(verifySignature(SECRET, header, BODY, T)).toBe(true);
    expect(verifySignature(SECRET, header, BODY, T + 300)).toBe(true);
    expect(verifySignature(SECRET, header, BODY, T - 300)).toBe(true);
    expect(verifySignature(SECRET, header, Buffer.from(BODY), T + 1)).toBe(true);
  });

  it.each([
    ['a body changed by one byte', `t=${T},v1=${KNOWN}`, BODY.replace('42', '43'), T],
    ['another secret', `t=${T},v1=${KNOWN}`, BODY, T, 'other-secret'],
    ['a time older than the tolerance', `t=${T},v1=${KNOWN}`, BODY, T + 301],
    ['a time in the future', `t=${T},v1=${KNOWN}`, BODY, T - 301],
    ['a time changed in the header', `t=${T + 1},v1=${KNOWN}`, BODY, T],
    ['no time', `v1=${KNOWN}`, BODY, T],
    ['two times', `t=${T},t=${T},v1=${KNOWN}`, BODY, T],
    ['no v1', `t=${T}`, BODY, T],
    ['a short v1', `t=${T},v1=${KNOWN.slice(2)}`, BODY, T],
    ['an upper-case v1', `t=${T},v1=${KNOWN.toUpperCase()}`, BODY, T],
    ['a v0 only', `t=${T},v0=${KNOWN}`, BODY, T],
    ['garbage', 'garbage', BODY, T],
    ['an empty header', '', BODY, T],
    ['no header', undefined, BODY, T],
  ])('when the header has %s, then it is refused', (_what, header, body, now, secret = SECRET) => {
    expect(verifySignature(secret, header, body, now)).toBe(false);
  });

  it('when the header carries several v1 entries (a rotation), then any one matching is enough', () => {
    const old = signatureHeader('old-secret', BODY, T).split(',')[1]!;
    const header = `t=${T},${old},v1=${KNOWN}`;
    expect(verifySignature(SECRET, header, BODY, T)).toBe(true);
    expect(verifySignature('old-secret', header, BODY, T)).toBe(true);
    expect(verifySignature('third-secret', header, BODY, T)).toBe(false);
  });

  it('when the tolerance is given, then it is used', () => {
    const header = signatureHeader(SECRET, BODY, T);
    expect(verifySignature(SECRET, header, BODY, T + 30, 10)).toBe(false);
    expect(verifySignature(SECRET, header, BODY, T + 30, 60)).toBe(true);
  });

  it('when the signing time is not whole unix seconds, then signing refuses it', () => {
    expect(() => signatureHeader(SECRET, BODY, 1.5)).toThrow(RangeError);
    expect(() => signatureHeader(SECRET, BODY, Date.now() * 1000 * 1000)).toThrow(RangeError);
  });
});
