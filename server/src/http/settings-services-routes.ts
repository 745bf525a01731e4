import {
  createCounter,
  createService,
  updateCounter,
  updateService,
} from '../../../contract/endpoints/settings-services.js';
import { randomUUID } from 'node:crypto';
import type { Counter, Service } from '../../../contract/domain.js';
import type { ConfigData } from '../config/config-data.js';
import type { RouteDeps } from './deps.js';
import { route, type RouteDef } from './route.js';
import {
  changeSettings,
  findInHall,
  keysChange,
  refuse,
  serviceInHall,
  show,
} from './settings-support.js';

const SERVICE_KEYS = ['name', 'prefix', 'targetMinutes', 'active'] as const;

const COUNTER_KEYS = ['number', 'name', 'services'] as const;

/**
 * A prefix must be unique among the hall's services, and must not be one already printed on a
 * ticket today by another service: the new service would count on from its own sequence and
 * could hand out a number (and ticket id) that exists.
 */
function checkPrefix(
  deps: RouteDeps,
  draft: ConfigData,
  hallId: string,
  s: Service,
  previous: string | null,
): void {
  const taken = draft.services.find(
    (o) => o.hallId === hallId && o.id !== s.id && o.prefix === s.prefix,
  );
  if (taken) refuse('conflict', `Prefix ${s.prefix} is used by ${taken.name.tr}.`, 'prefix');
  if (previous === s.prefix) return;
  for (const t of deps.queues.hall(hallId)?.state.tickets.values() ?? []) {
    if (t.number.replace(/\d+$/, '') === s.prefix)
      refuse(
        'conflict',
        `Prefix ${s.prefix} is on tickets issued today; choose another or change it after midnight.`,
        'prefix',
      );
  }
}

function checkCounter(
  deps: RouteDeps,
  draft: ConfigData,
  hallId: string,
  c: Counter,
  previous: number | null,
): void {
  c.services.forEach(({ serviceId }, i) => {
    if (!draft.services.some((s) => s.id === serviceId && s.hallId === hallId))
      refuse('validation', `No service ${serviceId} in this hall.`, `services.${i}.serviceId`);
  });
  if (draft.counters.some((o) => o.hallId === hallId && o.id !== c.id && o.number === c.number))
    refuse('conflict', `There is a counter ${c.number} already.`, 'number');
  if (previous === null || previous === c.number) return;
  // A called visitor was told a counter number: it must not change under them.
  const current = deps.queues.hall(hallId)?.state.counters.get(c.id)?.currentTicketId;
  if (current)
    refuse(
      'counter-busy',
      `Counter ${previous} has a visitor now; renumber it when it is free.`,
      'number',
    );
}

export function settingsServicesRoutes(deps: RouteDeps): RouteDef[] {
  return [
    route({
      endpoint: createService,
      access: 'admin',
      hall: 'own',
      handler: ({ body, actor }) =>
        changeSettings(deps, actor, 'service.create', (draft, hallId) => {
          const service: Service = { id: randomUUID(), hallId, ...body };
          checkPrefix(deps, draft, hallId, service, null);
          draft.services.push(service);
          return {
            value: service,
            detail: `service ${service.prefix} ${show(service.name)} created (target ${service.targetMinutes} min, ${service.active ? 'active' : 'inactive'})`,
          };
        }),
    }),
    route({
      endpoint: updateService,
      access: 'admin',
      hall: 'own',
      handler: ({ params, body, actor }) =>
        changeSettings(deps, actor, 'service.update', (draft, hallId) => {
          const service = serviceInHall(draft, params.serviceId, hallId);
          const before = { ...service };
          Object.assign(service, body);
          checkPrefix(deps, draft, hallId, service, before.prefix);
          return keysChange(`service ${before.prefix}`, before, service, SERVICE_KEYS, service);
        }),
    }),
    route({
      endpoint: createCounter,
      access: 'admin',
      hall: 'own',
      handler: ({ body, actor }) =>
        changeSettings(deps, actor, 'counter.create', (draft, hallId) => {
          const counter: Counter = { id: randomUUID(), hallId, ...body };
          checkCounter(deps, draft, hallId, counter, null);
          draft.counters.push(counter);
          return {
            value: counter,
            detail: `counter ${counter.number} '${counter.name}' created covering ${show(counter.services)}`,
          };
        }),
    }),
    route({
      endpoint: updateCounter,
      access: 'admin',
      hall: 'own',
      handler: ({ params, body, actor }) =>
        changeSettings(deps, actor, 'counter.update', (draft, hallId) => {
          const counter = findInHall(
            draft.counters,
            params.counterId,
            hallId,
            'counter',
            'counterId',
            'counter-not-found',
          );
          const before = structuredClone(counter);
          Object.assign(counter, body);
          checkCounter(deps, draft, hallId, counter, before.number);
          return keysChange(`counter ${before.number}`, before, counter, COUNTER_KEYS, counter);
        }),
    }),
  ];
}
