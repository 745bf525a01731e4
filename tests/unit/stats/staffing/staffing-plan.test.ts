import { describe, expect, it } from 'vitest';
import type { Counter, Service } from '../../../../contract/domain.js';
import type { DayObservation } from '../../../../server/src/stats/staffing/day-observation.js';
import { serversForMeanWait } from '../../../../server/src/stats/staffing/erlang-c.js';
import {
  daysToRead,
  staffingPlan,
  weeksBefore,
} from '../../../../server/src/stats/staffing/staffing-plan.js';

const service = (id: string, targetMinutes = 4): Service => ({
  id,
  hallId: 'h',
  prefix: 'V',
  name: { tr: id, en: id },
  targetMinutes,
  active: true,
});
const counter = (n: number, ids: string[]): Counter => ({
  id: `banko-${n}`,
  hallId: 'h',
  number: n,
  name: `Banko ${n}`,
  services: ids.map((serviceId) => ({ serviceId, weight: 1 })),
});

/** A day with `arrivals` vezne visits at 12:00 (each 5 min at a counter, waiting `waitMin`). */
function observation(day: string, arrivals: number, open: number, waitMin: number): DayObservation {
  const hours = new Array<number>(24).fill(0);
  hours[12] = arrivals;
  const waitSum = new Array<number>(24).fill(0);
  const waitCount = new Array<number>(24).fill(0);
  waitSum[12] = arrivals * waitMin * 60;
  waitCount[12] = arrivals;
  const openCounters = new Array<number>(24).fill(0);
  openCounters[12] = open;
  return {
    day,
    byService: { vezne: hours },
    hold: { vezne: new Array<number>(arrivals).fill(300) },
    waitSum,
    waitCount,
    openCounters,
  };
}

describe('the staffing plan of a day', () => {
  it('when the date is a Tuesday, then it reads the eight Tuesdays before it that are past', () => {
    expect(weeksBefore('2026-12-08', '2026-12-05')).toEqual([
      '2026-12-01',
      '2026-11-24',
      '2026-11-17',
      '2026-11-10',
      '2026-11-03',
      '2026-10-27',
      '2026-10-20',
      '2026-10-13',
    ]);
    // Three weeks ahead: the two Tuesdays not yet lived are left out.
    expect(weeksBefore('2026-12-22', '2026-12-05')[0]).toBe('2026-12-01');
    expect(daysToRead('2026-12-08', '2026-12-05')).toHaveLength(12);
  });

  it('when waits were long with fewer counters open than planned, then the hour is understaffed', () => {
    const days = weeksBefore('2026-12-08', '2026-12-05');
    const observations = new Map(days.map((d) => [d, observation(d, 60, 3, 22)]));
    const plan = staffingPlan({
      hallId: 'h',
      timeZone: 'Europe/Istanbul',
      date: '2026-12-08',
      today: '2026-12-05',
      targetWaitMinutes: 5,
      services: [service('vezne'), service('ruhsat', 6)],
      counters: [1, 2, 3, 4, 5, 6, 7].map((n) => counter(n, ['vezne'])),
      observations,
    });
    expect(plan.weekday).toBe(2);
    expect(plan.usedDays).toHaveLength(8);
    expect(plan.missingDays).toEqual([]);
    const noon = plan.hours.find((h) => h.hour === 12)!;
    // 60 visits an hour of 300 s each: 5 erlangs.
    const need = serversForMeanWait(60 / 3600, 300, 300);
    expect(noon.forecastArrivals).toBe(60);
    expect(noon.holdSeconds).toBe(300);
    expect(noon.countersNeeded).toBe(need);
    expect(noon.actualOpenCounters).toBe(3);
    expect(noon.measuredWaitSeconds).toBe(22 * 60);
    expect(noon.understaffed).toBe(true);
    expect(plan.hours.map((h) => h.hour)).toEqual([12]);
    // A service with no visits keeps its target as its counter time.
    expect(plan.services.find((s) => s.serviceId === 'ruhsat')).toMatchObject({
      holdSeconds: 360,
      samples: 0,
    });
    // The four latest Tuesdays were tested, each from its own weeks before (all equal here).
    expect(plan.backtest.days).toHaveLength(4);
    expect(plan.backtest.mae).toBe(0);
  });

  it('when enough counters were open, then a long wait is not called understaffing', () => {
    const days = weeksBefore('2026-12-08', '2026-12-05').slice(0, 5);
    const observations = new Map(days.map((d) => [d, observation(d, 60, 9, 22)]));
    const plan = staffingPlan({
      hallId: 'h',
      timeZone: 'Europe/Istanbul',
      date: '2026-12-08',
      today: '2026-12-05',
      targetWaitMinutes: 5,
      services: [service('vezne')],
      counters: [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => counter(n, ['vezne'])),
      observations,
    });
    expect(plan.hours[0]!.understaffed).toBe(false);
    expect(plan.missingDays).toHaveLength(3);
  });

  it('when one visit was left open for hours, then it counts as four times the service target', () => {
    // 99 visits of 5 min and one left open 4 hours: a plain mean would say 7.4 min.
    const day = '2026-12-01';
    const o = observation(day, 100, 3, 2);
    o.hold.vezne = [...new Array<number>(99).fill(300), 4 * 3600];
    const plan = staffingPlan({
      hallId: 'h',
      timeZone: 'Europe/Istanbul',
      date: '2026-12-08',
      today: '2026-12-05',
      targetWaitMinutes: 5,
      services: [service('vezne', 5)],
      counters: [1, 2, 3].map((n) => counter(n, ['vezne'])),
      observations: new Map([[day, o]]),
    });
    // Capped at 4 × 5 min = 1200 s: (99 · 300 + 1200) / 100 = 309 s.
    expect(plan.services[0]).toMatchObject({ holdSeconds: 309, samples: 100 });
  });
});
