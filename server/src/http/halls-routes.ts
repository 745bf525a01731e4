import {
  hallDisplay,
  hallQueue,
  hallServices,
  listHalls,
} from '../../../contract/endpoints/halls.js';
import type { Hall } from '../../../contract/domain.js';
import type { ServiceView } from '../../../contract/api.js';
import { fail, ok, serviceQueues } from '../domain/index.js';
import { staffViewerOf } from '../queue/staff-privacy.js';
import { displaySnapshot, staffSnapshot } from '../queue/views.js';
import type { RouteDeps } from './deps.js';
import { route, type RouteDef } from './route.js';

export function hallsRoutes(deps: RouteDeps): RouteDef[] {
  return [
    route({
      endpoint: listHalls,
      access: 'public',
      hall: 'none',
      handler: () =>
        [...deps.queues.halls()].map(
          ({ config: { hall } }): Pick<Hall, 'id' | 'name' | 'timeZone'> => ({
            id: hall.id,
            name: hall.name,
            timeZone: hall.timeZone,
          }),
        ),
    }),
    route({
      endpoint: hallServices,
      access: 'public',
      hall: 'path',
      handler: ({ hall: queue }) => {
        const queues = new Map(
          serviceQueues(queue.state, queue.config).map((q) => [q.serviceId, q]),
        );
        return ok(
          [...queue.config.services.values()].map((s): ServiceView => {
            const { serviceId: _id, ...q } = queues.get(s.id)!;
            return { ...s, ...q };
          }),
        );
      },
    }),
    route({
      endpoint: hallQueue,
      access: 'staff',
      hall: 'path',
      handler: ({ hall, actor }) => {
        if (actor.kind !== 'user') return fail('forbidden', 'Staff only.');
        const viewer = staffViewerOf(actor.user);
        return ok(
          staffSnapshot(hall.state, hall.config, deps.now(), deps.queues.clerkName, viewer),
        );
      },
    }),
    route({
      endpoint: hallDisplay,
      access: 'device',
      hall: 'path',
      handler: ({ hall }) => ok(displaySnapshot(hall.state, hall.config, deps.now())),
    }),
  ];
}
