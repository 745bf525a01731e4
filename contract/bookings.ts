import * as z from 'zod/mini';
import { endpoint } from './endpoint.js';
import { issuedTicketReply, wire } from './reply-schemas.js';
import type { CheckInTooEarlyDetails, CheckInTooLateDetails } from './errors.js';
import type { Lang } from './domain.js';
import { WEEKDAYS, hallBookingSettings, serviceBookingSettings } from './booking-settings.js';

export * from './booking-settings.js';

/*
 * Appointments (randevu): a citizen books a slot of a service online (or staff book one for a
 * visitor who phones in), checks in at the kiosk with a code, and is served at the slot time
 * among the walk-ins. Rules in docs/ARCHITECTURE.md ("Appointments") and the domain tests.
 */

export type BookingStatus = 'booked' | 'cancelled' | 'checked-in' | 'no-show';
export type BookingChannel = 'citizen' | 'staff';

/** One booking as stored (the booking ledger folds its events into these). */
export interface Booking {
  id: string;
  hallId: string;
  serviceId: string;
  /** Slot start, epoch ms; `day` and `time` are the same instant in the hall's time zone. */
  slotAt: number;
  day: string;
  time: string;
  slotMinutes: number;
  /** Erased (to '' and null) after the hall's retention period. */
  name: string;
  phone: string | null;
  lang: Lang;
  /** 128-bit base64url secret of the booking's own page (view, cancel, move). */
  code: string;
  /** 10 digits typed at the kiosk (or in its QR): only checks in, only within the window. */
  checkInCode: string;
  madeAt: number;
  madeBy: BookingChannel;
  status: BookingStatus;
  /** The ticket a check-in gave; null before. */
  ticketNumber: string | null;
  checkedInAt: number | null;
  cancelledAt: number | null;
}

// ---- Wire schemas --------------------------------------------------------------------------

const id = z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/, 'expected an id'));
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a day as YYYY-MM-DD'));
const time = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:MM'));
const lang = z.enum(['tr', 'en']);
const names = z.strictObject({ tr: z.string(), en: z.string() });
const bookingStatus = z.enum(['booked', 'cancelled', 'checked-in', 'no-show']);

export const bookingCode = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]{16,64}$/, 'expected a booking code'));
/** Digits only; spaces and dashes a visitor types are taken out by the kiosk, not here. */
export const checkInCode = z.string().check(z.regex(/^\d{10}$/, 'expected the 10-digit code'));
/** A visitor's name: letters as typed, 2–80 characters. */
export const bookingName = z.string().check(
  z.trim(),
  z.minLength(2, 'name: at least 2 characters'),
  z.maxLength(80, 'name: at most 80 characters'),
  // No control, format (bidi overrides, zero-width) or unassigned characters: a name is shown
  // to staff and written to exports, where such characters hide or reorder text.
  z.regex(/^[^\p{C}]*$/u, 'name: letters, spaces and punctuation only'),
);
/** A Turkish mobile number, normalised by the server to `05xxxxxxxxx`. */
export const mobilePhone = z
  .string()
  .check(
    z.regex(
      /^(\+?90|0)?\s*5\d{2}[\s-]?\d{3}[\s-]?\d{2}[\s-]?\d{2}$/,
      'expected a Turkish mobile number such as 0532 123 45 67',
    ),
  );

export const bookingHallParams = z.strictObject({ hallId: id });
export const bookingCodeParams = z.strictObject({ code: bookingCode });

/** `GET /api/halls/:hallId/booking/services`: the services that take bookings. */
export const bookableServicesReply = z.array(
  z.strictObject({
    serviceId: id,
    name: names,
    slotMinutes: z.number(),
    /** Days after the slot the booker's name and phone are kept (the hall's `retentionDays`). */
    retentionDays: z.number(),
  }),
);

