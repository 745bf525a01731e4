import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { IssuedTicket, TicketStatusView } from '../../contract/api.js';
import { addDevice, addUser } from '../../server/src/auth/users.js';
import { defaultConfig } from '../../server/src/config/default-config.js';
import { QueueService } from '../../server/src/queue/queue-service.js';
import { openEmbeddedStore } from '../../server/src/store/embedded/open-embedded-store.js';
import { openPostgresStore } from '../../server/src/store/postgres/open-postgres-store.js';
import type { Store } from '../../server/src/store/store.js';
import {
  bookingCancelled,
  bookingMade,
  makeSession,
  makeSummary,
} from '../integration/store-fixtures.js';
import { logEntry, webhookState } from '../integration/webhook-store-contract.js';
import { freshSchema, redisUrl, uniqueName, type TestSchema } from './cluster-support.js';
import { request, startNode } from './cluster-node.js';

const root = path.resolve(import.meta.dirname, '../..');
const HALL = 'cankaya';
const PAST = '2025-03-14';
const LEDGER_ONLY = 'ledger-only';

/** Runs the migration command as an operator would; resolves with its exit code and output. */
function migrate(dataDir: string, databaseUrl: string, ...extra: string[]) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/src/cli/migrate-to-postgres.ts', '--data-dir', dataDir, ...extra],
    { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl } },
  );
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise<{ code: number | null; out: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, out })),
  );
}

/** Issues tickets on the folder's store through the product's own queue service. */
async function issueTickets(store: Store, count: number): Promise<IssuedTicket[]> {
  const queues = new QueueService({
    store,
    now: Date.now,
    log: () => undefined,
    publicUrl: 'http://127.0.0.1',
    newTicketCode: () => uniqueName('code'),
  });
  await queues.start();
  const tickets: IssuedTicket[] = [];
  for (let i = 0; i < count; i++) {
    const r = await queues.issue(HALL, { serviceId: 'vezne', priority: null, lang: 'tr' });
    if (!r.ok) throw new Error(r.error.message);
    tickets.push(r.value);
  }
  return tickets;
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function fixture() {
  const schema: TestSchema = await freshSchema();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'siramatik-migrate-'));
  cleanups.push(
    () => schema.drop(),
    () => rm(dataDir, { recursive: true, force: true }),
  );
  const store = await openEmbeddedStore(dataDir, {
    log: () => undefined,
    initialConfig: defaultConfig,
  });
  // A folder in use: it has its admin and devices, so a server on the database bootstraps nothing.
  await addUser(store.config, { username: 'admin', role: 'admin', hallId: HALL }, 1);
  await addDevice(store.config, { kind: 'kiosk', hallId: HALL, name: 'Kiosk 1' }, 1);
  const clerk = await addUser(store.config, { username: 'ayse', role: 'clerk', hallId: HALL }, 1);
  await store.sessions.put(makeSession('live', clerk.id, Date.now() + 3600_000));
  await store.sessions.put(makeSession('gone', clerk.id, Date.now() + 50));
  const tickets = await issueTickets(store, 3);
  await store.journal.append(HALL, PAST, [
    {
      type: 'counter:opened',
      rev: 1,
      hallId: HALL,
      at: 1,
      counterId: 'banko-1',
      clerkId: clerk.id,
    },
  ]);
  await store.summaries.write(makeSummary(HALL, PAST, 1));
  await store.bookings.append(HALL, [
    bookingMade(1, 'b-1', HALL),
    bookingMade(2, 'b-2', HALL),
    bookingCancelled(3, 'b-2', HALL),
  ]);
  await store.bookings.erase(HALL, ['b-2']);
  // A hall with a ledger only (no journal, not in the config): found by its file.
  await store.bookings.append(LEDGER_ONLY, [bookingMade(1, 'b-9', LEDGER_ONLY)]);
  await store.close();
  await new Promise((r) => setTimeout(r, 60));
  return { schema, dataDir, tickets, clerk };
}

/** Both stores' content, for comparison. */
async function contents(store: Store) {
  const days = await store.journal.days(HALL);
  return {
    config: store.config.read(),
    days,
    journal: await Promise.all(days.map(async (d) => (await store.journal.read(HALL, d)).events)),
    summaries: await store.summaries.days(HALL),
    pastSummary: await store.summaries.read(HALL, PAST),
    bookings: await store.bookings.read(HALL),
    ledgerOnly: await store.bookings.read(LEDGER_ONLY),
  };
}

