// A real server process for the crash test: the product's own createApp on the embedded
// store, on a free port, printing `port=N` once it listens. The test kills it with SIGKILL.
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/src/app.js';
import { defaultConfig } from '../../server/src/config/default-config.js';
import { openEmbeddedStore } from '../../server/src/store/embedded/open-embedded-store.js';

const dataDir = process.env.DATA_DIR!;
const store = await openEmbeddedStore(dataDir, {
  log: (m) => console.error(m),
  initialConfig: defaultConfig,
});
const app = await createApp({
  store,
  publicUrl: 'http://127.0.0.1',
  log: (m) => console.error(m),
  rateLimits: { loginPerMinute: 100_000, issuePerMinute: 100_000 },
});
app.httpServer.listen(0, '127.0.0.1', () => {
  console.log(`port=${(app.httpServer.address() as AddressInfo).port}`);
});
