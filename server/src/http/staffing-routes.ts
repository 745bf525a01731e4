import { z } from 'zod';
import { fail, isCalendarDay, localDay, ok } from '../domain/index.js';
import { addDays } from '../stats/staffing/staffing-plan.js';
import type { StaffingService } from '../stats/staffing/staffing-service.js';
import type { RouteDeps } from './deps.js';
import { staffingPlanReply } from '../../../contract/reply-schemas.js';
import { route, type RouteDef } from './route.js';

/** A plan looks this far ahead at most: further out, most of its eight weeks are unlived. */
export const MAX_DAYS_AHEAD = 28;
/** And this far back (to compare a past day's plan with what happened). */
export const MAX_DAYS_BACK = 400;

const staffingQuery = z.strictObject({
  date: z
    .string()
    .refine(isCalendarDay, 'expected a real date written YYYY-MM-DD')
    .optional()
    .describe('The day to plan (default: tomorrow in the hall’s time zone).'),
  targetWaitMinutes: z.coerce
    .number()
    .min(0.5)
    .max(120)
    .optional()
    .describe('The mean wait to stay under, in minutes (default 5).'),
});

export function staffingRoutes(deps: RouteDeps & { staffing: StaffingService }): RouteDef[] {
  return [
    route({
      method: 'get',
      path: '/stats/staffing',
      summary:
        'Staffing plan of your hall for a day: forecast visits per hour, counters needed to keep the mean wait under the target (Erlang C), counters open on the same weekdays before, and a back-test of the forecast.',
      tag: 'stats',
      access: 'manager',
      hall: 'own',
      reply: staffingPlanReply,
      query: staffingQuery,
      handler: async ({ query, hall: queue }) => {
        const { hallId, config } = queue;
        const today = localDay(deps.now(), config.hall.timeZone);
        const date = query.date ?? addDays(today, 1);
        if (date > addDays(today, MAX_DAYS_AHEAD) || date < addDays(today, -MAX_DAYS_BACK))
          return fail(
            'validation',
            `date: choose a day at most ${MAX_DAYS_AHEAD} days ahead and ${MAX_DAYS_BACK} days back`,
            'date',
          );
        const plan = await deps.staffing.plan(hallId, date, query.targetWaitMinutes ?? 5);
        return plan ? ok(plan) : fail('hall-not-found', 'Your hall is not configured.');
      },
    }),
  ];
}
