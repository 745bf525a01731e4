import {
  MAX_DAYS_AHEAD,
  MAX_DAYS_BACK,
  staffingPlan,
} from '../../../contract/endpoints/staffing.js';
import { fail, localDay, ok } from '../domain/index.js';
import { addDays } from '../stats/staffing/staffing-plan.js';
import type { StaffingService } from '../stats/staffing/staffing-service.js';
import type { RouteDeps } from './deps.js';
import { route, type RouteDef } from './route.js';

export function staffingRoutes(deps: RouteDeps & { staffing: StaffingService }): RouteDef[] {
  return [
    route({
      endpoint: staffingPlan,
      access: 'manager',
      hall: 'own',
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
