import type { CounterCommandResult } from '../../contract/api.js';
import type { ApiResult } from './api-client.js';
import type { CounterAction } from './state/actions.js';

/**
 * Sends one counter command for the screen that shows it. The workspace owns the request; the
 * main screen and its panels (actions, no-shows) receive it as a property, so each of them
 * imports this type, not the element that passes it down.
 */
export type RunCommand = (
  action: CounterAction,
  body?: object,
) => Promise<ApiResult<CounterCommandResult>>;
