import { createPrinter, updatePrinter } from '../../../contract/endpoints/settings-printers.js';
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { printerAddressProblem } from '../../../contract/settings-schemas.js';
import type { PrinterRecord } from '../config/config-data.js';
import { fail, type Result } from '../domain/index.js';
import {
  checkedDevicePath,
  checkedTcpTarget,
  deviceFileProblem,
} from '../print/printer-address-policy.js';
import { parseTcpAddress } from '../print/printer-transport.js';
import type { PrintService } from '../print/print-service.js';
import type { RouteDeps } from './deps.js';
import { route, type RouteDef } from './route.js';
import {
  changeSettings,
  describeChanges,
  findInHall,
  printerView,
  refuse,
} from './settings-support.js';

const PRINTER_KEYS = ['name', 'transport', 'address', 'paperWidth', 'codePage'] as const;

/**
 * Why the server may not send a printer's bytes to this address, or null (the rule is in
 * print/printer-address-policy.ts; transports check it again before each job). A TCP host name
 * must resolve, and only to allowed addresses. A device path that exists must lead to an allowed
 * character device, as at each job; a missing one is fine: printers get unplugged.
 */
async function reachProblem(
  print: PrintService,
  p: Pick<PrinterRecord, 'transport' | 'address'>,
): Promise<Result<never> | null> {
  if (printerAddressProblem(p) !== null) return null;
  const refuse = (why: string) => fail('validation', `address: ${why}.`, 'address');
  if (p.transport === 'tcp') {
    const { host, port } = parseTcpAddress(p.address);
    return checkedTcpTarget(print.policy, host, port, print.lookup, true).then(
      () => null,
      (e: Error) => refuse(e.message),
    );
  }
  if (p.transport !== 'device') return null;
  // The rule each job applies; a path that cannot be followed yet is an unplugged printer.
  const checked = await checkedDevicePath(print.policy, p.address).catch(() => null);
  if (!checked) return null;
  if ('refused' in checked) return refuse(checked.refused);
  const found = await stat(checked.real).catch(() => null);
  const problem = found && deviceFileProblem(print.policy, p.address, found);
  return problem ? refuse(problem) : null;
}

function checkPrinter(p: PrinterRecord): void {
  const problem = printerAddressProblem(p);
  if (problem) refuse('validation', `address: ${problem}.`, 'address');
}

export function settingsPrintersRoutes(deps: RouteDeps): RouteDef[] {
  return [
    route({
      endpoint: createPrinter,
      access: 'admin',
      hall: 'own',
      handler: async ({ body, actor }) => {
        const problem = await reachProblem(deps.print, body);
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
      endpoint: updatePrinter,
      access: 'admin',
      hall: 'own',
      handler: async ({ params, body, actor, hall }) => {
        // Only this hall's printers: another hall's id answers as unknown, never with a check.
        const current = deps.config
          .read()
          .printers.find((p) => p.id === params.printerId && p.hallId === hall.hallId);
        // Renaming a printer saved before this rule existed is fine; where it prints is checked.
        const moved = body.address !== undefined || body.transport !== undefined;
        const problem =
          current && moved && (await reachProblem(deps.print, { ...current, ...body }));
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
