import type { ApiError, ErrorCode } from '../../contract/errors.js';
import type { FailureCode } from './state/errors.js';

/** The outcome of one REST call: the body, or why there is none. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; code: FailureCode };

export interface RequestOptions {
  method?: 'GET' | 'POST';
  /** A device key, sent as `Authorization: Bearer <key>`. */
  key?: string | null;
  body?: unknown;
  timeoutMs?: number;
}

const BY_STATUS: Record<number, ErrorCode> = {
  400: 'validation',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  409: 'invalid-transition',
  413: 'payload-too-large',
  429: 'rate-limited',
  503: 'storage-unavailable',
};

function isApiError(v: unknown): v is { error: ApiError } {
  return (
    typeof v === 'object' &&
    v !== null &&
    'error' in v &&
    typeof (v as { error: { code?: unknown } }).error?.code === 'string'
  );
}

/** Calls the same-origin API; never throws. A request without an answer in time is a `timeout`. */
export async function apiRequest<T>(
  path: string,
  opts: RequestOptions = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (opts.key) headers.Authorization = `Bearer ${opts.key}`;
  const method = opts.method ?? 'GET';
  // The server takes changes only as JSON (its guard against forms posted from other sites).
  const json = method === 'GET' ? undefined : JSON.stringify(opts.body ?? {});
  if (json !== undefined) headers['Content-Type'] = 'application/json';
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), opts.timeoutMs ?? 10_000);
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      headers,
      body: json,
      signal: abort.signal,
      cache: 'no-store',
    });
  } catch {
    clearTimeout(timer);
    return { ok: false, code: abort.signal.aborted ? 'timeout' : 'network' };
  }
  const body: unknown = await res.json().catch(() => null);
  clearTimeout(timer);
  if (res.ok) {
    return body === null && abort.signal.aborted
      ? { ok: false, code: 'timeout' }
      : { ok: true, data: body as T };
  }
  if (isApiError(body)) return { ok: false, code: body.error.code };
  // No JSON error: a proxy or a server that is starting up answered.
  return { ok: false, code: BY_STATUS[res.status] ?? (res.status >= 500 ? 'network' : 'internal') };
}
