import { printerStatuses, testPrinter } from '../../../contract/endpoints/printers.js';
import type { PrinterStatusView } from '../../../contract/api.js';
import { fail, ok } from '../domain/index.js';
import type { PrintOutcome } from '../print/print-service.js';
import type { RouteDeps } from './deps.js';
import { route, type RouteDef } from './route.js';

export function printersRoutes(deps: RouteDeps): RouteDef[] {
  return [
    route({
      endpoint: printerStatuses,
      access: 'manager',
      hall: 'own',
      handler: ({ hall }) =>
        deps.print.status().flatMap((s): PrinterStatusView[] => {
          const printer = deps.print.printer(s.printerId);
          if (!printer || printer.hallId !== hall.hallId) return [];
          const { name, transport, paperWidth } = printer;
          return [{ ...s, name, transport, paperWidth }];
        }),
    }),
    route({
      endpoint: testPrinter,
      access: 'manager',
      hall: 'own',
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
