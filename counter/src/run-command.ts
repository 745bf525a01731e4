import type { CounterCommandResult } from '../../contract/api.js';
import type { CallResult } from '../../contract/client.js';
import type { CounterActionBody } from '../../contract/counter-commands.js';
import type { CounterAction } from './state/actions.js';

/** The body an action takes: left out when the action takes none. */
export type ActionBody<A extends CounterAction | 'open'> =
  Record<never, never> extends CounterActionBody<A>
    ? [body?: CounterActionBody<A>]
    : [body: CounterActionBody<A>];

/**
 * Sends one counter command for the screen that shows it, with the body of that action. The
 * workspace owns the request; the main screen and its panels (actions, no-shows) receive it as
 * a property, so each of them imports this type, not the element that passes it down.
 */
export type RunCommand = <A extends CounterAction>(
  action: A,
  ...body: ActionBody<A>
) => Promise<CallResult<CounterCommandResult>>;
