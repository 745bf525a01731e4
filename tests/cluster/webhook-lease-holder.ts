// A server process that takes the webhook lease and then does nothing: the test kills it with
// SIGKILL, as a crash or the OOM killer would, and watches another server take over.
import { openPostgresStore } from '../../server/src/store/postgres/open-postgres-store.js';
import { makeConfig } from '../integration/store-fixtures.js';

const store = await openPostgresStore(process.env.DATABASE_URL!, {
  log: () => undefined,
  initialConfig: makeConfig,
});
const held = await store.webhooks.lease.acquire();
process.stdout.write(held ? 'held\n' : 'not held\n');
setInterval(() => undefined, 60_000);
