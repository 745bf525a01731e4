import {
  NATIONAL_HOLIDAYS,
  type bookingDaysReply,
  type bookingSlotsReply,
  type closedReason,
} from '../../../../contract/bookings.js';
import type * as z from 'zod/mini';
import { isCalendarDay, localDay } from '../local-day.js';
import { fail, ok, type Result } from '../result.js';
import type { BookableService, BookingConfig } from './booking-config.js';
import { placesTaken, type BookingState } from './booking-state.js';
import {
  addDays,
  daysBetween,
  localInstant,
  minutesOf,
  steadyOffsetOn,
  timeOf,
  weekdayOf,
} from './local-time.js';

const MINUTE = 60_000;

export type ClosedReason = z.output<typeof closedReason>;
export type BookingDaysReply = z.output<typeof bookingDaysReply>;
export type BookingSlotsReply = z.output<typeof bookingSlotsReply>;

/** One slot of a service on a day: its local start and the instant it is. */
export interface Slot {
  time: string;
  at: number;
}

/**
 * Days a national holiday begins at 13:00 (Law 2429 art. 1: 28 October afternoon, the eve of
 * Republic Day): slots must end by then. See reference/turkish-national-holidays.md.
 */
export const HALF_DAY_HOLIDAYS: ReadonlyMap<string, string> = new Map([['10-28', '13:00']]);

export function isNationalHoliday(day: string): boolean {
  return (NATIONAL_HOLIDAYS as readonly string[]).includes(day.slice(5));
}

/** Why `day` takes no bookings by the calendar (holiday, closed day, no hours), or null. */
export function calendarClosure(
  config: BookingConfig,
  service: BookableService,
  day: string,
  slots: Slot[] = daySlots(config, service, day),
): Extract<ClosedReason, 'holiday' | 'closed-day' | 'no-hours'> | null {
  if (isNationalHoliday(day)) return 'holiday';
  if (config.rules.closedDays.includes(day)) return 'closed-day';
  if (slots.length === 0) return 'no-hours';
  return null;
}

/**
 * Every slot of a service on a day by its hours: from each span's start, one slot length at a
 * time, while the slot ends by the span's end (a remainder shorter than a slot is not offered).
 * A wall-clock time the day skips (spring-forward) has no slot; spans that overlap give each
 * slot once.
 */
export function daySlots(config: BookingConfig, service: BookableService, day: string): Slot[] {
  const spans = service.settings.hours[weekdayOf(day)] ?? [];
  const len = service.slotMinutes;
  const halfDay = HALF_DAY_HOLIDAYS.get(day.slice(5));
  const slots: Slot[] = [];
  if (len <= 0) return slots;
  // On a day without a clock change every wall-clock time is one instant at the day's offset.
  const offset = steadyOffsetOn(day, config.timeZone);
  const dayStart = Date.parse(`${day}T00:00:00Z`);
  for (const span of spans) {
    let end = minutesOf(span.to);
    if (halfDay !== undefined) end = Math.min(end, minutesOf(halfDay));
    for (let t = minutesOf(span.from); t + len <= end; t += len) {
      const time = timeOf(t);
      const at =
        offset === null ? localInstant(day, time, config.timeZone) : dayStart + t * MINUTE - offset;
      if (at !== null && !slots.some((s) => s.at === at)) slots.push({ time, at });
    }
  }
  return slots.sort((a, b) => a.at - b.at);
}

/** Whether a slot starting at `at` can still be booked, moved to or cancelled at `now`. */
export function beforeLeadTime(config: BookingConfig, at: number, now: number): boolean {
  return now <= at - config.rules.leadMinutes * MINUTE;
}

/**
 * Whether a booking of the slot at `at` may still be moved or cancelled: before the lead time,
 * and before its check-in window opens (a hall whose lead time is shorter than the window would
 * otherwise let a visitor check in and then cancel, freeing a place their ticket still holds).
 */
export function beforeChangeDeadline(config: BookingConfig, at: number, now: number): boolean {
  const minutes = Math.max(config.rules.leadMinutes, config.rules.checkInEarlyMinutes);
  return now <= at - minutes * MINUTE;
}

/** The hall's local day at `now` and the last day one may book. */
export function bookingHorizon(
  config: BookingConfig,
  now: number,
): { today: string; last: string } {
  const today = localDay(now, config.timeZone);
  return { today, last: addDays(today, config.rules.horizonDays) };
}

