import { directorateChoices } from '../../../contract/endpoints/halls.js';
import {
  createDirectorate,
  updateDirectorate,
} from '../../../contract/endpoints/settings-directorates.js';
import { randomUUID } from 'node:crypto';
import type { Directorate } from '../../../contract/domain.js';
import type { DirectorateChoice } from '../../../contract/settings.js';
import type { ConfigData } from '../config/config-data.js';
import { directoratesOf, materialiseDirectorates } from '../config/directorates.js';
import { ok } from '../domain/index.js';
import type { RouteDeps } from './deps.js';
import { route, type RouteDef } from './route.js';
import { changeSettings, findInHall, refuse } from './settings-support.js';

/** Two directorates of a hall never share a Turkish name: a clerk could not tell them apart. */
function checkName(draft: ConfigData, hallId: string, d: Directorate): void {
  const key = d.name.tr.toLocaleLowerCase('tr');
  const taken = (draft.directorates ?? []).find(
    (o) => o.hallId === hallId && o.id !== d.id && o.name.tr.toLocaleLowerCase('tr') === key,
  );
  if (taken)
    refuse(
      'conflict',
      `There is a directorate ${taken.name.tr} already${taken.active ? '' : ' (retired: bring it back instead)'}.`,
      'name.tr',
    );
}

const state = (active: boolean) => (active ? 'kullanımda' : 'kullanım dışı');

/** The audit sentence of a change, in Turkish as the manager reads the log. */
function describe(before: Directorate, after: Directorate): string | null {
  const parts: string[] = [];
  if (before.name.tr !== after.name.tr) parts.push(`adı '${before.name.tr}' → '${after.name.tr}'`);
  if ((before.name.en ?? '') !== (after.name.en ?? ''))
    parts.push(`İngilizce adı '${before.name.en ?? ''}' → '${after.name.en ?? ''}'`);
  if (before.active !== after.active)
    parts.push(after.active ? 'yeniden kullanıma alındı' : 'kullanımdan kaldırıldı');
  return parts.length ? `Müdürlük '${before.name.tr}': ${parts.join(', ')}` : null;
}

/** Admin edits of the hall's directorate list, and the list a clerk chooses from. */
export function settingsDirectoratesRoutes(deps: RouteDeps): RouteDef[] {
  return [
    route({
      endpoint: directorateChoices,
      access: 'staff',
      hall: 'path',
      handler: ({ params, hall }) => {
        const today = new Map<string, number>();
        for (const t of hall.state.tickets.values())
          if (t.outcome === 'forwarded' && t.directorateId)
            today.set(t.directorateId, (today.get(t.directorateId) ?? 0) + 1);
        const choices: DirectorateChoice[] = directoratesOf(deps.config.read(), params.hallId)
          .filter((d) => d.active)
          .map((d) => ({ id: d.id, name: d.name, forwardedToday: today.get(d.id) ?? 0 }));
        // A stable sort keeps the admin's order among equals.
        return ok(choices.sort((a, b) => b.forwardedToday - a.forwardedToday));
      },
    }),
    route({
      endpoint: createDirectorate,
      access: 'admin',
      hall: 'own',
      handler: ({ body, actor }) =>
        changeSettings(deps, actor, 'directorate.create', (draft, hallId) => {
          const list = materialiseDirectorates(draft, hallId);
          const d: Directorate = { id: randomUUID(), hallId, ...body };
          checkName(draft, hallId, d);
          list.push(d);
          return {
            value: d,
            detail: `Müdürlük '${d.name.tr}' eklendi (${state(d.active)})`,
          };
        }),
    }),
    route({
      endpoint: updateDirectorate,
      access: 'admin',
      hall: 'own',
      handler: ({ params, body, actor }) =>
        changeSettings(deps, actor, 'directorate.update', (draft, hallId) => {
          const list = materialiseDirectorates(draft, hallId);
          const d = findInHall(list, params.directorateId, hallId, 'directorate', 'directorateId');
          const before = structuredClone(d);
          Object.assign(d, body);
          checkName(draft, hallId, d);
          return { value: d, detail: describe(before, d) };
        }),
    }),
  ];
}
