import { counterActionBodies, COUNTER_ACTIONS, type CounterAction } from '../counter-commands.js';
import type * as core from 'zod/v4/core';
import { endpoint, type Endpoint } from '../endpoint.js';
import { counterCommandReply } from '../reply-schemas.js';
import { counterParams } from '../request-schemas.js';

const SUMMARY: Record<CounterAction, string> = {
  open: 'Take the counter (one clerk per counter).',
  pause: 'Pause with a reason.',
  resume: 'Resume after a pause.',
  close: 'Close the counter and release it.',
  'call-next': 'Call the next visitor by the ordering policy.',
  call: 'Call a specific waiting ticket by its number.',
  recall: 'Call the current visitor again (announced again).',
  start: 'The visitor arrived: start the visit.',
  complete:
    'Finish the visit with an outcome and an optional note; a forwarded visit names the directorate (`directorateId`, an active one of the hall).',
  'no-show': 'The called visitor did not come.',
  requeue: 'Put the called visitor back at the end of the line.',
  transfer: 'Send the visitor to another service, keeping the number (front or back of that line).',
  restore: 'Put a no-show back at the front of the line, within the grace window.',
};

/** `POST /api/counters/:counterId/<action>`: the action's body, the counter and ticket after it. */
export type CounterActionEndpoint<A extends CounterAction> = Endpoint<
  typeof counterParams,
  core.$ZodType<Record<string, never>>,
  (typeof counterActionBodies)[A] & core.$ZodType,
  typeof counterCommandReply
>;

function actionEndpoint<A extends CounterAction>(action: A): CounterActionEndpoint<A> {
  return endpoint({
    method: 'post',
    path: `/counters/:counterId/${action}`,
    summary: SUMMARY[action],
    tag: 'counters',
    params: counterParams,
    body: counterActionBodies[action],
    reply: counterCommandReply,
  }) as CounterActionEndpoint<A>; // TypeScript cannot follow `A` through endpoint()'s inference
}

export type CounterActionEndpoints = { [A in CounterAction]: CounterActionEndpoint<A> };

/** The endpoint of each counter action, keyed by action (`counterAction['call-next']`). */
export const counterAction = Object.fromEntries(
  COUNTER_ACTIONS.map((action) => [action, actionEndpoint(action)]),
) as CounterActionEndpoints;
