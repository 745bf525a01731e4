import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { PairedDevice } from '../../../contract/settings.js';
import { newSecret, sha256Hex } from '../auth/secrets.js';
import type { ConfigData, DeviceRecord, PrinterRecord } from '../config/config-data.js';
import { fail, type Result } from '../domain/index.js';
import type { RouteDeps } from './deps.js';
import { route, type RouteDef } from './route.js';
import { id } from './schemas.js';
import {
  changeSettings,
  describeChanges,
  deviceView,
  findInHall,
  label,
  notEmpty,
  NOTHING_TO_CHANGE,
  printerView,
  refuse,
} from './settings-support.js';

const deviceParams = z.strictObject({ deviceId: id });
const printerParams = z.strictObject({ printerId: id });

const printerFields = {
  name: label(60),
  transport: z.enum(['tcp', 'device', 'none']),
  address: z.string().trim().max(255),
  paperWidth: z.union([z.literal(58), z.literal(80)]),
  codePage: z.number().int().min(0).max(255),
};
const PRINTER_KEYS = ['name', 'transport', 'address', 'paperWidth', 'codePage'] as const;

const TCP_ADDRESS =
  /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?)(?::(\d{1,5}))?$/;

/** Why an address does not fit its transport, or null when it does. */
export function addressProblem(p: Pick<PrinterRecord, 'transport' | 'address'>): string | null {
  switch (p.transport) {
    case 'none':
      return p.address === '' ? null : 'leave the address empty for a printer without transport';
    case 'tcp': {
      const m = TCP_ADDRESS.exec(p.address);
      if (!m) return 'expected host or host:port, e.g. 192.168.1.50:9100';
      const port = m[1] === undefined ? 9100 : Number(m[1]);
      return port >= 1 && port <= 65_535 ? null : 'the port must be 1–65535';
    }
    case 'device': {
      const a = p.address;
      const clean = /^\/dev\/[A-Za-z0-9._/-]+$/.test(a) && path.posix.normalize(a) === a;
      return clean && !a.endsWith('/') ? null : 'expected a device path such as /dev/usb/lp0';
    }
  }
}

/**
 * The server writes raw bytes to a device printer: refuse anything that exists and is not a
 * character device (a disk, a folder, a file). A missing one is fine: printers get unplugged.
 */
async function deviceFileProblem(
  p: Pick<PrinterRecord, 'transport' | 'address'>,
): Promise<Result<never> | null> {
  if (p.transport !== 'device' || addressProblem(p) !== null) return null;
  const found = await stat(p.address).catch(() => null);
  if (!found || found.isCharacterDevice()) return null;
  return fail('validation', `address: ${p.address} is not a printer device.`, 'address');
}

function checkPrinter(p: PrinterRecord): void {
  const problem = addressProblem(p);
  if (problem) refuse('validation', `address: ${problem}.`, 'address');
}

/** A kiosk's printer must be one of the hall's; displays do not print. */
function checkPrinterLink(draft: ConfigData, hallId: string, d: DeviceRecord): void {
  if (d.printerId === null) return;
  if (d.kind !== 'kiosk') refuse('validation', 'printerId: only kiosks print.', 'printerId');
  if (!draft.printers.some((p) => p.id === d.printerId && p.hallId === hallId))
    refuse('validation', `printerId: no printer ${d.printerId} in this hall.`, 'printerId');
}

export function settingsDevicesRoutes(deps: RouteDeps): RouteDef[] {
  const pairingUrl = (d: DeviceRecord, key: string) =>
    `${deps.publicUrl.replace(/\/$/, '')}/${d.kind}#key=${key}`;
  return [
    route({
      method: 'post',
      path: '/devices',
      summary: 'Register a kiosk or display; the reply holds its pairing link, shown this once.',
      tag: 'settings',
      access: 'admin',
      status: 201,
      body: z.strictObject({
        kind: z.enum(['kiosk', 'display']),
        name: label(60),
        printerId: id.nullable().optional(),
      }),
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
          };
          checkPrinterLink(draft, hallId, device);
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
      method: 'patch',
      path: '/devices/:deviceId',
      summary: "Rename a device or change a kiosk's printer.",
      tag: 'settings',
      access: 'admin',
      params: deviceParams,
      body: z
        .strictObject({ name: label(60), printerId: id.nullable() })
        .partial()
        .refine(notEmpty, NOTHING_TO_CHANGE),
      handler: ({ params, body, actor }) =>
        changeSettings(deps, actor, 'device.update', (draft, hallId) => {
          const device = findInHall(draft.devices, params.deviceId, hallId, 'device', 'deviceId');
          if (device.revokedAt !== null)
            refuse('conflict', 'This device is revoked; create a new one.', 'deviceId');
          const before = { ...device };
          Object.assign(device, body);
          checkPrinterLink(draft, hallId, device);
          const diff = describeChanges(before, device, ['name', 'printerId']);
          return {
            value: deviceView(device),
            detail: diff && `${device.kind} ${device.id}: ${diff}`,
          };
        }),
    }),
    route({
      method: 'post',
      path: '/devices/:deviceId/revoke',
      summary: 'Revoke a device: its key stops working and its live connection is dropped.',
      tag: 'settings',
      access: 'admin',
      params: deviceParams,
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
    route({
      method: 'post',
      path: '/printers',
      summary: 'Add a ticket printer (tcp host:port, a /dev device, or none).',
      tag: 'settings',
      access: 'admin',
      status: 201,
      body: z.strictObject(printerFields),
      handler: async ({ body, actor }) => {
        const problem = await deviceFileProblem(body);
        if (problem) return problem;
        return changeSettings(deps, actor, 'printer.create', (draft, hallId) => {
          const printer: PrinterRecord = { id: randomUUID(), hallId, ...body };
          checkPrinter(printer);
          draft.printers.push(printer);
          return {
            value: printerView(printer),
            detail: `printer '${printer.name}' (${printer.transport} ${printer.address}, ${printer.paperWidth} mm, code page ${printer.codePage}) created`,
          };
        });
      },
    }),
    route({
      method: 'patch',
      path: '/printers/:printerId',
      summary: "Change a printer's name, transport, address, paper width or code page number.",
      tag: 'settings',
      access: 'admin',
      params: printerParams,
      body: z.strictObject(printerFields).partial().refine(notEmpty, NOTHING_TO_CHANGE),
      handler: async ({ params, body, actor }) => {
        const current = deps.config.read().printers.find((p) => p.id === params.printerId);
        const problem = current && (await deviceFileProblem({ ...current, ...body }));
        if (problem) return problem;
        return changeSettings(deps, actor, 'printer.update', (draft, hallId) => {
          const printer = findInHall(
            draft.printers,
            params.printerId,
            hallId,
            'printer',
            'printerId',
          );
          const before = { ...printer };
          Object.assign(printer, body);
          checkPrinter(printer);
          const diff = describeChanges(before, printer, PRINTER_KEYS);
          return {
            value: printerView(printer),
            detail: diff && `printer '${before.name}': ${diff}`,
          };
        });
      },
    }),
  ];
}
