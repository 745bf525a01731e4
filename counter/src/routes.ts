import type { signOut, whoAmI } from '../../contract/endpoints/auth.js';
import type { CounterActionEndpoints } from '../../contract/endpoints/counters.js';
import type { directorateChoices } from '../../contract/endpoints/halls.js';
import type * as core from 'zod/v4/core';
import type {
  counterActionBodies,
  CounterAction as AnyCounterAction,
} from '../../contract/counter-commands.js';
import type { Endpoint } from '../../contract/endpoint.js';
import { route, type Route } from '../../contract/client.js';

/*
 * The counter's endpoints as routes (method and path, typed by the contract endpoint) rather
 * than the endpoints themselves: their zod schemas would add about 13 kB gzipped to a page that
 * never runs them (the server checks every request). tests/unit/contract/client.test.ts checks
 * each route against its endpoint.
 */

export const WHO_AM_I = route<typeof whoAmI>('get', '/auth/me');
export const SIGN_OUT = route<typeof signOut>('post', '/auth/logout');
export const DIRECTORATE_CHOICES = route<typeof directorateChoices>(
  'get',
  '/halls/:hallId/directorates',
);

/**
 * Any counter action's endpoint: all take the counter in the path and answer the command's
 * result; the body is the action's own (`ActionBody` in run-command.ts types it per action).
 */
type CommandEndpoint = Endpoint<
  NonNullable<CounterActionEndpoints['open']['params']>,
  core.$ZodType<Record<string, never>>,
  (typeof counterActionBodies)[AnyCounterAction],
  CounterActionEndpoints['open']['reply']
>;

/** `POST /api/counters/:counterId/<action>`. */
export function counterActionRoute(action: AnyCounterAction): Route<CommandEndpoint> {
  return route<CommandEndpoint>('post', `/counters/:counterId/${action}`);
}
