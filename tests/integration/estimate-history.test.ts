import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rng, simulateDay } from '../../server/src/cli/demo-simulation.js';
import { defaultConfig } from '../../server/src/config/default-config.js';
import { directoratesOf } from '../../server/src/config/directorates.js';
import { hallConfig } from '../../server/src/domain/index.js';
import { QueueService } from '../../server/src/queue/queue-service.js';
import { daySummaryOf } from '../../server/src/stats/day-summary.js';
import { StatsService } from '../../server/src/stats/stats-service.js';
import { foldRecords } from '../../server/src/stats/ticket-records.js';
import { openEmbeddedStore } from '../../server/src/store/embedded/open-embedded-store.js';
import type { Store } from '../../server/src/store/store.js';

const HALL = 'cankaya';
/** Monday 2026-03-16, 10:00 in Istanbul: two working weeks of demo days lie before it. */
const NOW = Date.UTC(2026, 2, 16, 7, 0);

describe("the server learns the hall's estimate history from its closed days", () => {
  let dir: string;
  let store: Store;
  let queues: QueueService;
  let stats: StatsService;
  let now = NOW;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'siramatik-estimate-history-'));
    store = await openEmbeddedStore(dir, { log: () => undefined, initialConfig: defaultConfig });
    const data = store.config.read();
    const hall = data.halls[0]!;
    const config = hallConfig(hall, data.services, data.counters, directoratesOf(data, hall.id));
    const rand = rng(5);
    // Ten working days, closed as the demo data closes them (journal and day summary).
    for (let d = 14; d >= 1; d--) {
      const opensAt = Date.UTC(2026, 2, 16 - d, 5, 30);
      const weekday = new Date(opensAt).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      const day = new Date(opensAt).toISOString().slice(0, 10);
      const events = simulateDay(config, day, opensAt, ['a', 'b', 'c', 'd', 'e', 'f'], 500, rand);
      await store.journal.append(HALL, day, events);
      const last = events.at(-1)!;
      await store.summaries.write(
        daySummaryOf(
          { hallId: HALL, day, closedAt: last.at, lastRev: last.rev },
          foldRecords(events, hall, config.services),
        ),
      );
    }
    queues = new QueueService({
      store,
      now: () => now,
      log: () => undefined,
      publicUrl: 'http://127.0.0.1',
      newTicketCode: () => `code${String(now).padStart(20, '0')}`,
    });
    await queues.start();
    stats = new StatsService({
      journal: store.journal,
      summaries: store.summaries,
      hallConfig: (id) => queues.hallConfig(id),
      liveDay: (id) => queues.hall(id)?.state.day,
      clerkName: () => null,
      now: () => now,
      log: () => undefined,
    });
  });

  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('when the history is read, then every weekday-hour of the two weeks with enough promises has a factor within ½× and 2×', async () => {
    const history = (await stats.waitHistory(HALL))!;

    // Five weekdays × the busy hours 09:00–16:00 at least.
    expect(history.factors.size).toBeGreaterThanOrEqual(5 * 7);
    for (const [key, factor] of history.factors) {
      expect(key).toMatch(/^[1-5]-(8|9|1[0-7])$/);
      expect(factor).toBeGreaterThanOrEqual(0.5);
      expect(factor).toBeLessThanOrEqual(2);
    }
  });

  it('when the queue is given the history, then a ticket promised under it records the factor used', async () => {
    const history = (await stats.waitHistory(HALL))!;
    // Monday 10:xx: give the key a factor the test can see, and a line long enough to scale.
    queues.setWaitHistory(HALL, { factors: new Map([...history.factors, ['1-10', 1.4]]) });
    expect(queues.hallConfig(HALL)!.waitHistory!.factors.get('1-10')).toBe(1.4);

    const clerk = { userId: 'demo', mayOverride: false };
    await store.config.update((d) => {
      d.users.push({
        id: 'demo',
        username: 'demo',
        displayName: 'Demo',
        role: 'clerk',
        hallId: HALL,
        passwordHash: 'unused',
        active: true,
        createdAt: 0,
      });
    });
    expect((await queues.counterCommand('banko-1', clerk, { type: 'open' })).ok).toBe(true);
    for (let i = 0; i < 3; i++) {
      now += 1000;
      await queues.issue(HALL, { serviceId: 'vezne', priority: null, lang: 'tr' });
    }

    const { events } = await store.journal.read(HALL, '2026-03-16');
    const last = events.filter((e) => e.type === 'ticket:issued').at(-1)!;
    expect(last).toMatchObject({ estimateFactor: 1.4 });
  });
});
