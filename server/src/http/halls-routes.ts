import type { Hall } from '../../../contract/domain.js';
import type { ServiceView } from '../../../contract/api.js';
import { hallOf, type Actor } from '../auth/actor.js';
import { fail, ok, serviceQueues, type Result } from '../domain/index.js';
import type { HallQueue } from '../queue/hall-queue.js';
import { staffViewerOf } from '../queue/staff-privacy.js';
import { displaySnapshot, staffSnapshot } from '../queue/views.js';
import type { RouteDeps } from './deps.js';
import { route, type RouteDef } from './route.js';
import { hallParams } from './schemas.js';

/** The hall's queue, if it exists and (for a signed-in actor) is the actor's own. */
export function ownHall(deps: RouteDeps, hallId: string, actor: Actor): Result<HallQueue> {
  const queue = deps.queues.hall(hallId);
  if (!queue) return fail('hall-not-found', `No hall ${hallId}.`, 'hallId');
  const own = hallOf(actor);
  if (own !== null && own !== hallId) return fail('forbidden', 'This is not your hall.');
  return ok(queue);
}

export function hallsRoutes(deps: RouteDeps): RouteDef[] {
  return [
    route({
      method: 'get',
      path: '/halls',
      summary: 'The service halls: id, name and time zone.',
      tag: 'halls',
      access: 'public',
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
      params: hallParams,
      handler: ({ params }) => {
        const queue = deps.queues.hall(params.hallId);
        if (!queue) return fail('hall-not-found', `No hall ${params.hallId}.`, 'hallId');
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
      params: hallParams,
      handler: ({ params, actor }) => {
        const queue = ownHall(deps, params.hallId, actor);
        if (!queue.ok) return queue;
        const q = queue.value;
        if (actor.kind !== 'user') return fail('forbidden', 'Staff only.');
        const viewer = staffViewerOf(actor.user);
        return ok(staffSnapshot(q.state, q.config, deps.now(), deps.queues.clerkName, viewer));
      },
    }),
    route({
      method: 'get',
      path: '/halls/:hallId/display',
      summary: 'What the lobby display shows: current calls, recent calls, waiting per service.',
      tag: 'halls',
      access: 'device',
      params: hallParams,
      handler: ({ params, actor }) => {
        const queue = ownHall(deps, params.hallId, actor);
        if (!queue.ok) return queue;
        return ok(displaySnapshot(queue.value.state, queue.value.config, deps.now()));
      },
    }),
  ];
}
