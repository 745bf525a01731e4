import type { Request, RequestHandler } from 'express';
import type { Actor } from '../auth/actor.js';
import type { AuthService } from '../auth/auth-service.js';
import type { PrintService } from '../print/print-service.js';
import type { QueueService } from '../queue/queue-service.js';
import type { ConfigStore, SessionStore } from '../store/store.js';
import type { WebhookDeliverer } from '../webhooks/webhook-service.js';

/** What the REST route files need from the composition root. */
export interface RouteDeps {
  queues: QueueService;
  auth: AuthService;
  print: PrintService;
  now: () => number;
  /** Base URL of pairing links (`${publicUrl}/kiosk#key=…`). */
  publicUrl: string;
  /** Settings routes change the configuration (and end sessions of deactivated users). */
  config: ConfigStore;
  sessions: SessionStore;
  version: string;
  sessionTtlMs: number;
  secureCookies: boolean;
  limiters: { login: RequestHandler; issue: RequestHandler };
  /** Ends the sockets of a session (on logout). */
  endSession: (sessionIdHash: string) => void;
  /** Drops the live sockets of a revoked device. */
  endDevice: (deviceId: string) => void;
  /** Whether a kiosk or display is connected now, and when it last was. */
  devicePresence: (deviceId: string) => { online: boolean; lastSeenAt: number | null };
  /**
   * Ends every live staff socket of a user (deactivated, their role or password changed), but
   * those of `keepSessionIdHash`.
   */
  endUser: (userId: string, keepSessionIdHash?: string) => void;
  actorOf: (req: Request) => Actor;
  /** Webhook delivery state, log, test and resend (whichever server delivers). */
  webhooks: WebhookDeliverer;
}
