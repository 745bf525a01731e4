import type { CounterCommandResult } from '../../../contract/api.js';
import type { Endpoint } from '../../../contract/endpoint.js';
import { counterAction } from '../../../contract/endpoints/counters.js';
import { roleAtLeast } from '../auth/actor.js';
import { fail, type Result } from '../domain/index.js';
import type { CounterCommand } from '../queue/queue-service.js';
import type { RouteDeps } from './deps.js';
import { route, type Parsed, type RouteContext, type RouteDef } from './route.js';

/**
 * The counter actions (contract/counter-commands.ts), one route each: the endpoint's body,
 * validated and typed per action, becomes the queue's command.
 */
export function counterRoutes(deps: RouteDeps): RouteDef[] {
  /** The handler of one action: its endpoint types the body `toCommand` gets. */
  const command =
    <E extends Endpoint>(_endpoint: E, toCommand: (body: Parsed<E['body']>) => CounterCommand) =>
    async ({
      params,
      body,
      actor,
    }: RouteContext<{ counterId: string }, Parsed<E['body']>, unknown, 'counter'>): Promise<
      Result<CounterCommandResult>
    > => {
      if (actor.kind !== 'user') return fail('forbidden', 'Staff only.');
      return deps.queues.counterCommand(
        params.counterId,
        { userId: actor.user.id, mayOverride: roleAtLeast(actor.user.role, 'manager') },
        toCommand(body),
      );
    };
  const at = { access: 'staff', hall: 'counter' } as const;
  const a = counterAction;
  return [
    route({ endpoint: a.open, ...at, handler: command(a.open, () => ({ type: 'open' })) }),
    route({
      endpoint: a.pause,
      ...at,
      handler: command(a.pause, ({ reason }) => ({ type: 'pause', reason })),
    }),
    route({ endpoint: a.resume, ...at, handler: command(a.resume, () => ({ type: 'resume' })) }),
    route({ endpoint: a.close, ...at, handler: command(a.close, () => ({ type: 'close' })) }),
    route({
      endpoint: a['call-next'],
      ...at,
      handler: command(a['call-next'], () => ({ type: 'call-next' })),
    }),
    route({
      endpoint: a.call,
      ...at,
      handler: command(a.call, ({ number }) => ({ type: 'call', number })),
    }),
    route({ endpoint: a.recall, ...at, handler: command(a.recall, () => ({ type: 'recall' })) }),
    route({ endpoint: a.start, ...at, handler: command(a.start, () => ({ type: 'start' })) }),
    route({
      endpoint: a.complete,
      ...at,
      handler: command(a.complete, ({ outcome, directorateId, note }) => ({
        type: 'complete',
        outcome,
        directorateId: directorateId ?? null,
        note: note || null,
      })),
    }),
    route({
      endpoint: a['no-show'],
      ...at,
      handler: command(a['no-show'], () => ({ type: 'no-show' })),
    }),
    route({ endpoint: a.requeue, ...at, handler: command(a.requeue, () => ({ type: 'requeue' })) }),
    route({
      endpoint: a.transfer,
      ...at,
      handler: command(a.transfer, ({ serviceId, position }) => ({
        type: 'transfer',
        serviceId,
        position,
      })),
    }),
    route({
      endpoint: a.restore,
      ...at,
      handler: command(a.restore, ({ number }) => ({ type: 'restore', number })),
    }),
  ];
}
