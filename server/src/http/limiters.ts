import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Actor } from '../auth/actor.js';
import { apiError, sendError } from './errors.js';

export interface RateLimits {
  /** Sign-in attempts per minute, per address and user name. */
  loginPerMinute: number;
  /** Tickets per minute, per kiosk (or per address for staff). */
  issuePerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { loginPerMinute: 10, issuePerMinute: 30 };

export function makeLimiters(
  limits: RateLimits,
  actorOf: (req: Request) => Actor,
): { login: RequestHandler; issue: RequestHandler } {
  const ip = (req: Request) => ipKeyGenerator(req.ip ?? 'unknown');
  const common = {
    windowMs: 60_000,
    standardHeaders: 'draft-8' as const,
    legacyHeaders: false,
    handler: (_req: Request, res: Parameters<RequestHandler>[1]) =>
      sendError(res, apiError('rate-limited', 'Too many requests; wait a minute and try again.')),
  };
  return {
    login: rateLimit({
      ...common,
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
      limit: limits.issuePerMinute,
      keyGenerator: (req) => {
        const actor = actorOf(req);
        return actor.kind === 'device' ? `device:${actor.device.id}` : ip(req);
      },
    }),
  };
}
