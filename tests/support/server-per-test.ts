import { afterEach, beforeEach } from 'vitest';
import { startTestServer, type TestServer } from './test-server.js';

/** Something a test opened that must be closed after it (a socket). */
type Closable = { close: () => void };

/**
 * Starts a fresh test server before each test of the calling `describe` and, after it, closes
 * the sockets handed to the returned `track` and disposes the server. The file keeps its own
 * `server` variable through `set` and `get`, so a test may swap in another server (the one `get`
 * returns afterwards is the one disposed).
 */
export function serverPerTest(server: {
  set: (s: TestServer) => void;
  get: () => TestServer;
}): <T extends Closable>(s: T) => T {
  const sockets: Closable[] = [];
  beforeEach(async () => {
    server.set(await startTestServer());
  });
  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.close());
    await server.get().dispose();
  });
  return (s) => (sockets.push(s), s);
}
