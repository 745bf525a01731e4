import type {
  HallBookingSettings,
  ServiceBookingSettings,
} from '../../../contract/booking-settings.js';
import { describe, expectTypeOf, it } from 'vitest';
import type {
  Ack,
  DisplayClientToServer,
  DisplayDelta,
  DisplayServerToClient,
  DisplaySnapshot,
  PublicCall,
  PublicCounter,
  QueueEvent,
  RevEvent,
  StaffClientToServer,
  StaffDelta,
  StaffEvent,
  StaffServerToClient,
  StaffSnapshot,
  TicketClientToServer,
  TicketServerToClient,
  TicketStatusView,
} from '../../../contract/index.js';

/*
 * Today's socket payloads, written out field by field, so that moving the contract (to zod
 * schemas, say) cannot change what crosses the wire unnoticed. These are type-level checks:
 * `npm run typecheck` (tsc over tests/) fails when a shape drifts; the `it` blocks only name
 * them in the test report.
 */

type Lang = 'tr' | 'en';
type PriorityGroup = 'elderly' | 'disabled' | 'pregnant' | 'veteran';
type TicketStatus = 'waiting' | 'called' | 'serving' | 'done' | 'no-show' | 'cancelled';
type Outcome = 'resolved' | 'forwarded';
type CounterStatus = 'closed' | 'open' | 'paused';
type PauseReason = 'break' | 'paperwork' | 'system';
type WaitEstimate =
  | { kind: 'minutes'; minutes: number }
  | { kind: 'range'; minutes: number; min: number; max: number }
  | { kind: 'no-open-counter' };
type Name = { tr: string; en: string };

type ErrorCode =
  | 'validation'
  | 'payload-too-large'
  | 'unauthenticated'
  | 'invalid-credentials'
  | 'forbidden'
  | 'forbidden-origin'
  | 'password-change-required'
  | 'rate-limited'
  | 'not-found'
  | 'hall-not-found'
  | 'service-not-found'
  | 'counter-not-found'
  | 'ticket-not-found'
  | 'queue-empty'
  | 'invalid-transition'
  | 'counter-taken'
  | 'counter-not-open'
  | 'counter-busy'
  | 'service-inactive'
  | 'no-open-counter'
  | 'grace-expired'
  | 'slot-full'
  | 'booking-not-found'
  | 'booking-closed'
  | 'booking-limit'
  | 'booking-not-changeable'
  | 'check-in-too-early'
  | 'check-in-too-late'
  | 'booking-already-checked-in'
  | 'sms-off' // issue 20: the hall sends no SMS when the turn nears
  | 'conflict'
  | 'too-many-rows'
  | 'storage-unavailable'
  | 'internal';
type FrozenAck<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      error: {
        code: ErrorCode;
        message: string;
        field?: string;
        // Issue 18: a check-in refusal's own service and slot time (and when check-in opens).
        details?:
          | { serviceId: string; slotTime: string; opensAt: string }
          | { serviceId: string; slotTime: string };
      };
    };

