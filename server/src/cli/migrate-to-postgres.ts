import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs, isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { WEBHOOK_LIMITS } from '../../../contract/webhooks.js';
import type { ConfigData, SessionRecord } from '../config/config-data.js';
import { openEmbeddedStore } from '../store/embedded/open-embedded-store.js';
import {
  replaceBookingLedger,
  replaceJournalDay,
  replaceWebhook,
} from '../store/postgres/pg-import.js';
import { describeDatabase, openPostgresStore } from '../store/postgres/open-postgres-store.js';
import type { Store } from '../store/store.js';

const USAGE = `Usage: DATABASE_URL=postgres://… npm run migrate-to-postgres -- --data-dir ./data [--force]
Copies the configuration, live sessions, every journal day, every day summary, every booking
ledger and every webhook endpoint's delivery state and log of an embedded data folder into
PostgreSQL. Stop the servers first (the folder's and the database's). Running it again copies
only what is missing. A hall-day whose events (or summary) in the database differ from the
folder's, or a hall's booking ledger or an endpoint's delivery state that does, stops it before
anything is written, unless --force, which replaces them with the folder's.`;

type Plan = {
  hallId: string;
  day: string;
  /** For 'bookings' and 'webhook', `day` is empty: a hall has one ledger. */
  what: 'journal' | 'summary' | 'bookings' | 'webhook';
  action: 'copy' | 'same' | 'differs';
  /** For 'webhook': the endpoint's id. */
  endpointId?: string;
};

async function hallIds(dataDir: string, config: ConfigData): Promise<string[]> {
  const ids = new Set(config.halls.map((h) => h.id));
  for (const sub of ['journal', 'days']) {
    const entries = await readdir(path.join(dataDir, sub), { withFileTypes: true }).catch(() => []);
    for (const e of entries)
      if (e.isDirectory() && /^[a-z0-9-]{1,40}$/.test(e.name)) ids.add(e.name);
  }
  const ledgers = await readdir(path.join(dataDir, 'bookings')).catch(() => []);
  for (const name of ledgers) if (/^[a-z0-9-]{1,40}\.jsonl$/.test(name)) ids.add(name.slice(0, -6));
  return [...ids].sort();
}

function labelOf(p: Plan): string {
  if (p.what === 'webhook') return `webhook ${p.endpointId}`;
  return p.what === 'bookings' ? `bookings ${p.hallId}` : `${p.what} ${p.hallId}/${p.day}`;
}

/** An endpoint's delivery state and log (oldest first): where its deliveries stand. */
async function webhookDeliveries(store: Store, endpointId: string) {
  const state = await store.webhooks.readState(endpointId);
  const log = (await store.webhooks.readLog(endpointId, WEBHOOK_LIMITS.logEntries)).reverse();
  return { state, log, empty: state === undefined && log.length === 0 };
}

async function liveSessions(dataDir: string, now: number): Promise<SessionRecord[]> {
  const text = await readFile(path.join(dataDir, 'sessions.json'), 'utf8').catch(() => null);
  if (text === null) return [];
  const data = JSON.parse(text) as { sessions?: SessionRecord[] };
  return (data.sessions ?? []).filter((s) => s.expiresAt > now);
}

