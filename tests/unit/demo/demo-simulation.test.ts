import { describe, expect, it } from 'vitest';
import { rng, simulateDay } from '../../../server/src/cli/demo-simulation.js';
import { defaultConfig } from '../../../server/src/config/default-config.js';
import { emptyHallState, evolve, hallConfig } from '../../../server/src/domain/index.js';
import { foldRecords } from '../../../server/src/stats/ticket-records.js';

const data = defaultConfig();
const config = hallConfig(data.halls[0]!, data.services, data.counters, data.directorates);
// 2026-11-23 08:30 in Istanbul (UTC+3).
const OPENS = Date.UTC(2026, 10, 23, 5, 30);
const simulate = (seed: number) =>
  simulateDay(config, '2026-11-23', OPENS, ['a', 'b', 'c', 'd', 'e', 'f'], 500, rng(seed));

describe('demo data: one simulated day', () => {
  it('when a day is simulated, then it looks like the published Welcome Desk: ~500 visitors, ~4 min, ~98% resolved', () => {
    const events = simulate(7);
    const records = foldRecords(events, config.hall, config.services);
    const served = records.filter((r) => r.serviceMs !== null);
    const meanMinutes = served.reduce((s, r) => s + r.serviceMs!, 0) / served.length / 60_000;
    const resolved = records.filter((r) => r.outcome === 'resolved').length;
    const completed = records.filter((r) => r.outcome !== null).length;
    expect(events.filter((e) => e.type === 'ticket:issued').length).toBeGreaterThan(450);
    expect(meanMinutes).toBeGreaterThan(3.5);
    expect(meanMinutes).toBeLessThan(4.6);
    expect(resolved / completed).toBeGreaterThan(0.95);
  });

  it('when the events are replayed, then every ticket ended and revisions are consecutive', () => {
    const events = simulate(3);
    const state = emptyHallState('cankaya', '2026-11-23');
    events.forEach((e, i) => {
      expect(e.rev).toBe(i + 1);
      evolve(state, e);
    });
    for (const t of state.tickets.values())
      expect(['done', 'no-show', 'cancelled']).toContain(t.status);
    expect([...state.counters.values()].every((c) => c.status === 'closed')).toBe(true);
  });

  it('when a day is simulated, then every event time is a whole millisecond, as a server clock gives (PostgreSQL stores them as bigint)', () => {
    const times = simulate(5).map((e) => e.at);
    expect(times.length).toBeGreaterThan(1000);
    expect(times.filter((t) => !Number.isInteger(t))).toEqual([]);
  });

  it('when the same seed is used twice, then the same day comes out', () => {
    expect(simulate(11)).toEqual(simulate(11));
  });
});
