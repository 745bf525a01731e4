import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type Store } from 'express-rate-limit';
import type { Actor } from '../auth/actor.js';
import { apiError, sendError } from './errors.js';

export interface RateLimits {
  /** Sign-in attempts per minute, per address and user name. */
  loginPerMinute: number;
  /** Tickets per minute, per kiosk (or per address for staff). */
  issuePerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { loginPerMinute: 10, issuePerMinute: 30 };

/** A store for one limiter's counts, shared by every server (each limiter needs its own). */
export type RateLimitStoreFactory = (limiter: 'login' | 'issue') => Store;

/** Without `sharedStore`, each server counts in its own memory. */
export function makeLimiters(
  limits: RateLimits,
  actorOf: (req: Request) => Actor,
  sharedStore?: RateLimitStoreFactory,
): { login: RequestHandler; issue: RequestHandler } {
  const ip = (req: Request) => ipKeyGenerator(req.ip ?? 'unknown');
  const common = {
    windowMs: 60_000,
    standardHeaders: 'draft-8' as const,
    legacyHeaders: false,
    handler: (_req: Request, res: Parameters<RequestHandler>[1]) =>
      sendError(res, apiError('rate-limited', 'Too many requests; wait a minute and try again.')),
    // A shared store that is down must not stop the hall: count nothing until it is back.
    passOnStoreError: sharedStore !== undefined,
  };
  return {
    login: rateLimit({
      ...common,
      store: sharedStore?.('login'),
      limit: limits.loginPerMinute,
      keyGenerator: (req) => {
        const name =
          typeof req.body?.username === 'string'
            ? req.body.username.slice(0, 64).toLowerCase()
            : '';
        return `${ip(req)}|${name}`;
      },
    }),
    issue: rateLimit({
      ...common,
      store: sharedStore?.('issue'),
      limit: limits.issuePerMinute,
      keyGenerator: (req) => {
        const actor = actorOf(req);
        return actor.kind === 'device' ? `device:${actor.device.id}` : ip(req);
      },
    }),
  };
}
