import { connect as netConnect, type Socket as NetSocket } from 'node:net';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { Ack } from '../../contract/errors.js';
import { DEFAULT_SOCKET_EVENT_LIMITS } from '../../server/src/realtime/event-limits.js';
import { kiosk } from '../support/http.js';
import { connect, next, type DisplayClient, type TicketClient } from '../support/sockets.js';
import {
  startTestServer,
  type TestServer,
  type TestServerOptions,
} from '../support/test-server.js';

const servers: TestServer[] = [];
/** Clients to end after each test. */
const open: Array<() => void> = [];
afterEach(async () => {
  for (const end of open.splice(0)) end();
  for (const s of servers.splice(0)) await s.dispose();
});
async function start(opts: TestServerOptions = {}): Promise<TestServer> {
  const server = await startTestServer(opts);
  servers.push(server);
  return server;
}

/** A raw TCP connection to the server, with everything it answers until it closes. */
function rawConnection(port: number) {
  const socket = netConnect(port, '127.0.0.1');
  open.push(() => socket.destroy());
  const received: Buffer[] = [];
  socket.on('data', (c: Buffer) => received.push(c));
  // The server may cut the connection while this side still writes: that is the point.
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return {
    socket,
    text: () => Buffer.concat(received).toString('latin1'),
    /** Resolves with what was answered once the server closes; rejects if it never does. */
    whenClosed: async (timeoutMs = 5000) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error('the server kept the connection open')),
          timeoutMs,
        );
      });
      await Promise.race([closed, timeout]).finally(() => clearTimeout(timer));
      return Buffer.concat(received).toString('latin1');
    },
  };
}

const ticketRequest = (key: string, framing: string) =>
  'POST /api/halls/cankaya/tickets HTTP/1.1\r\n' +
  'Host: 127.0.0.1\r\n' +
  `Authorization: Bearer ${key}\r\n` +
  'Content-Type: application/json\r\n' +
  `${framing}\r\n\r\n`;

