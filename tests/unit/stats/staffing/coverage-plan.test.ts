import { describe, expect, it } from 'vitest';
import {
  planHour,
  type CounterCover,
} from '../../../../server/src/stats/staffing/coverage-plan.js';
import { meanWait, serversForMeanWait } from '../../../../server/src/stats/staffing/erlang-c.js';

const TARGET = 300; // 5 minutes
const counters = (covers: string[][]): CounterCover[] =>
  covers.map((serviceIds, i) => ({ counterId: `banko-${i + 1}`, serviceIds }));

describe('counters needed with coverage', () => {
  it('when every counter covers every service, then it is pooled M/M/c over the hall', () => {
    const loads = [
      { serviceId: 'vezne', arrivals: 60, holdSeconds: 240 },
      { serviceId: 'ruhsat', arrivals: 30, holdSeconds: 360 },
    ];
    const all = counters(Array.from({ length: 9 }, () => ['vezne', 'ruhsat']));
    const plan = planHour(loads, all, TARGET);
    // Pooled: 90 visits an hour, mean hold (60·240 + 30·360) / 90 = 280 s.
    const pooled = serversForMeanWait(90 / 3600, 280, TARGET);
    expect(plan.counterIds).toHaveLength(pooled);
    expect(plan.feasible).toBe(true);
    expect(plan.holdSeconds).toBeCloseTo(280, 12);
    expect(plan.expectedWaitSeconds).toBeCloseTo(meanWait(pooled, 90 / 3600, 280), 9);
    expect(plan.expectedWaitSeconds!).toBeLessThanOrEqual(TARGET);
  });

  it('when two services have separate counters, then each gets its own, more than pooling', () => {
    const loads = [
      { serviceId: 'vezne', arrivals: 40, holdSeconds: 240 },
      { serviceId: 'imar', arrivals: 40, holdSeconds: 240 },
    ];
    const split = counters([
      ['vezne'],
      ['vezne'],
      ['vezne'],
      ['vezne'],
      ['imar'],
      ['imar'],
      ['imar'],
      ['imar'],
    ]);
    const plan = planHour(loads, split, TARGET);
    const each = serversForMeanWait(40 / 3600, 240, TARGET);
    const pooled = serversForMeanWait(80 / 3600, 240, TARGET);
    expect(plan.counterIds).toHaveLength(2 * each);
    expect(2 * each).toBeGreaterThan(pooled);
    expect(
      plan.counterIds.filter((id) => ['banko-1', 'banko-2', 'banko-3', 'banko-4'].includes(id)),
    ).toHaveLength(each);
  });

  it('when a counter covers both light services, then it alone is opened', () => {
    // Each service alone and both together need one server: the shared counter meets all
    // three conditions, so the fewest counters is that one, not one per service.
    const loads = [
      { serviceId: 'vezne', arrivals: 4, holdSeconds: 240 },
      { serviceId: 'imar', arrivals: 4, holdSeconds: 240 },
    ];
    const plan = planHour(loads, counters([['vezne'], ['vezne', 'imar'], ['imar']]), TARGET);
    expect(serversForMeanWait(8 / 3600, 240, TARGET)).toBe(1);
    expect(plan.counterIds).toEqual(['banko-2']);
    expect(plan.feasible).toBe(true);
  });

  it('when too few counters cover a busy service, then the plan says which service falls short', () => {
    const loads = [
      { serviceId: 'vezne', arrivals: 20, holdSeconds: 240 },
      { serviceId: 'imar', arrivals: 60, holdSeconds: 240 },
    ];
    const plan = planHour(
      loads,
      counters([['vezne'], ['vezne'], ['vezne', 'imar'], ['imar']]),
      TARGET,
    );
    expect(serversForMeanWait(60 / 3600, 240, TARGET)).toBeGreaterThan(2);
    expect(plan.feasible).toBe(false);
    expect(plan.unmetServiceIds).toEqual(['imar']);
    expect(plan.counterIds).toHaveLength(4);
    // imar alone needs `m` servers; two counters cover it, so the hall is m − 2 short.
    const m = serversForMeanWait(60 / 3600, 240, TARGET);
    expect(plan.needed).toBe(4 + m - 2);
  });

  it('when nobody is expected, then no counter is needed', () => {
    const plan = planHour(
      [{ serviceId: 'vezne', arrivals: 0, holdSeconds: 240 }],
      counters([['vezne']]),
      TARGET,
    );
    expect(plan.counterIds).toEqual([]);
    expect(plan.expectedWaitSeconds).toBe(0);
  });

  it('when a hall has more counters than the exact search takes, then the greedy plan still meets every service', () => {
    const covers = Array.from({ length: 16 }, (_, i) => (i < 8 ? ['vezne'] : ['imar']));
    const loads = [
      { serviceId: 'vezne', arrivals: 50, holdSeconds: 240 },
      { serviceId: 'imar', arrivals: 20, holdSeconds: 240 },
    ];
    const plan = planHour(loads, counters(covers), TARGET);
    const v = serversForMeanWait(50 / 3600, 240, TARGET);
    const m = serversForMeanWait(20 / 3600, 240, TARGET);
    expect(plan.counterIds).toHaveLength(v + m);
  });
});