export const bookingDaysQuery = z.strictObject({ serviceId: id });
/** Why a day takes no bookings. */
export const closedReason = z.enum(['holiday', 'closed-day', 'no-hours', 'full', 'past']);
export const bookingDaysReply = z.strictObject({
  serviceId: id,
  days: z.array(
    z.strictObject({
      day,
      weekday: z.enum(WEEKDAYS),
      free: z.number(),
      closed: z.nullable(closedReason),
    }),
  ),
});

export const bookingSlotsQuery = z.strictObject({ serviceId: id, day });
export const bookingSlotsReply = z.strictObject({
  serviceId: id,
  day,
  /** Only slots with a free place that can still be booked (lead time), in time order. */
  slots: z.array(z.strictObject({ time, at: z.number(), free: z.number() })),
});

export const makeBookingBody = z.strictObject({
  serviceId: id,
  day,
  time,
  name: bookingName,
  phone: z.optional(z.nullable(mobilePhone)),
  lang: z.optional(lang),
});

export const moveBookingBody = z.strictObject({ day, time });

/** What the booker sees on the booking's own page (and what a booking request returns). */
export const bookingView = z.strictObject({
  code: bookingCode,
  checkInCode,
  hallId: id,
  hallName: z.string(),
  serviceId: id,
  serviceName: names,
  day,
  time,
  slotAt: z.number(),
  slotMinutes: z.number(),
  name: z.string(),
  phone: z.nullable(z.string()),
  lang,
  status: bookingStatus,
  ticketNumber: z.nullable(z.string()),
  /** Check-in window at the kiosk, epoch ms. */
  checkInFrom: z.number(),
  checkInUntil: z.number(),
  /** Whether it can still be cancelled or moved (before the lead time, still booked). */
  changeable: z.boolean(),
  /** The booking's own page, relative (`/randevu/<code>`). */
  url: z.string(),
});
export type BookingView = z.output<typeof bookingView>;

/** Staff list of a day's bookings: no codes, no phone numbers. */
export const staffBookingsQuery = z.strictObject({ day: z.optional(day) });
export const staffBookingsReply = z.array(
  z.strictObject({
    id,
    serviceId: id,
    day,
    time,
    slotAt: z.number(),
    name: z.string(),
    status: bookingStatus,
    madeBy: z.enum(['citizen', 'staff']),
    ticketNumber: z.nullable(z.string()),
  }),
);

export const checkInBody = z.strictObject({ checkInCode, lang: z.optional(lang) });

/** `check-in-too-late`'s details: the booking's own service and slot time (hall's zone). */
export const checkInTooLateDetails = wire<CheckInTooLateDetails>()(
  z.strictObject({ serviceId: id, slotTime: time }),
);
/** `check-in-too-early`'s details: also the local time the check-in window opens. */
export const checkInTooEarlyDetails = wire<CheckInTooEarlyDetails>()(
  z.strictObject({ serviceId: id, slotTime: time, opensAt: time }),
);
/**
 * The error body of a refused check-in: too early and too late carry their details (the kiosk
 * shows the times and issues a walk-in ticket of the service); every other refusal none.
 */
export const checkInRefusal = z.strictObject({
  error: z.union([
    z.strictObject({
      code: z.literal('check-in-too-early'),
      message: z.string(),
      details: checkInTooEarlyDetails,
    }),
    z.strictObject({
      code: z.literal('check-in-too-late'),
      message: z.string(),
      details: checkInTooLateDetails,
    }),
    z.strictObject({
      code: z.string().check(z.refine((c) => !c.startsWith('check-in-too-'))),
      message: z.string(),
      field: z.optional(z.string()),
    }),
  ]),
});

// ---- Endpoints ------------------------------------------------------------------------------

export const bookableServices = endpoint({
  method: 'get',
  path: '/halls/:hallId/booking/services',
  summary: 'The services that take appointments, with their slot length.',
  tag: 'bookings',
  params: bookingHallParams,
  reply: bookableServicesReply,
});

export const bookingDays = endpoint({
  method: 'get',
  path: '/halls/:hallId/booking/days',
  summary: 'The days one may book a service on, from today to the horizon, with free places.',
  tag: 'bookings',
  params: bookingHallParams,
  query: bookingDaysQuery,
  reply: bookingDaysReply,
});

