import { afterEach, describe, expect, it } from 'vitest';
import type { RevEvent } from '../../contract/events.js';
import { JournalConflictError } from '../../server/src/store/journal-conflict.js';
import type { PostgresStoreOptions } from '../../server/src/store/postgres/open-postgres-store.js';
import { openPostgresStore } from '../../server/src/store/postgres/open-postgres-store.js';
import type { Store } from '../../server/src/store/store.js';
import { describeStoreContract } from '../integration/store-contract.js';
import {
  completedWithNote,
  issued,
  makeConfig,
  makeSession,
} from '../integration/store-fixtures.js';
import { until } from '../support/sockets.js';
import { freshSchema, sql, type TestSchema } from './cluster-support.js';

const DAY = '2025-03-14';
const quiet: PostgresStoreOptions = { log: () => undefined, initialConfig: makeConfig };

describeStoreContract('postgres', async () => {
  const schema = await freshSchema();
  let store = await openPostgresStore(schema.url, quiet);
  const subject = {
    store,
    reopen: async () => {
      await store.close();
      store = await openPostgresStore(schema.url, quiet);
      subject.store = store;
      return store;
    },
    cleanup: async () => {
      await store.close();
      await schema.drop();
    },
  };
  return subject;
});

/** Each test's schemas and stores ("servers"), closed and dropped afterwards. */
const schemas: TestSchema[] = [];
const opened: Store[] = [];
afterEach(async () => {
  await Promise.allSettled(opened.splice(0).map((s) => s.close()));
  await Promise.all(schemas.splice(0).map((s) => s.drop()));
});

async function newSchema(): Promise<TestSchema> {
  const schema = await freshSchema();
  schemas.push(schema);
  return schema;
}

/** A store on `schema`, as one server process would open it. */
async function server(schema: TestSchema, extra: Partial<PostgresStoreOptions> = {}) {
  const store = await openPostgresStore(schema.url, { ...quiet, ...extra });
  opened.push(store);
  return store;
}

function calledEvent(rev: number, ticketRev: number): RevEvent {
  return {
    type: 'ticket:called',
    rev,
    hallId: 'hall-a',
    at: 1_700_000_000_000 + rev * 1000,
    ticketId: `t-${ticketRev}`,
    counterId: 'ctr-1',
    clerkId: 'usr-1',
    idleMs: 0,
  };
}

