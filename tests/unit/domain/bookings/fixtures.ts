import {
  DEFAULT_HALL_BOOKING,
  type HallBookingSettings,
  type OpeningSpan,
  type ServiceBookingSettings,
  type Weekday,
} from '../../../../contract/bookings.js';
import type { BookingEvent } from '../../../../contract/booking-events.js';
import {
  bookingConfig,
  decideBooking,
  emptyBookingState,
  foldBooking,
  type BookingCommand,
  type BookingConfig,
  type BookingServiceInput,
  type BookingState,
} from '../../../../server/src/domain/bookings/index.js';

export const MINUTE = 60_000;
export const HALL_ID = 'cankaya';
export const SERVICE = 'vezne';
export const ISTANBUL = 'Europe/Istanbul';

const workdays = (spans: OpeningSpan[]): Record<Weekday, OpeningSpan[]> => ({
  mon: spans,
  tue: spans,
  wed: spans,
  thu: spans,
  fri: spans,
  sat: [],
  sun: [],
});

/** Monday to Friday 09:00–12:00 and 13:00–16:00, 20-minute slots, one place each. */
export function serviceSettings(
  over: Partial<ServiceBookingSettings> = {},
): ServiceBookingSettings {
  return {
    enabled: true,
    hours: workdays([
      { from: '09:00', to: '12:00' },
      { from: '13:00', to: '16:00' },
    ]),
    slotMinutes: 20,
    perSlot: 1,
    ...over,
  };
}

export function service(
  over: Partial<BookingServiceInput> = {},
  settings: Partial<ServiceBookingSettings> = {},
): BookingServiceInput {
  return {
    id: SERVICE,
    hallId: HALL_ID,
    name: { tr: 'Vezne', en: 'Cashier' },
    targetMinutes: 6,
    active: true,
    booking: serviceSettings(settings),
    ...over,
  };
}

export function config(
  rules: Partial<HallBookingSettings> = {},
  services: BookingServiceInput[] = [service()],
  timeZone = ISTANBUL,
): BookingConfig {
  return bookingConfig(
    { id: HALL_ID, timeZone, booking: { ...DEFAULT_HALL_BOOKING, ...rules } },
    services,
  );
}

/** Istanbul is UTC+3: the instant of a local day and time there. */
export function ist(day: string, time: string): number {
  return Date.parse(`${day}T${time}:00+03:00`);
}

let drawn = 0;
/** A make command with fresh ids and codes (what the shell draws at random). */
export function make(
  over: Partial<Extract<BookingCommand, { type: 'make' }>> = {},
): Extract<BookingCommand, { type: 'make' }> {
  drawn += 1;
  return {
    type: 'make',
    bookingId: `b${drawn}`,
    serviceId: SERVICE,
    day: '2026-12-08',
    time: '09:00',
    name: 'Ayşe Yılmaz',
    phone: null,
    lang: 'tr',
    madeBy: 'citizen',
    addressHash: null,
    code: `code-${String(drawn).padStart(16, '0')}`,
    checkInCode: String(drawn).padStart(10, '0'),
    ...over,
  };
}

/** Decides each command in turn at `now`, folding what is accepted; returns all events. */
export function apply(
  state: BookingState,
  cfg: BookingConfig,
  commands: BookingCommand[],
  now: number,
): BookingEvent[] {
  const events: BookingEvent[] = [];
  for (const c of commands) {
    const r = decideBooking(state, cfg, c, now);
    if (!r.ok) throw new Error(`${c.type} refused: ${r.error.code} ${r.error.message}`);
    for (const e of r.value) {
      foldBooking(state, e);
      events.push(e);
    }
  }
  return events;
}

export function newState(): BookingState {
  return emptyBookingState(HALL_ID);
}
