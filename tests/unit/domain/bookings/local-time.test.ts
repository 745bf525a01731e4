import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  localInstant,
  localTime,
  steadyOffsetOn,
  timeOf,
  weekdayOf,
} from '../../../../server/src/domain/bookings/index.js';

const MINUTE = 60_000;

describe('wall-clock time in a hall zone', () => {
  it.each([
    ['2026-12-08', '09:00', 'Europe/Istanbul', '2026-12-08T06:00:00Z'],
    ['2026-07-15', '09:00', 'Europe/Istanbul', '2026-07-15T06:00:00Z'],
    ['2026-12-08', '00:00', 'Europe/Istanbul', '2026-12-07T21:00:00Z'],
    ['2026-03-08', '01:30', 'America/New_York', '2026-03-08T06:30:00Z'],
    ['2026-03-08', '02:30', 'America/New_York', null], // skipped: clocks go 02:00 → 03:00
    ['2026-03-08', '03:00', 'America/New_York', '2026-03-08T07:00:00Z'],
    ['2026-11-01', '01:30', 'America/New_York', '2026-11-01T05:30:00Z'], // first of two
    ['2026-12-08', '09:00', 'Asia/Kolkata', '2026-12-08T03:30:00Z'], // UTC+5:30
    // Lord Howe Island moves its clocks by half an hour (UTC+11 → +10:30 on 5 April 2026).
    ['2026-04-05', '01:45', 'Australia/Lord_Howe', '2026-04-04T14:45:00Z'], // first of two
    ['2026-04-05', '09:00', 'Australia/Lord_Howe', '2026-04-04T22:30:00Z'],
  ])('when %s %s in %s, then the instant is %s', (day, time, zone, iso) => {
    const at = localInstant(day, time, zone);
    expect(at).toBe(iso === null ? null : Date.parse(iso));
    if (at !== null) expect(localTime(at, zone)).toBe(time);
  });

  it('when a day has no clock change, then its one offset gives the same instants as localInstant', () => {
    const zones = ['Europe/Istanbul', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe'];
    let steady = 0;
    let changing = 0;
    for (const zone of zones)
      for (let d = 0; d < 365; d += 3) {
        const day = addDays('2026-01-01', d);
        const offset = steadyOffsetOn(day, zone);
        if (offset === null) {
          changing += 1;
          continue;
        }
        steady += 1;
        for (let m = 0; m < 1440; m += 150)
          expect(Date.parse(`${day}T00:00:00Z`) + m * MINUTE - offset).toBe(
            localInstant(day, timeOf(m), zone),
          );
      }
    expect(steady).toBeGreaterThan(400);
    // A change day and the days beside it are told apart; Istanbul has none.
    expect(changing).toBeGreaterThan(0);
    for (let d = 0; d < 365; d += 1)
      expect(steadyOffsetOn(addDays('2026-01-01', d), 'Europe/Istanbul')).toBe(
        -3 * 60 * MINUTE * -1,
      );
  });

  it('when counting calendar days, then months, leap days and years carry', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-12-07', '2027-01-06')).toBe(30);
    expect(daysBetween('2026-12-07', '2026-12-04')).toBe(-3);
    expect(['2026-12-07', '2026-12-12', '2026-12-13'].map(weekdayOf)).toEqual([
      'mon',
      'sat',
      'sun',
    ]);
  });
});
