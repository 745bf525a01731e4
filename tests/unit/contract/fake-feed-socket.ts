import type { FeedSocket, FeedSocketOptions } from '../../../contract/live-feed.js';

type Listener = (...args: unknown[]) => void;
type Ack = (err: Error | null, reply: unknown) => void;

/**
 * A stand-in for a Socket.IO client socket: the test plays the server (connects, pushes,
 * drops, answers resyncs) and reads what the feed asked for.
 */
export class FakeFeedSocket implements FeedSocket {
  connected = false;
  active = true;
  recovered = false;
  /** Every `connect()` the feed called. */
  connectCalls = 0;
  disconnectCalls = 0;
  /** Requests sent with an ack, oldest first, with their timeout. */
  readonly requests: { event: string; timeoutMs: number; ack: Ack }[] = [];
  private listeners = new Map<string, Listener[]>();

  constructor(readonly options: FeedSocketOptions) {}

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  timeout(ms: number) {
    return {
      emit: (event: string, ack: Ack) => {
        this.requests.push({ event, timeoutMs: ms, ack });
      },
    };
  }

  connect(): this {
    this.connectCalls++;
    return this;
  }

  disconnect(): this {
    this.disconnectCalls++;
    this.connected = false;
    this.active = false;
    return this;
  }

  removeAllListeners(): this {
    this.listeners.clear();
    return this;
  }

  listenerCount(): number {
    return [...this.listeners.values()].reduce((n, l) => n + l.length, 0);
  }

  /** The server accepts the connection; `recovered` when it resumed the session. */
  serverAccepts(recovered = false): void {
    this.connected = true;
    this.active = true;
    this.recovered = recovered;
    this.fire('connect');
  }

  /** The link drops; `io server disconnect` leaves the retry to the feed. */
  drop(reason: 'transport close' | 'io server disconnect' | 'ping timeout'): void {
    this.connected = false;
    if (reason === 'io server disconnect') this.active = false;
    this.fire('disconnect', reason);
  }

  /** A failed attempt; with `code`, the server's middleware refused it. */
  failAttempt(code?: string, active = true): void {
    this.active = active;
    const err = Object.assign(new Error('refused'), code ? { data: { code } } : {});
    this.fire('connect_error', err);
  }

  fire(event: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(event) ?? []) l(...args);
  }
}
