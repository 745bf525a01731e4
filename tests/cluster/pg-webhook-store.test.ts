import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WEBHOOK_LIMITS } from '../../contract/webhooks.js';
import type { PostgresStoreOptions } from '../../server/src/store/postgres/open-postgres-store.js';
import { openPostgresStore } from '../../server/src/store/postgres/open-postgres-store.js';
import {
  PgWebhookLease,
  WEBHOOK_LEASE_CLASS,
} from '../../server/src/store/postgres/pg-webhook-lease.js';
import type { Store } from '../../server/src/store/store.js';
import { makeConfig } from '../integration/store-fixtures.js';
import { describeWebhookStoreContract, logEntry } from '../integration/webhook-store-contract.js';
import { databaseUrl, eventually, freshSchema, sql, type TestSchema } from './cluster-support.js';

// The webhook store on PostgreSQL: the contract every store keeps, then the lease between
// several servers on one database, which only this store has to earn.

const root = path.resolve(import.meta.dirname, '../..');
const quiet: PostgresStoreOptions = { log: () => undefined, initialConfig: makeConfig };

describeWebhookStoreContract('postgres', async () => {
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

const schemas: TestSchema[] = [];
const opened: Store[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await Promise.allSettled(opened.splice(0).map((s) => s.close()));
  await Promise.all(schemas.splice(0).map((s) => s.drop()));
});

async function newSchema(): Promise<TestSchema> {
  const schema = await freshSchema();
  schemas.push(schema);
  return schema;
}

/** A store on `schema`, as one server process would open it. */
async function server(schema: TestSchema, logs: string[] = []): Promise<Store> {
  const store = await openPostgresStore(schema.url, { ...quiet, log: (m) => logs.push(m) });
  opened.push(store);
  return store;
}

/** The backends holding the webhook lease of `schema` (pg_locks, as an operator would look). */
/** The lease's own connection, as far as this test asks it. */
interface LeaseSession {
  query(text: string): Promise<{ rows: Array<Record<string, string>> }>;
}

async function leaseHolders(schema: TestSchema): Promise<number[]> {
  const rows = await sql<{ pid: number }>(
    databaseUrl(),
    `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 2
       AND classid = $1::bigint::oid AND objid = hashtext($2)::oid`,
    [WEBHOOK_LEASE_CLASS, schema.name],
  );
  return rows.map((r) => r.pid);
}

/** Resolves once `acquire` succeeds, failing after `timeoutMs`; resolves to the time it took. */
async function takesOver(store: Store, timeoutMs: number): Promise<number> {
  const start = Date.now();
  await eventually(() => store.webhooks.lease.acquire(), timeoutMs);
  return Date.now() - start;
}

describe('postgres webhook log table', () => {
  it('when more tries are logged than are kept, then the table holds only the kept ones, per endpoint', async () => {
    const schema = await newSchema();
    const store = await server(schema);
    await store.webhooks.appendLog('wh-2', logEntry(0));

    for (let i = 1; i <= WEBHOOK_LIMITS.logEntries + 25; i++)
      await store.webhooks.appendLog('wh-1', logEntry(i));

    const rows = await sql<{ endpoint_id: string; n: number }>(
      schema.url,
      'SELECT endpoint_id, count(*)::integer AS n FROM webhook_log GROUP BY 1 ORDER BY 1',
    );
    expect(rows).toEqual([
      { endpoint_id: 'wh-1', n: WEBHOOK_LIMITS.logEntries },
      { endpoint_id: 'wh-2', n: 1 },
    ]);
  });
});

describe('postgres webhook lease: one deliverer among several servers', () => {
  it('when one server holds the lease, then another cannot take it until it is released', async () => {
    const schema = await newSchema();
    const [a, b] = [await server(schema), await server(schema)];

    expect(await a.webhooks.lease.acquire()).toBe(true);
    expect(await b.webhooks.lease.acquire()).toBe(false);
    expect(b.webhooks.lease.held).toBe(false);
    expect(await a.webhooks.lease.acquire()).toBe(true);
    expect(await leaseHolders(schema)).toHaveLength(1);

    await a.webhooks.lease.release();

    expect(a.webhooks.lease.held).toBe(false);
    expect(await b.webhooks.lease.acquire()).toBe(true);
    expect(await a.webhooks.lease.acquire()).toBe(false);
  });

  it('when two installs share a database in different schemas, then each has its own lease', async () => {
    const [x, y] = [await newSchema(), await newSchema()];

    expect(await (await server(x)).webhooks.lease.acquire()).toBe(true);
    expect(await (await server(y)).webhooks.lease.acquire()).toBe(true);
  });

  it("when the holder's connection is terminated, then it sees the lease lost and another server takes it within seconds; it can take it again later", async () => {
    const schema = await newSchema();
    const logs: string[] = [];
    const [a, b] = [await server(schema, logs), await server(schema)];
    await a.webhooks.lease.acquire();
    const [pid] = await leaseHolders(schema);

    await sql(databaseUrl(), 'SELECT pg_terminate_backend($1)', [pid]);

    await eventually(async () => !a.webhooks.lease.held, 3000);
    expect(logs.join('\n')).toMatch(/lost/);
    expect(await takesOver(b, 3000)).toBeLessThan(3000);
    expect(await a.webhooks.lease.acquire()).toBe(false);
    await b.webhooks.lease.release();
    expect(await a.webhooks.lease.acquire()).toBe(true);
    // What the lost holder wrote is there for the next one.
    await a.webhooks.appendLog('wh-1', logEntry(1));
    expect(await b.webhooks.readLog('wh-1', 5)).toEqual([logEntry(1)]);
  });

  it('when the holding server process is killed (SIGKILL), then another server takes the lease within seconds', async () => {
    const schema = await newSchema();
    const b = await server(schema);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'tests/cluster/webhook-lease-holder.ts')],
      { cwd: root, env: { ...process.env, DATABASE_URL: schema.url } },
    );
    children.push(child);
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    await eventually(async () => out.includes('held'), 30_000).catch(() => {
      throw new Error(`the holder did not start: ${out}`);
    });
    expect(out).toBe('held\n');
    expect(await b.webhooks.lease.acquire()).toBe(false);

    child.kill('SIGKILL');

    expect(await takesOver(b, 5000)).toBeLessThan(5000);
    expect(b.webhooks.lease.held).toBe(true);
  });

  it("when the holder's machine dies without closing TCP, then PostgreSQL gives up on its lease connection within seconds, not hours (keepalive settings of the lease session)", async () => {
    const schema = await newSchema();
    const lease = new PgWebhookLease(schema.url, () => undefined);
    try {
      expect(await lease.acquire()).toBe(true);
      // The lease's own session (its client is private: this test looks inside).
      const client = (lease as unknown as { client: LeaseSession }).client;
      const show = async (name: string) => (await client.query(`SHOW ${name}`)).rows[0]![name];
      expect(await show('tcp_keepalives_idle')).toBe('10');
      expect(await show('tcp_keepalives_interval')).toBe('5');
      expect(await show('tcp_keepalives_count')).toBe('3');
      expect(await show('tcp_user_timeout')).toBe('20000');
      // The URL's own options (the schema) are kept beside them.
      expect(await show('search_path')).toBe(schema.name);
    } finally {
      await lease.close();
    }
  });

  it('when the database cannot be reached, then acquire answers false and logs it once, without throwing', async () => {
    const logs: string[] = [];
    const lease = new PgWebhookLease('postgres://postgres@127.0.0.1:1/none', (m) => logs.push(m));

    expect(await lease.acquire()).toBe(false);
    expect(await lease.acquire()).toBe(false);

    expect(lease.held).toBe(false);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/Webhook lease: PostgreSQL could not be asked/);
    await lease.close();
  });
});
