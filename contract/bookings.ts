import * as z from 'zod/mini';
import { endpoint } from './endpoint.js';
import { issuedTicketReply } from './reply-schemas.js';
import type { Lang } from './domain.js';

/*
 * Appointments (randevu): a citizen books a slot of a service online (or staff book one for a
 * visitor who phones in), checks in at the kiosk with a code, and is served at the slot time
 * among the walk-ins. Rules in docs/ARCHITECTURE.md ("Appointments") and the domain tests.
 */

/**
 * Fixed national holidays of Türkiye (month-day), from Law 2429 (Ulusal Bayram ve Genel
 * Tatiller Hakkında Kanun) as amended: New Year, 23 April, 1 May, 19 May, 15 July, 30 August,
 * 29 October. The religious holidays (Ramazan and Kurban Bayramı) move with the lunar calendar:
 * the admin adds them, and local days, as the hall's closed days. Source and list also in
 * reference/turkish-national-holidays.md.
 */
export const NATIONAL_HOLIDAYS = [
  '01-01',
  '04-23',
  '05-01',
  '05-19',
  '07-15',
  '08-30',
  '10-29',
] as const;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A span of bookable time in the hall's local time, `from` inclusive, `to` exclusive. */
export interface OpeningSpan {
  from: string;
  to: string;
}

/** Which part of a service's capacity can be booked (absent on a service: not bookable). */
export interface ServiceBookingSettings {
  enabled: boolean;
  /** Bookable hours per weekday (hall-local); a weekday with no span takes no bookings. */
  hours: Record<Weekday, OpeningSpan[]>;
  /** Slot length in minutes; null = the service's target (4 minutes at the Welcome Desk). */
  slotMinutes: number | null;
  /** How many bookings one slot takes (parallel counters set aside for appointments). */
  perSlot: number;
}

/** The hall's appointment rules (absent: these defaults, `DEFAULT_HALL_BOOKING`). */
export interface HallBookingSettings {
  /** Check-in opens this many minutes before the slot… */
  checkInEarlyMinutes: number;
  /** …and closes this many after it; then the booking is a no-show. */
  checkInLateMinutes: number;
  /** How many days ahead one may book (today counts as day 0). */
  horizonDays: number;
  /** Until how many minutes before the slot it can be booked, moved or cancelled. */
  leadMinutes: number;
  /** How many future bookings one phone number or one address may hold. */
  maxPerContact: number;
  /** Extra closed days (YYYY-MM-DD): the religious holidays, local days. */
  closedDays: string[];
  /** Names and phone numbers are erased this many days after the slot. */
  retentionDays: number;
}

export const DEFAULT_HALL_BOOKING: HallBookingSettings = {
  checkInEarlyMinutes: 15,
  checkInLateMinutes: 10,
  horizonDays: 30,
  leadMinutes: 30,
  maxPerContact: 3,
  closedDays: [],
  retentionDays: 30,
};

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
export const bookingName = z
  .string()
  .check(
    z.trim(),
    z.minLength(2, 'name: at least 2 characters'),
    z.maxLength(80, 'name: at most 80 characters'),
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
  z.strictObject({ serviceId: id, name: names, slotMinutes: z.number() }),
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
    'Check in a booking at the kiosk with its 10-digit code: within the window a ticket marked as an appointment (409 `check-in-too-early` with the time, `check-in-too-late`: offer a walk-in ticket, `booking-already-checked-in`).',
  tag: 'bookings',
  status: 201,
  params: bookingHallParams,
  body: checkInBody,
  /** The kiosk gets the whole ticket; staff checking a visitor in get it without the phone code. */
  reply: issuedTicketReply,
});

// ---- Settings (admin) -----------------------------------------------------------------------

/** The limits of the booking settings, in one place (the forms show them). */
export const BOOKING_LIMITS = {
  slotMinutes: { min: 1, max: 240 },
  perSlot: { min: 1, max: 50 },
  spansPerDay: 12,
  checkInEarlyMinutes: { min: 0, max: 120 },
  checkInLateMinutes: { min: 0, max: 120 },
  horizonDays: { min: 1, max: 180 },
  leadMinutes: { min: 0, max: 7 * 24 * 60 },
  maxPerContact: { min: 1, max: 20 },
  closedDays: 400,
  retentionDays: { min: 1, max: 3650 },
} as const;

const whole = ({ min, max }: { min: number; max: number }) =>
  z.int().check(z.gte(min, `at least ${min}`), z.lte(max, `at most ${max}`));

/** A real calendar date as YYYY-MM-DD (2026-02-30 is refused). */
const calendarDay = day.check(
  z.refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'expected a real date as YYYY-MM-DD'),
);

export const openingSpan = z
  .strictObject({ from: time, to: time })
  .check(z.refine((s) => s.from < s.to, { message: 'must be after from', path: ['to'] }));

/** One weekday's spans: none overlap (touching is fine: 09:00–12:00 and 12:00–17:00). */
const daySpans = z.array(openingSpan).check(
  z.maxLength(BOOKING_LIMITS.spansPerDay, `at most ${BOOKING_LIMITS.spansPerDay} spans a day`),
  z.refine(
    (spans) => {
      const sorted = [...spans].sort((a, b) => (a.from < b.from ? -1 : 1));
      return sorted.every((s, i) => i === 0 || sorted[i - 1]!.to <= s.from);
    },
    { message: 'spans overlap' },
  ),
);

/** `PUT /api/services/:serviceId/booking`: which part of a service's capacity is bookable. */
export const serviceBookingSettings = z.strictObject({
  enabled: z.boolean(),
  hours: z.strictObject({
    mon: daySpans,
    tue: daySpans,
    wed: daySpans,
    thu: daySpans,
    fri: daySpans,
    sat: daySpans,
    sun: daySpans,
  }),
  slotMinutes: z.nullable(whole(BOOKING_LIMITS.slotMinutes)),
  perSlot: whole(BOOKING_LIMITS.perSlot),
});

/** `PUT /api/halls/:hallId/booking-settings`: the hall's appointment rules. */
export const hallBookingSettings = z.strictObject({
  checkInEarlyMinutes: whole(BOOKING_LIMITS.checkInEarlyMinutes),
  checkInLateMinutes: whole(BOOKING_LIMITS.checkInLateMinutes),
  horizonDays: whole(BOOKING_LIMITS.horizonDays),
  leadMinutes: whole(BOOKING_LIMITS.leadMinutes),
  maxPerContact: whole(BOOKING_LIMITS.maxPerContact),
  closedDays: z
    .array(calendarDay)
    .check(z.maxLength(BOOKING_LIMITS.closedDays, `at most ${BOOKING_LIMITS.closedDays} days`)),
  retentionDays: whole(BOOKING_LIMITS.retentionDays),
});

// Both ways: the schemas accept exactly the settings interfaces.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type BookingSettingsSchemasMatch = [
  Holds<Same<z.output<typeof serviceBookingSettings>, ServiceBookingSettings>>,
  Holds<Same<z.output<typeof hallBookingSettings>, HallBookingSettings>>,
];

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
