import {
  auditLog,
  settingsOverview,
  updateHall,
} from '../../../contract/endpoints/settings-hall.js';
import type { Hall } from '../../../contract/domain.js';
import type { AuditEntryView, SettingsView } from '../../../contract/settings.js';
import { canonicalTimeZone } from '../../../contract/settings-schemas.js';
import { directoratesOf } from '../config/directorates.js';
import { fail, localDay, ok } from '../domain/index.js';
import { auditTargets } from './audit-targets.js';
import type { RouteDeps } from './deps.js';
import { route, type RouteDef } from './route.js';
import { settingsDevicesRoutes } from './settings-devices-routes.js';
import { settingsDirectoratesRoutes } from './settings-directorates-routes.js';
import { settingsPrintersRoutes } from './settings-printers-routes.js';
import { settingsServicesRoutes } from './settings-services-routes.js';
import {
  changeSettings,
  describeChanges,
  hallWithDefaults,
  printerView,
  refuse,
  userView,
  deviceView,
} from './settings-support.js';
import { settingsUsersRoutes } from './settings-users-routes.js';
import { settingsWebhooksRoutes } from './settings-webhooks-routes.js';

const HALL_FIELDS = [
  'name',
  'timeZone',
  'priorityRatio',
  'escalationMinutes',
  'noShowGraceMinutes',
  'noteRetentionDays',
  'whenNoCounterOpen',
  'smsNotifyAhead',
] as const satisfies readonly (keyof Hall)[];

/** Every settings route: the hall and overview here, the rest in their own files. */
export function settingsRoutes(deps: RouteDeps): RouteDef[] {
  return [
    ...hallSettingsRoutes(deps),
    ...settingsServicesRoutes(deps),
    ...settingsUsersRoutes(deps),
    ...settingsDevicesRoutes(deps),
    ...settingsPrintersRoutes(deps),
    ...settingsDirectoratesRoutes(deps),
    ...settingsWebhooksRoutes(deps),
  ];
}

export function hallSettingsRoutes(deps: RouteDeps): RouteDef[] {
  return [
    route({
      endpoint: settingsOverview,
      access: 'admin',
      hall: 'own',
      handler: ({ hall: { hallId } }) => {
        const data = deps.config.read();
        const hall = data.halls.find((h) => h.id === hallId);
        if (!hall) return fail('hall-not-found', `No hall ${hallId}.`);
        const mine = <T extends { hallId: string }>(list: T[]) =>
          list.filter((x) => x.hallId === hallId);
        return ok<SettingsView>({
          hall: hallWithDefaults(hall),
          services: mine(data.services),
          counters: mine(data.counters),
          users: mine(data.users).map(userView),
          devices: mine(data.devices).map(deviceView),
          printers: mine(data.printers).map(printerView),
          directorates: directoratesOf(data, hall.id),
        });
      },
    }),
    route({
      endpoint: updateHall,
      access: 'admin',
      hall: 'path',
      handler: async ({ params, body, actor }) => {
        const patch = { ...body };
        if (patch.timeZone !== undefined) patch.timeZone = canonicalTimeZone(patch.timeZone)!;
        return changeSettings(deps, actor, 'hall.update', (draft) => {
          const hall = draft.halls.find((h) => h.id === params.hallId)!;
          const before = hallWithDefaults(hall);
          const after = { ...before, ...patch };
          if (after.timeZone !== before.timeZone) {
            // The day's journal, numbering and summary belong to one local day: a zone that
            // puts "now" on another calendar day would rewind or skip it.
            const now = deps.now();
            if (localDay(now, after.timeZone) !== localDay(now, before.timeZone))
              refuse(
                'conflict',
                `It is another calendar day in ${after.timeZone} now; change the time zone when both zones share the date.`,
                'timeZone',
              );
          }
          Object.assign(hall, after);
          return {
            value: after,
            detail: ((d) => d && `hall ${hall.id}: ${d}`)(
              describeChanges(before, after, HALL_FIELDS),
            ),
          };
        });
      },
    }),
    route({
      endpoint: auditLog,
      access: 'manager',
      hall: 'own',
      handler: ({ query, hall: { hallId } }) => {
        const data = deps.config.read();
        const users = new Map(data.users.map((u) => [u.id, u]));
        const out: AuditEntryView[] = [];
        const targetOf = auditTargets(data, hallId);
        // Entries carry the acting user; users are never deleted, so the user tells the hall.
        for (let i = data.audit.length - 1; i >= 0 && out.length < query.limit; i--) {
          const e = data.audit[i]!;
          const user = users.get(e.userId);
          if (user?.hallId !== hallId) continue;
          out.push({ ...e, username: user.username, ...targetOf(e) });
        }
        return out;
      },
    }),
  ];
}
