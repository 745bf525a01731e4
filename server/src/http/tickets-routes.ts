import {
  cancelTicket,
  issueTicket,
  rateVisit,
  requestSms,
  ticketStatus,
  withdrawSms,
} from '../../../contract/endpoints/tickets.js';
import type { IssuedTicket } from '../../../contract/api.js';
import type { Actor } from '../auth/actor.js';
import { fail, ok } from '../domain/index.js';
import { ticketStatusView } from '../queue/views.js';
import type { RouteDeps } from './deps.js';
import { route, type RouteDef } from './route.js';

/**
 * The reply a staff member gets for a ticket they issue for a visitor: the ticket without its
 * phone code and the status link that carries it (see queue/staff-privacy.ts). With the code a
 * clerk could issue, serve and then rate their own visit, as the rating route is public.
 */
export type StaffIssuedTicket = Omit<IssuedTicket, 'code' | 'statusUrl'>;

function withoutCode({ code: _code, statusUrl: _url, ...ticket }: IssuedTicket): StaffIssuedTicket {
  return ticket;
}

/**
 * What the issuer of a durable ticket gets: a kiosk the whole ticket, printed on its printer
 * (after the ticket is durable: a failed print never loses it); staff the ticket without its
 * phone code. Shared by ticket issue and appointment check-in.
 */
export async function issuedReply(
  deps: Pick<RouteDeps, 'print'>,
  actor: Actor,
  issued: IssuedTicket,
): Promise<IssuedTicket | StaffIssuedTicket> {
  if (actor.kind !== 'device') return withoutCode(issued);
  return { ...issued, print: await deps.print.printTicket(actor.device.id, issued) };
}

export function ticketsRoutes(deps: RouteDeps): RouteDef[] {
  return [
    route({
      endpoint: issueTicket,
      access: 'kiosk',
      limiter: deps.limiters.issue,
      hall: 'path',
      handler: async ({ params, body, actor }) => {
        const issued = await deps.queues.issue(params.hallId, {
          serviceId: body.serviceId,
          priority: body.priority ?? null,
          lang: body.lang ?? 'tr',
        });
        if (!issued.ok) return issued;
        return ok(await issuedReply(deps, actor, issued.value));
      },
    }),
    route({
      endpoint: ticketStatus,
      access: 'public',
      hall: 'none',
      handler: ({ params, res }) => {
        res.setHeader('Cache-Control', 'no-store');
        const found = deps.queues.ticketByCode(params.code);
        if (!found)
          return fail(
            'ticket-not-found',
            'This ticket is unknown or no longer valid (tickets are valid on their day only).',
          );
        return ok(ticketStatusView(found.ticket, found.queue.state, found.queue.config));
      },
    }),
    route({
      endpoint: rateVisit,
      access: 'public',
      hall: 'none',
      limiter: deps.limiters.issue,
      handler: async ({ params, body }) => {
        const done = await deps.queues.rateByVisitor(
          params.code,
          body.rating,
          body.comment || null,
        );
        if (!done.ok) return done;
        const found = deps.queues.ticketByCode(params.code)!;
        return ok(ticketStatusView(found.ticket, found.queue.state, found.queue.config));
      },
    }),
    route({
      endpoint: cancelTicket,
      access: 'public',
      hall: 'none',
      handler: async ({ params }) => {
        const done = await deps.queues.cancelByVisitor(params.code);
        if (!done.ok) return done;
        const found = deps.queues.ticketByCode(params.code)!;
        return ok(ticketStatusView(found.ticket, found.queue.state, found.queue.config));
      },
    }),
    // The SMS when the turn nears: `consent: true` is required by the body's schema; the reply
    // says whether one is requested, never the number.
    route({
      endpoint: requestSms,
      access: 'public',
      hall: 'none',
      limiter: deps.limiters.issue,
      handler: async ({ params, body }) => {
        const done = await deps.queues.smsByVisitor(params.code, body.phone);
        if (!done.ok) return done;
        const found = deps.queues.ticketByCode(params.code)!;
        return ok(ticketStatusView(found.ticket, found.queue.state, found.queue.config));
      },
    }),
    route({
      endpoint: withdrawSms,
      access: 'public',
      hall: 'none',
      limiter: deps.limiters.issue,
      handler: async ({ params }) => {
        const done = await deps.queues.smsByVisitor(params.code, null);
        if (!done.ok) return done;
        const found = deps.queues.ticketByCode(params.code)!;
        return ok(ticketStatusView(found.ticket, found.queue.state, found.queue.config));
      },
    }),
  ];
}
