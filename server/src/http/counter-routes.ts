import { z } from 'zod';
import { roleAtLeast } from '../auth/actor.js';
import { fail } from '../domain/index.js';
import type { CounterCommand } from '../queue/queue-service.js';
import type { RouteDeps } from './deps.js';
import { counterCommandReply } from '../../../contract/reply-schemas.js';
import { route, type RouteDef } from './route.js';
import { counterParams, id, outcome, pauseReason, ticketNumber } from './schemas.js';

const empty = z.strictObject({});

/** Each counter action: its body schema, and how the body becomes a command. */
const ACTIONS = {
  open: { summary: 'Take the counter (one clerk per counter).', body: empty },
  pause: { summary: 'Pause with a reason.', body: z.strictObject({ reason: pauseReason }) },
  resume: { summary: 'Resume after a pause.', body: empty },
  close: { summary: 'Close the counter and release it.', body: empty },
  'call-next': { summary: 'Call the next visitor by the ordering policy.', body: empty },
  call: {
    summary: 'Call a specific waiting ticket by its number.',
    body: z.strictObject({ number: ticketNumber }),
  },
  recall: { summary: 'Call the current visitor again (announced again).', body: empty },
  start: { summary: 'The visitor arrived: start the visit.', body: empty },
  complete: {
    summary:
      'Finish the visit with an outcome and an optional note; a forwarded visit names the directorate (`directorateId`, an active one of the hall).',
    body: z.strictObject({
      outcome,
      directorateId: z.optional(id),
      note: z.string().trim().max(500).optional(),
    }),
  },
  'no-show': { summary: 'The called visitor did not come.', body: empty },
  requeue: { summary: 'Put the called visitor back at the end of the line.', body: empty },
  transfer: {
    summary:
      'Send the visitor to another service, keeping the number (front or back of that line).',
    body: z.strictObject({ serviceId: id, position: z.enum(['front', 'back']) }),
  },
  restore: {
    summary: 'Put a no-show back at the front of the line, within the grace window.',
    body: z.strictObject({ number: ticketNumber }),
  },
} as const;

type Action = keyof typeof ACTIONS;

function toCommand(action: Action, body: Record<string, unknown>): CounterCommand {
  if (action === 'complete') {
    const note = typeof body.note === 'string' && body.note.length > 0 ? body.note : null;
    const directorateId = typeof body.directorateId === 'string' ? body.directorateId : null;
    return {
      type: 'complete',
      outcome: body.outcome as 'resolved' | 'forwarded',
      directorateId,
      note,
    };
  }
  return { type: action, ...body } as CounterCommand;
}

export function counterRoutes(deps: RouteDeps): RouteDef[] {
  return (Object.keys(ACTIONS) as Action[]).map((action) =>
    route({
      method: 'post',
      path: `/counters/:counterId/${action}`,
      summary: ACTIONS[action].summary,
      tag: 'counters',
      access: 'staff',
      hall: 'counter',
      reply: counterCommandReply,
      params: counterParams,
      body: ACTIONS[action].body as z.ZodType<Record<string, unknown>>,
      handler: async ({ params, body, actor }) => {
        if (actor.kind !== 'user') return fail('forbidden', 'Staff only.');
        return deps.queues.counterCommand(
          params.counterId,
          { userId: actor.user.id, mayOverride: roleAtLeast(actor.user.role, 'manager') },
          toCommand(action, body),
        );
      },
    }),
  );
}
