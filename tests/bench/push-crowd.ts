// A bench child: the crowd of a busy hall, apart from the process that times the displays:
// clerks' counter screens (`/counter`) and visitors' phone pages (`/ticket`), each a real
// Socket.IO connection, counting what they are pushed.
import type { Socket } from 'socket.io-client';
import { connect, next } from '../support/sockets.js';
import { childOptions, serveParent } from './child-ipc.js';
import { inBatches } from './http-client.js';

export interface CrowdOptions {
  baseUrl: string;
  /** One session cookie per counter screen. */
  counterCookies: string[];
  /** One ticket code per phone. */
  phoneCodes: string[];
}

export interface CrowdCounts {
  phoneStatuses: number;
  /** Messages the counter screens received (a message may carry several deltas). */
  counterMessages: number;
  counterEvents: number;
  disconnects: number;
}

const CONNECT_CONCURRENCY = 50;
const CONNECT_TIMEOUT_MS = 30_000;

const opts = childOptions<CrowdOptions>();
const counts: CrowdCounts = {
  phoneStatuses: 0,
  counterMessages: 0,
  counterEvents: 0,
  disconnects: 0,
};
const sockets: Socket[] = [];

const counters = await inBatches(opts.counterCookies, CONNECT_CONCURRENCY, async (cookie) => {
  const socket = connect<Socket>(opts.baseUrl, '/counter', { cookie });
  sockets.push(socket);
  socket.on('queue:events', (batch: unknown[]) => {
    counts.counterMessages += 1;
    counts.counterEvents += batch.length;
  });
  socket.on('disconnect', () => (counts.disconnects += 1));
  await next(socket, 'connect', CONNECT_TIMEOUT_MS);
});
const phones = await inBatches(opts.phoneCodes, CONNECT_CONCURRENCY, async (code) => {
  const socket = connect<Socket>(opts.baseUrl, '/ticket', { auth: { code } });
  sockets.push(socket);
  socket.on('ticket:status', () => (counts.phoneStatuses += 1));
  socket.on('disconnect', () => (counts.disconnects += 1));
  await next(socket, 'connect', CONNECT_TIMEOUT_MS);
});

serveParent(
  { counters: counters.length, phones: phones.length },
  {
    counts: () => ({ ...counts }),
    'counts:reset': () => {
      counts.phoneStatuses = 0;
      counts.counterMessages = 0;
      counts.counterEvents = 0;
    },
  },
  () => {
    for (const s of sockets) s.disconnect();
  },
);
