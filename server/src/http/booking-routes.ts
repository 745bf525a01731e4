import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import {
  bookableServices,
  bookingDays,
  bookingSlots,
  cancelBooking,
  checkIn,
  getBooking,
  makeBooking,
  moveBooking,
  staffBookings,
  staffCancelBooking,
} from '../../../contract/bookings.js';
import type { Actor } from '../auth/actor.js';
import type { BookingService } from '../bookings/booking-service.js';
import { fail, ok } from '../domain/index.js';
import type { RouteDeps } from './deps.js';
import { route, type RouteDef } from './route.js';
import { issuedReply } from './tickets-routes.js';

export interface BookingRouteDeps extends Pick<RouteDeps, 'print'> {
  bookings: BookingService;
  /** Booking changes (make, move, cancel) per address: `makeLimiters().booking`. */
  bookingLimiter: RequestHandler;
  /** Booking codes that find nothing, per address: `makeLimiters().bookingLookup`. */
  bookingLookupLimiter: RequestHandler;
  /** Check-ins per kiosk, as tickets: `makeLimiters().issue`. */
  issueLimiter: RequestHandler;
}

/** Who is booking: a signed-in clerk for a caller, or the citizen themselves. */
const channelOf = (actor: Actor) => (actor.kind === 'user' ? 'staff' : 'citizen');

/** The requesting address as the rate limits fold it (an IPv6 address by its /56 network). */
const addressOf = (req: Request) => ipKeyGenerator(req.ip ?? 'unknown');

/**
 * Appointments: what a citizen (or a clerk for a caller) books, views, moves and cancels; the
 * staff's day list; the kiosk's check-in. The rules are the domain's (domain/bookings/); the
 * booking book per hall is bookings/hall-bookings.ts.
 */
export function bookingRoutes(deps: BookingRouteDeps): RouteDef[] {
  const { bookings } = deps;
  return [
    route({
      endpoint: bookableServices,
      access: 'public',
      hall: 'path',
      handler: ({ hall }) => bookings.services(hall.hallId),
    }),
    route({
      endpoint: bookingDays,
      access: 'public',
      hall: 'path',
      handler: ({ hall, query }) => bookings.days(hall.hallId, query.serviceId),
    }),
    route({
      endpoint: bookingSlots,
      access: 'public',
      hall: 'path',
      handler: ({ hall, query }) => bookings.slots(hall.hallId, query.serviceId, query.day),
    }),
    route({
      endpoint: makeBooking,
      access: 'public',
      hall: 'path',
      limiter: deps.bookingLimiter,
      handler: ({ hall, body, actor, req }) => {
        if (actor.kind === 'device')
          return fail('forbidden', 'A kiosk checks appointments in; it does not book them.');
        return bookings.make(hall.hallId, {
          serviceId: body.serviceId,
          day: body.day,
          time: body.time,
          name: body.name,
          phone: body.phone ?? null,
          lang: body.lang ?? 'tr',
          madeBy: channelOf(actor),
          address: addressOf(req),
        });
      },
    }),
    route({
      endpoint: getBooking,
      limiter: deps.bookingLookupLimiter,
      access: 'public',
      hall: 'none',
      handler: ({ params }) => bookings.view(params.code),
    }),
    route({
      endpoint: cancelBooking,
      access: 'public',
      hall: 'none',
      limiter: deps.bookingLimiter,
      handler: ({ params, actor }) => bookings.cancel(params.code, channelOf(actor)),
    }),
    route({
      endpoint: moveBooking,
      access: 'public',
      hall: 'none',
      limiter: deps.bookingLimiter,
      handler: ({ params, body }) => bookings.move(params.code, body.day, body.time),
    }),
    route({
      endpoint: staffBookings,
      access: 'staff',
      hall: 'path',
      handler: ({ hall, query }) => bookings.staffList(hall.hallId, query.day),
    }),
    route({
      endpoint: staffCancelBooking,
      access: 'staff',
      hall: 'path',
      handler: async ({ hall, params }) => {
        const book = bookings.book(hall.hallId);
        const day = book?.state.bookings.get(params.bookingId)?.day;
        if (!book || day === undefined)
          return fail('booking-not-found', 'No such booking in this hall.');
        const done = await book.execute(() => ({
          type: 'cancel',
          bookingId: params.bookingId,
          by: 'staff',
        }));
        if (!done.ok) return done;
        const rows = bookings.staffList(hall.hallId, day);
        if (!rows.ok) return rows;
        const row = rows.value.find((r) => r.id === params.bookingId);
        return row ? ok(row) : fail('booking-not-found', 'No such booking in this hall.');
      },
    }),
    route({
      endpoint: checkIn,
      access: 'kiosk',
      limiter: deps.issueLimiter,
      hall: 'path',
      handler: async ({ hall, body, actor }) => {
        const issued = await bookings.checkIn(hall.hallId, body.checkInCode, body.lang);
        if (!issued.ok) return issued;
        return ok(await issuedReply(deps, actor, issued.value));
      },
    }),
  ];
}
