import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A schema of its own in DATABASE_URL's database, and the URL that uses it. */
export interface TestSchema {
  name: string;
  url: string;
  drop: () => Promise<void>;
}

export function databaseUrl(): string {
  return process.env.DATABASE_URL!;
}

export function redisUrl(): string {
  return process.env.REDIS_URL!;
}

/** A name nothing else uses: the pid and random bytes. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** `url` with its search_path set to `schema` (a libpq startup option). */
export function withSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

/** Runs one statement on DATABASE_URL with a short-lived connection. */
export async function sql<R extends pg.QueryResultRow = pg.QueryResultRow>(
  url: string,
  text: string,
  params: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** Creates a fresh, empty schema; `drop` removes it with everything in it. */
export async function freshSchema(): Promise<TestSchema> {
  const name = uniqueName('sm_test');
  await sql(databaseUrl(), `CREATE SCHEMA ${name}`);
  return {
    name,
    url: withSchema(databaseUrl(), name),
    drop: async () => {
      await sql(databaseUrl(), `DROP SCHEMA IF EXISTS ${name} CASCADE`);
    },
  };
}

/** Waits until the async `check` holds (a state another server reaches soon after). */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