describe('postgres store: several servers on one database', () => {
  it('when two servers append the same revision, then the later one gets a JournalConflictError and none of its batch is kept', async () => {
    const schema = await newSchema();
    const [a, b] = [await server(schema), await server(schema)];
    await a.journal.append('hall-a', DAY, [issued(1)]);

    await a.journal.append('hall-a', DAY, [issued(2)]);
    const lost = b.journal.append('hall-a', DAY, [calledEvent(2, 1), calledEvent(3, 1)]);

    await expect(lost).rejects.toBeInstanceOf(JournalConflictError);
    expect((await b.journal.read('hall-a', DAY)).events).toEqual([issued(1), issued(2)]);
  });

  it('when both servers race for the same revisions many times, then each revision is stored once, from one of them', async () => {
    const schema = await newSchema();
    const [a, b] = [await server(schema), await server(schema)];

    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => [
        a.journal.append('hall-a', DAY, [{ ...issued(i + 1), at: 1 }]),
        b.journal.append('hall-a', DAY, [{ ...issued(i + 1), at: 2 }]),
      ]).flat(),
    );

    const stored = (await a.journal.read('hall-a', DAY)).events;
    expect(stored.map((e) => e.rev)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const rejected = outcomes.filter((o) => o.status === 'rejected');
    expect(rejected).toHaveLength(40);
    for (const r of rejected) expect(r.reason).toBeInstanceOf(JournalConflictError);
  });

  it('when a ticket number is journalled again at a new revision, then the numbering guard refuses it, not as a conflict', async () => {
    const schema = await newSchema();
    const store = await server(schema);
    await store.journal.append('hall-a', DAY, [issued(1)]);

    const duplicate = store.journal.append('hall-a', DAY, [
      { ...issued(2), seq: 1, number: 'V001', ticketId: 't-other' } as RevEvent,
    ]);

    await expect(duplicate).rejects.toThrow(/events_ticket_number/);
    await expect(duplicate).rejects.not.toBeInstanceOf(JournalConflictError);
    expect((await store.journal.read('hall-a', DAY)).events).toEqual([issued(1)]);
  });

  it('when another server appends, then watch tells this one the hall and day, and its own appends are not told', async () => {
    const schema = await newSchema();
    const [a, b] = [await server(schema), await server(schema)];
    const heardByA: string[] = [];
    const heardByB: string[] = [];
    a.journal.watch!('hall-a', (day) => heardByA.push(day));
    b.journal.watch!('hall-a', (day) => heardByB.push(day));

    await a.journal.append('hall-a', DAY, [issued(1)]);
    await b.journal.append('hall-b', DAY, [issued(1, 'hall-b')]);
    await until(() => heardByB.length === 1);
    await new Promise((r) => setTimeout(r, 100));

    expect(heardByB).toEqual([DAY]);
    expect(heardByA).toEqual([]);
  });

  it('when events are read after a revision, then only the later ones come back, in order', async () => {
    const schema = await newSchema();
    const store = await server(schema);
    await store.journal.append('hall-a', DAY, [issued(1), issued(2), issued(3)]);

    expect(await store.journal.readAfter!('hall-a', DAY, 1)).toEqual([issued(2), issued(3)]);
    expect(await store.journal.readAfter!('hall-a', DAY, 3)).toEqual([]);
  });

  it('when another server changes the config, then read here returns the change soon after, and the next update builds on it', async () => {
    const schema = await newSchema();
    const [a, b] = [await server(schema), await server(schema)];

    await a.config.update((d) => void (d.halls[0]!.name = 'Yenimahalle'));
    await until(() => b.config.read().halls[0]!.name === 'Yenimahalle');
    await b.config.update(
      (d) => void d.audit.push({ at: 1, userId: 'u', action: 'x', detail: '' }),
    );
    await until(() => a.config.read().audit.length === 1);

    expect(a.config.read()).toEqual(b.config.read());
    expect(b.config.read().halls[0]!.name).toBe('Yenimahalle');
  });

  it('when two servers update the config at once, then no update is lost', async () => {
    const schema = await newSchema();
    const [a, b] = [await server(schema), await server(schema)];

    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? a : b).config.update((d) => {
          d.audit.push({ at: i, userId: 'u', action: 'step', detail: String(i) });
        }),
      ),
    );
    await until(() => a.config.read().audit.length === 10 && b.config.read().audit.length === 10);

    expect(
      a.config
        .read()
        .audit.map((x) => x.detail)
        .sort(),
    ).toEqual(Array.from({ length: 10 }, (_, i) => String(i)).sort());
  });

  it('when a session is put on one server, then the other finds it, and not after it is deleted', async () => {
    const schema = await newSchema();
    const [a, b] = [await server(schema), await server(schema)];
    const later = Date.now() + 3600_000;

    await a.sessions.put(makeSession('hash-1', 'usr-1', later));
    await a.sessions.put(makeSession('hash-2', 'usr-2', later));
    await until(
      () => b.sessions.get('hash-1') !== undefined && b.sessions.get('hash-2') !== undefined,
    );
    await b.sessions.delete('hash-1');
    await b.sessions.deleteForUser('usr-2');
    await until(
      () => a.sessions.get('hash-1') === undefined && a.sessions.get('hash-2') === undefined,
    );

    expect(b.sessions.get('hash-1')).toBeUndefined();
    expect(await sql(schema.url, 'SELECT id_hash FROM sessions')).toEqual([]);
  });

  it('when another database role sends a forged notice, then no session appears from it', async () => {
    const schema = await newSchema();
    const store = await server(schema);
    const channel = `siramatik_${schema.name}`;
    const forged = makeSession('forged', 'usr-1', Date.now() + 3600_000);
    await sql(schema.url, 'SELECT pg_notify($1, $2)', [
      channel,
      JSON.stringify({ k: 'session', o: 'intruder', idHash: 'forged' }),
    ]);
    await sql(schema.url, 'SELECT pg_notify($1, $2)', [
      channel,
      JSON.stringify({ k: 'session-put', o: 'intruder', session: forged }),
    ]);
    await store.sessions.put(makeSession('real', 'usr-1', Date.now() + 3600_000));
    const other = await server(schema);
    const extended = store.sessions.get('real')!.expiresAt + 1;
    await sql(schema.url, 'UPDATE sessions SET expires_at = expires_at + 1');
    await sql(schema.url, 'SELECT pg_notify($1, $2)', [
      channel,
      JSON.stringify({ k: 'session', o: 'intruder', idHash: 'real' }),
    ]);
    // The notice is only a hint: the stores read the row itself.
    await until(() => other.sessions.get('real')?.expiresAt === extended);

    expect(store.sessions.get('forged')).toBeUndefined();
    expect(other.sessions.get('forged')).toBeUndefined();
  });

  it('when the notification connection is cut, then the store reconnects and catches up with what it missed', async () => {
    const schema = await newSchema();
    const logs: string[] = [];
    const a = await server(schema, { log: (m) => logs.push(m) });
    const b = await server(schema);
    const heard: string[] = [];
    a.journal.watch!('hall-a', (day) => heard.push(day));

    await sql(
      schema.url,
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = $1 AND pid <> pg_backend_pid()',
      [`LISTEN "siramatik_${schema.name}"`],
    );
    await until(() => logs.some((m) => m.includes('notifications lost')));
    await b.journal.append('hall-a', DAY, [issued(1)]);
    await b.config.update((d) => void (d.halls[0]!.name = 'Missed while away'));
    await until(() => logs.some((m) => m.includes('notifications restored')), 10_000);
    await until(
      () => heard.includes(DAY) && a.config.read().halls[0]!.name === 'Missed while away',
    );

    await b.journal.append('hall-a', DAY, [issued(2)]);
    await until(() => heard.length >= 2);
    expect(heard.every((d) => d === DAY)).toBe(true);
  });

  it('when two servers open an empty schema at once, then each migration runs once and both start', async () => {
    const schema = await newSchema();
    const logs: string[] = [];

    const both = await Promise.all(
      [1, 2, 3].map(() => server(schema, { log: (m) => logs.push(m) })),
    );

    expect(both).toHaveLength(3);
    expect(logs.filter((m) => m.includes('applied migration 1'))).toHaveLength(1);
    expect(logs.filter((m) => m.includes('applied migration 2'))).toHaveLength(1);
    expect(logs.filter((m) => m.includes('applied migration 3'))).toHaveLength(1);
    const rows = await sql<{ id: number }>(
      schema.url,
      'SELECT id FROM schema_migrations ORDER BY id',
    );
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(await sql(schema.url, 'SELECT id FROM config')).toEqual([{ id: 1 }]);
  });

  it('when the schema was migrated by a newer server, then open refuses with a clear message', async () => {
    const schema = await newSchema();
    await (await server(schema)).close();
    await sql(schema.url, "INSERT INTO schema_migrations (id, name) VALUES (999, 'future')");

    await expect(openPostgresStore(schema.url, quiet)).rejects.toThrow(
      /at migration 999, newer than this server knows/,
    );
  });

  it('when a day is closed, then blankNotes blanks its notes and rating comments and counts them', async () => {
    const schema = await newSchema();
    const store = await server(schema);
    const rated = {
      type: 'ticket:rated',
      hallId: 'hall-a',
      ticketId: 't-1',
      at: completedWithNote(2).at + 1,
      rating: 2,
      note: 'Memur çok yavaştı',
      rev: 3,
    } as const;
    await store.journal.append('hall-a', DAY, [issued(1), completedWithNote(2), rated]);

    const blanked = await store.journal.blankNotes!('hall-a', DAY);

    expect(blanked).toBe(2);
    const { events } = await store.journal.read('hall-a', DAY);
    expect(events[1]).toEqual({ ...completedWithNote(2), note: null });
    expect(events[2]).toEqual({ ...rated, note: null });
    expect(await store.journal.blankNotes!('hall-a', DAY)).toBe(0);
  });
});

