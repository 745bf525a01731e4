import {
  createDevice,
  displaySigns,
  revokeDevice,
  updateDevice,
} from '../../../contract/endpoints/settings-devices.js';
import { randomUUID } from 'node:crypto';
import type { DisplaySigns, PairedDevice } from '../../../contract/settings.js';
import { newSecret, sha256Hex } from '../auth/secrets.js';
import type { ConfigData, DeviceRecord } from '../config/config-data.js';
import type { RouteDeps } from './deps.js';
import { route, type RouteDef } from './route.js';
import {
  changeSettings,
  describeChanges,
  deviceView,
  findInHall,
  refuse,
} from './settings-support.js';

/** A kiosk's printer must be one of the hall's; displays do not print. */
function checkPrinterLink(draft: ConfigData, hallId: string, d: DeviceRecord): void {
  if (d.printerId === null) return;
  if (d.kind !== 'kiosk') refuse('validation', 'printerId: only kiosks print.', 'printerId');
  if (!draft.printers.some((p) => p.id === d.printerId && p.hallId === hallId))
    refuse('validation', `printerId: no printer ${d.printerId} in this hall.`, 'printerId');
}

/** A display may be one counter's sign; the counter must be one of the hall's. */
function checkSignCounter(draft: ConfigData, hallId: string, d: DeviceRecord): void {
  const counterId = d.signCounterId ?? null;
  if (counterId === null) return;
  if (d.kind !== 'display')
    refuse('validation', 'signCounterId: only displays show a counter sign.', 'signCounterId');
  if (!draft.counters.some((c) => c.id === counterId && c.hallId === hallId))
    refuse('validation', `signCounterId: no counter ${counterId} in this hall.`, 'signCounterId');
}

export function settingsDevicesRoutes(deps: RouteDeps): RouteDef[] {
  const pairingUrl = (d: DeviceRecord, key: string) =>
    `${deps.publicUrl.replace(/\/$/, '')}/${d.kind}#key=${key}`;
  return [
    route({
      endpoint: createDevice,
      access: 'admin',
      hall: 'own',
      handler: ({ body, actor }) => {
        const key = newSecret(24);
        return changeSettings(deps, actor, 'device.create', (draft, hallId) => {
          const device: DeviceRecord = {
            id: randomUUID(),
            kind: body.kind,
            hallId,
            name: body.name,
            keyHash: sha256Hex(key),
            printerId: body.printerId ?? null,
            createdAt: deps.now(),
            revokedAt: null,
            signCounterId: body.signCounterId ?? null,
          };
          checkPrinterLink(draft, hallId, device);
          checkSignCounter(draft, hallId, device);
          draft.devices.push(device);
          return {
            value: {
              device: deviceView(device),
              pairingUrl: pairingUrl(device, key),
            } satisfies PairedDevice,
            detail: `${device.kind} '${device.name}' (${device.id}) created`,
          };
        });
      },
    }),
    route({
      endpoint: updateDevice,
      access: 'admin',
      hall: 'own',
      handler: async ({ params, body, actor }) => {
        let signChanged = false;
        const done = await changeSettings(deps, actor, 'device.update', (draft, hallId) => {
          const device = findInHall(draft.devices, params.deviceId, hallId, 'device', 'deviceId');
          if (device.revokedAt !== null)
            refuse('conflict', 'This device is revoked; create a new one.', 'deviceId');
          const before = { ...device, signCounterId: device.signCounterId ?? null };
          Object.assign(device, body);
          checkPrinterLink(draft, hallId, device);
          checkSignCounter(draft, hallId, device);
          signChanged = before.signCounterId !== (device.signCounterId ?? null);
          const diff = describeChanges(before, device, ['name', 'printerId', 'signCounterId']);
          return {
            value: deviceView(device),
            detail: diff && `${device.kind} ${device.id}: ${diff}`,
          };
        });
        // The display reconnects at once and reads its new setting: no one has to visit it.
        if (done.ok && signChanged) deps.endDevice(params.deviceId);
        return done;
      },
    }),
    route({
      endpoint: displaySigns,
      access: 'admin',
      hall: 'own',
      handler: ({ hall: { hallId } }) => {
        const data = deps.config.read();
        return {
          counters: data.counters
            .filter((c) => c.hallId === hallId)
            .sort((a, b) => a.number - b.number)
            .map(({ id, number, name }) => ({ id, number, name })),
          signs: data.devices
            .filter((d) => d.hallId === hallId && d.revokedAt === null && d.signCounterId)
            .map((d) => ({ deviceId: d.id, counterId: d.signCounterId! })),
        } satisfies DisplaySigns;
      },
    }),
    route({
      endpoint: revokeDevice,
      access: 'admin',
      hall: 'own',
      handler: async ({ params, actor }) => {
        const done = await changeSettings(deps, actor, 'device.revoke', (draft, hallId) => {
          const device = findInHall(draft.devices, params.deviceId, hallId, 'device', 'deviceId');
          // Revoking twice answers like the first time (a retried request), without a new entry.
          if (device.revokedAt !== null) return { value: deviceView(device), detail: null };
          device.revokedAt = deps.now();
          return {
            value: deviceView(device),
            detail: `${device.kind} '${device.name}' (${device.id}) revoked`,
          };
        });
        if (done.ok) deps.endDevice(params.deviceId);
        return done;
      },
    }),
  ];
}
