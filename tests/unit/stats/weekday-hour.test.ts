import { describe, expect, it } from 'vitest';
import { aggregate } from '../../../server/src/stats/aggregate.js';
import type { StatsRow } from '../../../server/src/stats/record-columns.js';
import { GROUP_BY } from '../../../server/src/stats/stats-types.js';

const row = (weekday: number, hour: number, waitMs: number): StatsRow => ({
  day: '2024-05-06',
  serviceId: 'vezne',
  counterId: 'banko-1',
  clerkId: 'ayse',
  end: 'completed',
  outcome: 'resolved',
  segment: 0,
  hour,
  weekday,
  targetMinutes: 4,
  waitMs,
  serviceMs: 240_000,
  rating: null,
  idle: [],
});

describe('stats grouped by weekday and hour (the report heat map)', () => {
  it('when visits fall on weekdays and hours, then each weekday-hour cell is a group keyed 1-09', () => {
    const { groups, total } = aggregate(
      [row(1, 9, 60_000), row(1, 9, 180_000), row(1, 14, 0), row(5, 12, 600_000)],
      'weekday-hour',
    );
    expect(groups.map((g) => [g.key, g.issued, g.wait.meanSeconds])).toEqual([
      ['1-09', 2, 120],
      ['1-14', 1, 0],
      ['5-12', 1, 600],
    ]);
    expect(total.issued).toBe(4);
  });

  it('when the API validates groupBy, then weekday-hour is one of the groupings it accepts', () => {
    expect(GROUP_BY).toContain('weekday-hour');
  });
});
