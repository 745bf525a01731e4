import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, minutesText } from '../../../server/src/stats/csv-export.js';
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

  it('when instants of any zone are formatted in any order, then each carries the offset Intl gives it', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Europe/Istanbul'];
    // Walks of visits through the days around clock changes (2024 in Berlin, New York and
    // Lord Howe, whose change is half an hour), as an export's rows come day by day.
    const change = fc.constantFrom(
      Date.UTC(2024, 2, 31, 1),
      Date.UTC(2024, 9, 27, 1),
      Date.UTC(2024, 2, 10, 7),
      Date.UTC(2024, 10, 3, 6),
      Date.UTC(2024, 3, 6, 15),
      Date.UTC(2024, 9, 5, 15, 30),
    );
    const walk = fc
      .tuple(
        change,
        fc.integer({ min: -3 * 86_400_000, max: 0 }),
        fc.array(fc.nat(20 * 3_600_000), { minLength: 1, maxLength: 30 }),
      )
      .map(([at, back, gaps]) =>
        gaps.map((_, i) => at + back + gaps.slice(0, i + 1).reduce((a, b) => a + b, 0)),
      );
    const intlOffset = (zone: string, at: number) => {
      const p: Record<string, number> = {};
      const f = new Intl.DateTimeFormat('en-CA', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
      for (const part of f.formatToParts(at)) p[part.type] = Number(part.value);
      const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
      return wall - (at - (at % 1000));
    };
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        walk,
        fc.array(fc.nat(4 * 3_600_000), { maxLength: 4 }),
        (zone, starts, steps) => {
          const clock = new LocalClock(zone);
          for (const start of starts) {
            // A visit's times come close together, as an export row's do.
            for (const at of [start, ...steps.map((s) => start + s)])
              expect(clock.offsetMs(at), `${zone} ${new Date(at).toISOString()}`).toBe(
                intlOffset(zone, at),
              );
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('CSV minutes', () => {
  it('when any duration is written, then the text is what toFixed(2) of its minutes gives', () => {
    fc.assert(
      fc.property(fc.oneof(fc.nat(86_400_000), fc.integer(), fc.double()), (ms) => {
        expect(minutesText(ms)).toBe(minutes(ms).toFixed(2));
      }),
      { numRuns: 2000 },
    );
  });
});
