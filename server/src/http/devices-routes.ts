import type { DeviceStatusView } from '../../../contract/api.js';
import { hallOf } from '../auth/actor.js';
import type { RouteDeps } from './deps.js';
import { route, type RouteDef } from './route.js';

export function devicesRoutes(deps: RouteDeps): RouteDef[] {
  return [
    route({
      method: 'get',
      path: '/devices/status',
      summary: "The hall's kiosks and displays: connected now or not, and when last seen.",
      tag: 'devices',
      access: 'manager',
      handler: ({ actor }) =>
        deps.config
          .read()
          .devices.filter((d) => d.hallId === hallOf(actor) && d.revokedAt === null)
          .map((d): DeviceStatusView => ({
            id: d.id,
            kind: d.kind,
            name: d.name,
            ...deps.devicePresence(d.id),
          })),
    }),
  ];
}
