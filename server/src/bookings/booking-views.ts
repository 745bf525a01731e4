import type * as z from 'zod/mini';
import type {
  Booking,
  BookingView,
  bookableServicesReply,
  staffBookingsReply,
} from '../../../contract/bookings.js';
import type { ConfigData } from '../config/config-data.js';
import {
  beforeChangeDeadline,
  checkInWindow,
  type BookingConfig,
} from '../domain/bookings/index.js';

export type StaffBookingRow = z.output<typeof staffBookingsReply>[number];
export type BookableServiceView = z.output<typeof bookableServicesReply>[number];

/**
 * The services of a hall that take bookings, each with how long the booker's name and phone
 * are kept after the slot (the hall's `retentionDays`: the booking page's privacy note).
 */
export function bookableServiceViews(config: BookingConfig): BookableServiceView[] {
  return [...config.services.values()].map((s) => ({
    serviceId: s.id,
    name: s.name,
    slotMinutes: s.slotMinutes,
    retentionDays: config.rules.retentionDays,
  }));
}

/** What the booker sees on the booking's own page (and gets when booking or changing it). */
export function bookingViewOf(
  b: Booking,
  data: ConfigData,
  config: BookingConfig,
  now: number,
): BookingView {
  const hall = data.halls.find((h) => h.id === b.hallId);
  const service = data.services.find((s) => s.id === b.serviceId);
  const window = checkInWindow(b, config.rules);
  return {
    code: b.code,
    checkInCode: b.checkInCode,
    hallId: b.hallId,
    hallName: hall?.name ?? b.hallId,
    serviceId: b.serviceId,
    serviceName: service?.name ?? { tr: b.serviceId, en: b.serviceId },
    day: b.day,
    time: b.time,
    slotAt: b.slotAt,
    slotMinutes: b.slotMinutes,
    name: b.name,
    phone: b.phone,
    lang: b.lang,
    status: b.status,
    ticketNumber: b.ticketNumber,
    checkInFrom: window.from,
    checkInUntil: window.until,
    changeable: b.status === 'booked' && beforeChangeDeadline(config, b.slotAt, now),
    url: `/randevu/${b.code}`,
  };
}

/** A booking in the staff list: the name, never the phone number or the codes. */
export function staffBookingRow(b: Booking): StaffBookingRow {
  return {
    id: b.id,
    serviceId: b.serviceId,
    day: b.day,
    time: b.time,
    slotAt: b.slotAt,
    name: b.name,
    status: b.status,
    madeBy: b.madeBy,
    ticketNumber: b.ticketNumber,
  };
}
