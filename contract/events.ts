import type {
  Appointment,
  Lang,
  Outcome,
  PauseReason,
  PriorityGroup,
  WaitEstimate,
} from './domain.js';

interface EventBase {
  hallId: string;
  at: number;
}

interface TicketEventBase extends EventBase {
  ticketId: string;
}

interface CounterEventBase extends EventBase {
  counterId: string;
  clerkId: string;
}

export interface TicketIssued extends TicketEventBase {
  type: 'ticket:issued';
  code: string;
  serviceId: string;
  seq: number;
  number: string;
  priority: PriorityGroup | null;
  lang: Lang;
  /**
   * The wait the visitor was told at issue (kiosk, printed ticket), kept so the manager can see
   * how well estimates come true. Absent in events recorded before it.
   */
  estimate?: WaitEstimate;
  /**
   * The factor the hall's history (by weekday and hour) scaled that estimate by; absent when
   * none did. The history is learnt against the forecast alone: `estimate` ÷ this.
   */
  estimateFactor?: number;
  /**
   * A booked visitor checked in at the kiosk: the booking and its slot. Absent for a walk-in,
   * and in every event recorded before appointments.
   */
  appointment?: Appointment;
}
export interface TicketCalled extends TicketEventBase {
  type: 'ticket:called';
  counterId: string;
  clerkId: string;
  /** Time the counter stood free while this ticket's queue had someone waiting. */
  idleMs: number;
}
export interface TicketRecalled extends TicketEventBase {
  type: 'ticket:recalled';
  counterId: string;
  clerkId: string;
}
export interface TicketStarted extends TicketEventBase {
  type: 'ticket:started';
  counterId: string;
  clerkId: string;
}
export interface TicketCompleted extends TicketEventBase {
  type: 'ticket:completed';
  counterId: string;
  clerkId: string;
  outcome: Outcome;
  /**
   * The directorate a forwarded visit was handed to (null when resolved). Absent in journals
   * written before directorates were recorded: those replay as "unknown directorate".
   */
  directorateId?: string | null;
  note: string | null;
}
export interface TicketNoShow extends TicketEventBase {
  type: 'ticket:no-show';
  counterId: string;
  clerkId: string;
}
export interface TicketRestored extends TicketEventBase {
  type: 'ticket:restored';
  clerkId: string;
}
export interface TicketRequeued extends TicketEventBase {
  type: 'ticket:requeued';
  counterId: string;
  clerkId: string;
}
export interface TicketTransferred extends TicketEventBase {
  type: 'ticket:transferred';
  counterId: string;
  clerkId: string;
  fromServiceId: string;
  toServiceId: string;
  position: 'front' | 'back';
}
export interface TicketCancelled extends TicketEventBase {
  type: 'ticket:cancelled';
  by: 'visitor' | 'staff' | 'day-end';
  clerkId: string | null;
}
/** The visitor rated their finished visit from their phone (once). */
export interface TicketRated extends TicketEventBase {
  type: 'ticket:rated';
  /** 1 (poor) to 5 (excellent). */
  rating: number;
  /** The visitor's optional comment; blanked after the hall's note retention period. */
  note: string | null;
}
/**
 * The waits the phone pages showed at `at`, for every ticket waiting then, sampled every few
 * minutes while anyone waits (one event for the whole hall), so the manager can see how well
 * the estimates shown as the line moves come true. Changes nothing in the queue; staff screens
 * get it like every event (their revisions stay in step). Journals written before it have none.
 */
export interface EstimatesSampled extends EventBase {
  type: 'estimates:sampled';
  /** By ticket id: the estimate its phone page showed at `at`. */
  estimates: Record<string, WaitEstimate>;
}
/**
 * The visitor asked, from the phone page or the kiosk, for an SMS when their turn nears (the
 * hall's `smsNotifyAhead`). The number is normalised (`05xxxxxxxxx`), never reaches a socket payload
 * or a staff view, and is blanked in the journal once the day is closed (KVKK). `ahead` is the
 * hall's threshold when asked. A new request replaces the previous one. Journals written before
 * it have none.
 */
export interface TicketSmsRequested extends TicketEventBase {
  type: 'ticket:sms-requested';
  /** The mobile number; `''` once erased after the day closed. */
  phone: string;
  ahead: number;
}
/** The visitor withdrew their SMS request (the number is no longer used). */
export interface TicketSmsWithdrawn extends TicketEventBase {
  type: 'ticket:sms-withdrawn';
}
/**
 * A ticket with an SMS request has at most `ahead` people in front of it while waiting (once per
 * ticket): the integration (webhook `ticket.turn-near`) sends the SMS.
 */
export interface TicketTurnNear extends TicketEventBase {
  type: 'ticket:turn-near';
  /** People ahead when it was noticed. */
  ahead: number;
}
export interface CounterOpened extends CounterEventBase {
  type: 'counter:opened';
}
export interface CounterPaused extends CounterEventBase {
  type: 'counter:paused';
  reason: PauseReason;
}
export interface CounterResumed extends CounterEventBase {
  type: 'counter:resumed';
}
export interface CounterClosed extends CounterEventBase {
  type: 'counter:closed';
}

/** Every state change of a hall is one of these, stored in the journal in order. */
export type QueueEvent =
  | TicketIssued
  | TicketCalled
  | TicketRecalled
  | TicketStarted
  | TicketCompleted
  | TicketNoShow
  | TicketRestored
  | TicketRequeued
  | TicketTransferred
  | TicketCancelled
  | TicketRated
  | TicketSmsRequested
  | TicketSmsWithdrawn
  | TicketTurnNear
  | CounterOpened
  | CounterPaused
  | CounterResumed
  | CounterClosed
  | EstimatesSampled;

export type QueueEventType = QueueEvent['type'];

/** An event as journalled and pushed: numbered by the hall's revision. */
export type RevEvent = QueueEvent & { rev: number };

/**
 * An event as staff screens get it: `ticket:issued` without the phone code, and
 * `ticket:sms-requested` without the visitor's mobile number (no one but the SMS integration
 * reads it). On `/counter` a `ticket:completed` note is `null` except for the clerk who served
 * the visit, and a `ticket:rated` comment is always `null`; managers get both.
 */
export type StaffEvent =
  | Exclude<RevEvent, { type: 'ticket:issued' | 'ticket:sms-requested' }>
  | (Omit<TicketIssued, 'code'> & { rev: number })
  | (Omit<TicketSmsRequested, 'phone'> & { rev: number });
