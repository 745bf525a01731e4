import { z } from 'zod';
import { fail, isCalendarDay, ok } from '../domain/index.js';
import {
  CSV_DIALECTS,
  GROUP_BY,
  MAX_RANGE_DAYS,
  type CsvDialect,
} from '../../../contract/stats.js';
import { exportFileName } from '../stats/export-columns.js';
import { TooManyRowsError, type ExportFormat, type StatsService } from '../stats/stats-service.js';
import type { RouteDeps } from './deps.js';
import { estimateAccuracyReply, statsReportReply } from '../../../contract/reply-schemas.js';
import { fileReply, route, type RouteDef } from './route.js';

const DAY_MS = 86_400_000;

const day = z.string().refine(isCalendarDay, 'expected a real date written YYYY-MM-DD');
const daysIn = (q: { from: string; to: string }) =>
  (Date.parse(q.to) - Date.parse(q.from)) / DAY_MS + 1;
const rangeChecks = <T extends { from: string; to: string }>(s: z.ZodType<T>) =>
  s
    .refine((q) => q.to >= q.from, { path: ['to'], message: 'must not be before from' })
    .refine((q) => daysIn(q) <= MAX_RANGE_DAYS, {
      path: ['to'],
      message: `the range may cover at most ${MAX_RANGE_DAYS} days`,
    });

const rangeQuery = rangeChecks(z.strictObject({ from: day, to: day }));
// The API has no page language: without `dialect` it stays RFC 4180, as tools and scripts
// written before the dialect existed expect; the manager page asks for `excel-tr` in Turkish.
const csvQuery = rangeChecks(
  z.strictObject({
    from: day,
    to: day,
    dialect: z
      .enum(CSV_DIALECTS)
      .optional()
      .describe(
        'rfc4180 (default): comma separator, dot decimals. excel-tr: semicolon separator, comma decimals, dates DD.MM.YYYY, as Turkish Excel opens it.',
      ),
  }),
);
const statsQuery = rangeChecks(
  z.strictObject({ from: day, to: day, groupBy: z.enum(GROUP_BY).optional() }),
);

const CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

export function statsRoutes(deps: RouteDeps & { stats: StatsService }): RouteDef[] {
  const exportRoute = (format: ExportFormat): RouteDef =>
    route({
      method: 'get',
      path: `/exports/tickets.${format}`,
      summary: `One row per visit of your hall in the range, as ${format.toUpperCase()} (streamed).`,
      tag: 'stats',
      access: 'manager',
      hall: 'own',
      reply: fileReply(CONTENT_TYPE[format], `The visits as ${format.toUpperCase()}, streamed.`),
      query: format === 'csv' ? csvQuery : rangeQuery,
      handler: async ({ query, hall: { hallId }, res }) => {
        const name = exportFileName(hallId, query.from, query.to, format);
        res.setHeader('Content-Type', CONTENT_TYPE[format]);
        res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
        try {
          // Only the CSV route's schema lets `dialect` through.
          const { dialect } = query as { dialect?: CsvDialect };
          await deps.stats.exportTickets(hallId, query, format, res, dialect);
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
      },
    });

  return [
    route({
      method: 'get',
      path: '/stats',
      summary:
        'Aggregates of your hall for a range of local days, grouped by day, hour, weekday, weekday and hour (weekday-hour, keys like 1-09), service, counter or clerk.',
      tag: 'stats',
      access: 'manager',
      hall: 'own',
      reply: statsReportReply,
      query: statsQuery,
      handler: async ({ query, hall: { hallId } }) => {
        const report = await deps.stats.stats(hallId, query, query.groupBy ?? 'day');
        return report ? ok(report) : fail('hall-not-found', 'Your hall is not configured.');
      },
    }),
    route({
      method: 'get',
      path: '/stats/estimates',
      summary:
        'How well the waits promised at issue came true in your hall over a range of local days: median absolute error, shares within ±2 and ±5 minutes and the tendency, in total, by service and by hour of issue.',
      tag: 'stats',
      access: 'manager',
      hall: 'own',
      reply: estimateAccuracyReply,
      query: rangeQuery,
      handler: async ({ query, hall: { hallId } }) => {
        const report = await deps.stats.estimates(hallId, query);
        return report
          ? ok({ hallId, from: query.from, to: query.to, ...report })
          : fail('hall-not-found', 'Your hall is not configured.');
      },
    }),
    exportRoute('csv'),
    exportRoute('xlsx'),
    exportRoute('json'),
  ];
}