/** Compares every hall-day and webhook endpoint of the folder with the database. */
async function plan(source: Store, target: Store, halls: string[]): Promise<Plan[]> {
  const plans: Plan[] = [];
  for (const hallId of halls) {
    for (const day of await source.journal.days(hallId)) {
      const { events, tornTail } = await source.journal.read(hallId, day);
      if (tornTail) console.log(`journal ${hallId}/${day}: a torn last line is left behind`);
      const stored = (await target.journal.read(hallId, day)).events;
      const action =
        stored.length === 0 ? 'copy' : isDeepStrictEqual(stored, events) ? 'same' : 'differs';
      plans.push({ hallId, day, what: 'journal', action });
    }
    for (const day of await source.summaries.days(hallId)) {
      const [mine, theirs] = [
        await source.summaries.read(hallId, day),
        await target.summaries.read(hallId, day),
      ];
      const action =
        theirs === undefined ? 'copy' : isDeepStrictEqual(mine, theirs) ? 'same' : 'differs';
      plans.push({ hallId, day, what: 'summary', action });
    }
    const ledger = await source.bookings.read(hallId);
    if (ledger.length > 0) {
      const stored = await target.bookings.read(hallId);
      const action =
        stored.length === 0 ? 'copy' : isDeepStrictEqual(stored, ledger) ? 'same' : 'differs';
      plans.push({ hallId, day: '', what: 'bookings', action });
    }
  }
  for (const webhook of source.config.read().webhooks ?? []) {
    const mine = await webhookDeliveries(source, webhook.id);
    if (mine.empty) continue;
    const theirs = await webhookDeliveries(target, webhook.id);
    const action = theirs.empty ? 'copy' : isDeepStrictEqual(mine, theirs) ? 'same' : 'differs';
    plans.push({
      hallId: webhook.hallId,
      day: '',
      what: 'webhook',
      action,
      endpointId: webhook.id,
    });
  }
  return plans;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const databaseUrl = process.env.DATABASE_URL;
  if (values.help || !values['data-dir'] || !databaseUrl) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const dataDir = path.resolve(values['data-dir']);
  if (!existsSync(path.join(dataDir, 'config.json')))
    throw new Error(`${dataDir} has no config.json: not a Sıramatik data folder.`);
  const log = (m: string) => console.log(m);
  // Opening the folder takes its lock: a server still running on it makes this stop here.
  const source = await openEmbeddedStore(dataDir, {
    log,
    initialConfig: () => {
      throw new Error('unreachable');
    },
  });
  const config = source.config.read();
  const target = await openPostgresStore(databaseUrl, {
    log,
    initialConfig: () => structuredClone(config),
  });
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    const halls = await hallIds(dataDir, config);
    const plans = await plan(source, target, halls);
    const differing = plans.filter((p) => p.action === 'differs');
    if (differing.length > 0 && !values.force) {
      for (const p of differing) console.error(`${labelOf(p)}: the database holds something else`);
      throw new Error(
        `Nothing was written: ${differing.length} hall-day(s) differ in ${describeDatabase(databaseUrl)}. Run again with --force to replace them with the folder's.`,
      );
    }
    if (!isDeepStrictEqual(target.config.read(), config)) {
      await target.config.update((draft) => {
        for (const key of Object.keys(draft))
          delete (draft as unknown as Record<string, unknown>)[key];
        Object.assign(draft, structuredClone(config));
      });
      log('config: copied');
    } else log('config: already there');
    const sessions = await liveSessions(dataDir, Date.now());
    for (const s of sessions) await target.sessions.put(s);
    log(`sessions: ${sessions.length} live session(s) copied`);
    for (const p of plans) {
      const label = labelOf(p);
      if (p.action === 'same') {
        log(`${label}: already there`);
      } else if (p.what === 'webhook') {
        const { state, log: tries } = await webhookDeliveries(source, p.endpointId!);
        await replaceWebhook(pool, p.endpointId!, state, tries);
        log(
          `${label}: state and ${tries.length} logged tries ${p.action === 'copy' ? 'copied' : 'replaced'}`,
        );
      } else if (p.what === 'bookings') {
        const events = await source.bookings.read(p.hallId);
        await replaceBookingLedger(pool, p.hallId, events);
        log(`${label}: ${events.length} event(s) ${p.action === 'copy' ? 'copied' : 'replaced'}`);
      } else if (p.what === 'journal') {
        const { events } = await source.journal.read(p.hallId, p.day);
        await replaceJournalDay(pool, p.hallId, p.day, events);
        log(`${label}: ${events.length} event(s) ${p.action === 'copy' ? 'copied' : 'replaced'}`);
      } else {
        await target.summaries.write((await source.summaries.read(p.hallId, p.day))!);
        log(`${label}: ${p.action === 'copy' ? 'copied' : 'replaced'}`);
      }
    }
    log(`Done: ${dataDir} → ${describeDatabase(databaseUrl)}`);
  } finally {
    await pool.end();
    await target.close();
    await source.close();
  }
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
