import * as z from 'zod/mini';

/*
 * What an admin sets for appointments, on its own so that contract/domain.ts (Hall, Service)
 * and the reply schemas can name it without importing the booking endpoints.
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

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a day as YYYY-MM-DD'));
const time = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:MM'));

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