describe('HTTP resource bounds', () => {
  it('when a request declares a 1 GB body and sends one byte, then 413 payload-too-large comes at once and the connection closes', async () => {
    const server = await start();
    const conn = rawConnection(server.port);
    conn.socket.write(ticketRequest(server.kioskKey, 'Content-Length: 1000000000') + '{');
    const reply = await conn.whenClosed();
    expect(reply).toMatch(/^HTTP\/1\.1 413 /);
    expect(reply).toMatch(/\r\nconnection: close\r\n/i);
    expect(reply).toContain('"code":"payload-too-large"');
  });

  it('when a chunked body runs past the limit, then 413 comes and the connection is cut without reading the rest of 20 MB', async () => {
    const server = await start();
    let serverSide: NetSocket | undefined;
    server.app.httpServer.once('connection', (s: NetSocket) => (serverSide = s));
    const conn = rawConnection(server.port);
    conn.socket.write(ticketRequest(server.kioskKey, 'Transfer-Encoding: chunked'));
    const piece = Buffer.alloc(64 * 1024, 'a');
    const frame = Buffer.concat([
      Buffer.from(`${piece.length.toString(16)}\r\n`),
      piece,
      Buffer.from('\r\n'),
    ]);
    let sent = 0;
    let closed = false;
    conn.socket.once('close', () => (closed = true));
    while (sent < 20 * 1024 * 1024 && !closed) {
      sent += piece.length;
      if (!conn.socket.write(frame))
        await new Promise((r) => {
          conn.socket.once('drain', r);
          conn.socket.once('close', r);
        });
    }
    const reply = await conn.whenClosed();
    expect(reply).toMatch(/^HTTP\/1\.1 413 /);
    expect(reply).toContain('"code":"payload-too-large"');
    // What the server read: the limit, and what was in flight when it stopped.
    expect(serverSide!.bytesRead).toBeLessThan(1024 * 1024);
  });

  it('when a body within the limit comes chunked, then it is read and the ticket issued', async () => {
    const server = await start();
    const conn = rawConnection(server.port);
    const body = JSON.stringify({ serviceId: 'vezne' });
    conn.socket.write(
      ticketRequest(server.kioskKey, 'Transfer-Encoding: chunked\r\nConnection: close') +
        `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`,
    );
    expect(await conn.whenClosed()).toMatch(/^HTTP\/1\.1 201 /);
  });

  it('when a client sends its headers too slowly, then the server answers 408 and closes after headersTimeout', async () => {
    const server = await start({ headersTimeoutMs: 300 });
    const conn = rawConnection(server.port);
    conn.socket.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    const reply = await conn.whenClosed();
    expect(reply).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('when more connections open than maxConnections, then the extra one is closed and the others still work', async () => {
    const server = await start({ maxConnections: 3 });
    const kept = [
      rawConnection(server.port),
      rawConnection(server.port),
      rawConnection(server.port),
    ];
    await Promise.all(kept.map((c) => new Promise((r) => c.socket.once('connect', r))));
    const extra = rawConnection(server.port);
    expect(await extra.whenClosed()).toBe('');
    kept[0]!.socket.write(
      'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n',
    );
    expect(await kept[0]!.whenClosed()).toMatch(/^HTTP\/1\.1 200 /);
  });
});

describe('Socket.IO resource bounds', () => {
  type Reply = Ack<unknown> | 'no answer';
  /** Sends `count` events at once and gathers each ack (or `no answer`, when the socket ended). */
  async function flood(
    socket: DisplayClient | TicketClient,
    event: 'queue:resync' | 'ticket:refresh',
    count: number,
  ): Promise<Reply[]> {
    const emitter = socket as unknown as {
      timeout: (ms: number) => { emitWithAck: (e: string) => Promise<Ack<unknown>> };
    };
    return Promise.all(
      Array.from({ length: count }, () =>
        emitter
          .timeout(3000)
          .emitWithAck(event)
          .catch((): Reply => 'no answer'),
      ),
    );
  }
  const codes = (replies: Reply[]) =>
    replies.map((r) => (r === 'no answer' ? r : r.ok ? 'ok' : r.error.code));

  it('when a display asks for many resyncs at once, then a few are answered and the rest get rate-limited, and it stays connected', async () => {
    const server = await start();
    const display = connect<DisplayClient>(server.url, '/display', {
      auth: { key: server.displayKey },
    });
    open.push(() => display.close());
    await next(display, 'queue:snapshot');
    const got = codes(await flood(display, 'queue:resync', 20));
    const served = got.filter((c) => c === 'ok').length;
    expect(served).toBeGreaterThan(0);
    expect(served).toBeLessThanOrEqual(DEFAULT_SOCKET_EVENT_LIMITS.resync.burst + 1);
    expect(got.filter((c) => c === 'rate-limited').length).toBe(20 - served);
    expect(display.connected).toBe(true);
  });

  it('when a display keeps flooding resyncs, then it is disconnected and other displays carry on', async () => {
    const server = await start();
    const flooder = connect<DisplayClient>(server.url, '/display', {
      auth: { key: server.displayKey },
    });
    const bystander = connect<DisplayClient>(server.url, '/display', {
      auth: { key: server.displayKey },
    });
    open.push(
      () => flooder.close(),
      () => bystander.close(),
    );
    await Promise.all([next(flooder, 'queue:snapshot'), next(bystander, 'queue:snapshot')]);
    const ended = next<string>(flooder, 'disconnect');
    for (let i = 0; i < 3000; i++) flooder.emit('queue:resync', () => undefined);
    expect(await ended).toBe('io server disconnect');
    const reply = await bystander.timeout(3000).emitWithAck('queue:resync');
    expect(reply.ok).toBe(true);
  });

  it('when an anonymous phone page floods ticket:refresh, then only its ration is served', async () => {
    const server = await start();
    const ticket = await kiosk(server).issue('vezne');
    const phone = connect<TicketClient>(server.url, '/ticket', {
      auth: { code: ticket.body.code },
    });
    open.push(() => phone.close());
    await next(phone, 'ticket:status');
    const got = codes(await flood(phone, 'ticket:refresh', 30));
    const served = got.filter((c) => c === 'ok').length;
    expect(served).toBeLessThanOrEqual(DEFAULT_SOCKET_EVENT_LIMITS.refresh.burst + 1);
    expect(got.filter((c) => c === 'rate-limited').length).toBe(30 - served);
  });

  it('when a client connects to the default namespace /, then the handshake is refused', async () => {
    const server = await start();
    const s = io(`${server.url}/`, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    });
    open.push(() => s.close());
    const err = await next<Error & { data?: { code: string } }>(s, 'connect_error');
    expect(err.data?.code).toBe('not-found');
    expect(s.connected).toBe(false);
  });
});
