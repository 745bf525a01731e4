import { describe, expect, it } from 'vitest';
import { announcementFor } from '../../../display/src/state/announcements.js';
import { spokenCall, spokenTicket, turkishNumber } from '../../../display/src/state/spoken-call.js';
import { call } from './fixtures.js';

describe('spokenTicket', () => {
  it.each([
    ['V001', 've sıfır sıfır bir'],
    ['İ004', 'i sıfır sıfır dört'],
    ['I005', 'ı sıfır sıfır beş'],
    ['Ş012', 'şe sıfır bir iki'],
    ['Ç003', 'çe sıfır sıfır üç'],
    ['Ğ007', 'yumuşak ge sıfır sıfır yedi'],
    ['Ö010', 'ö sıfır bir sıfır'],
    ['Ü011', 'ü sıfır bir bir'],
    ['ZB1024', 'ze be bir sıfır iki dört'],
    ['W009', 'çift ve sıfır sıfır dokuz'],
  ])('when the ticket is %s, then it is spelled "%s"', (ticket, words) => {
    expect(spokenTicket(ticket)).toBe(words);
  });

  it('when the prefix arrives decomposed (I + combining dot), then it is still read as İ', () => {
    expect(spokenTicket('I\u0307004')).toBe('i sıfır sıfır dört');
  });

  it('when any letter a prefix may hold is spelled, then no bare capital is left for the engine to guess', () => {
    for (const letter of 'ABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZQWX')
      expect(spokenTicket(`${letter}1`)).toMatch(/^[a-zçğıöşü ]+ bir$/);
  });
});

describe('turkishNumber', () => {
  it.each([
    [1, 'bir'],
    [3, 'üç'],
    [10, 'on'],
    [12, 'on iki'],
    [40, 'kırk'],
    [99, 'doksan dokuz'],
    [100, 'yüz'],
    [101, 'yüz bir'],
    [250, 'iki yüz elli'],
    [1000, 'bin'],
    [2024, 'iki bin yirmi dört'],
  ])('when the number is %i, then it reads "%s"', (n, words) => {
    expect(turkishNumber(n)).toBe(words);
  });
});

describe('spokenCall', () => {
  it('when counter 12 calls V001, then the display says a whole Turkish sentence', () => {
    expect(spokenCall('V001', 12)).toBe(
      've sıfır sıfır bir numaralı sıra, on iki numaralı bankoya lütfen.',
    );
  });

  it('when a call is announced, then the announcement carries that sentence', () => {
    expect(announcementFor(call('Ş012', 3)).text).toBe(
      'şe sıfır bir iki numaralı sıra, üç numaralı bankoya lütfen.',
    );
  });
});
