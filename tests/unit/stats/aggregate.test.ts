import { describe, expect, it } from 'vitest';
import { aggregate, StatsAggregator } from '../../../server/src/stats/aggregate.js';
import { foldRecords } from '../../../server/src/stats/ticket-records.js';
import {
  AYSE,
  HALL,
  MEHMET,
  mondayJournal,
  RUHSAT,
  SERVICES,
  tuesdayJournal,
  VEZNE,
} from './stats-fixtures.js';

const monday = () => foldRecords(mondayJournal(), HALL, SERVICES);
const tuesday = () => foldRecords(tuesdayJournal(), HALL, SERVICES);

describe('aggregate (numbers worked out by hand in stats-fixtures.ts)', () => {
  it('when a day is aggregated as a whole, then counts, percentiles, shares and idle match the hand count', () => {
    const { groups, total } = aggregate(monday(), 'none');

    expect(groups).toEqual([]);
    expect(total).toEqual({
      key: 'all',
      label: 'Toplam',
      issued: 6,
      served: 4,
      noShows: 1,
      cancelled: 1,
      transferred: 1,
      // waits 60 60 60 120 300 420
      wait: { count: 6, meanSeconds: 170, medianSeconds: 90, p90Seconds: 360 },
      // services 150 180 240 300 360; within target: all but V002's 300 s at vezne (4 min)
      serviceTime: {
        count: 5,
        meanSeconds: 246,
        medianSeconds: 240,
        p90Seconds: 336,
        withinTarget: 4,
        withinTargetShare: 0.8,
      },
      resolved: 3,
      forwarded: 1,
      resolvedShare: 0.75,
      forwardedShare: 0.25,
      idleSeconds: 225,
      ratings: 0,
      meanRating: null,
    });
  });

  it('when grouped by service, then a transfer counts as issued in the first service and served in the second', () => {
    const { groups } = aggregate(monday(), 'service');
    const [ruhsat, vezne] = groups;

    expect(groups.map((g) => g.key)).toEqual([RUHSAT, VEZNE]);
    expect(vezne).toMatchObject({
      issued: 4,
      served: 2,
      transferred: 1,
      cancelled: 1,
      noShows: 0,
      wait: { count: 3, meanSeconds: 160, medianSeconds: 120, p90Seconds: 264 },
      serviceTime: {
        count: 3,
        meanSeconds: 210,
        medianSeconds: 180,
        p90Seconds: 276,
        withinTarget: 2,
        withinTargetShare: 0.6667,
      },
      resolvedShare: 1,
      idleSeconds: 30,
    });
    expect(ruhsat).toMatchObject({
      issued: 2,
      served: 2,
      transferred: 0,
      noShows: 1,
      wait: { count: 3, meanSeconds: 180, medianSeconds: 60, p90Seconds: 348 },
      serviceTime: { count: 2, meanSeconds: 300, medianSeconds: 300, p90Seconds: 348 },
      resolved: 1,
      forwarded: 1,
      resolvedShare: 0.5,
      idleSeconds: 195,
    });
  });

  it('when grouped by clerk, then idle time goes to the clerk who stood idle, and visits never called to no clerk', () => {
    const { groups, total } = aggregate(monday(), 'clerk');

    expect(groups.map((g) => [g.key, g.issued, g.served, g.noShows, g.idleSeconds])).toEqual([
      [AYSE, 4, 3, 0, 150],
      [MEHMET, 1, 1, 1, 75],
      [null, 1, 0, 0, 0],
    ]);
    expect(total.idleSeconds).toBe(225);
    expect(total.issued).toBe(6);
  });

  it('when grouped by counter, then each counter has its visits and its own idle time', () => {
    const { groups } = aggregate(monday(), 'counter');

    expect(groups.map((g) => [g.key, g.served, g.serviceTime.count, g.idleSeconds])).toEqual([
      ['c1', 3, 4, 150],
      ['c2', 1, 1, 75],
      [null, 0, 0, 0],
    ]);
  });

  it('when grouped by day, then the visit served after midnight stays on its issue day', () => {
    const { groups } = aggregate([...monday(), ...tuesday()], 'day');

    expect(groups.map((g) => [g.key, g.issued, g.served])).toEqual([
      ['2024-05-06', 6, 4],
      ['2024-05-07', 1, 1],
    ]);
  });

  it('when grouped by hour of day, then hours are local to Istanbul and the 23:58 ticket is in hour 23', () => {
    const { groups } = aggregate(monday(), 'hour');

    expect(groups.map((g) => [g.key, g.issued, g.serviceTime.count])).toEqual([
      ['09', 4, 3],
      ['10', 1, 1],
      ['23', 1, 1],
    ]);
  });

  it('when grouped by weekday, then Monday and Tuesday are 1 and 2', () => {
    const { groups } = aggregate([...monday(), ...tuesday()], 'weekday');

    expect(groups.map((g) => [g.key, g.issued])).toEqual([
      ['1', 6],
      ['2', 1],
    ]);
  });

  it('when records come in batches, then the result equals aggregating them at once', () => {
    const agg = new StatsAggregator('service');
    agg.add(monday());
    agg.add(tuesday());

    expect(agg.result()).toEqual(aggregate([...monday(), ...tuesday()], 'service'));
  });

  it('when some visits are rated, then the mean rating is over the rated ones only', () => {
    const records = monday().map((r, i) => ({ ...r, rating: i === 0 ? 5 : i === 2 ? 2 : null }));

    const { total } = aggregate(records, 'none');

    expect(total).toMatchObject({ ratings: 2, meanRating: 3.5 });
  });

  it('when nothing happened, then counts are zero and shares and durations are null', () => {
    const { total } = aggregate([], 'none');

    expect(total).toMatchObject({
      issued: 0,
      wait: { count: 0, meanSeconds: null, medianSeconds: null, p90Seconds: null },
      serviceTime: { withinTargetShare: null },
      resolvedShare: null,
      meanRating: null,
    });
  });

  it('when vezne is served exactly at its 4-minute target, then it is within target', () => {
    const records = monday().map((r) => (r.number === 'V001' ? { ...r, serviceMs: 240_000 } : r));

    const vezne = aggregate(records, 'service').groups.find((g) => g.key === VEZNE)!;

    expect(vezne.serviceTime.withinTarget).toBe(2);
  });
});
