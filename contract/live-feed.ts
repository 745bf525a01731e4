/**
 * One live feed for every page: the socket mechanics that the kiosk, the phone page, the lobby
 * display, the counter and the manager share. Framework-free; the page hands in a socket
 * factory (`(options) => io('/display', options)`), so tests drive it with a fake socket.
 *
 * The rules, written once:
 * - Snapshot on (re)connect: a connection that Socket.IO could not recover forgets the
 *   revision and waits for the snapshot the server sends on every connect; deltas before it
 *   are ignored (the snapshot holds them). A recovered connection gets the missed deltas.
 * - Revision check: a delta at or below the revision held is old and ignored; the next one
 *   (`rev + 1`) is handed to the page; each revision reaches the page at most once.
 * - A gap (a revision skipped) asks for exactly one resync; the deltas that arrive meanwhile
 *   are held (out-of-order ones put in order), and those newer than the resync's snapshot
 *   follow it, in order.
 * - A snapshot is never a list of news: the page shows it and announces nothing from it, so a
 *   call already spoken, or made while the page was not listening, is not spoken again. The
 *   deltas heard live during a gap that the snapshot covers are named beside it, once.
 * - One transport policy ({@link LIVE_TRANSPORTS}) and one reconnect policy
 *   ({@link reconnectDelay}: exponential, jittered, capped) for every page.
 */

import type {
  DisplayClientToServer,
  DisplayServerToClient,
  StaffClientToServer,
  StaffServerToClient,
  TicketClientToServer,
  TicketServerToClient,
} from './socket.js';

// contract/ is for every runtime, so it leans on neither DOM nor Node typings: the two
// timers it needs exist in both, with these shapes.
declare function setTimeout(run: () => void, ms: number): unknown;
declare function clearTimeout(timer: unknown): void;

/**
 * WebSocket first, HTTP long-polling only when a WebSocket cannot be opened (a proxy that
 * refuses upgrades). A WebSocket carries the handshake and every packet on one connection, so
 * any node behind a balancer may take it and a recovered session is found through Redis; the
 * polling fallback sends many requests that must reach one node (sticky sessions).
 */
export const LIVE_TRANSPORTS = ['websocket', 'polling'] as const;

/** Reconnect back-off: the first retry after about 1 s, doubling, never past 10 s. */
export const RECONNECT_BASE_MS = 1_000;
export const RECONNECT_CAP_MS = 10_000;
/** Each delay is spread ±50 %, so a restart's thousands of clients do not return at once. */
export const RECONNECT_JITTER = 0.5;
/** How long a resync (or refresh) may take before the next gap may ask again. */
export const RESYNC_TIMEOUT_MS = 5_000;

/** The delay before reconnect attempt `attempt` (0 = the first); `random` in [0, 1). */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const plain = RECONNECT_BASE_MS * 2 ** Math.min(attempt, 16);
  const spread = 1 - RECONNECT_JITTER + 2 * RECONNECT_JITTER * random();
  return Math.round(Math.min(RECONNECT_CAP_MS, plain * spread));
}

/** The lobby view's events (`/display`: displays and kiosks), checked against contract/socket.ts. */
export const DISPLAY_FEED_EVENTS = {
  snapshot: 'queue:snapshot',
  deltas: 'queue:events',
  resync: 'queue:resync',
} as const satisfies {
  snapshot: keyof DisplayServerToClient;
  deltas: keyof DisplayServerToClient;
  resync: keyof DisplayClientToServer;
};

/** The staff screens' events (`/counter`, `/manager`); `session:expired` ends the feed. */
export const STAFF_FEED_EVENTS = {
  snapshot: 'queue:snapshot',
  deltas: 'queue:events',
  resync: 'queue:resync',
  end: 'session:expired',
} as const satisfies {
  snapshot: keyof StaffServerToClient;
  deltas: keyof StaffServerToClient;
  resync: keyof StaffClientToServer;
  end: keyof StaffServerToClient;
};

/** The phone page's events (`/ticket`): each status is whole, so there are no deltas. */
export const TICKET_FEED_EVENTS = {
  snapshot: 'ticket:status',
  resync: 'ticket:refresh',
} as const satisfies { snapshot: keyof TicketServerToClient; resync: keyof TicketClientToServer };

/** What the feed passes to the page's socket factory (Socket.IO client options). */
export interface FeedSocketOptions {
  transports: string[];
  tryAllTransports: boolean;
  reconnectionDelay: number;
  reconnectionDelayMax: number;
  randomizationFactor: number;
}

