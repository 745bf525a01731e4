import { describe, expect, it } from 'vitest';
import { csvField } from '../../../server/src/stats/csv-export.js';
import { minutes, neutralise } from '../../../server/src/stats/export-columns.js';
import { LocalClock } from '../../../server/src/stats/local-clock.js';
import { local } from './stats-fixtures.js';

describe('export cell formatting', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+90 555', "'+90 555"],
    ['-3', "'-3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['Şükrü Öztürk', 'Şükrü Öztürk'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('when a cell is %j, then it is written as %j', (cell, want) => {
    expect(neutralise(cell)).toBe(want);
  });

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['İğdır', 'İğdır'],
  ])('when a CSV field is %j, then RFC 4180 writes %j', (cell, want) => {
    expect(csvField(cell)).toBe(want);
  });

  it('when durations are written, then they are minutes with two decimals', () => {
    expect(minutes(150_000)).toBe(2.5);
    expect(minutes(100_000)).toBe(1.67);
  });

  it('when times are written for an Istanbul hall, then they are local with the +03:00 offset', () => {
    const clock = new LocalClock('Europe/Istanbul');

    expect(clock.dateTime(local(23, 58))).toBe('2024-05-06 23:58:00');
    expect(clock.iso(local(0, 3, 0, 1))).toBe('2024-05-07T00:03:00+03:00');
  });

  it('when a zone changes its clocks, then times on both sides carry their own offset', () => {
    const clock = new LocalClock('Europe/Berlin');
    // 2024-03-31 02:00 CET the clocks jumped to 03:00 CEST (01:00 UTC).
    expect(clock.iso(Date.UTC(2024, 2, 31, 0, 59))).toBe('2024-03-31T01:59:00+01:00');
    expect(clock.iso(Date.UTC(2024, 2, 31, 1, 0))).toBe('2024-03-31T03:00:00+02:00');
  });
});
