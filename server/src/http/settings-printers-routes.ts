import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { PrinterRecord } from '../config/config-data.js';
import { fail, type Result } from '../domain/index.js';
import type { RouteDeps } from './deps.js';
import { route, type RouteDef } from './route.js';
import { id } from './schemas.js';
import {
  changeSettings,
  describeChanges,
  findInHall,
  label,
  notEmpty,
  NOTHING_TO_CHANGE,
  printerView,
  refuse,
} from './settings-support.js';

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

export function settingsPrintersRoutes(deps: RouteDeps): RouteDef[] {
  return [
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
