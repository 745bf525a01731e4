import type { Socket } from 'socket.io';
import type { Ack } from '../../../contract/errors.js';

/** A token bucket's size: `burst` events at once, then `perSecond` on average. */
export interface EventRate {
  burst: number;
  perSecond: number;
}

/** How many events one socket may send, per class of event. */
export interface SocketEventLimits {
  /** `queue:resync`: a whole snapshot, asked only after a gap in the deltas or a timeout. */
  resync: EventRate;
  /** `ticket:refresh`: the phone page asks when it comes back to the foreground. */
  refresh: EventRate;
  /** Any other event: nothing handles it, but each one still costs a parse and a lookup. */
  other: EventRate;
  /** Refused events a socket may send before it is disconnected as a flood. */
  strikes: EventRate;
}

/**
 * A screen resyncs after a gap in its deltas, one request at a time (the live-feed class
 * waits for the answer): five at once and one every five seconds is far above that, and a
 * snapshot is the most expensive thing a socket can ask for. A phone refreshes when it comes
 * back into view. A socket refused 30 times in a row (refilled one a second) is flooding.
 */
export const DEFAULT_SOCKET_EVENT_LIMITS: SocketEventLimits = {
  resync: { burst: 5, perSecond: 0.2 },
  refresh: { burst: 10, perSecond: 1 },
  other: { burst: 20, perSecond: 5 },
  strikes: { burst: 30, perSecond: 1 },
};

type EventClass = Exclude<keyof SocketEventLimits, 'strikes'>;

/** A Map, not an object: an event may be named `constructor` or `__proto__`. */
const CLASS_OF = new Map<unknown, EventClass>([
  ['queue:resync', 'resync'],
  ['ticket:refresh', 'refresh'],
]);

/** A token bucket on a monotonic clock (ms). */
class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly rate: EventRate,
    now: number,
  ) {
    this.tokens = rate.burst;
    this.at = now;
  }

  take(now: number): boolean {
    this.tokens = Math.min(
      this.rate.burst,
      this.tokens + ((now - this.at) / 1000) * this.rate.perSecond,
    );
    this.at = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

const RATE_LIMITED: Ack<never> = {
  ok: false,
  error: { code: 'rate-limited', message: 'Too many requests on this connection; slow down.' },
};

/**
 * Rations the events one socket sends, per class. An event over its class's budget is not
 * handled: its ack (if it has one) gets `rate-limited`. A socket that keeps sending past its
 * budget is disconnected. Rates are measured on a monotonic clock, not the hall's clock.
 */
export function limitSocketEvents(
  socket: Socket,
  limits: SocketEventLimits,
  clock: () => number = () => performance.now(),
): void {
  const buckets = new Map<EventClass, TokenBucket>();
  const strikes = new TokenBucket(limits.strikes, clock());
  socket.use((packet, next) => {
    const now = clock();
    const cls = CLASS_OF.get(packet[0]) ?? 'other';
    let bucket = buckets.get(cls);
    if (!bucket) buckets.set(cls, (bucket = new TokenBucket(limits[cls], now)));
    if (bucket.take(now)) return next();
    if (!strikes.take(now)) {
      socket.disconnect(true);
      return;
    }
    const ack: unknown = packet[packet.length - 1];
    if (typeof ack === 'function') (ack as (reply: Ack<never>) => void)(RATE_LIMITED);
  });
}
