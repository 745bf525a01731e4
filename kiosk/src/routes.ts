import type { whoAmI } from '../../contract/endpoints/auth.js';
import type { hallServices } from '../../contract/endpoints/halls.js';
import type {
  cancelTicket,
  issueTicket,
  rateVisit,
  requestSms,
  withdrawSms,
} from '../../contract/endpoints/tickets.js';
import { route } from '../../contract/client.js';

/*
 * The kiosk's and the phone page's endpoints as routes (method and path, typed by the contract
 * endpoint) rather than the endpoints themselves: the endpoints' zod schemas would add about
 * 13 kB gzipped to a kiosk bundle that never runs them. tests/unit/contract/client.test.ts
 * checks each route against its endpoint.
 */

export const WHO_AM_I = route<typeof whoAmI>('get', '/auth/me');
export const HALL_SERVICES = route<typeof hallServices>('get', '/halls/:hallId/services');
export const ISSUE_TICKET = route<typeof issueTicket>('post', '/halls/:hallId/tickets');
export const RATE_VISIT = route<typeof rateVisit>('post', '/tickets/:code/rating');
export const CANCEL_TICKET = route<typeof cancelTicket>('post', '/tickets/:code/cancel');
export const REQUEST_SMS = route<typeof requestSms>('post', '/tickets/:code/sms');
export const WITHDRAW_SMS = route<typeof withdrawSms>('delete', '/tickets/:code/sms');

/** A kiosk or phone request without a whole answer in this time is a `timeout`. */
export const REQUEST_TIMEOUT_MS = 10_000;
