import {
  DEFAULT_HALL_BOOKING,
  type HallBookingSettings,
  type ServiceBookingSettings,
} from '../../../../contract/bookings.js';
import type { Hall, Service } from '../../../../contract/domain.js';

/** What the booking rules read of a service: its settings, if it takes bookings at all. */
export type BookingServiceInput = Pick<
  Service,
  'id' | 'hallId' | 'name' | 'targetMinutes' | 'active'
> & { booking?: ServiceBookingSettings };

/** What the booking rules read of a hall. */
export type BookingHallInput = Pick<Hall, 'id' | 'timeZone'> & { booking?: HallBookingSettings };

/** A service that takes bookings, with its slot length resolved. */
export interface BookableService {
  id: string;
  name: { tr: string; en: string };
  settings: ServiceBookingSettings;
  slotMinutes: number;
}

/** The slice of configuration one hall's booking rules need. */
export interface BookingConfig {
  hallId: string;
  timeZone: string;
  /** The hall's rules, `DEFAULT_HALL_BOOKING` where the hall has none. */
  rules: HallBookingSettings;
  /** Only the services that take bookings (active, `booking.enabled`). */
  services: ReadonlyMap<string, BookableService>;
  /** Every service of the hall, to tell "no such service" from "takes no bookings". */
  known: ReadonlySet<string>;
}

export function bookingConfig(
  hall: BookingHallInput,
  services: BookingServiceInput[],
): BookingConfig {
  const own = services.filter((s) => s.hallId === hall.id);
  const bookable = own.flatMap((s): BookableService[] =>
    s.active && s.booking?.enabled
      ? [
          {
            id: s.id,
            name: s.name,
            settings: s.booking,
            slotMinutes: s.booking.slotMinutes ?? s.targetMinutes,
          },
        ]
      : [],
  );
  return {
    hallId: hall.id,
    timeZone: hall.timeZone,
    rules: hall.booking ?? DEFAULT_HALL_BOOKING,
    services: new Map(bookable.map((s) => [s.id, s])),
    known: new Set(own.map((s) => s.id)),
  };
}
