import type { Request, RequestHandler } from 'express';
import type { Actor } from '../auth/actor.js';
import type { AuthService } from '../auth/auth-service.js';
import type { PrintService } from '../print/print-service.js';
import type { QueueService } from '../queue/queue-service.js';

/** What the REST route files need from the composition root. */
export interface RouteDeps {
  queues: QueueService;
  auth: AuthService;
  print: PrintService;
  now: () => number;
  version: string;
  sessionTtlMs: number;
  secureCookies: boolean;
  limiters: { login: RequestHandler; issue: RequestHandler };
  /** Ends the sockets of a session (on logout). */
  endSession: (sessionIdHash: string) => void;
  /** Drops the live sockets of a revoked device. */
  endDevice: (deviceId: string) => void;
  actorOf: (req: Request) => Actor;
}
