import * as z from 'zod/mini';
import { endpoint } from '../endpoint.js';
import { staffingPlanReply } from '../reply-schemas.js';
import { calendarDay } from '../request-schemas.js';

/** A plan looks this far ahead at most: further out, most of its eight weeks are unlived. */
export const MAX_DAYS_AHEAD = 28;
/** And this far back (to compare a past day's plan with what happened). */
export const MAX_DAYS_BACK = 400;

export const staffingQuery = z.strictObject({
  date: z.optional(calendarDay).register(z.globalRegistry, {
    description: 'The day to plan (default: tomorrow in the hall’s time zone).',
  }),
  targetWaitMinutes: z
    .optional(z.coerce.number().check(z.gte(0.5), z.lte(120)))
    .register(z.globalRegistry, {
      description: 'The mean wait to stay under, in minutes (default 5).',
    }),
});

export const staffingPlan = endpoint({
  method: 'get',
  path: '/stats/staffing',
  summary:
    'Staffing plan of your hall for a day: forecast visits per hour, counters needed to keep the mean wait under the target (Erlang C), counters open on the same weekdays before, and a back-test of the forecast.',
  tag: 'stats',
  query: staffingQuery,
  reply: staffingPlanReply,
});
