// A bench child: the product server (createApp with an embedded store in a temp folder), alone
// in its process so the load generator never shares its event loop. Reports its event-loop
// delay and RSS over IPC; nothing here is part of the product.
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '../../server/src/app.js';
import { hashPassword } from '../../server/src/auth/secrets.js';
import { addDevice } from '../../server/src/auth/users.js';
import type { ConfigData } from '../../server/src/config/config-data.js';
import { defaultConfig } from '../../server/src/config/default-config.js';
import { nodeJournalFileSystem } from '../../server/src/store/embedded/journal-fs.js';
import {
  openEmbeddedStore,
  type JournalFileSystem,
} from '../../server/src/store/embedded/open-embedded-store.js';
import { childOptions, serveParent } from './child-ipc.js';
import { FsyncTimer } from './fsync-timer.js';

export interface ProductServerOptions {
  /** Counters in the hall (`banko-1` …), each with a signed-up clerk. Default 6. */
  counters?: number;
}

export interface Clerk {
  username: string;
  password: string;
  counterId: string;
}

export interface ProductServerReady {
  port: number;
  hallId: string;
  kioskKey: string;
  displayKey: string;
  serviceIds: string[];
  clerks: Clerk[];
}

/** The default hall with `n` counters, covering services in the default pattern. */
function benchConfig(n: number): ConfigData {
  const config = defaultConfig();
  const pattern = config.counters;
  config.counters = Array.from({ length: n }, (_, i) => ({
    ...pattern[i % pattern.length]!,
    id: `banko-${i + 1}`,
    number: i + 1,
    name: `Banko ${i + 1}`,
  }));
  return config;
}

const opts = childOptions<ProductServerOptions>();
const counters = opts.counters ?? 6;
const dataDir = await mkdtemp(path.join(tmpdir(), 'siramatik-bench-'));
let stopping = false;
// Requests still queued when the bench stops fail against the closed journal: not news.
const log = (msg: string) => {
  if (!stopping) console.error(`[product-server] ${msg}`);
};
const fsync = new FsyncTimer();
// The product's own journal file system, with each fdatasync timed.
const journalFileSystem: JournalFileSystem = {
  open: async (file, flags) => {
    const handle = await nodeJournalFileSystem.open(file, flags);
    return {
      write: (data) => handle.write(data),
      truncate: (length) => handle.truncate(length),
      close: () => handle.close(),
      datasync: () => fsync.time(() => handle.datasync()),
    };
  },
};
const store = await openEmbeddedStore(dataDir, {
  log,
  initialConfig: () => benchConfig(counters),
  journalFileSystem,
});
const built = await createApp({
  store,
  publicUrl: 'http://127.0.0.1',
  log,
  // The bench is one kiosk issuing thousands of tickets a minute, and a hundred clerks
  // signing in from one address: far past the limits a real hall needs. The sign-in flood
  // comes from one address too, as if from many: only the hashing gate stands in its way.
  rateLimits: {
    loginPerMinute: 1_000_000,
    issuePerMinute: 1_000_000_000,
    loginFailuresPerAddressPerMinute: 1_000_000_000,
  },
});
const config = built.configStore.read();
const hallId = config.halls[0]!.id;
const now = Date.now();
const kiosk = await addDevice(
  built.configStore,
  { kind: 'kiosk', hallId, name: 'Bench kiosk' },
  now,
);
const display = await addDevice(
  built.configStore,
  { kind: 'display', hallId, name: 'Bench display' },
  now,
);
// One scrypt hash shared by every clerk: hashing a hundred passwords would only slow the setup.
const password = 'bench-clerk-password';
const passwordHash = await hashPassword(password);
const clerks: Clerk[] = config.counters.map((c) => ({
  username: `clerk-${c.number}`,
  password,
  counterId: c.id,
}));
await built.configStore.update((d) => {
  for (const clerk of clerks) {
    d.users.push({
      id: `bench-${clerk.username}`,
      username: clerk.username,
      displayName: clerk.username,
      role: 'clerk',
      hallId,
      passwordHash,
      active: true,
      createdAt: now,
    });
  }
});
await new Promise<void>((resolve) => built.httpServer.listen(0, '127.0.0.1', resolve));

const ready: ProductServerReady = {
  port: (built.httpServer.address() as AddressInfo).port,
  hallId,
  kioskKey: kiosk.key,
  displayKey: display.key,
  serviceIds: config.services.map((s) => s.id),
  clerks,
};
serveParent(ready, fsync.handlers(), async () => {
  stopping = true;
  await built.close();
  built.httpServer.close();
  await rm(dataDir, { recursive: true, force: true });
});
