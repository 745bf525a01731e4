import { afterEach, describe, expect, it } from 'vitest';
import type { PostgresStoreOptions } from '../../server/src/store/postgres/open-postgres-store.js';
import { openPostgresStore } from '../../server/src/store/postgres/open-postgres-store.js';
import { JournalConflictError } from '../../server/src/store/journal-conflict.js';
import type { Store } from '../../server/src/store/store.js';
import {
  bookingCancelled,
  bookingMade,
  issued,
  makeConfig,
} from '../integration/store-fixtures.js';
import { until } from '../support/sockets.js';
import { freshSchema, sql, type TestSchema } from './cluster-support.js';

// The booking ledger shared by several servers on one PostgreSQL database. What every store
// does is in tests/integration/booking-ledger-contract.ts (run by postgres-store.test.ts).

const quiet: PostgresStoreOptions = { log: () => undefined, initialConfig: makeConfig };

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

describe('postgres booking ledger: several servers on one database', () => {
  it('when two servers take the same revision, then the later one gets JournalConflictError and none of its batch is kept', async () => {
    const schema = await newSchema();
    const [a, b] = [await server(schema), await server(schema)];
    await a.bookings.append('hall-a', [bookingMade(1, 'b-1')]);

    await a.bookings.append('hall-a', [bookingMade(2, 'b-a')]);
    const lost = b.bookings.append('hall-a', [bookingMade(2, 'b-b'), bookingCancelled(3, 'b-b')]);

    await expect(lost).rejects.toBeInstanceOf(JournalConflictError);
    expect(await b.bookings.read('hall-a')).toEqual([bookingMade(1, 'b-1'), bookingMade(2, 'b-a')]);
  });

  it('when two servers race for the same revisions many times, then exactly one of each pair is stored and the other is a conflict', async () => {
    const schema = await newSchema();
    const [a, b] = [await server(schema), await server(schema)];

    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => [
        a.bookings.append('hall-a', [bookingMade(i + 1, `a-${i + 1}`)]),
        b.bookings.append('hall-a', [bookingMade(i + 1, `b-${i + 1}`)]),
      ]).flat(),
    );

    const stored = await a.bookings.read('hall-a');
    expect(stored.map((e) => e.rev)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    for (let i = 0; i < 40; i++) {
      const pair = [outcomes[2 * i]!, outcomes[2 * i + 1]!];
      expect(pair.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
      const winner = pair[0]!.status === 'fulfilled' ? 'a' : 'b';
      expect(stored[i]).toEqual(bookingMade(i + 1, `${winner}-${i + 1}`));
      const loser = pair.find((o) => o.status === 'rejected') as PromiseRejectedResult;
      expect(loser.reason).toBeInstanceOf(JournalConflictError);
    }
  });

  it('when a booking id is made again at a new revision, then the guard refuses it, not as a conflict', async () => {
    const schema = await newSchema();
    const store = await server(schema);
    await store.bookings.append('hall-a', [bookingMade(1, 'b-1')]);

    const duplicate = store.bookings.append('hall-a', [bookingMade(2, 'b-1')]);

    await expect(duplicate).rejects.toThrow(/booking_events_made/);
    await expect(duplicate).rejects.not.toBeInstanceOf(JournalConflictError);
    expect(await store.bookings.read('hall-a')).toEqual([bookingMade(1, 'b-1')]);
  });

  it("when another server appends, then watch tells this one about that hall only, and a server's own appends are not told", async () => {
    const schema = await newSchema();
    const [a, b] = [await server(schema), await server(schema)];
    const heardByA: string[] = [];
    const heardByB: string[] = [];
    a.bookings.watch!('hall-a', () => heardByA.push('hall-a'));
    b.bookings.watch!('hall-a', () => heardByB.push('hall-a'));
    b.bookings.watch!('hall-b', () => heardByB.push('hall-b'));

    await a.bookings.append('hall-a', [bookingMade(1, 'b-1')]);
    await until(() => heardByB.length === 1);
    // The journal of the same hall is another stream: its appends are not the ledger's.
    await a.journal.append('hall-a', '2025-03-14', [issued(1)]);
    await new Promise((r) => setTimeout(r, 100));

    expect(heardByB).toEqual(['hall-a']);
    expect(heardByA).toEqual([]);
    expect(await b.bookings.readAfter('hall-a', 0)).toEqual([bookingMade(1, 'b-1')]);
  });

  it('when the notification connection is cut, then the watchers are told to look again once it is back', async () => {
    const schema = await newSchema();
    const logs: string[] = [];
    const a = await server(schema, { log: (m) => logs.push(m) });
    const b = await server(schema);
    let told = 0;
    a.bookings.watch!('hall-a', () => told++);

    await sql(
      schema.url,
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = $1 AND pid <> pg_backend_pid()',
      [`LISTEN "siramatik_${schema.name}"`],
    );
    await until(() => logs.some((m) => m.includes('notifications lost')));
    await b.bookings.append('hall-a', [bookingMade(1, 'b-missed')]);
    await until(() => logs.some((m) => m.includes('notifications restored')), 10_000);
    await until(() => told >= 1);

    expect(await a.bookings.read('hall-a')).toEqual([bookingMade(1, 'b-missed')]);
  });

  it('when a database from before the ledger is opened, then migration 2 adds it and the journal is kept', async () => {
    const schema = await newSchema();
    const first = await server(schema);
    await first.journal.append('hall-a', '2025-03-14', [issued(1)]);
    await first.close();
    await sql(schema.url, 'DROP TABLE booking_events');
    await sql(schema.url, 'DELETE FROM schema_migrations WHERE id = 2');
    const logs: string[] = [];

    const upgraded = await server(schema, { log: (m) => logs.push(m) });
    await upgraded.bookings.append('hall-a', [bookingMade(1, 'b-1')]);

    expect(logs.filter((m) => m.includes('applied migration 2 (booking ledger)'))).toHaveLength(1);
    expect(await upgraded.bookings.read('hall-a')).toEqual([bookingMade(1, 'b-1')]);
    expect((await upgraded.journal.read('hall-a', '2025-03-14')).events).toEqual([issued(1)]);
  });
});