describe('postgres store: history queries use indexes', () => {
  it('when a year of days is stored for several halls, then listing and reading days walk the primary keys', async () => {
    const schema = await newSchema();
    const store = await server(schema);
    await sql(
      schema.url,
      `INSERT INTO day_summaries (hall_id, day, version, closed_at, last_rev, summary)
       SELECT 'hall-' || h, DATE '2024-01-01' + d, 2, 0, 0, '{}'::jsonb
       FROM generate_series(1, 20) h, generate_series(0, 364) d`,
    );
    await sql(
      schema.url,
      `INSERT INTO events (hall_id, day, rev, type, at, payload)
       SELECT 'hall-' || h, DATE '2024-01-01' + d, r, 'counter:opened', 0, '{}'::jsonb
       FROM generate_series(1, 20) h, generate_series(0, 364) d, generate_series(1, 20) r`,
    );
    await sql(schema.url, 'ANALYZE day_summaries; ANALYZE events');
    const plan = async (query: string, params: unknown[]) =>
      (await sql<{ 'QUERY PLAN': string }>(schema.url, `EXPLAIN ${query}`, params))
        .map((r) => r['QUERY PLAN'])
        .join('\n');

    const summaryDays = await plan(
      "SELECT to_char(day, 'YYYY-MM-DD') FROM day_summaries WHERE hall_id = $1 ORDER BY day",
      ['hall-7'],
    );
    const summaryRange = await plan(
      'SELECT summary FROM day_summaries WHERE hall_id = $1 AND day BETWEEN $2 AND $3',
      ['hall-7', '2024-03-01', '2024-03-31'],
    );
    const journalDay = await plan(
      'SELECT payload FROM events WHERE hall_id = $1 AND day = $2::date AND rev > $3 ORDER BY rev',
      ['hall-7', '2024-03-01', 0],
    );

    for (const p of [summaryDays, summaryRange, journalDay]) {
      expect(p).toMatch(
        /(Index (Only )?Scan using|Bitmap Index Scan on) (day_summaries|events)_pkey/,
      );
      expect(p).not.toMatch(/Seq Scan/);
    }
    expect((await store.summaries.days('hall-7')).length).toBe(365);
    const days = await store.journal.days('hall-7');
    expect(days).toHaveLength(365);
    expect(days[0]).toBe('2024-01-01');
  });
});
