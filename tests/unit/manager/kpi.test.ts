import { describe, expect, it } from 'vitest';
import { kpiTiles, MIN_RATINGS, weightedTargetMinutes } from '../../../manager/src/state/kpi.js';
import { group, service } from './fixtures.js';

const measured = (count: number, meanSeconds: number | null = 200) => ({
  count,
  meanSeconds,
  medianSeconds: 190,
  p90Seconds: 320,
  withinTarget: Math.round(count * 0.7),
  withinTargetShare: count === 0 ? null : 0.7,
});

describe('weightedTargetMinutes', () => {
  it('when services with different targets were measured, then the target is weighted by their visits', () => {
    const services = [service('vezne', 'V', 4), service('ruhsat', 'R', 10)];
    const byService = [
      group('vezne', { serviceTime: measured(30) }),
      group('ruhsat', { serviceTime: measured(10) }),
    ];
    expect(weightedTargetMinutes(byService, services)).toBeCloseTo(5.5);
  });

  it('when nothing was measured, then it is the mean of the active services targets', () => {
    const services = [
      service('vezne', 'V', 4),
      { ...service('x', 'X', 20), active: false },
      service('r', 'R', 6),
    ];
    expect(weightedTargetMinutes([], services)).toBe(5);
    expect(weightedTargetMinutes([], [])).toBe(4);
  });
});

describe('kpiTiles', () => {
  it('when the mean is under the target and 98.5% were resolved, then both tiles are on target', () => {
    const total = group('all', {
      issued: 210,
      served: 200,
      noShows: 6,
      resolved: 197,
      forwarded: 3,
      resolvedShare: 0.985,
      serviceTime: measured(200, 228),
      wait: { count: 204, meanSeconds: 300, medianSeconds: 240, p90Seconds: 600 },
    });
    const tiles = kpiTiles(total, 4);
    const byId = Object.fromEntries(tiles.map((t) => [t.id, t]));
    expect(tiles.map((t) => t.id)).toEqual([
      'mean-service',
      'within-target',
      'mean-wait',
      'served',
      'resolved',
      'no-shows',
      'rating',
    ]);
    expect(byId['mean-service']).toMatchObject({ value: 228, goal: 240, status: 'good' });
    expect(byId['resolved']).toMatchObject({ value: 0.985, goal: 0.98, status: 'good' });
    expect(byId['within-target']!.details).toEqual([
      { kind: 'of-measured', part: 140, whole: 200 },
    ]);
    expect(byId['no-shows']!.details).toEqual([{ kind: 'share-of-issued', share: 6 / 210 }]);
    expect(byId['rating']).toMatchObject({ value: null, status: 'empty' });
  });

  it('when the mean is over the target and resolution is under 98%, then both are off target', () => {
    const total = group('all', { served: 10, resolvedShare: 0.9, serviceTime: measured(10, 241) });
    const byId = Object.fromEntries(kpiTiles(total, 4).map((t) => [t.id, t]));
    expect(byId['mean-service']!.status).toBe('bad');
    expect(byId['resolved']!.status).toBe('bad');
  });

  it('when the range has no visits, then the tiles say there is no data', () => {
    const byId = Object.fromEntries(kpiTiles(group('all'), 4).map((t) => [t.id, t]));
    expect(byId['mean-service']).toMatchObject({ value: null, status: 'empty' });
    expect(byId['resolved']).toMatchObject({ value: null, status: 'empty' });
    expect(byId['served']).toMatchObject({ value: 0, status: 'neutral' });
  });

  it.each<[number, 'good' | 'bad']>([
    [0.9795, 'bad'],
    [0.9794, 'bad'],
    [0.98, 'good'],
  ])(
    'when %d of served visits were resolved, then the verdict against 98% is %s',
    (resolvedShare, status) => {
      const byId = Object.fromEntries(
        kpiTiles(group('all', { served: 10_000, resolvedShare }), 4).map((t) => [t.id, t]),
      );
      expect(byId['resolved']).toMatchObject({ value: resolvedShare, goal: 0.98, status });
    },
  );

  it('when one visitor rated 5, then the rating tile shows the count and no mean', () => {
    const total = group('all', { ratings: 1, meanRating: 5 });
    const byId = Object.fromEntries(kpiTiles(total, 4).map((t) => [t.id, t]));
    expect(byId['rating']).toMatchObject({
      value: null,
      status: 'empty',
      details: [{ kind: 'too-few-ratings', count: 1, minimum: MIN_RATINGS }],
    });
  });

  it('when 20 visitors rated, then the mean rating is the headline with the count under it', () => {
    const total = group('all', { ratings: 20, meanRating: 4.35 });
    const byId = Object.fromEntries(kpiTiles(total, 4).map((t) => [t.id, t]));
    expect(MIN_RATINGS).toBe(20);
    expect(byId['rating']).toMatchObject({
      value: 4.35,
      status: 'neutral',
      details: [{ kind: 'ratings', count: 20 }],
    });
  });
});
