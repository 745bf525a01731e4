import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import type { DisplaySnapshot } from '../../contract/api.js';
import { DISPLAY_FEED_EVENTS, LiveFeed, type FeedStatus } from '../../contract/live-feed.js';
import type { DisplayDelta } from '../../contract/socket.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * A proxy in front of the server that passes HTTP requests on and, like some municipal and
 * hotel proxies, refuses WebSocket upgrades. Counts the upgrades it refused.
 */
async function upgradeRefusingProxy(target: string) {
  const { hostname, port } = new URL(target);
  let refused = 0;
  const proxy = http.createServer((req, res) => {
    const forward = http.request(
      { hostname, port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  proxy.on('upgrade', (_req, socket) => {
    refused++;
    socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    refused: () => refused,
    close: () => new Promise<void>((resolve) => proxy.close(() => resolve())),
  };
}

/** A display's feed against `baseUrl`; resolves with its first snapshot and the socket's transport. */
function followHall(baseUrl: string, key: string) {
  let socket: Socket | null = null;
  const statuses: FeedStatus[] = [];
  let feed: LiveFeed<DisplaySnapshot, DisplayDelta> | null = null;
  const firstSnapshot = new Promise<DisplaySnapshot>((resolve) => {
    feed = new LiveFeed<DisplaySnapshot, DisplayDelta>({
      open: (options) => {
        socket = io(`${baseUrl}/display`, { ...options, auth: { key }, forceNew: true });
        return socket;
      },
      events: DISPLAY_FEED_EVENTS,
      revOf: (s) => s.rev,
      refusedCodes: ['unauthenticated', 'forbidden'],
      onSnapshot: (s) => resolve(s),
      onStatus: (s) => statuses.push(s),
    });
    feed.start();
  });
  return {
    firstSnapshot,
    statuses,
    transport: () => socket?.io.engine?.transport.name,
    stop: () => feed?.stop(),
  };
}

describe('live feed transport policy against the real server', () => {
  let server: TestServer | undefined;
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
    await server?.dispose();
    server = undefined;
  });

  it('when nothing is in the way, then the feed runs over a WebSocket from the start', async () => {
    server = await startTestServer();
    const hall = followHall(server.url, server.displayKey);
    cleanups.push(hall.stop);

    const snapshot = await hall.firstSnapshot;

    expect(snapshot.hall.id).toBeTruthy();
    expect(hall.transport()).toBe('websocket');
    expect(hall.statuses).toContain('online');
  });

  it('when a proxy refuses WebSocket upgrades, then the feed falls back to long-polling and still gets its snapshot', async () => {
    server = await startTestServer();
    const proxy = await upgradeRefusingProxy(server.url);
    cleanups.push(proxy.close);
    const hall = followHall(proxy.url, server.displayKey);
    cleanups.push(hall.stop);

    const snapshot = await hall.firstSnapshot;

    expect(snapshot.hall.id).toBeTruthy();
    expect(proxy.refused()).toBeGreaterThanOrEqual(1);
    expect(hall.transport()).toBe('polling');
    expect(hall.statuses).toContain('online');
  });
});
