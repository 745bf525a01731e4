import type { ApiError } from '../../contract/errors.js';
import type { ClientErrorCode } from './i18n.js';

export type ApiResult<T> =
  | { ok: true; data: T }
  | { ok: false; status: number; error: { code: ClientErrorCode; message: string } };

/**
 * One JSON request to the server's REST API (same origin, so the session cookie goes along).
 * Never throws: a network failure comes back as the `network` error.
 */
export async function apiRequest<T>(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<ApiResult<T>> {
  // The server takes changes only as JSON (its guard against forms posted from other sites).
  const payload = method === 'GET' ? undefined : JSON.stringify(body ?? {});
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      credentials: 'same-origin',
      headers: payload === undefined ? {} : { 'Content-Type': 'application/json' },
      body: payload,
    });
  } catch {
    return { ok: false, status: 0, error: { code: 'network', message: 'Network error' } };
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
    error: error ?? { code: res.status === 401 ? 'unauthenticated' : 'internal', message: '' },
  };
}
