import * as z from 'zod/mini';
import { mobilePhone } from '../bookings.js';
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

/**
 * The visitor's wish for an SMS when their turn nears: a Turkish mobile number and the consent
 * to use it for that one message (erased when the day closes). `consent` must be `true`.
 */
export const smsRequestBody = z.strictObject({
  phone: mobilePhone,
  consent: z.literal(true, 'the consent to use the number for this message is required'),
});

export const requestSms = endpoint({
  method: 'post',
  path: '/tickets/:code/sms',
  summary:
    "The visitor asks for an SMS when at most the hall's `smsNotifyAhead` people are ahead (a waiting ticket; 409 `sms-off` when the hall sends none). A new number replaces the one before. The number is never shown back, nor to staff; it is erased when the day closes.",
  tag: 'tickets',
  params: codeParams,
  body: smsRequestBody,
  reply: ticketStatusReply,
});

export const withdrawSms = endpoint({
  method: 'delete',
  path: '/tickets/:code/sms',
  summary: 'The visitor withdraws their SMS request (nothing to withdraw is not an error).',
  tag: 'tickets',
  params: codeParams,
  reply: ticketStatusReply,
});