export const bookingSlots = endpoint({
  method: 'get',
  path: '/halls/:hallId/booking/slots',
  summary: 'The free slots of a service on a day (only real free capacity).',
  tag: 'bookings',
  params: bookingHallParams,
  query: bookingSlotsQuery,
  reply: bookingSlotsReply,
});

export const makeBooking = endpoint({
  method: 'post',
  path: '/halls/:hallId/bookings',
  summary:
    'Book a slot (a citizen, or staff for a visitor who phones in). Durable before the reply; the last place of a slot goes to one request, the other gets 409 `slot-full`.',
  tag: 'bookings',
  status: 201,
  params: bookingHallParams,
  body: makeBookingBody,
  reply: bookingView,
});

export const getBooking = endpoint({
  method: 'get',
  path: '/bookings/:code',
  summary: "A booking's own page, by its secret code.",
  tag: 'bookings',
  params: bookingCodeParams,
  reply: bookingView,
});

export const cancelBooking = endpoint({
  method: 'post',
  path: '/bookings/:code/cancel',
  summary: 'Cancel a booking (until the lead time before the slot).',
  tag: 'bookings',
  params: bookingCodeParams,
  reply: bookingView,
});

export const moveBooking = endpoint({
  method: 'post',
  path: '/bookings/:code/move',
  summary: 'Move a booking to another free slot of the same service.',
  tag: 'bookings',
  params: bookingCodeParams,
  body: moveBookingBody,
  reply: bookingView,
});

export const staffBookings = endpoint({
  method: 'get',
  path: '/halls/:hallId/bookings',
  summary: "A day's bookings for staff (today unless `day`): names, no codes or phone numbers.",
  tag: 'bookings',
  params: bookingHallParams,
  query: staffBookingsQuery,
  reply: staffBookingsReply,
});

/** Staff cancel a booking by its id (a caller phones to cancel; staff never see codes). */
export const staffBookingParams = z.strictObject({ hallId: id, bookingId: id });
export const staffCancelBooking = endpoint({
  method: 'post',
  path: '/halls/:hallId/bookings/:bookingId/cancel',
  summary:
    "Staff cancel a booking of their hall (until the lead time before the slot); the ledger records it as the staff's. Replies with the booking's row of the staff list.",
  tag: 'bookings',
  params: staffBookingParams,
  reply: staffBookingsReply._zod.def.element,
});

export const checkIn = endpoint({
  method: 'post',
  path: '/halls/:hallId/check-in',
  summary:
    'Check in a booking at the kiosk with its 10-digit code: within the window a ticket marked as an appointment (409 `check-in-too-early` and `check-in-too-late` carry `details`: its `serviceId` and `slotTime`, and for too early `opensAt`, local `HH:MM` — the kiosk then offers a walk-in ticket of that service; `booking-already-checked-in`). Error bodies: `checkInRefusal`.',
  tag: 'bookings',
  status: 201,
  params: bookingHallParams,
  body: checkInBody,
  /** The kiosk gets the whole ticket; staff checking a visitor in get it without the phone code. */
  reply: issuedTicketReply,
});

export const serviceBookingParams = z.strictObject({ serviceId: id });

export const putServiceBooking = endpoint({
  method: 'put',
  path: '/services/:serviceId/booking',
  summary:
    "Set which part of a service's capacity can be booked (hours per weekday, slot length, places per slot); `enabled: false` stops new bookings.",
  tag: 'settings',
  params: serviceBookingParams,
  body: serviceBookingSettings,
  reply: serviceBookingSettings,
});

export const putHallBookingSettings = endpoint({
  method: 'put',
  path: '/halls/:hallId/booking-settings',
  summary:
    "Set the hall's appointment rules: check-in window, horizon, lead time, per-contact limit, closed days, retention.",
  tag: 'settings',
  params: bookingHallParams,
  body: hallBookingSettings,
  reply: hallBookingSettings,
});
