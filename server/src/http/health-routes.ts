import type { RouteDeps } from './deps.js';
import { healthReply } from '../../../contract/reply-schemas.js';
import { route, type RouteDef } from './route.js';

export function healthRoutes(deps: RouteDeps): RouteDef[] {
  return [
    route({
      method: 'get',
      path: '/health',
      summary: 'Liveness and version; used by monitoring and the kiosk connection check.',
      tag: 'system',
      access: 'public',
      hall: 'none',
      reply: healthReply,
      handler: () => ({ ok: true as const, version: deps.version, now: deps.now() }),
    }),
  ];
}
