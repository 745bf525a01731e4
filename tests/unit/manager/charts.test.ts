import { describe, expect, it } from 'vitest';
import {
  binMinutesFor,
  dailyMeanChart,
  groupLabel,
  hourlyChart,
  meanServiceChart,
  serviceMinutesOf,
  serviceTimeHistogram,
} from '../../../manager/src/state/charts.js';
import { group, service } from './fixtures.js';

describe('hourlyChart', () => {
  it('when tickets came at 07 and 10, then every hour from 07 to 17 is there, empty ones at zero', () => {
    const data = hourlyChart([
      group('07', { issued: 2, served: 1 }),
      group('10', { issued: 5, served: 5 }),
    ]);
    expect(data.labels[0]).toBe('07:00');
    expect(data.labels.at(-1)).toBe('17:00');
    expect(data.labels).toHaveLength(11);
    expect(data.series[0]).toEqual({ id: 'issued', values: [2, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0] });
    expect(data.series[1]!.values.slice(0, 4)).toEqual([1, 0, 0, 5]);
    expect(data.targetValue).toBeNull();
  });
});

describe('serviceTimeHistogram', () => {
  it('when the target is 4 min, then half-minute bins run to 10 min with a last open bin, and bins from 4 min on are over', () => {
    const data = serviceTimeHistogram([0.2, 3.99, 4, 4.4, 12, 30], 4);
    expect(binMinutesFor(4)).toBe(0.5);
    expect(data.labels).toHaveLength(21);
    expect(data.labels[0]).toBe('0:00');
    expect(data.labels[8]).toBe('4:00');
    expect(data.labels[20]).toBe('10:00+');
    const counts = data.series[0]!.values;
    expect(counts[0]).toBe(1);
    expect(counts[7]).toBe(1);
    expect(counts[8]).toBe(2);
    expect(counts[20]).toBe(2);
    expect(data.over[7]).toBe(false);
    expect(data.over[8]).toBe(true);
    // The line sits between bin 7 (3:30–4:00) and bin 8 (4:00–4:30).
    expect(data.targetIndex).toBe(7.5);
  });

  it('when the target is 8 min, then bins are whole minutes up to 20 min', () => {
    const data = serviceTimeHistogram([], 8);
    expect(data.labels).toHaveLength(21);
    expect(data.labels[20]).toBe('20:00+');
    expect(data.targetIndex).toBe(7.5);
  });
});

describe('meanServiceChart', () => {
  it('when groups are charted, then the busiest come first in minutes, unmeasured and never-called groups are left out, and over-target means are flagged', () => {
    const st = (count: number, meanSeconds: number | null) => ({
      count,
      meanSeconds,
      medianSeconds: null,
      p90Seconds: null,
      withinTarget: 0,
      withinTargetShare: null,
    });
    const data = meanServiceChart(
      [
        group('a', { label: 'A', serviceTime: st(5, 300) }),
        group('b', { label: 'B', serviceTime: st(9, 180) }),
        group('c', { label: 'C', serviceTime: st(0, null) }),
        group(null, { label: 'none', serviceTime: st(3, 60) }),
      ],
      (g) => g.label,
      4,
    );
    expect(data.labels).toEqual(['B', 'A']);
    expect(data.series[0]!.values).toEqual([3, 5]);
    expect(data.over).toEqual([false, true]);
    expect(data.targetValue).toBe(4);
  });
});

describe('groupLabel', () => {
  const services = [service('vezne', 'V')];
  it('when groups are labelled, then services take the language, days and weekdays are written out, and no key says so', () => {
    expect(groupLabel('service', group('vezne'), 'en', services, '-')).toBe('vezne en');
    expect(groupLabel('weekday', group('1'), 'tr', services, '-')).toBe('Pazartesi');
    expect(groupLabel('weekday', group('7'), 'en', services, '-')).toBe('Sunday');
    expect(groupLabel('hour', group('09'), 'tr', services, '-')).toBe('09:00–10:00');
    expect(groupLabel('day', group('2026-11-03'), 'tr', services, '-')).toBe('Sal 3 Kas 2026');
    expect(groupLabel('clerk', group(null), 'tr', services, 'Bankoya çağrılmadı')).toBe(
      'Bankoya çağrılmadı',
    );
  });
});

describe('serviceMinutesOf', () => {
  it('when export rows are read, then only real service times are kept', () => {
    expect(
      serviceMinutesOf([
        { serviceMinutes: 3.5 },
        { serviceMinutes: null },
        {},
        null,
        { serviceMinutes: -1 },
      ]),
    ).toEqual([3.5]);
    expect(serviceMinutesOf({ not: 'an array' })).toEqual([]);
  });
});

describe('dailyMeanChart', () => {
  it('when days are charted, then they run in date order, days without a measured visit are left out, and days over the target are flagged', () => {
    const st = (meanSeconds: number | null) => ({
      count: meanSeconds === null ? 0 : 1,
      meanSeconds,
      medianSeconds: null,
      p90Seconds: null,
      withinTarget: 0,
      withinTargetShare: null,
    });
    const data = dailyMeanChart(
      [
        group('2026-11-03', { serviceTime: st(270) }),
        group('2026-11-01', { serviceTime: st(210) }),
        group('2026-11-02', { serviceTime: st(null) }),
      ],
      (g) => g.key!,
      4,
    );
    expect(data.labels).toEqual(['2026-11-01', '2026-11-03']);
    expect(data.series[0]!.values).toEqual([3.5, 4.5]);
    expect(data.over).toEqual([false, true]);
    expect(data.targetValue).toBe(4);
  });
});
