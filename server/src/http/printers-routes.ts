import { z } from 'zod';
import type { PrinterStatusView } from '../../../contract/api.js';
import { fail, ok } from '../domain/index.js';
import type { PrintOutcome } from '../print/print-service.js';
import type { RouteDeps } from './deps.js';
import { printTestReply, printerStatusesReply } from '../../../contract/reply-schemas.js';
import { route, type RouteDef } from './route.js';
import { id } from './schemas.js';

const printerParams = z.strictObject({ printerId: id });

export function printersRoutes(deps: RouteDeps): RouteDef[] {
  return [
    route({
      method: 'get',
      path: '/printers',
      summary: "The hall's ticket printers: online, offline after a failed job, or not yet used.",
      tag: 'printers',
      access: 'manager',
      hall: 'own',
      reply: printerStatusesReply,
      handler: ({ hall }) =>
        deps.print.status().flatMap((s): PrinterStatusView[] => {
          const printer = deps.print.printer(s.printerId);
          if (!printer || printer.hallId !== hall.hallId) return [];
          const { name, transport, paperWidth } = printer;
          return [{ ...s, name, transport, paperWidth }];
        }),
    }),
    route({
      method: 'post',
      path: '/printers/:printerId/test',
      summary: 'Print a test page (settings, Turkish letters, a ruler, a QR code).',
      tag: 'printers',
      access: 'manager',
      hall: 'own',
      reply: printTestReply,
      params: printerParams,
      handler: async ({ params, hall }) => {
        const printer = deps.print.printer(params.printerId);
        // Another hall's printer answers as unknown: no way to learn which ids exist elsewhere.
        if (!printer || printer.hallId !== hall.hallId)
          return fail('not-found', `No printer ${params.printerId} in this hall.`, 'printerId');
        const outcome: PrintOutcome = await deps.print.printTestPage(printer.id);
        return ok({ outcome });
      },
    }),
  ];
}
