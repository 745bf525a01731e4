import { describe, expect, it } from 'vitest';
import type { RevEvent } from '../../../contract/events.js';
import { rng, SERVICE_MIX, simulateDay } from '../../../server/src/cli/demo-simulation.js';
import { defaultConfig } from '../../../server/src/config/default-config.js';
import { directoratesOf } from '../../../server/src/config/directorates.js';
import { hallConfig, localHour } from '../../../server/src/domain/index.js';

const data = defaultConfig();
const hall = data.halls[0]!;
const config = hallConfig(hall, data.services, data.counters, directoratesOf(data, hall.id));
const CLERKS = ['a', 'b', 'c', 'd', 'e', 'f'];

/** Five simulated working days (Monday 2026-11-23 on), 08:30 in Istanbul. */
function week(): RevEvent[][] {
  const rand = rng(11);
  return [0, 1, 2, 3, 4].map((d) => {
    const opens = Date.UTC(2026, 10, 23 + d, 5, 30);
    const day = new Date(opens).toISOString().slice(0, 10);
    return simulateDay(config, day, opens, CLERKS, 500, rand);
  });
}

describe('demo data: the shape of a working day (what the wait estimates are measured on)', () => {
  const days = week();
  const all = days.flat();

  it('when a week is simulated, then arrivals follow the hours with a morning and an after-lunch peak about 1.5× the mean', () => {
    const perHour = new Map<number, number>();
    for (const e of all)
      if (e.type === 'ticket:issued') {
        const h = localHour(e.at, hall.timeZone);
        perHour.set(h, (perHour.get(h) ?? 0) + 1);
      }
    const counts = [...perHour.values()];
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;

    expect(Math.max(...counts) / mean).toBeGreaterThan(1.3);
    expect(Math.max(...counts) / mean).toBeLessThan(1.7);
    // Lunch (12:00–13:00) is quieter than both peaks around it.
    expect(perHour.get(12)!).toBeLessThan(perHour.get(11)!);
    expect(perHour.get(12)!).toBeLessThan(perHour.get(14)!);
  });

  it('when a week is simulated, then services come in the published mix', () => {
    const issued = all.filter((e) => e.type === 'ticket:issued');
    for (const [serviceId, share] of Object.entries(SERVICE_MIX)) {
      const n = issued.filter((e) => e.serviceId === serviceId).length;
      expect(n / issued.length).toBeCloseTo(share, 1);
    }
  });

  it('when a day is simulated, then every desk takes a lunch break of 20–30 minutes', () => {
    for (const events of days) {
      const breaks = events.filter((e) => e.type === 'counter:paused' && e.reason === 'break');
      expect(new Set(breaks.map((e) => e.type === 'counter:paused' && e.counterId)).size).toBe(6);
      for (const b of breaks) {
        if (b.type !== 'counter:paused') continue;
        const back = events.find(
          (e) => e.type === 'counter:resumed' && e.counterId === b.counterId && e.at > b.at,
        )!;
        expect((back.at - b.at) / 60_000).toBeGreaterThanOrEqual(20);
        expect((back.at - b.at) / 60_000).toBeLessThanOrEqual(30.5);
      }
    }
  });

  it('when a week is simulated, then there are a few short pauses for paperwork and a few transfers', () => {
    const paperwork = all.filter((e) => e.type === 'counter:paused' && e.reason === 'paperwork');
    const transfers = all.filter((e) => e.type === 'ticket:transferred');

    // About 1.5% of visits end in a pause: a handful a day for the hall, not one per visit.
    expect(paperwork.length).toBeGreaterThanOrEqual(5 * 2);
    expect(paperwork.length).toBeLessThanOrEqual(5 * 15);
    expect(transfers.length).toBeGreaterThanOrEqual(5);
    expect(transfers.length).toBeLessThanOrEqual(5 * 25);
  });
});