type FrozenHall = {
  id: string;
  name: string;
  timeZone: string;
  priorityRatio: number;
  escalationMinutes: number;
  noShowGraceMinutes: number;
  noteRetentionDays: number;
  dayEndPolicy: 'cancel';
  whenNoCounterOpen?: 'issue' | 'refuse';
  /** Added with appointments: the hall's booking rules, when an admin has set them. */
  booking?: HallBookingSettings;
  /** Added with the SMS when the turn nears (issue 20): people ahead, null or absent when off. */
  smsNotifyAhead?: number | null;
};
type FrozenService = {
  id: string;
  hallId: string;
  prefix: string;
  name: Name;
  targetMinutes: number;
  active: boolean;
  /** Added with appointments: the bookable part of the service, when an admin has set it. */
  booking?: ServiceBookingSettings;
};
type FrozenPublicServiceQueue = {
  serviceId: string;
  waiting: number;
  oldestQueuedAt: number | null;
  estimate: WaitEstimate;
  refusesTickets: boolean;
};
type FrozenStaffTicket = {
  id: string;
  hallId: string;
  serviceId: string;
  number: string;
  seq: number;
  priority: PriorityGroup | null;
  lang: Lang;
  status: TicketStatus;
  issuedAt: number;
  queuedAt: number;
  front: boolean;
  counterId: string | null;
  clerkId: string | null;
  firstCalledAt: number | null;
  lastCalledAt: number | null;
  startedAt: number | null;
  completedAt: number | null;
  endedAt: number | null;
  recalls: number;
  transfers: number;
  outcome: Outcome | null;
  directorateId?: string | null;
  note: string | null;
  rating: number | null;
  // Issue 18: a booked visitor's ticket carries its booking and slot (absent on older tickets).
  appointment?: { bookingId: string; slotAt: number } | null;
};
type FrozenCounterView = {
  id: string;
  hallId: string;
  number: number;
  name: string;
  services: { serviceId: string; weight: number }[];
  status: CounterStatus;
  clerkId: string | null;
  clerkName: string | null;
  pauseReason: PauseReason | null;
  currentTicketId: string | null;
};
type FrozenPublicCounter = {
  id: string;
  number: number;
  name: string;
  status: CounterStatus;
  current: {
    number: string;
    serviceId: string;
    status: TicketStatus;
    counterNumber: number | null;
    calledAt: number | null;
    appointment: boolean; // issue 18: the display's "Randevu" mark
  } | null;
};
type FrozenPublicCall = {
  number: string;
  serviceId: string;
  counterNumber: number;
  at: number;
  recall: boolean;
  appointment: boolean; // issue 18: the display's "Randevu" mark
};
type FrozenDisplaySnapshot = {
  rev: number;
  now: number;
  hall: { id: string; name: string; timeZone: string };
  services: { id: string; prefix: string; name: Name; active: boolean }[];
  counters: FrozenPublicCounter[];
  queues: FrozenPublicServiceQueue[];
  recentCalls: FrozenPublicCall[];
};
type FrozenStaffSnapshot = {
  rev: number;
  day: string;
  now: number;
  hall: FrozenHall;
  services: FrozenService[];
  counters: FrozenCounterView[];
  // Staff were always sent the visitors' lines; typed so since issue 17's reply schemas.
  queues: FrozenPublicServiceQueue[];
  tickets: FrozenStaffTicket[];
};
type FrozenTicketStatusView = {
  number: string;
  lang: Lang;
  serviceId: string;
  serviceName: Name;
  hallName: string;
  status: TicketStatus;
  peopleAhead: number;
  estimate: WaitEstimate;
  counterNumber: number | null;
  calledAt: number | null;
  issuedAt: number;
  rating: number | null;
  appointment: boolean; // issue 18
  // Issue 20: the SMS when the turn nears, offered / asked for / sent (never the number).
  smsOffered: boolean;
  smsRequested: boolean;
  smsSent: boolean;
};

type Base = { hallId: string; at: number; ticketId: string };
type ByClerk = Base & { counterId: string; clerkId: string };
type CounterBase = { hallId: string; at: number; counterId: string; clerkId: string };
type FrozenQueueEvent =
  | (Base & {
      type: 'ticket:issued';
      code: string;
      serviceId: string;
      seq: number;
      number: string;
      priority: PriorityGroup | null;
      lang: Lang;
      estimate?: WaitEstimate;
      estimateFactor?: number;
      // Issue 18: a check-in's booking; absent for walk-ins and in older journals.
      appointment?: { bookingId: string; slotAt: number };
    })
  | (ByClerk & { type: 'ticket:called'; idleMs: number })
  | (ByClerk & { type: 'ticket:recalled' })
  | (ByClerk & { type: 'ticket:started' })
  | (ByClerk & {
      type: 'ticket:completed';
      outcome: Outcome;
      directorateId?: string | null;
      note: string | null;
    })
  | (ByClerk & { type: 'ticket:no-show' })
  | (Base & { type: 'ticket:restored'; clerkId: string })
  | (ByClerk & { type: 'ticket:requeued' })
  | (ByClerk & {
      type: 'ticket:transferred';
      fromServiceId: string;
      toServiceId: string;
      position: 'front' | 'back';
    })
  | (Base & {
      type: 'ticket:cancelled';
      by: 'visitor' | 'staff' | 'day-end';
      clerkId: string | null;
    })
  | (Base & { type: 'ticket:rated'; rating: number; note: string | null })
  // Added deliberately with the SMS when the turn nears (issue 20 part 4).
  | (Base & { type: 'ticket:sms-requested'; phone: string; ahead: number })
  | (Base & { type: 'ticket:sms-withdrawn' })
  | (Base & { type: 'ticket:turn-near'; ahead: number })
  | (CounterBase & { type: 'counter:opened' })
  | (CounterBase & { type: 'counter:paused'; reason: PauseReason })
  | (CounterBase & { type: 'counter:resumed' })
  | (CounterBase & { type: 'counter:closed' })
  // Added deliberately with the estimates shown as the line moves (issue 21 part 2).
  | {
      hallId: string;
      at: number;
      type: 'estimates:sampled';
      estimates: Record<string, WaitEstimate>;
    };

