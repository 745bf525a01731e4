import { describe, expect, it } from 'vitest';
import {
  formatAhead,
  formatWait,
  formatWaiting,
  secondsLeft,
} from '../../../kiosk/src/state/format.js';

describe('formatting', () => {
  it.each([
    [5, 'tr', 'yaklaşık 5 dk'],
    [5, 'en', 'about 5 min'],
    [4.6, 'tr', 'yaklaşık 5 dk'],
    [0, 'tr', 'Beklemeden'],
    [0, 'en', 'No wait'],
    [-2, 'tr', 'Beklemeden'],
    [1250, 'tr', 'yaklaşık 1.250 dk'],
  ] as const)('when the estimate is %d minutes in %s, then it reads %j', (min, lang, text) => {
    expect(formatWait(min, lang)).toBe(text);
  });

  it.each([
    [0, 'tr', 'Sırada kimse yok'],
    [3, 'tr', '3 kişi bekliyor'],
    [0, 'en', 'No one waiting'],
    [1, 'en', '1 person waiting'],
    [3, 'en', '3 people waiting'],
  ] as const)('when %d people wait (%s), then the button reads %j', (n, lang, text) => {
    expect(formatWaiting(n, lang)).toBe(text);
  });

  it.each([
    [0, 'tr', 'Sıradaki sizsiniz'],
    [3, 'tr', 'Önünüzde 3 kişi var'],
    [0, 'en', 'You are next'],
    [1, 'en', '1 person ahead of you'],
    [2, 'en', '2 people ahead of you'],
  ] as const)('when %d people are ahead (%s), then it reads %j', (n, lang, text) => {
    expect(formatAhead(n, lang)).toBe(text);
  });

  it('when the deadline is 9.2 s away, then 10 whole seconds are left; when passed, then 0', () => {
    expect(secondsLeft(10_000, 800)).toBe(10);
    expect(secondsLeft(10_000, 12_000)).toBe(0);
  });
});
