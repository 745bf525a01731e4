import type { ApiError } from '../../contract/errors.js';
import type { ClientErrorCode } from './i18n.js';

export interface ClientError {
  code: ClientErrorCode;
  message: string;
  /** For `validation`: the offending field, as a dotted path. */
  field?: string;
}

export type ApiResult<T> =
  { ok: true; data: T } | { ok: false; status: number; error: ClientError };

/**
 * One JSON request to the server's REST API (same origin, so the session cookie goes along).
 * Never throws: a network failure comes back as the `network` error.
 */
export async function apiRequest<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<ApiResult<T>> {
  // The server takes changes only as JSON (its guard against forms posted from other sites).
  const payload = method === 'GET' ? undefined : JSON.stringify(body ?? {});
  let res: Response;
  try {
    res = await fetch(path.startsWith('/api/') ? path : `/api${path}`, {
      method,
      credentials: 'same-origin',
      headers: payload === undefined ? {} : { 'Content-Type': 'application/json' },
      body: payload,
      signal,
    });
  } catch (err) {
    const aborted = err instanceof DOMException && err.name === 'AbortError';
    return {
      ok: false,
      status: 0,
      error: { code: aborted ? 'aborted' : 'network', message: '' },
    };
  }
  if (res.status === 204) return { ok: true, data: undefined as T };
  let json: unknown = null;
  try {
    json = await res.json();
  } catch {
    // An empty or non-JSON reply: fall through with the status alone.
  }
  if (res.ok) return { ok: true, data: json as T };
  const error = (json as { error?: ApiError } | null)?.error;
  return {
    ok: false,
    status: res.status,
    error: error ?? {
      code: res.status === 401 ? 'unauthenticated' : res.status === 404 ? 'not-found' : 'internal',
      message: '',
    },
  };
}
