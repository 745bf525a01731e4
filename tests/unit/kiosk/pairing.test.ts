import { describe, expect, it } from 'vitest';
import { hashWithoutKey, keyFromHash, pairingKey } from '../../../kiosk/src/state/pairing.js';

describe('pairing', () => {
  it.each([
    ['#key=abc123', 'abc123'],
    ['key=abc123', 'abc123'],
    ['#key=abc123&x=1', 'abc123'],
    ['#x=1&key=k-_9', 'k-_9'],
    ['#key=', null],
    ['#key=%20%20', null],
    ['', null],
    ['#other=1', null],
  ])('when the fragment is %j, then the key is %j', (hash, key) => {
    expect(keyFromHash(hash)).toBe(key);
  });

  it.each([
    ['#key=abc', ''],
    ['#key=abc&x=1', '#x=1'],
    ['', ''],
  ])('when the key is removed from %j, then %j is left', (hash, rest) => {
    expect(hashWithoutKey(hash)).toBe(rest);
  });

  it('when a pairing link carries a key, then it wins over the stored one', () => {
    expect(pairingKey('#key=new', 'old')).toBe('new');
  });

  it('when the link carries no key, then the stored key is used, and a blank one counts as none', () => {
    expect(pairingKey('', 'old')).toBe('old');
    expect(pairingKey('', '  ')).toBeNull();
    expect(pairingKey('', null)).toBeNull();
  });
});
