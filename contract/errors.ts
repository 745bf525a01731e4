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
  | 'conflict'
  | 'too-many-rows'
  | 'storage-unavailable'
  | 'internal';

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** For `validation`: the offending field, as a dotted path. */
  field?: string;
}

export type Ack<T> = { ok: true; data: T } | { ok: false; error: ApiError };