async function bothContents(dataDir: string, databaseUrl: string) {
  const folder = await openEmbeddedStore(dataDir, {
    log: () => undefined,
    initialConfig: defaultConfig,
  });
  const db = await openPostgresStore(databaseUrl, {
    log: () => undefined,
    initialConfig: defaultConfig,
  });
  try {
    return { folder: await contents(folder), db: await contents(db), sessions: db.sessions };
  } finally {
    await folder.close();
    await db.close();
  }
}

describe('migrate-to-postgres: an embedded data folder into PostgreSQL', () => {
  it('when a folder is migrated, then the database holds its config, live sessions, journals and summaries', async () => {
    const { schema, dataDir } = await fixture();

    const run = await migrate(dataDir, schema.url);

    expect(run.code, run.out).toBe(0);
    expect(run.out).toMatch(/sessions: 1 live session\(s\) copied/);
    const { folder, db, sessions } = await bothContents(dataDir, schema.url);
    expect(db).toEqual(folder);
    expect(db.days).toHaveLength(2);
    expect(db.bookings.map((e) => e.rev)).toEqual([1, 2, 3]);
    expect(db.bookings[1]).toMatchObject({ bookingId: 'b-2', name: '', phone: null });
    expect(db.ledgerOnly).toEqual([bookingMade(1, 'b-9', LEDGER_ONLY)]);
    expect(run.out).toMatch(new RegExp(`bookings ${HALL}: 3 event\\(s\\) copied`));
    expect(sessions.get('live')).toBeDefined();
    expect(sessions.get('gone')).toBeUndefined();
  });

  it('when it runs again, then it copies nothing new and changes nothing', async () => {
    const { schema, dataDir } = await fixture();
    await migrate(dataDir, schema.url);

    const again = await migrate(dataDir, schema.url);

    expect(again.code, again.out).toBe(0);
    expect(again.out).not.toMatch(/event\(s\) copied|summary .*: copied|config: copied/);
    expect(again.out).toMatch(new RegExp(`journal ${HALL}/${PAST}: already there`));
    expect(again.out).toMatch(new RegExp(`bookings ${HALL}: already there`));
    const { folder, db } = await bothContents(dataDir, schema.url);
    expect(db).toEqual(folder);
  });

  it('when the database holds other events for a hall-day, then it refuses and writes nothing, unless --force', async () => {
    const { schema, dataDir } = await fixture();
    await migrate(dataDir, schema.url);
    const store = await openEmbeddedStore(dataDir, {
      log: () => undefined,
      initialConfig: defaultConfig,
    });
    await issueTickets(store, 1);
    await store.close();
    const before = (await bothContents(dataDir, schema.url)).db;

    const refused = await migrate(dataDir, schema.url);
    const afterRefusal = (await bothContents(dataDir, schema.url)).db;
    const forced = await migrate(dataDir, schema.url, '--force');

    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(
      /journal cankaya\/\d{4}-\d{2}-\d{2}: the database holds something else/,
    );
    expect(refused.out).toMatch(/Nothing was written.*--force/);
    expect(afterRefusal).toEqual(before);
    expect(forced.code, forced.out).toBe(0);
    expect(forced.out).toMatch(/event\(s\) replaced/);
    const { folder, db } = await bothContents(dataDir, schema.url);
    expect(db).toEqual(folder);
  });

  it('when the database holds another booking ledger for a hall, then it refuses and writes nothing, unless --force', async () => {
    const { schema, dataDir } = await fixture();
    await migrate(dataDir, schema.url);
    const store = await openEmbeddedStore(dataDir, {
      log: () => undefined,
      initialConfig: defaultConfig,
    });
    await store.bookings.append(HALL, [bookingCancelled(4, 'b-1', HALL)]);
    await store.close();
    const before = (await bothContents(dataDir, schema.url)).db;

    const refused = await migrate(dataDir, schema.url);
    const afterRefusal = (await bothContents(dataDir, schema.url)).db;
    const forced = await migrate(dataDir, schema.url, '--force');

    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(new RegExp(`bookings ${HALL}: the database holds something else`));
    expect(afterRefusal).toEqual(before);
    expect(forced.code, forced.out).toBe(0);
    expect(forced.out).toMatch(new RegExp(`bookings ${HALL}: 4 event\\(s\\) replaced`));
    const { folder, db } = await bothContents(dataDir, schema.url);
    expect(db).toEqual(folder);
    expect(db.bookings.map((e) => e.rev)).toEqual([1, 2, 3, 4]);
  });

  it('when endpoints have delivery state and logs, then they are copied (same cursor, same log), again is a no-op, and a differing one needs --force', async () => {
    const { schema, dataDir } = await fixture();
    const folder = await openEmbeddedStore(dataDir, {
      log: () => undefined,
      initialConfig: defaultConfig,
    });
    const endpoint = (id: string) => ({
      id,
      hallId: HALL,
      name: `Belediye ${id}`,
      url: 'https://ornek.bel.tr/kanca',
      events: ['ticket.issued' as const],
      personalData: false,
      active: true,
      secret: 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3I',
      createdAt: 1,
    });
    await folder.config.update((d) => void (d.webhooks = [endpoint('wh-1'), endpoint('wh-new')]));
    await folder.webhooks.writeState(webhookState('wh-1', 42, { lastError: 'HTTP 503 — meşgul' }));
    for (let i = 1; i <= 3; i++) await folder.webhooks.appendLog('wh-1', logEntry(i));
    await folder.close();

    const run = await migrate(dataDir, schema.url);
    const again = await migrate(dataDir, schema.url);

    expect(run.code, run.out).toBe(0);
    expect(run.out).toMatch(/webhook wh-1: state and 3 logged tries copied/);
    expect(run.out).not.toMatch(/webhook wh-new/);
    expect(again.out).toMatch(/webhook wh-1: already there/);
    const db = await openPostgresStore(schema.url, {
      log: () => undefined,
      initialConfig: defaultConfig,
    });
    try {
      expect(await db.webhooks.readState('wh-1')).toEqual(
        webhookState('wh-1', 42, { lastError: 'HTTP 503 — meşgul' }),
      );
      expect(await db.webhooks.readLog('wh-1', 10)).toEqual([
        logEntry(3),
        logEntry(2),
        logEntry(1),
      ]);
      // The database's endpoint moves on; the folder's copy is now another one.
      await db.webhooks.writeState(webhookState('wh-1', 43));
    } finally {
      await db.close();
    }
    const refused = await migrate(dataDir, schema.url);
    const forced = await migrate(dataDir, schema.url, '--force');

    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/webhook wh-1: the database holds something else/);
    expect(forced.code, forced.out).toBe(0);
    expect(forced.out).toMatch(/webhook wh-1: state and 3 logged tries replaced/);
  });

  it('when a server still runs on the folder, then it refuses', async () => {
    const { schema, dataDir } = await fixture();
    const running = await openEmbeddedStore(dataDir, {
      log: () => undefined,
      initialConfig: defaultConfig,
    });
    cleanups.push(() => running.close());

    const run = await migrate(dataDir, schema.url);

    expect(run.code).toBe(1);
    expect(run.out).toMatch(/Another Sıramatik process/);
  });

  it('when a server starts on the migrated database, then its tickets and users are there', async () => {
    const { schema, dataDir, tickets, clerk } = await fixture();
    await migrate(dataDir, schema.url);
    const node = await startNode('migrated', {
      DATABASE_URL: schema.url,
      REDIS_URL: redisUrl(),
      REDIS_PREFIX: uniqueName('sm-migrate'),
    });
    cleanups.push(async () => {
      node.child.kill('SIGKILL');
      await node.exited;
    });

    for (const t of tickets) {
      const r = await request<TicketStatusView>(node.url, 'GET', `/api/tickets/${t.code}`);
      expect(r.status).toBe(200);
      expect(r.body.number).toBe(t.number);
    }
    const login = await request(
      node.url,
      'POST',
      '/api/auth/login',
      {},
      {
        username: 'ayse',
        password: clerk.password,
      },
    );
    expect(login.status).toBe(200);
    expect(node.output()).not.toMatch(/admin password:|pairing link:/);
  });
});