/** The part of a Socket.IO client socket the feed uses. */
export interface FeedSocket {
  readonly connected: boolean;
  /** Socket.IO retries by itself (false after a server-side disconnect or a refusal). */
  readonly active: boolean;
  /** The connection resumed a session: the missed packets follow, no snapshot. */
  readonly recovered: boolean;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- events of every namespace
  on(event: string, listener: (...args: any[]) => void): unknown;
  timeout(ms: number): {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the ack's reply is the page's type
    emit(event: string, ack: (err: Error | null, reply: any) => void): unknown;
  };
  connect(): unknown;
  disconnect(): unknown;
  removeAllListeners(): unknown;
}

/** A reply to a resync: the server's `Ack<T>`. */
type AckReply<S> = { ok: true; data: S } | { ok: false; error: { code: string } };

/**
 * `connecting` until the first snapshot, `online` while live, `offline` while away (the page
 * keeps showing what it has), `refused` when the server said no (the feed stopped).
 */
export type FeedStatus = 'connecting' | 'online' | 'offline' | 'refused';

/** Why a snapshot came: a (re)connect, a resync the feed asked for, or a push (day change). */
export type SnapshotCause = 'connect' | 'resync' | 'push';

export interface LiveFeedOptions<S, D extends { rev: number }> {
  /** Opens the namespace's socket with the feed's options (and the page's `auth`). */
  open: (options: FeedSocketOptions) => FeedSocket;
  events: {
    /** A whole state, sent on connect and when the server resets (`queue:snapshot`). */
    snapshot: string;
    /** A batch of deltas, oldest first (`queue:events`); absent when the state is pushed whole. */
    deltas?: string;
    /** The request, with an ack, for a whole state (`queue:resync`). */
    resync: string;
    /** A push that ends the feed as refused (`session:expired`). */
    end?: string;
  };
  /** The revision of a snapshot; absent when states carry none (each replaces the last). */
  revOf?: (snapshot: S) => number;
  /** Refusal codes (in `connect_error`'s data or a resync's error) that stop the feed. */
  refusedCodes: readonly string[];
  /**
   * A whole state to show. `covered`: after a gap, the deltas that arrived live but that this
   * snapshot already holds; they were not handed to `onDeltas` (the display speaks their calls,
   * heard live and never spoken; it speaks nothing the snapshot alone brings).
   */
  onSnapshot: (snapshot: S, cause: SnapshotCause, covered: D[]) => void;
  /** Deltas that follow the state held, in order, each exactly once. */
  onDeltas?: (deltas: D[]) => void;
  onStatus: (status: FeedStatus) => void;
  /** The server refused (code from `refusedCodes`, or `end` pushed): the feed has stopped. */
  onRefused?: (code: string) => void;
  random?: () => number;
}

/** One namespace's live feed. `start()` once the page is ready, `stop()` when it goes. */
export class LiveFeed<S, D extends { rev: number }> {
  private socket: FeedSocket | null = null;
  /** Changes on every stop and fresh connect, so late acks of an older one are ignored. */
  private generation = 0;
  private revision: number | null = null;
  private hasSnapshot = false;
  private resyncInFlight = false;
  private held: D[] = [];
  private attempts = 0;
  private retryTimer: unknown;
  private current: FeedStatus = 'connecting';

  constructor(private readonly options: LiveFeedOptions<S, D>) {}

  /** The revision of the state the page holds; `null` before the first snapshot. */
  get rev(): number | null {
    return this.revision;
  }

  get status(): FeedStatus {
    return this.current;
  }

  start(): void {
    if (this.socket) return;
    this.generation++;
    this.setStatus('connecting');
    const socket = this.options.open({
      transports: [...LIVE_TRANSPORTS],
      tryAllTransports: true,
      reconnectionDelay: RECONNECT_BASE_MS,
      reconnectionDelayMax: RECONNECT_CAP_MS,
      randomizationFactor: RECONNECT_JITTER,
    });
    this.socket = socket;
    const { events } = this.options;
    socket.on('connect', () => this.connected(socket));
    socket.on('disconnect', (reason: string) => this.disconnected(socket, reason));
    socket.on('connect_error', (err: unknown) => this.connectFailed(socket, err));
    socket.on(events.snapshot, (snapshot: S) => this.takeSnapshot(snapshot, 'push'));
    if (events.deltas) socket.on(events.deltas, (deltas: D[]) => this.takeDeltas(deltas));
    if (events.end) socket.on(events.end, () => this.refuse('unauthenticated'));
  }

  stop(): void {
    this.generation++;
    this.cancelRetry();
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    this.revision = null;
    this.hasSnapshot = false;
    this.resyncInFlight = false;
    this.held = [];
  }

