import { defaultConfig } from '../../server/src/config/default-config.js';
import type { ConfigData } from '../../server/src/config/config-data.js';
import { rng, simulateDay } from '../../server/src/cli/demo-simulation.js';
import { hallConfig } from '../../server/src/domain/index.js';
import { daySummaryOf } from '../../server/src/stats/day-summary.js';
import { foldRecords } from '../../server/src/stats/ticket-records.js';
import { openEmbeddedStore } from '../../server/src/store/embedded/open-embedded-store.js';

/** Istanbul (UTC+3, no DST) wall-clock time of a day. */
export const istanbul = (day: string, hh: number, mm = 0): number =>
  Date.parse(`${day}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00+03:00`);

/**
 * Writes simulated past days (journal and day summary, as `npm run demo-data` does) into a
 * data folder that no server holds yet: each day `visitors` visitors through the real queue
 * rules, six clerks with lunch breaks around noon.
 */
export async function seedHistory(
  dataDir: string,
  days: ReadonlyArray<{ day: string; visitors: number }>,
  config: () => ConfigData = defaultConfig,
): Promise<void> {
  const store = await openEmbeddedStore(dataDir, { log: () => undefined, initialConfig: config });
  try {
    const data = store.config.read();
    const hall = data.halls[0]!;
    const hc = hallConfig(hall, data.services, data.counters);
    const rand = rng(7);
    const clerks = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'];
    for (const { day, visitors } of days) {
      const events = simulateDay(hc, day, istanbul(day, 8, 30), clerks, visitors, rand);
      await store.journal.append(hall.id, day, events);
      const last = events.at(-1)!;
      await store.summaries.write(
        daySummaryOf(
          { hallId: hall.id, day, closedAt: last.at, lastRev: last.rev },
          foldRecords(events, hall, hc.services),
        ),
      );
    }
  } finally {
    await store.close();
  }
}
