import { counterActionBodies, COUNTER_ACTIONS, type CounterAction } from '../counter-commands.js';
import { endpoint } from '../endpoint.js';
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

function actionEndpoint<A extends CounterAction>(action: A) {
  return endpoint({
    method: 'post',
    path: `/counters/:counterId/${action}`,
    summary: SUMMARY[action],
    tag: 'counters',
    params: counterParams,
    body: counterActionBodies[action],
    reply: counterCommandReply,
  });
}

/** `POST /api/counters/:counterId/<action>`, one endpoint per counter action. */
export type CounterActionEndpoints = { [A in CounterAction]: ReturnType<typeof actionEndpoint<A>> };

/** The endpoint of each counter action, keyed by action (`counterAction['call-next']`). */
export const counterAction = Object.fromEntries(
  COUNTER_ACTIONS.map((action) => [action, actionEndpoint(action)]),
) as CounterActionEndpoints;
