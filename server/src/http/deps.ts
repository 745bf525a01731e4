import type { Request, RequestHandler } from 'express';
import type { Actor } from '../auth/actor.js';
import type { AuthService } from '../auth/auth-service.js';
import type { QueueService } from '../queue/queue-service.js';

/** What the REST route files need from the composition root. */
export interface RouteDeps {
  queues: QueueService;
  auth: AuthService;
  now: () => number;
  version: string;
  sessionTtlMs: number;
  secureCookies: boolean;
  limiters: { login: RequestHandler; issue: RequestHandler };
  /** Ends the sockets of a session (on logout). */
  endSession: (sessionIdHash: string) => void;
  actorOf: (req: Request) => Actor;
}
