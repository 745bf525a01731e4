import type { ApiError, ErrorCode, ErrorDetails } from '../../../contract/errors.js';

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string, field?: string): Result<T> {
  return { ok: false, error: field === undefined ? { code, message } : { code, message, field } };
}

/** A refusal with typed details for the caller (`ApiError.details`). */
export function failWith<T = never>(
  code: ErrorCode,
  message: string,
  details: ErrorDetails,
): Result<T> {
  return { ok: false, error: { code, message, details } };
}
