import { describe, expect, it } from 'vitest';
import { isCalendarDay, localDay, localHour } from '../../../server/src/domain/index.js';

const ISTANBUL = 'Europe/Istanbul';

describe('localDay', () => {
  it.each([
    // Istanbul is UTC+3 all year: local midnight is 21:00 UTC of the previous day.
    ['2024-05-06T20:59:59.999Z', ISTANBUL, '2024-05-06'],
    ['2024-05-06T21:00:00.000Z', ISTANBUL, '2024-05-07'],
    ['2024-05-06T00:00:00.000Z', ISTANBUL, '2024-05-06'],
    ['2024-05-05T21:00:00.000Z', ISTANBUL, '2024-05-06'],
    // Winter and summer alike: no daylight saving since 2016.
    ['2024-01-15T20:59:59.999Z', ISTANBUL, '2024-01-15'],
    ['2024-01-15T21:00:00.000Z', ISTANBUL, '2024-01-16'],
    ['2024-07-15T20:59:59.999Z', ISTANBUL, '2024-07-15'],
    ['2024-07-15T21:00:00.000Z', ISTANBUL, '2024-07-16'],
    // Around the EU clock changes, which Istanbul does not follow.
    ['2024-03-31T20:59:59.999Z', ISTANBUL, '2024-03-31'],
    ['2024-10-27T21:00:00.000Z', ISTANBUL, '2024-10-28'],
    // Month, leap day and year boundaries.
    ['2024-02-28T21:00:00.000Z', ISTANBUL, '2024-02-29'],
    ['2024-02-29T21:00:00.000Z', ISTANBUL, '2024-03-01'],
    ['2024-12-31T20:59:59.999Z', ISTANBUL, '2024-12-31'],
    ['2024-12-31T21:00:00.000Z', ISTANBUL, '2025-01-01'],
    // Other zones: the zone is a parameter, not a constant.
    ['2024-05-06T23:59:59.999Z', 'UTC', '2024-05-06'],
    ['2024-05-07T00:00:00.000Z', 'UTC', '2024-05-07'],
    ['2024-03-10T04:59:59.999Z', 'America/New_York', '2024-03-09'],
    ['2024-03-10T05:00:00.000Z', 'America/New_York', '2024-03-10'],
    ['2024-07-10T03:59:59.999Z', 'America/New_York', '2024-07-09'],
    ['2024-07-10T04:00:00.000Z', 'America/New_York', '2024-07-10'],
  ])('when the instant is %s in %s, then the local day is %s', (iso, zone, expected) => {
    expect(localDay(Date.parse(iso), zone)).toBe(expected);
  });
});

describe('localHour', () => {
  it.each([
    ['2024-05-06T06:00:00.000Z', 9],
    ['2024-05-06T20:59:59.999Z', 23],
    ['2024-05-06T21:00:00.000Z', 0],
    ['2024-05-06T09:30:00.000Z', 12],
    ['2024-01-15T14:00:00.000Z', 17],
  ])('when the instant is %s, then the hour in Istanbul is %i', (iso, expected) => {
    expect(localHour(Date.parse(iso), ISTANBUL)).toBe(expected);
  });
});

describe('isCalendarDay', () => {
  it.each([
    ['2024-05-06', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2024-12-31', true],
    ['2024-01-01', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2024-04-31', false],
    ['2024-13-01', false],
    ['2024-00-10', false],
    ['2024-05-00', false],
    ['2024-05-32', false],
    ['2024-5-6', false],
    ['24-05-06', false],
    ['2024/05/06', false],
    ['2024-05-06T00:00', false],
    [' 2024-05-06', false],
    ['2024-05-06 ', false],
    ['../2024-05-06', false],
    ['', false],
  ])('when the text is "%s", then isCalendarDay is %s', (text, expected) => {
    expect(isCalendarDay(text)).toBe(expected);
  });
});
