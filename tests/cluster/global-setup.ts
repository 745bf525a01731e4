// The cluster suite runs against a real PostgreSQL and Redis: without them it fails, plainly,
// instead of skipping (a skipped suite would look like a passing one).
import pg from 'pg';
import { createClient } from 'redis';

const EXAMPLE =
  'DATABASE_URL=postgres://postgres@127.0.0.1:5432/test REDIS_URL=redis://127.0.0.1:6379 npm run test:cluster';

export default async function setup(): Promise<void> {
  const missing = ['DATABASE_URL', 'REDIS_URL'].filter((name) => !process.env[name]);
  if (missing.length > 0)
    throw new Error(`The cluster suite needs ${missing.join(' and ')}; for example:\n  ${EXAMPLE}`);
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  try {
    await db.connect();
    await db.query('SELECT 1');
  } catch (err) {
    throw new Error(`The cluster suite cannot reach DATABASE_URL: ${(err as Error).message}`, {
      cause: err,
    });
  } finally {
    await db.end().catch(() => undefined);
  }
  const redis = createClient({ url: process.env.REDIS_URL });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    throw new Error(`The cluster suite cannot reach REDIS_URL: ${(err as Error).message}`, {
      cause: err,
    });
  } finally {
    redis.destroy();
  }
}
