/** The closed set of error codes; the HTTP shell maps each to one status. */
export type ErrorCode =
  | 'validation'
  | 'payload-too-large'
  | 'unauthenticated'
  | 'invalid-credentials'
  | 'forbidden'
  /** A state-changing request that may come from a page of another origin (CSRF). */
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
  /** The hall refuses tickets for a service no open counter covers (`whenNoCounterOpen`). */
  | 'no-open-counter'
  | 'grace-expired'
  /** Appointments: the slot has no free place left (another request took the last one). */
  | 'slot-full'
  | 'booking-not-found'
  /** The day, time or service takes no bookings (closed, past, beyond the horizon, too late). */
  | 'booking-closed'
  /** The phone number or address already holds the most future bookings allowed. */
  | 'booking-limit'
  /** Cancelled, checked in or past: it can no longer be changed. */
  | 'booking-not-changeable'
  | 'check-in-too-early'
  | 'check-in-too-late'
  | 'booking-already-checked-in'
  /** The hall sends no SMS when the turn nears (`smsNotifyAhead` is off). */
  | 'sms-off'
  | 'conflict'
  | 'too-many-rows'
  | 'storage-unavailable'
  | 'internal';

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** For `validation`: the offending field, as a dotted path. */
  field?: string;
  /** Typed facts a refusal gives its caller to act on (never to be parsed out of `message`). */
  details?: ErrorDetails;
}

/**
 * What a kiosk check-in refusal tells the code's holder about their own booking only: its
 * service (for a walk-in ticket instead) and its slot as `HH:MM` in the hall's time zone.
 */
export interface CheckInTooLateDetails {
  serviceId: string;
  slotTime: string;
}

/** Too early: also when the check-in window opens, `HH:MM` in the hall's time zone. */
export interface CheckInTooEarlyDetails extends CheckInTooLateDetails {
  opensAt: string;
}

export type ErrorDetails = CheckInTooEarlyDetails | CheckInTooLateDetails;

export type Ack<T> = { ok: true; data: T } | { ok: false; error: ApiError };
