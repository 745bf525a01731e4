/**
 * Wire types shared by the server and every front end. Type-only: no runtime code.
 * Front ends import these with `import type`.
 */

import type { HallBookingSettings, ServiceBookingSettings } from './booking-settings.js';

export type Lang = 'tr' | 'en';

/** Statutory priority groups in Turkey (65+, disabled, pregnant, veterans and martyrs' relatives). */
export type PriorityGroup = 'elderly' | 'disabled' | 'pregnant' | 'veteran';

export type TicketStatus = 'waiting' | 'called' | 'serving' | 'done' | 'no-show' | 'cancelled';

export type Outcome = 'resolved' | 'forwarded';

export type CounterStatus = 'closed' | 'open' | 'paused';

export type PauseReason = 'break' | 'paperwork' | 'system';

export type Role = 'clerk' | 'manager' | 'admin';

export type DeviceKind = 'kiosk' | 'display';

export interface Service {
  id: string;
  hallId: string;
  /** Ticket number prefix, one or two capital letters (`V` gives `V001`). */
  prefix: string;
  name: { tr: string; en: string };
  targetMinutes: number;
  active: boolean;
  /** Which part of its capacity can be booked as appointments; absent: not bookable. */
  booking?: ServiceBookingSettings;
}

export interface CounterCoverage {
  serviceId: string;
  /** Multiplies a ticket's waiting time when choosing the next ticket; 1 is neutral. */
  weight: number;
}

/**
 * A directorate of the municipality a visit may be forwarded to (Fen İşleri, Zabıta, …), from
 * the hall's list the admin edits. Retired, never deleted: history keeps its name.
 */
export interface Directorate {
  id: string;
  hallId: string;
  /** Turkish name; the English one is optional (pages fall back to the Turkish name). */
  name: { tr: string; en?: string };
  /** Offered to clerks; a retired directorate is kept for the visits forwarded to it. */
  active: boolean;
}

export interface Counter {
  id: string;
  hallId: string;
  /** The number shown to visitors ("3 numaralı banko"). */
  number: number;
  name: string;
  services: CounterCoverage[];
}

export interface Hall {
  id: string;
  name: string;
  timeZone: string;
  /** Normal tickets called per priority ticket when both wait (`2` is 1 priority : 2 normal). */
  priorityRatio: number;
  escalationMinutes: number;
  noShowGraceMinutes: number;
  /** Days a completed visit's free-text note is kept; older notes are blanked (KVKK). */
  noteRetentionDays: number;
  /** What happens to tickets still open at local midnight. */
  dayEndPolicy: 'cancel';
  /**
   * A ticket for a service no open counter covers: issued with an honest "no open counter"
   * estimate, or refused (`no-open-counter`). Absent in config files written before it: `issue`.
   */
  whenNoCounterOpen?: NoCounterPolicy;
  /** The hall's appointment rules; absent: `DEFAULT_HALL_BOOKING`. */
  booking?: HallBookingSettings;
  /**
   * An SMS to a visitor who asked for one (kiosk or phone page) once at most this many people
   * are ahead of them, sent by the integration subscribed to `ticket.turn-near`; null or absent:
   * the hall offers no SMS.
   */
  smsNotifyAhead?: number | null;
}

export type NoCounterPolicy = 'issue' | 'refuse';

/** One visit as the staff see it. */
export interface Ticket {
  id: string;
  /** Unguessable status code (the phone page and `/ticket` namespace use it). */
  code: string;
  hallId: string;
  serviceId: string;
  number: string;
  seq: number;
  priority: PriorityGroup | null;
  lang: Lang;
  status: TicketStatus;
  issuedAt: number;
  /** When the ticket (re)entered its current queue; orders the queue. */
  queuedAt: number;
  /** Placed at the front of its queue (transfer to front, restored no-show). */
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
  /**
   * The directorate a forwarded visit was handed to; null otherwise, and for visits forwarded
   * before directorates were recorded. Absent on tickets built by code older than it.
   */
  directorateId?: string | null;
  note: string | null;
  /** The visitor's 1–5 rating of the finished visit, once. */
  rating: number | null;
  /**
   * The booking a checked-in visitor came with (`null` for a walk-in). Absent on tickets built
   * by code older than appointments.
   */
  appointment?: Appointment | null;
}

/** A booked visit checked in at the kiosk: the booking (ledger id) and its slot's start. */
export interface Appointment {
  bookingId: string;
  /** Start of the booked slot (ms since the epoch). */
  slotAt: number;
}

/**
 * A ticket as staff get it (snapshots, deltas, `GET /api/halls/:hallId/queue`, counter command
 * replies). No phone `code`: it lets its holder cancel or rate the visitor's ticket, so it goes
 * only to the kiosk that issued it and the phone that holds it. `note` is the visit's note for
 * the clerk who served it and for managers, `null` for everyone else.
 */
export type StaffTicket = Omit<Ticket, 'code'>;

/** What the lobby display and the public may see of a ticket. */
export interface PublicTicket {
  number: string;
  serviceId: string;
  status: TicketStatus;
  counterNumber: number | null;
  calledAt: number | null;
  /** The ticket of a booked visitor: the display marks it "Randevu". */
  appointment: boolean;
}

export interface CounterState {
  id: string;
  status: CounterStatus;
  clerkId: string | null;
  pauseReason: PauseReason | null;
  currentTicketId: string | null;
  /** When the counter last became free to call (open, resume, end of a visit). */
  freeSince: number | null;
}

export interface ServiceQueue {
  serviceId: string;
  waiting: number;
  /** Issue or requeue time of the longest waiting ticket. */
  oldestQueuedAt: number | null;
  /**
   * What someone joining the line now is told. Staff and visitors read the same figure, so a
   * screen never shows a time for a line no open counter is calling.
   */
  estimate: WaitEstimate;
}

/**
 * A service's line as visitors see it (kiosk, phone, lobby display). The server computes this
 * once per change and sends it to staff too, typed there as the {@link ServiceQueue} they use.
 */
export interface PublicServiceQueue extends ServiceQueue {
  /** No open counter covers the service and the hall refuses tickets then: the kiosk disables it. */
  refusesTickets: boolean;
}

/**
 * The estimated wait shown to visitors and staff. `no-open-counter`: no counter covering the
 * service is open (all closed or paused), so no time can be promised, and it never reads as
 * "no wait"; `minutes: 0` means someone is free to call them now. `range`: the forecast is
 * uncertain (a long line, few visits behind the estimate), so the visitor is told "8–12 dk";
 * `minutes` is then the most likely value, between `min` and `max`.
 */
export type WaitEstimate =
  | { kind: 'minutes'; minutes: number }
  | { kind: 'range'; minutes: number; min: number; max: number }
  | { kind: 'no-open-counter' };
