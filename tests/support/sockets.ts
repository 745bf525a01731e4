import { io, type Socket } from 'socket.io-client';
import type {
  DisplayClientToServer,
  DisplayServerToClient,
  StaffClientToServer,
  StaffServerToClient,
  TicketClientToServer,
  TicketServerToClient,
} from '../../contract/socket.js';

export type DisplayClient = Socket<DisplayServerToClient, DisplayClientToServer>;
export type StaffClient = Socket<StaffServerToClient, StaffClientToServer>;
export type TicketClient = Socket<TicketServerToClient, TicketClientToServer>;

interface ConnectOptions {
  auth?: Record<string, unknown>;
  cookie?: string;
  origin?: string;
}

/** A typed Socket.IO client over websocket, like a browser tab. */
export function connect<T extends Socket>(
  baseUrl: string,
  nsp: string,
  opts: ConnectOptions = {},
): T {
  const headers: Record<string, string> = {};
  if (opts.cookie) headers.Cookie = opts.cookie;
  if (opts.origin) headers.Origin = opts.origin;
  return io(`${baseUrl}${nsp}`, {
    auth: opts.auth ?? {},
    extraHeaders: headers,
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  }) as unknown as T;
}

/** Resolves with the first emission of `event` (or rejects on connect_error / timeout). */
export function next<A>(socket: Socket, event: string, timeoutMs = 5000): Promise<A> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${event}`)), timeoutMs);
    socket.once(event, (arg: A) => {
      clearTimeout(timer);
      resolve(arg);
    });
    if (event !== 'connect_error') {
      socket.once('connect_error', (err: Error) => {
        clearTimeout(timer);
        reject(err);
      });
    }
  });
}

/** Collects every emission of `event`. */
export function collect<A>(socket: Socket, event: string): A[] {
  const seen: A[] = [];
  socket.on(event, (arg: A) => seen.push(arg));
  return seen;
}

/** Collects every delta of `queue:events`, flattened from the batches in the order they came. */
export function collectDeltas<A>(socket: Socket): A[] {
  const seen: A[] = [];
  socket.on('queue:events', (batch: A[]) => seen.push(...batch));
  return seen;
}

export async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