function serviceOf(config: BookingConfig, serviceId: string): Result<BookableService> {
  const service = config.services.get(serviceId);
  if (service) return ok(service);
  if (!config.known.has(serviceId))
    return fail('service-not-found', `No service ${serviceId} in this hall.`, 'serviceId');
  return fail('booking-closed', `Service ${serviceId} takes no appointments.`, 'serviceId');
}

function freeOf(state: BookingState, service: BookableService, slot: Slot): number {
  return Math.max(0, service.settings.perSlot - placesTaken(state, service.id, slot.at));
}

/** The days from today to the horizon, each with its free places or why it is closed. */
export function bookableDays(
  state: BookingState,
  config: BookingConfig,
  serviceId: string,
  now: number,
): Result<BookingDaysReply> {
  const found = serviceOf(config, serviceId);
  if (!found.ok) return found;
  const service = found.value;
  const { today } = bookingHorizon(config, now);
  const days: BookingDaysReply['days'] = [];
  for (let i = 0; i <= config.rules.horizonDays; i += 1) {
    const day = addDays(today, i);
    const weekday = weekdayOf(day);
    const slots = daySlots(config, service, day);
    const closure = calendarClosure(config, service, day, slots);
    if (closure) {
      days.push({ day, weekday, free: 0, closed: closure });
      continue;
    }
    const open = slots.filter((s) => beforeLeadTime(config, s.at, now));
    const free = open.reduce((n, s) => n + freeOf(state, service, s), 0);
    const closed = open.length === 0 ? 'past' : free === 0 ? 'full' : null;
    days.push({ day, weekday, free, closed });
  }
  return ok({ serviceId, days });
}

/** The slots of a day that have a free place and can still be booked, in time order. */
export function freeSlots(
  state: BookingState,
  config: BookingConfig,
  serviceId: string,
  day: string,
  now: number,
): Result<BookingSlotsReply> {
  const found = serviceOf(config, serviceId);
  if (!found.ok) return found;
  const service = found.value;
  const reply: BookingSlotsReply = { serviceId, day, slots: [] };
  const open = openDay(config, service, day, now);
  if (!open.ok) return ok(reply);
  for (const slot of open.value) {
    const free = freeOf(state, service, slot);
    if (free > 0 && beforeLeadTime(config, slot.at, now)) reply.slots.push({ ...slot, free });
  }
  return ok(reply);
}

/** The slots of `day` by its hours when the day takes bookings at `now`, else why not. */
function openDay(
  config: BookingConfig,
  service: BookableService,
  day: string,
  now: number,
): Result<Slot[]> {
  const closed = (why: string) => fail<Slot[]>('booking-closed', why, 'day');
  if (!isCalendarDay(day)) return closed(`${day} is not a calendar day.`);
  const { today, last } = bookingHorizon(config, now);
  if (daysBetween(today, day) < 0) return closed(`${day} is in the past.`);
  if (daysBetween(last, day) > 0)
    return closed(`Appointments can be booked at most ${config.rules.horizonDays} days ahead.`);
  const slots = daySlots(config, service, day);
  switch (calendarClosure(config, service, day, slots)) {
    case 'holiday':
      return closed(`${day} is a national holiday.`);
    case 'closed-day':
      return closed(`The hall is closed on ${day}.`);
    case 'no-hours':
      return closed(`${service.name.en} takes no appointments on ${day}.`);
    default:
      return ok(slots);
  }
}

/**
 * The slot a booking or a move asks for: a service that takes bookings, a day open for it,
 * a slot start of that day, still before the lead time. Else `booking-closed` naming the field.
 */
export function requestedSlot(
  config: BookingConfig,
  serviceId: string,
  day: string,
  time: string,
  now: number,
): Result<{ service: BookableService; slot: Slot }> {
  const found = serviceOf(config, serviceId);
  if (!found.ok) return found;
  const service = found.value;
  const open = openDay(config, service, day, now);
  if (!open.ok) return open;
  const slot = open.value.find((s) => s.time === time);
  if (!slot)
    return fail('booking-closed', `${time} is not a slot of ${service.name.en} on ${day}.`, 'time');
  if (!beforeLeadTime(config, slot.at, now))
    return fail(
      'booking-closed',
      `Slots can be booked, moved or cancelled until ${config.rules.leadMinutes} minutes before they start.`,
      'time',
    );
  return ok({ service, slot });
}
