import type * as core from 'zod/v4/core';
import { call, route } from '../../contract/client.js';
import type { Endpoint } from '../../contract/endpoint.js';
import type { ClientErrorCode } from './i18n.js';

/*
 * The manager's old request helper, kept only while the settings sections still call it by
 * path (they move to `call(endpoint, …)` from contract/client.ts, which it runs on; new code
 * calls `call` with a contract endpoint).
 */

export interface ClientError {
  code: ClientErrorCode;
  message: string;
  /** For `validation`: the offending field, as a dotted path. */
  field?: string;
}

export type ApiResult<T> =
  { ok: true; data: T } | { ok: false; status: number; error: ClientError };

type Untyped = Endpoint<
  core.$ZodType<Record<string, never>>,
  core.$ZodType<Record<string, never>>,
  core.$ZodType<unknown, Record<string, unknown>>,
  core.$ZodType<unknown>
>;

/**
 * One JSON request to the server's REST API by path (under `/api`; a path already starting
 * with `/api/` is taken as it is). Never throws: a failure is `ok: false` with its code.
 */
export async function apiRequest<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<ApiResult<T>> {
  const r = await call(
    route<Untyped>(method.toLowerCase() as Untyped['method'], path.replace(/^\/api\//, '/')),
    { body: (body ?? {}) as Record<string, unknown> },
    signal ? { signal } : {},
  );
  if (r.ok) return { ok: true, data: r.data as T };
  const { code, message, field } = r;
  // The manager's catalogue has no words for a timeout (it sets none): told as a network failure.
  const known: ClientErrorCode = code === 'timeout' ? 'network' : code;
  return {
    ok: false,
    status: r.status,
    error: { code: known, message, ...(field === undefined ? {} : { field }) },
  };
}
