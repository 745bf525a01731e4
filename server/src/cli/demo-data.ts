import path from 'node:path';
import { parseArgs } from 'node:util';
import { directoratesOf } from '../config/directorates.js';
import { addUser } from '../auth/users.js';
import { defaultConfig } from '../config/default-config.js';
import { hallConfig, localDay } from '../domain/index.js';
import { daySummaryOf } from '../stats/day-summary.js';
import { foldRecords } from '../stats/ticket-records.js';
import { openEmbeddedStore } from '../store/embedded/open-embedded-store.js';
import { rng, simulateDay } from './demo-simulation.js';

const USAGE = `Usage (server stopped): npm run demo-data -- --days 30 [--seed 1] [--visitors 500]
Fills DATA_DIR (default ./data) with realistic history for the working days before today.`;

const CLERKS = [
  ['demo.ayse', 'Ayşe Yılmaz'],
  ['demo.mehmet', 'Mehmet Demir'],
  ['demo.fatma', 'Fatma Kaya'],
  ['demo.ali', 'Ali Çelik'],
  ['demo.zeynep', 'Zeynep Şahin'],
  ['demo.mustafa', 'Mustafa Öztürk'],
] as const;

/** UTC instant of a local wall-clock time in a time zone (Istanbul has no DST, but stay general). */
function localTime(day: string, hhmm: string, timeZone: string): number {
  const guess = Date.parse(`${day}T${hhmm}:00Z`);
  const shown = new Date(guess).toLocaleString('sv-SE', { timeZone }).replace(' ', 'T');
  return guess - (Date.parse(`${shown}Z`) - guess);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      days: { type: 'string', default: '30' },
      seed: { type: 'string', default: '1' },
      visitors: { type: 'string', default: '500' },
    },
  });
  const days = Number(values.days);
  const visitors = Number(values.visitors);
  if (!Number.isInteger(days) || days < 1 || days > 3660 || !(visitors > 0 && visitors <= 5000)) {
    console.error(USAGE);
    process.exit(2);
  }
  const dataDir = path.resolve(process.env.DATA_DIR ?? 'data');
  const store = await openEmbeddedStore(dataDir, {
    log: (m) => console.error(m),
    initialConfig: defaultConfig,
  });
  try {
    const data = store.config.read();
    const hall = data.halls[0]!;
    const clerkIds: string[] = [];
    for (const [username, displayName] of CLERKS) {
      const existing = store.config.read().users.find((u) => u.username === username);
      clerkIds.push(
        existing?.id ??
          (
            await addUser(
              store.config,
              { username, displayName, role: 'clerk', hallId: hall.id },
              Date.now(),
            )
          ).id,
      );
    }
    const cfg = store.config.read();
    const config = hallConfig(hall, cfg.services, cfg.counters, directoratesOf(cfg, hall.id));
    const rand = rng(Number(values.seed));
    const existing = new Set(await store.journal.days(hall.id));
    let written = 0;
    let tickets = 0;
    for (let back = days; back >= 1; back--) {
      const day = localDay(Date.now() - back * 86_400_000, hall.timeZone);
      const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
      if (weekday === 0 || weekday === 6 || existing.has(day)) continue;
      const events = simulateDay(
        config,
        day,
        localTime(day, '08:30', hall.timeZone),
        clerkIds,
        visitors * (0.9 + rand() * 0.2),
        rand,
      );
      await store.journal.append(hall.id, day, events);
      const records = foldRecords(events, hall, config.services);
      await store.summaries.write(
        daySummaryOf(
          { hallId: hall.id, day, closedAt: events.at(-1)!.at, lastRev: events.at(-1)!.rev },
          records,
        ),
      );
      written += 1;
      tickets += events.filter((e) => e.type === 'ticket:issued').length;
    }
    console.log(`demo data: ${written} working days, ${tickets} tickets written to ${dataDir}`);
  } finally {
    await store.close();
  }
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
