import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp, type App, type AppDeps } from '../../server/src/app.js';
import { addDevice, addUser } from '../../server/src/auth/users.js';
import { defaultConfig } from '../../server/src/config/default-config.js';
import type { ConfigData } from '../../server/src/config/config-data.js';
import type { Role } from '../../contract/domain.js';
import { openEmbeddedStore } from '../../server/src/store/embedded/open-embedded-store.js';

export interface TestServer {
  app: App;
  url: string;
  port: number;
  dataDir: string;
  kioskKey: string;
  displayKey: string;
  /** Adds a user to the running server's config; returns credentials. */
  addUser: (
    role: Role,
    username?: string,
  ) => Promise<{ id: string; username: string; password: string }>;
  /** Stops the server object (keeps the data folder). */
  stop: () => Promise<void>;
  /** Stops, then starts again from the same folder on the same port. */
  restart: () => Promise<void>;
  /** Stops and deletes the data folder. */
  dispose: () => Promise<void>;
}

export interface TestServerOptions extends Partial<Omit<AppDeps, 'store' | 'publicUrl'>> {
  config?: () => ConfigData;
  dataDir?: string;
}

let userSeq = 0;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** A real server on 127.0.0.1, port 0, with a temp data folder and a paired kiosk and display. */
export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'siramatik-test-')));
  const log = opts.log ?? (() => undefined);
  let port = 0;
  let app!: App;
  const boot = async () => {
    const store = await openEmbeddedStore(dataDir, {
      log,
      initialConfig: opts.config ?? defaultConfig,
    });
    const publicUrl = `http://127.0.0.1:${port}`;
    app = await createApp({
      rateLimits: { loginPerMinute: 1000, issuePerMinute: 10_000 },
      ...opts,
      store,
      publicUrl,
      log,
    });
    await new Promise<void>((resolve) => app.httpServer.listen(port, '127.0.0.1', resolve));
    port = (app.httpServer.address() as AddressInfo).port;
  };
  // The public URL (in status links) must carry the real port, so pick a free one first.
  port = await freePort();
  await boot();

  const hallId = defaultConfig().halls[0]!.id;
  const now = Date.now();
  const server: TestServer = {
    get app() {
      return app;
    },
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    dataDir,
    kioskKey: '',
    displayKey: '',
    addUser: async (role, username) => {
      const name = username ?? `${role}${++userSeq}`;
      const { id, password } = await addUser(
        app.configStore,
        { username: name, role, hallId },
        Date.now(),
      );
      return { id, username: name, password };
    },
    stop: async () => {
      await app.close();
    },
    restart: async () => {
      await app.close();
      await boot();
    },
    dispose: async () => {
      await app.close().catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  server.kioskKey = (
    await addDevice(app.configStore, { kind: 'kiosk', hallId, name: 'Test kiosk' }, now)
  ).key;
  server.displayKey = (
    await addDevice(app.configStore, { kind: 'display', hallId, name: 'Test display' }, now)
  ).key;
  return server;
}
