import type { DeviceStatusView } from '../../../contract/api.js';
import type { DeviceSetup } from '../../../contract/settings.js';
import type { RouteDeps } from './deps.js';
import { deviceSetupReply, deviceStatusesReply } from '../../../contract/reply-schemas.js';
import { route, type RouteDef } from './route.js';

export function devicesRoutes(deps: RouteDeps): RouteDef[] {
  return [
    route({
      method: 'get',
      path: '/devices/status',
      summary: "The hall's kiosks and displays: connected now or not, and when last seen.",
      tag: 'devices',
      access: 'manager',
      hall: 'own',
      reply: deviceStatusesReply,
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
      method: 'get',
      path: '/devices/me',
      summary:
        "What this device is set to show (by its key): a display shows the whole hall or one counter's sign.",
      tag: 'devices',
      access: 'device',
      hall: 'none',
      reply: deviceSetupReply,
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
