import { deviceSetup, deviceStatuses } from '../../../contract/endpoints/devices.js';
import type { DeviceStatusView } from '../../../contract/api.js';
import type { DeviceSetup } from '../../../contract/settings.js';
import type { RouteDeps } from './deps.js';
import { route, type RouteDef } from './route.js';

export function devicesRoutes(deps: RouteDeps): RouteDef[] {
  return [
    route({
      endpoint: deviceStatuses,
      access: 'manager',
      hall: 'own',
      handler: ({ hall }) =>
        deps.config
          .read()
          .devices.filter((d) => d.hallId === hall.hallId && d.revokedAt === null)
          .map((d): DeviceStatusView => ({
            id: d.id,
            kind: d.kind,
            name: d.name,
            ...deps.devicePresence(d.id),
          })),
    }),
    route({
      endpoint: deviceSetup,
      access: 'device',
      hall: 'none',
      handler: ({ actor }) => {
        if (actor.kind !== 'device') return undefined;
        // Read afresh: an admin may have changed it since this key was checked.
        const d = deps.config.read().devices.find((x) => x.id === actor.device.id)!;
        return {
          id: d.id,
          kind: d.kind,
          name: d.name,
          signCounterId: d.signCounterId ?? null,
        } satisfies DeviceSetup;
      },
    }),
  ];
}