/** Flattens intersections so that the comparison sees plain object types. */
type Flat<T> = T extends unknown ? { [K in keyof T]: T[K] } : never;
type EventOf<E, T> = Flat<Extract<E, { type: T }>>;

describe('wire shapes (frozen before the contract moves)', () => {
  it('when an event is journalled, then each of the 19 kinds keeps its fields', () => {
    expectTypeOf<QueueEvent['type']>().toEqualTypeOf<FrozenQueueEvent['type']>();
    expectTypeOf<EventOf<QueueEvent, 'ticket:issued'>>().toEqualTypeOf<
      EventOf<FrozenQueueEvent, 'ticket:issued'>
    >();
    expectTypeOf<EventOf<QueueEvent, 'ticket:called'>>().toEqualTypeOf<
      EventOf<FrozenQueueEvent, 'ticket:called'>
    >();
    expectTypeOf<EventOf<QueueEvent, 'ticket:recalled'>>().toEqualTypeOf<
      EventOf<FrozenQueueEvent, 'ticket:recalled'>
    >();
    expectTypeOf<EventOf<QueueEvent, 'ticket:started'>>().toEqualTypeOf<
      EventOf<FrozenQueueEvent, 'ticket:started'>
    >();
    expectTypeOf<EventOf<QueueEvent, 'ticket:completed'>>().toEqualTypeOf<
      EventOf<FrozenQueueEvent, 'ticket:completed'>
    >();
    expectTypeOf<EventOf<QueueEvent, 'ticket:no-show'>>().toEqualTypeOf<
      EventOf<FrozenQueueEvent, 'ticket:no-show'>
    >();
    expectTypeOf<EventOf<QueueEvent, 'ticket:restored'>>().toEqualTypeOf<
      EventOf<FrozenQueueEvent, 'ticket:restored'>
    >();
    expectTypeOf<EventOf<QueueEvent, 'ticket:requeued'>>().toEqualTypeOf<
      EventOf<FrozenQueueEvent, 'ticket:requeued'>
    >();
    expectTypeOf<EventOf<QueueEvent, 'ticket:transferred'>>().toEqualTypeOf<
      EventOf<FrozenQueueEvent, 'ticket:transferred'>
    >();
    expectTypeOf<EventOf<QueueEvent, 'ticket:cancelled'>>().toEqualTypeOf<
      EventOf<FrozenQueueEvent, 'ticket:cancelled'>
    >();
    expectTypeOf<EventOf<QueueEvent, 'ticket:rated'>>().toEqualTypeOf<
      EventOf<FrozenQueueEvent, 'ticket:rated'>
    >();
    expectTypeOf<EventOf<QueueEvent, 'counter:opened'>>().toEqualTypeOf<
      EventOf<FrozenQueueEvent, 'counter:opened'>
    >();
    expectTypeOf<EventOf<QueueEvent, 'counter:paused'>>().toEqualTypeOf<
      EventOf<FrozenQueueEvent, 'counter:paused'>
    >();
    expectTypeOf<EventOf<QueueEvent, 'counter:resumed'>>().toEqualTypeOf<
      EventOf<FrozenQueueEvent, 'counter:resumed'>
    >();
    expectTypeOf<EventOf<QueueEvent, 'counter:closed'>>().toEqualTypeOf<
      EventOf<FrozenQueueEvent, 'counter:closed'>
    >();
    expectTypeOf<EventOf<QueueEvent, 'estimates:sampled'>>().toEqualTypeOf<
      EventOf<FrozenQueueEvent, 'estimates:sampled'>
    >();
    expectTypeOf<EventOf<QueueEvent, 'ticket:sms-requested'>>().toEqualTypeOf<
      EventOf<FrozenQueueEvent, 'ticket:sms-requested'>
    >();
    expectTypeOf<EventOf<QueueEvent, 'ticket:sms-withdrawn'>>().toEqualTypeOf<
      EventOf<FrozenQueueEvent, 'ticket:sms-withdrawn'>
    >();
    expectTypeOf<EventOf<QueueEvent, 'ticket:turn-near'>>().toEqualTypeOf<
      EventOf<FrozenQueueEvent, 'ticket:turn-near'>
    >();
  });

  it('when an event is pushed, then it carries its revision, and staff never get the phone code', () => {
    type FrozenRev = FrozenQueueEvent & { rev: number };
    expectTypeOf<Flat<RevEvent>>().toEqualTypeOf<Flat<FrozenRev>>();
    expectTypeOf<EventOf<StaffEvent, 'ticket:issued'>>().toEqualTypeOf<
      Flat<Omit<EventOf<FrozenQueueEvent, 'ticket:issued'>, 'code'> & { rev: number }>
    >();
    expectTypeOf<EventOf<StaffEvent, 'ticket:called'>>().toEqualTypeOf<
      EventOf<FrozenRev, 'ticket:called'>
    >();
    expectTypeOf<EventOf<StaffEvent, 'ticket:sms-requested'>>().toEqualTypeOf<
      Flat<Omit<EventOf<FrozenQueueEvent, 'ticket:sms-requested'>, 'phone'> & { rev: number }>
    >();
    expectTypeOf<StaffEvent['type']>().toEqualTypeOf<FrozenQueueEvent['type']>();
  });

  it('when a display or kiosk follows a hall, then snapshot, deltas, calls and resync keep their shapes', () => {
    expectTypeOf<DisplaySnapshot>().toEqualTypeOf<FrozenDisplaySnapshot>();
    expectTypeOf<PublicCounter>().toEqualTypeOf<FrozenPublicCounter>();
    expectTypeOf<PublicCall>().toEqualTypeOf<FrozenPublicCall>();
    expectTypeOf<DisplayDelta>().toEqualTypeOf<{
      rev: number;
      type: FrozenQueueEvent['type'];
      at: number;
      counter: FrozenPublicCounter | null;
      call: FrozenPublicCall | null;
      queues: FrozenPublicServiceQueue[];
    }>();
    expectTypeOf<DisplayServerToClient>().toEqualTypeOf<{
      'queue:snapshot': (snapshot: FrozenDisplaySnapshot) => void;
      'queue:events': (deltas: DisplayDelta[]) => void;
      'ticket:called': (call: FrozenPublicCall) => void;
    }>();
    expectTypeOf<DisplayClientToServer>().toEqualTypeOf<{
      'queue:resync': (ack: (result: FrozenAck<FrozenDisplaySnapshot>) => void) => void;
    }>();
  });

  it('when a counter or manager screen follows a hall, then snapshot, deltas, resync and session end keep their shapes', () => {
    expectTypeOf<StaffSnapshot>().toEqualTypeOf<FrozenStaffSnapshot>();
    expectTypeOf<Omit<StaffDelta, 'event'>>().toEqualTypeOf<{
      rev: number;
      ticket: FrozenStaffTicket | null;
      counter: FrozenCounterView | null;
      queues: FrozenPublicServiceQueue[];
    }>();
    expectTypeOf<StaffDelta['event']>().toEqualTypeOf<StaffEvent>();
    expectTypeOf<StaffServerToClient>().toEqualTypeOf<{
      'queue:snapshot': (snapshot: FrozenStaffSnapshot) => void;
      'queue:events': (deltas: StaffDelta[]) => void;
      'session:expired': () => void;
    }>();
    expectTypeOf<StaffClientToServer>().toEqualTypeOf<{
      'queue:resync': (ack: (result: FrozenAck<FrozenStaffSnapshot>) => void) => void;
    }>();
  });

  it('when a phone follows its ticket, then status and refresh keep their shapes', () => {
    expectTypeOf<TicketStatusView>().toEqualTypeOf<FrozenTicketStatusView>();
    expectTypeOf<TicketServerToClient>().toEqualTypeOf<{
      'ticket:status': (status: FrozenTicketStatusView) => void;
    }>();
    expectTypeOf<TicketClientToServer>().toEqualTypeOf<{
      'ticket:refresh': (ack: (result: FrozenAck<FrozenTicketStatusView>) => void) => void;
    }>();
    expectTypeOf<Ack<number>>().toEqualTypeOf<FrozenAck<number>>();
  });
});
