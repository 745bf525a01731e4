import type { Hall } from '../../../contract/domain.js';
import type { ServiceView } from '../../../contract/api.js';
import { fail, ok, serviceQueues } from '../domain/index.js';
import { staffViewerOf } from '../queue/staff-privacy.js';
import { displaySnapshot, staffSnapshot } from '../queue/views.js';
import type { RouteDeps } from './deps.js';
import {
  displaySnapshotReply,
  hallListReply,
  serviceViewsReply,
  staffSnapshotReply,
} from '../../../contract/reply-schemas.js';
import { route, type RouteDef } from './route.js';
import { hallParams } from './schemas.js';

export function hallsRoutes(deps: RouteDeps): RouteDef[] {
  return [
    route({
      method: 'get',
      path: '/halls',
      summary: 'The service halls: id, name and time zone.',
      tag: 'halls',
      access: 'public',
      hall: 'none',
      reply: hallListReply,
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
      method: 'get',
      path: '/halls/:hallId/services',
      summary: "The hall's services with people waiting and the estimated wait (kiosk buttons).",
      tag: 'halls',
      access: 'public',
      hall: 'path',
      reply: serviceViewsReply,
      params: hallParams,
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
      method: 'get',
      path: '/halls/:hallId/queue',
      summary:
        "Today's full queue of the hall for staff: counters, services, open and recent tickets.",
      tag: 'halls',
      access: 'staff',
      hall: 'path',
      reply: staffSnapshotReply,
      params: hallParams,
      handler: ({ hall, actor }) => {
        if (actor.kind !== 'user') return fail('forbidden', 'Staff only.');
        const viewer = staffViewerOf(actor.user);
        return ok(
          staffSnapshot(hall.state, hall.config, deps.now(), deps.queues.clerkName, viewer),
        );
      },
    }),
    route({
      method: 'get',
      path: '/halls/:hallId/display',
      summary: 'What the lobby display shows: current calls, recent calls, waiting per service.',
      tag: 'halls',
      access: 'device',
      hall: 'path',
      reply: displaySnapshotReply,
      params: hallParams,
      handler: ({ hall }) => ok(displaySnapshot(hall.state, hall.config, deps.now())),
    }),
  ];
}
