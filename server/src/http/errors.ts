import type { Response } from 'express';
import type { ApiError, ErrorCode } from '../../../contract/errors.js';

const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  'payload-too-large': 413,
  unauthenticated: 401,
  'invalid-credentials': 401,
  forbidden: 403,
  'forbidden-origin': 403,
  'password-change-required': 403,
  'rate-limited': 429,
  'not-found': 404,
  'hall-not-found': 404,
  'service-not-found': 404,
  'counter-not-found': 404,
  'ticket-not-found': 404,
  'queue-empty': 409,
  'invalid-transition': 409,
  'counter-taken': 409,
  'counter-not-open': 409,
  'counter-busy': 409,
  'service-inactive': 409,
  'no-open-counter': 409,
  'grace-expired': 409,
  'slot-full': 409,
  'booking-not-found': 404,
  'booking-closed': 400,
  'booking-limit': 429,
  'booking-not-changeable': 409,
  'check-in-too-early': 409,
  'check-in-too-late': 409,
  'booking-already-checked-in': 409,
  'sms-off': 409,
  conflict: 409,
  'too-many-rows': 422,
  'storage-unavailable': 503,
  internal: 500,
};

export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}

export function sendError(res: Response, error: ApiError): void {
  res.status(statusOf(error.code)).json({ error });
}

export function apiError(code: ErrorCode, message: string, field?: string): ApiError {
  return field === undefined ? { code, message } : { code, message, field };
}
