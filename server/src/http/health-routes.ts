import { health } from '../../../contract/endpoints/health.js';
import type { RouteDeps } from './deps.js';
import { route, type RouteDef } from './route.js';

export function healthRoutes(deps: RouteDeps): RouteDef[] {
  return [
    route({
      endpoint: health,
      access: 'public',
      hall: 'none',
      handler: () => ({ ok: true as const, version: deps.version, now: deps.now() }),
    }),
  ];
}