  /**
   * Asks for a whole state now (the page's picture may be out of date: a command was refused,
   * the phone woke up). While offline it reconnects instead, which brings a snapshot.
   */
  resync(): void {
    const socket = this.socket;
    if (!socket || this.current === 'refused') return;
    if (!socket.connected) {
      if (!socket.active) this.retryNow(socket);
      return;
    }
    if (this.resyncInFlight) return;
    this.resyncInFlight = true;
    const generation = this.generation;
    socket.timeout(RESYNC_TIMEOUT_MS).emit(this.options.events.resync, (err, reply) => {
      if (generation !== this.generation || socket !== this.socket) return;
      this.resyncInFlight = false;
      // On a timeout the next gap asks again; a reconnect brings a snapshot anyway.
      if (err) return;
      const ack = reply as AckReply<S>;
      if (ack.ok) this.takeSnapshot(ack.data, 'resync');
      else if (this.options.refusedCodes.includes(ack.error.code)) this.refuse(ack.error.code);
    });
  }

  private connected(socket: FeedSocket): void {
    this.attempts = 0;
    this.cancelRetry();
    if (socket.recovered && this.hasSnapshot) {
      this.setStatus('online');
      return;
    }
    // A fresh session: what we hold is forgotten; the server's snapshot follows.
    this.generation++;
    this.revision = null;
    this.resyncInFlight = false;
    this.held = [];
    this.setStatus(this.hasSnapshot ? 'offline' : 'connecting');
  }

  private disconnected(socket: FeedSocket, reason: string): void {
    if (this.current === 'refused') return;
    this.setStatus('offline');
    // Socket.IO does not retry after the server closed the socket (a restart, say).
    if (reason === 'io server disconnect' || !socket.active) this.retryLater(socket);
  }

  private connectFailed(socket: FeedSocket, err: unknown): void {
    const code = (err as { data?: { code?: unknown } } | null)?.data?.code;
    if (typeof code === 'string' && this.options.refusedCodes.includes(code)) {
      return this.refuse(code);
    }
    this.setStatus(this.hasSnapshot ? 'offline' : 'connecting');
    if (!socket.active) this.retryLater(socket);
  }

  /** One retry pending at a time: a storm of errors does not multiply them nor the delay. */
  private retryLater(socket: FeedSocket): void {
    if (this.retryTimer !== undefined) return;
    const delay = reconnectDelay(this.attempts++, this.options.random);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (socket === this.socket && !socket.connected) socket.connect();
    }, delay);
  }

  private retryNow(socket: FeedSocket): void {
    this.cancelRetry();
    socket.connect();
  }

  private cancelRetry(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private takeSnapshot(snapshot: S, cause: SnapshotCause): void {
    const held = cause === 'resync' ? this.held : [];
    this.held = [];
    this.resyncInFlight = false;
    this.revision = this.options.revOf ? this.options.revOf(snapshot) : null;
    const rev = this.revision;
    const fresh = !this.hasSnapshot || this.current !== 'online';
    this.hasSnapshot = true;
    const covered = held.filter((d) => rev !== null && d.rev <= rev);
    this.options.onSnapshot(snapshot, fresh && cause === 'push' ? 'connect' : cause, covered);
    if (this.socket?.connected) this.setStatus('online');
    const newer = held.filter((d) => rev !== null && d.rev > rev);
    if (newer.length > 0) this.takeDeltas(newer);
  }

  private takeDeltas(deltas: D[]): void {
    if (this.revision === null) return;
    this.hold(deltas);
    if (this.resyncInFlight) return;
    const next: D[] = [];
    while (this.held[0]?.rev === this.revision + 1) {
      const delta = this.held.shift()!;
      this.revision = delta.rev;
      next.push(delta);
    }
    if (next.length > 0) this.options.onDeltas?.(next);
    if (this.held.length > 0) this.resync();
  }

  /** Keeps deltas newer than the state held, ordered, without repeats, until the snapshot. */
  private hold(deltas: D[]): void {
    const known = new Set(this.held.map((d) => d.rev));
    for (const d of deltas) {
      if (this.revision !== null && d.rev <= this.revision) continue;
      if (known.has(d.rev)) continue;
      known.add(d.rev);
      this.held.push(d);
    }
    this.held.sort((a, b) => a.rev - b.rev);
  }

  private refuse(code: string): void {
    if (this.current === 'refused') return;
    this.stop();
    this.setStatus('refused');
    this.options.onRefused?.(code);
  }

  private setStatus(status: FeedStatus): void {
    if (status === this.current) return;
    this.current = status;
    this.options.onStatus(status);
  }
}
