import {
  estimateAccuracy,
  EXPORT_MEDIA_TYPE,
  exportTickets,
  statsReport,
  type ExportFormat,
} from '../../../contract/endpoints/stats.js';
import type { CsvDialect } from '../../../contract/stats.js';
import type { Actor } from '../auth/actor.js';
import { fail, ok, type Result } from '../domain/index.js';
import { exportFileName } from '../stats/export-columns.js';
import { TooManyRowsError, type StatsService } from '../stats/stats-service.js';
import type { RouteDeps } from './deps.js';
import { AUDIT_LIMIT } from './settings-support.js';
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
      actor,
    }: RouteContext<
      unknown,
      unknown,
      DayRange & { dialect?: CsvDialect; names?: 'true' | 'false' },
      'own'
    >): Promise<Result<never> | undefined> => {
      const bookingNames = query.names === 'true';
      // Names leave the hall only on a manager's explicit request, and the log says who asked.
      if (bookingNames) await auditBookingNames(deps, actor, hallId, query, format);
      const name = exportFileName(hallId, query.from, query.to, format);
      res.setHeader('Content-Type', EXPORT_MEDIA_TYPE[format]);
      res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
      try {
        await deps.stats.exportTickets(hallId, query, format, res, query.dialect, {
          bookingNames,
        });
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

/** Writes who asked for an export with booking names, and for which range (ids only). */
async function auditBookingNames(
  deps: RouteDeps,
  actor: Actor,
  hallId: string,
  range: DayRange,
  format: ExportFormat,
): Promise<void> {
  if (actor.kind !== 'user') return;
  const userId = actor.user.id;
  await deps.config.update((draft) => {
    draft.audit.push({
      at: deps.now(),
      userId,
      action: 'export.booking-names',
      detail: `Randevu adlarıyla dışa aktarım: ${range.from} – ${range.to} (${format.toUpperCase()})`,
      targetId: hallId,
    });
    if (draft.audit.length > AUDIT_LIMIT) draft.audit.splice(0, draft.audit.length - AUDIT_LIMIT);
  });
}
