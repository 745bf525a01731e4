import { describe, expect, it } from 'vitest';
import { announcementText } from '../../../display/src/state/announcements.js';
import { clockFace } from '../../../display/src/state/clock.js';
import { displayStatus } from '../../../display/src/state/connection.js';
import { KEY_STORAGE, takePairingKey } from '../../../display/src/pairing.js';

describe('announcementText', () => {
  it.each([
    ['V012', 3, 've sıfır bir iki numaralı sıra, üç numaralı bankoya lütfen.'],
    ['İ001', 5, 'i sıfır sıfır bir numaralı sıra, beş numaralı bankoya lütfen.'],
    ['R120', 12, 're bir iki sıfır numaralı sıra, on iki numaralı bankoya lütfen.'],
  ])(
    'when %s is called to counter %i, then the sentence is "%s"',
    (number, counterNumber, said) => {
      expect(announcementText({ number, counterNumber })).toBe(said);
    },
  );
});

describe('clockFace', () => {
  it('when it is 09:05 UTC, then Istanbul reads 12:05 with the Turkish date', () => {
    expect(clockFace(Date.UTC(2025, 4, 14, 9, 5), 'Europe/Istanbul')).toEqual({
      time: '12:05',
      date: '14 Mayıs 2025 Çarşamba',
    });
  });
});

describe('displayStatus', () => {
  it.each([
    ['connecting', 'connecting'],
    ['online', 'connected'],
    ['offline', 'reconnecting'],
    ['refused', 'unpaired'],
  ] as const)('when the live feed is %s, then the screen says %s', (feed, shown) => {
    expect(displayStatus(feed)).toBe(shown);
  });
});

function fakeEnv(hash: string, stored: string | null = null) {
  const items = new Map<string, string>();
  if (stored) items.set(KEY_STORAGE, stored);
  const replaced: string[] = [];
  return {
    replaced,
    items,
    env: {
      location: { hash, pathname: '/display', search: '' },
      storage: {
        getItem: (k: string) => items.get(k) ?? null,
        setItem: (k: string, v: string) => void items.set(k, v),
      },
      history: {
        replaceState: (_d: unknown, _t: string, url?: string | URL | null) =>
          void replaced.push(String(url)),
      },
    },
  };
}

describe('takePairingKey', () => {
  it('when the page is opened with #key=, then the key is stored and the fragment removed', () => {
    const { env, items, replaced } = fakeEnv('#key=abc123');
    expect(takePairingKey(env)).toBe('abc123');
    expect(items.get(KEY_STORAGE)).toBe('abc123');
    expect(replaced).toEqual(['/display']);
  });

  it('when a new link is opened on a paired screen, then the new key replaces the old one', () => {
    const { env } = fakeEnv('#key=new', 'old');
    expect(takePairingKey(env)).toBe('new');
  });

  it('when there is no fragment, then the stored key is used and the address left alone', () => {
    const { env, replaced } = fakeEnv('', 'stored');
    expect(takePairingKey(env)).toBe('stored');
    expect(replaced).toEqual([]);
  });

  it('when the screen was never paired, then there is no key', () => {
    expect(takePairingKey(fakeEnv('').env)).toBeNull();
  });
});
