import * as z from 'zod/mini';
import { endpoint, fileReply } from '../endpoint.js';
import { estimateAccuracyReply, statsReportReply } from '../reply-schemas.js';
import { calendarDay } from '../request-schemas.js';
import { CSV_DIALECTS, GROUP_BY, MAX_RANGE_DAYS } from '../stats.js';

const DAY_MS = 86_400_000;

interface DayRange {
  from: string;
  to: string;
}
const daysIn = (q: DayRange) => (Date.parse(q.to) - Date.parse(q.from)) / DAY_MS + 1;
const rangeChecks = [
  z.refine<DayRange>((q) => q.to >= q.from, { path: ['to'], message: 'must not be before from' }),
  z.refine<DayRange>((q) => daysIn(q) <= MAX_RANGE_DAYS, {
    path: ['to'],
    message: `the range may cover at most ${MAX_RANGE_DAYS} days`,
  }),
];

/** A range of local days, `from` to `to` inclusive, at most `MAX_RANGE_DAYS`. */
export const rangeQuery = z
  .strictObject({ from: calendarDay, to: calendarDay })
  .check(...rangeChecks);
/** `names=true` adds the name on each booking to an export (a manager's request, audited). */
const bookingNames = z.optional(
  z.enum(['true', 'false']).register(z.globalRegistry, {
    description:
      "true: add each booked visitor's name (column 'Randevu adı'; empty once erased). The request is written to the audit log.",
  }),
);
/** An export's range, and whether to add booking names. */
export const exportQuery = z
  .strictObject({ from: calendarDay, to: calendarDay, names: bookingNames })
  .check(...rangeChecks);
// The API has no page language: without `dialect` it stays RFC 4180, as tools and scripts
// written before the dialect existed expect; the manager page asks for `excel-tr` in Turkish.
export const csvQuery = z
  .strictObject({
    from: calendarDay,
    to: calendarDay,
    names: bookingNames,
    dialect: z.optional(z.enum(CSV_DIALECTS)).register(z.globalRegistry, {
      description:
        'rfc4180 (default): comma separator, dot decimals. excel-tr: semicolon separator, comma decimals, dates DD.MM.YYYY, as Turkish Excel opens it.',
    }),
  })
  .check(...rangeChecks);
export const statsQuery = z
  .strictObject({ from: calendarDay, to: calendarDay, groupBy: z.optional(z.enum(GROUP_BY)) })
  .check(...rangeChecks);

export const statsReport = endpoint({
  method: 'get',
  path: '/stats',
  summary:
    'Aggregates of your hall for a range of local days, grouped by day, hour, weekday, weekday and hour (weekday-hour, keys like 1-09), service, counter or clerk.',
  tag: 'stats',
  query: statsQuery,
  reply: statsReportReply,
});

export const estimateAccuracy = endpoint({
  method: 'get',
  path: '/stats/estimates',
  summary:
    'How well the waits promised at issue came true in your hall over a range of local days: median absolute error, shares within ±2 and ±5 minutes and the tendency, in total, by service and by hour of issue.',
  tag: 'stats',
  query: rangeQuery,
  reply: estimateAccuracyReply,
});

export const EXPORT_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What each export is sent as. */
export const EXPORT_MEDIA_TYPE: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

const exportFields = (format: ExportFormat) =>
  ({
    method: 'get',
    path: `/exports/tickets.${format}`,
    summary: `One row per visit of your hall in the range, as ${format.toUpperCase()} (streamed).`,
    tag: 'stats',
    reply: fileReply(EXPORT_MEDIA_TYPE[format], `The visits as ${format.toUpperCase()}, streamed.`),
  }) as const;

/** `GET /api/exports/tickets.<format>`: the visits of a range as a file (CSV takes `dialect`). */
export const exportTickets = {
  csv: endpoint({ ...exportFields('csv'), query: csvQuery }),
  xlsx: endpoint({ ...exportFields('xlsx'), query: exportQuery }),
  json: endpoint({ ...exportFields('json'), query: exportQuery }),
};
