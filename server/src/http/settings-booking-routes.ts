import {
  DEFAULT_HALL_BOOKING,
  putHallBookingSettings,
  putServiceBooking,
  type HallBookingSettings,
  type ServiceBookingSettings,
} from '../../../contract/bookings.js';
import { minutesOf } from '../domain/bookings/index.js';
import type { RouteDeps } from './deps.js';
import { route, type RouteDef } from './route.js';
import { changeSettings, keysChange, refuse, serviceInHall } from './settings-support.js';

const SERVICE_KEYS = ['enabled', 'hours', 'slotMinutes', 'perSlot'] as const;
const HALL_KEYS = [
  'checkInEarlyMinutes',
  'checkInLateMinutes',
  'horizonDays',
  'leadMinutes',
  'maxPerContact',
  'closedDays',
  'retentionDays',
] as const;

/** A service without booking settings: not bookable, no hours (for the audit's "before"). */
const NOT_BOOKABLE: ServiceBookingSettings = {
  enabled: false,
  hours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
  slotMinutes: null,
  perSlot: 1,
};

/**
 * The admin's appointment settings: which part of a service's capacity can be booked, and the
 * hall's rules. Audited like every settings change; bookings already made keep their slot.
 */
export function settingsBookingRoutes(deps: RouteDeps): RouteDef[] {
  return [
    route({
      endpoint: putServiceBooking,
      access: 'admin',
      hall: 'own',
      handler: ({ params, body, actor }) =>
        changeSettings(deps, actor, 'service.booking', (draft, hallId) => {
          const service = serviceInHall(draft, params.serviceId, hallId);
          const before = service.booking ?? NOT_BOOKABLE;
          const after: ServiceBookingSettings = structuredClone(body);
          const slot = after.slotMinutes ?? service.targetMinutes;
          const fits = Object.values(after.hours)
            .flat()
            .some((s) => minutesOf(s.to) - minutesOf(s.from) >= slot);
          if (after.enabled && !fits)
            refuse('validation', `No span is long enough for one ${slot}-minute slot.`, 'hours');
          service.booking = after;
          const subject = `service ${service.prefix} appointments`;
          return keysChange(subject, before, after, SERVICE_KEYS, after, service.id);
        }),
    }),
    route({
      endpoint: putHallBookingSettings,
      access: 'admin',
      hall: 'path',
      handler: ({ params, body, actor }) =>
        changeSettings(deps, actor, 'hall.booking', (draft) => {
          const hall = draft.halls.find((h) => h.id === params.hallId);
          if (!hall) refuse('hall-not-found', `No hall ${params.hallId}.`, 'hallId');
          const before: HallBookingSettings = hall.booking ?? DEFAULT_HALL_BOOKING;
          const after: HallBookingSettings = {
            ...structuredClone(body),
            closedDays: [...new Set(body.closedDays)].sort(),
          };
          hall.booking = after;
          const subject = `hall ${hall.id} appointments`;
          return keysChange(subject, before, after, HALL_KEYS, after, hall.id);
        }),
    }),
  ];
}
