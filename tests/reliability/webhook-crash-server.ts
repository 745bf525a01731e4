// A real server process for the webhook crash test: the product's createApp on the embedded
// store, delivering to 127.0.0.1 (allowed, as WEBHOOK_ALLOW would), printing `port=N` once it
// listens. The test kills it with SIGKILL while a delivery is in flight.
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/src/app.js';
import { defaultConfig } from '../../server/src/config/default-config.js';
import { openEmbeddedStore } from '../../server/src/store/embedded/open-embedded-store.js';
import { parseWebhookAllowList } from '../../server/src/webhooks/webhook-address-policy.js';

const store = await openEmbeddedStore(process.env.DATA_DIR!, {
  log: (m) => console.error(m),
  initialConfig: defaultConfig,
});
const app = await createApp({
  store,
  publicUrl: 'http://127.0.0.1',
  log: (m) => console.error(m),
  webhooks: { allow: parseWebhookAllowList('127.0.0.1') },
});
app.httpServer.listen(0, '127.0.0.1', () => {
  console.log(`port=${(app.httpServer.address() as AddressInfo).port}`);
});
