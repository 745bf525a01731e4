import {
  estimateAccuracy,
  EXPORT_MEDIA_TYPE,
  exportTickets,
  statsReport,
  type ExportFormat,
} from '../../../contract/endpoints/stats.js';
import type { CsvDialect } from '../../../contract/stats.js';
import { fail, ok, type Result } from '../domain/index.js';
import { exportFileName } from '../stats/export-columns.js';
import { TooManyRowsError, type StatsService } from '../stats/stats-service.js';
import type { RouteDeps } from './deps.js';
import { route, type RouteContext, type RouteDef } from './route.js';

interface DayRange {
  from: string;
  to: string;
}

export function statsRoutes(deps: RouteDeps & { stats: StatsService }): RouteDef[] {
  /** Streams one export; only the CSV endpoint's query lets `dialect` through. */
  const exportHandler =
    (format: ExportFormat) =>
    async ({
      query,
      hall: { hallId },
      res,
    }: RouteContext<unknown, unknown, DayRange & { dialect?: CsvDialect }, 'own'>): Promise<
      Result<never> | undefined
    > => {
      const name = exportFileName(hallId, query.from, query.to, format);
      res.setHeader('Content-Type', EXPORT_MEDIA_TYPE[format]);
      res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
      try {
        await deps.stats.exportTickets(hallId, query, format, res, query.dialect);
      } catch (err) {
        if (!res.headersSent) {
          res.removeHeader('Content-Type');
          res.removeHeader('Content-Disposition');
          if (err instanceof TooManyRowsError) return fail('too-many-rows', err.message);
          return fail('internal', 'The history for this range could not be read.');
        }
        // Rows are already out: cut the download so a partial file never looks complete.
        res.destroy(err instanceof Error ? err : new Error(String(err)));
      }
      return undefined;
    };
  const manager = { access: 'manager', hall: 'own' } as const;

  return [
    route({
      endpoint: statsReport,
      ...manager,
      handler: async ({ query, hall: { hallId } }) => {
        const report = await deps.stats.stats(hallId, query, query.groupBy ?? 'day');
        return report ? ok(report) : fail('hall-not-found', 'Your hall is not configured.');
      },
    }),
    route({
      endpoint: estimateAccuracy,
      ...manager,
      handler: async ({ query, hall: { hallId } }) => {
        const report = await deps.stats.estimates(hallId, query);
        return report
          ? ok({ hallId, from: query.from, to: query.to, ...report })
          : fail('hall-not-found', 'Your hall is not configured.');
      },
    }),
    route({ endpoint: exportTickets.csv, ...manager, handler: exportHandler('csv') }),
    route({ endpoint: exportTickets.xlsx, ...manager, handler: exportHandler('xlsx') }),
    route({ endpoint: exportTickets.json, ...manager, handler: exportHandler('json') }),
  ];
}
