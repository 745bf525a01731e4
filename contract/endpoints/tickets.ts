import * as z from 'zod/mini';
import { endpoint } from '../endpoint.js';
import { issuedTicketReply, ticketStatusReply } from '../reply-schemas.js';
import { codeParams, hallParams, issueTicketBody } from '../request-schemas.js';

export const issueTicket = endpoint({
  method: 'post',
  path: '/halls/:hallId/tickets',
  summary:
    'Issue a ticket (kiosk device, or staff issuing for a visitor: staff get it without `code` and `statusUrl`).',
  tag: 'tickets',
  params: hallParams,
  body: issueTicketBody,
  status: 201,
  reply: issuedTicketReply,
});

export const ticketStatus = endpoint({
  method: 'get',
  path: '/tickets/:code',
  summary: "A visitor's view of their own ticket, by its unguessable status code.",
  tag: 'tickets',
  params: codeParams,
  reply: ticketStatusReply,
});

export const rateVisitBody = z.strictObject({
  rating: z.int().check(z.gte(1), z.lte(5)),
  comment: z.optional(z.string().check(z.trim(), z.maxLength(300))),
});

export const rateVisit = endpoint({
  method: 'post',
  path: '/tickets/:code/rating',
  summary: 'The visitor rates their finished visit (1–5, optional comment), once.',
  tag: 'tickets',
  params: codeParams,
  body: rateVisitBody,
  reply: ticketStatusReply,
});

export const cancelTicket = endpoint({
  method: 'post',
  path: '/tickets/:code/cancel',
  summary: 'The visitor leaves: cancels their own waiting or called ticket.',
  tag: 'tickets',
  params: codeParams,
  reply: ticketStatusReply,
});
