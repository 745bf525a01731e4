import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, MemoryStore, rateLimit, type Store } from 'express-rate-limit';
import type { Actor } from '../auth/actor.js';
import { normaliseUsername } from '../auth/users.js';
import { apiError, sendError } from './errors.js';
import { DEFAULT_LOGIN_BACKOFF, loginBackoff, type LoginBackoff } from './login-backoff.js';

export interface RateLimits {
  /** Sign-in attempts per minute, per address and user name. */
  loginPerMinute: number;
  /** Tickets per minute, per kiosk (or per address for staff). */
  issuePerMinute: number;
  /** Failed sign-ins per minute from one address, whatever the user names; default 30. */
  loginFailuresPerAddressPerMinute?: number;
  /** Per-account back-off after wrong passwords; default `DEFAULT_LOGIN_BACKOFF`. */
  loginBackoff?: LoginBackoff;
  /**
   * Booking changes (make, move, cancel) per 10 minutes, per address (a signed-in clerk booking
   * for callers: ten times as many, per user); default 10.
   */
  bookingPer10Minutes?: number;
}

const BOOKING_PER_10_MINUTES = 10;
/**
 * Booking codes that find nothing, per minute per address. Only misses count, so a citizen
 * reading their own booking is never held up; someone trying codes is, and each miss on a
 * shared store re-reads the ledgers.
 */
const BOOKING_LOOKUP_MISSES_PER_MINUTE = 20;

const LOGIN_FAILURES_PER_ADDRESS = 30;

export const DEFAULT_RATE_LIMITS: RateLimits = {
  loginPerMinute: 10,
  issuePerMinute: 30,
  loginFailuresPerAddressPerMinute: LOGIN_FAILURES_PER_ADDRESS,
  loginBackoff: DEFAULT_LOGIN_BACKOFF,
};

/** Each limiter's counts, in a store of its own. */
export type RateLimiterName =
  | 'login'
  | 'login-address'
  | 'login-failures'
  | 'login-failure-times'
  | 'issue'
  | 'booking'
  | 'booking-lookup';

/** A store for one limiter's counts, shared by every server (each limiter needs its own). */
export type RateLimitStoreFactory = (limiter: RateLimiterName) => Store;

/** Runs middlewares one after the other, as one (a route has one limiter). */
function chain(...handlers: RequestHandler[]): RequestHandler {
  return (req, res, next) => {
    const step = (i: number) => (err?: unknown) => {
      if (err !== undefined || i === handlers.length) return next(err);
      void handlers[i]!(req, res, step(i + 1));
    };
    step(0)();
  };
}

/**
 * The limiters of sign-in (and of anything else that checks a password) and of ticket issue.
 * Sign-in counts per address across user names, per address and user name, and per account
 * (a back-off); names are folded exactly as sign-in folds them, so `" Clerk1\t"` is `clerk1`.
 * Without `sharedStore`, each server counts in its own memory.
 */
export function makeLimiters(
  limits: RateLimits,
  actorOf: (req: Request) => Actor,
  sharedStore?: RateLimitStoreFactory,
): {
  login: RequestHandler;
  issue: RequestHandler;
  booking: RequestHandler;
  bookingLookup: RequestHandler;
} {
  const ip = (req: Request) => ipKeyGenerator(req.ip ?? 'unknown');
  const storeOf = (name: RateLimiterName): Store => sharedStore?.(name) ?? new MemoryStore();
  // The account a request checks a password of: the name it signs in with, or (changing a
  // password) the signed-in user's. Longer names fail validation, before any hashing.
  const accountOf = (req: Request): string => {
    const name: unknown = req.body?.username;
    if (typeof name === 'string') return normaliseUsername(name).slice(0, 64);
    const actor = actorOf(req);
    return actor.kind === 'user' ? actor.user.username : '';
  };
  const common = {
    windowMs: 60_000,
    standardHeaders: 'draft-8' as const,
    legacyHeaders: false,
    handler: (_req: Request, res: Parameters<RequestHandler>[1]) =>
      sendError(res, apiError('rate-limited', 'Too many requests; wait a minute and try again.')),
    // A shared store that is down must not stop the hall: count nothing until it is back.
    passOnStoreError: sharedStore !== undefined,
  };
  const perAddress = rateLimit({
    ...common,
    store: storeOf('login-address'),
    limit: limits.loginFailuresPerAddressPerMinute ?? LOGIN_FAILURES_PER_ADDRESS,
    // A hall's clerks may all sign in through one address: only failures count here.
    skipSuccessfulRequests: true,
    keyGenerator: ip,
  });
  const perName = rateLimit({
    ...common,
    store: storeOf('login'),
    limit: limits.loginPerMinute,
    keyGenerator: (req) => `${ip(req)}|${accountOf(req)}`,
  });
  const perAccount = loginBackoff(
    limits.loginBackoff ?? DEFAULT_LOGIN_BACKOFF,
    { failures: storeOf('login-failures'), failureTimes: storeOf('login-failure-times') },
    accountOf,
  );
  return {
    login: chain(perAddress, perName, perAccount),
    issue: rateLimit({
      ...common,
      store: sharedStore?.('issue'),
      limit: limits.issuePerMinute,
      keyGenerator: (req) => {
        const actor = actorOf(req);
        return actor.kind === 'device' ? `device:${actor.device.id}` : ip(req);
      },
    }),
    booking: rateLimit({
      ...common,
      windowMs: 10 * 60_000,
      handler: (_req, res) =>
        sendError(
          res,
          apiError('rate-limited', 'Too many booking changes; wait a few minutes and try again.'),
        ),
      store: sharedStore?.('booking'),
      limit: (req) =>
        (limits.bookingPer10Minutes ?? BOOKING_PER_10_MINUTES) *
        (actorOf(req).kind === 'user' ? 10 : 1),
      keyGenerator: (req) => {
        const actor = actorOf(req);
        return actor.kind === 'user' ? `user:${actor.user.id}` : ip(req);
      },
    }),
    bookingLookup: rateLimit({
      ...common,
      store: sharedStore?.('booking-lookup'),
      limit: BOOKING_LOOKUP_MISSES_PER_MINUTE,
      skipSuccessfulRequests: true,
      keyGenerator: ip,
    }),
  };
}
