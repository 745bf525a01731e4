import { safeParse, type $ZodType } from 'zod/v4/core';
import {
  isReplySchema,
  type BodyOf,
  type Endpoint,
  type ParamsOf,
  type QueryOf,
  type ReplyOf,
} from './endpoint.js';
import type { ErrorCode } from './errors.js';

/*
 * The one REST client of every page: `call(endpoint, input, options)`. Framework-free and
 * runtime-neutral (contract/ compiles with neither DOM nor Node types): the few browser globals
 * it needs are declared structurally below, and `fetch` can be injected (the unit tests do).
 */

/** Failures the client itself decides: no answer, no answer in time, the caller gave up. */
export type ClientErrorCode = 'network' | 'timeout' | 'aborted';
export type CallErrorCode = ErrorCode | ClientErrorCode;

/** A failed call: the server's JSON error, or a code from the status, or a client code. */
export interface CallFailure {
  ok: false;
  /** The HTTP status; 0 when there was no answer (network, timeout, aborted). */
  status: number;
  code: CallErrorCode;
  message: string;
  /** For `validation`: the offending field, as a dotted path. */
  field?: string;
  /** The error's `details` as sent (`ApiError.details`), unchecked: narrow before use. */
  details?: unknown;
}

export type CallResult<T> = { ok: true; status: number; data: T } | CallFailure;

// ---- Input typed from the endpoint ---------------------------------------------------------

/**
 * `params`, `query`, `body`: required when the endpoint has required fields there, optional when
 * all its fields are, absent (`undefined`) when the endpoint has none (its input is `unknown`).
 */
type Slot<K extends string, T> = unknown extends T
  ? { [P in K]?: undefined }
  : [T] extends [never]
    ? { [P in K]?: undefined }
    : [T] extends [Record<string, never>]
      ? { [P in K]?: undefined }
      : object extends T
        ? { [P in K]?: T }
        : { [P in K]: T };

type Flat<T> = { [K in keyof T]: T[K] };

/** What a caller gives for an endpoint: its path parameters, query and body. */
export type CallInput<E extends Endpoint> = Flat<
  Slot<'params', ParamsOf<E>> & Slot<'query', QueryOf<E>> & Slot<'body', BodyOf<E>>
>;

export interface CallOptions {
  /** A device key, sent as `Authorization: Bearer <key>` (kiosk, display). */
  key?: string | null;
  /** Gives up when this signal aborts: the result is `aborted`. */
  signal?: AbortSignalLike;
  /** Gives up after this many milliseconds without a whole reply: the result is `timeout`. */
  timeoutMs?: number;
  /** Another `fetch` (tests); the global one by default. */
  fetch?: FetchLike;
  /** Prefix of every path; `/api` by default (same origin, so the session cookie goes along). */
  base?: string;
}

/** The arguments after the endpoint: the input may be left out when nothing in it is required. */
export type CallArgs<E extends Endpoint> =
  object extends CallInput<E>
    ? [input?: CallInput<E>, options?: CallOptions]
    : [input: CallInput<E>, options?: CallOptions];

/**
 * An endpoint's method and path, typed by the endpoint but without its schemas: what a page
 * whose bundle must stay small (the kiosk) calls instead of the endpoint itself.
 * `tests/unit/contract/client.test.ts` checks that each page's routes agree with the
 * endpoints they name.
 */
declare const routeOf: unique symbol;

export interface Route<E extends Endpoint = Endpoint> {
  readonly method: E['method'];
  readonly path: string;
  /** Type only (never set): the endpoint this route is. */
  readonly [routeOf]: E;
}

/** Declares a route of an endpoint (see `Route`). */
export function route<E extends Endpoint>(method: E['method'], path: string): Route<E> {
  return { method, path } as Route<E>;
}

// ---- The few globals used, typed structurally ---------------------------------------------

export interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  credentials: 'same-origin';
  cache: 'no-store';
  signal: AbortSignalLike;
}

export interface FetchResponse {
  readonly ok: boolean;
  readonly status: number;
  json(): Promise<unknown>;
}

export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponse>;

interface Globals {
  fetch: FetchLike;
  AbortController: new () => { readonly signal: AbortSignalLike; abort(): void };
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

const globals = globalThis as unknown as Globals;

// ---- URL -----------------------------------------------------------------------------------

type QueryValue = string | number | boolean | null | undefined;

/**
 * The URL of a call: `:name` segments filled (each value URI-encoded), then the query string
 * (absent and null values left out, an array repeated as `k=a&k=b`). A missing path parameter
 * is returned as the name that is missing.
 */
export function urlOf(
  path: string,
  params: object | undefined,
  query: object | undefined,
  base = '/api',
): string | { missing: string } {
  const values = (params ?? {}) as Record<string, QueryValue>;
  let missing: string | null = null;
  const filled = path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined || v === null || v === '') missing ??= name;
    return encodeURIComponent(String(v));
  });
  if (missing !== null) return { missing };
  const pairs: string[] = [];
  for (const [k, v] of Object.entries((query ?? {}) as Record<string, QueryValue | QueryValue[]>)) {
    for (const one of Array.isArray(v) ? v : [v]) {
      if (one === undefined || one === null) continue;
      pairs.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(one))}`);
    }
  }
  return `${base}${filled}${pairs.length > 0 ? `?${pairs.join('&')}` : ''}`;
}

// ---- Errors --------------------------------------------------------------------------------

/**
 * The code of an error reply that carries no JSON error (a proxy, or a server starting up,
 * answered): its status says what it can.
 */
const BY_STATUS: Readonly<Record<number, ErrorCode>> = {
  400: 'validation',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  409: 'invalid-transition',
  413: 'payload-too-large',
  429: 'rate-limited',
  503: 'storage-unavailable',
};

/** The failure an error reply stands for: its JSON `{ error }` when it has one, else its status. */
export function replyFailure(status: number, body: unknown): CallFailure {
  const error = (
    body as {
      error?: { code?: unknown; message?: unknown; field?: unknown; details?: unknown };
    } | null
  )?.error;
  if (error && typeof error.code === 'string') {
    return {
      ok: false,
      status,
      code: error.code as ErrorCode,
      message: typeof error.message === 'string' ? error.message : '',
      ...(typeof error.field === 'string' ? { field: error.field } : {}),
      ...(error.details !== undefined ? { details: error.details } : {}),
    };
  }
  // A 502 or 504 from a proxy means the server could not be reached.
  const code = BY_STATUS[status] ?? (status >= 500 ? 'network' : 'internal');
  return { ok: false, status, code, message: '' };
}

function noAnswer(code: ClientErrorCode): CallFailure {
  return { ok: false, status: 0, code, message: '' };
}

// ---- The call ------------------------------------------------------------------------------

type Target = Pick<Endpoint, 'method' | 'path'> & { readonly reply?: Endpoint['reply'] };

/**
 * Calls an endpoint; never throws. Sends `params` in the path, `query` as the query string and,
 * for every method but GET, `body` as JSON (`{}` when there is none: the server takes changes
 * only as JSON, its guard against forms posted from other sites). A 204 reply is `undefined`.
 */
export function call<E extends Endpoint>(
  endpoint: E,
  ...args: CallArgs<E>
): Promise<CallResult<ReplyOf<E>>>;
export function call<E extends Endpoint>(
  route: Route<E>,
  ...args: CallArgs<E>
): Promise<CallResult<ReplyOf<E>>>;
export async function call(
  target: Target,
  given?: unknown,
  options: CallOptions = {},
): Promise<CallResult<unknown>> {
  const input = given as { params?: object; query?: object; body?: unknown } | undefined;
  const url = urlOf(target.path, input?.params, input?.query, options.base);
  if (typeof url !== 'string') {
    return {
      ok: false,
      status: 0,
      code: 'validation',
      message: `Missing path parameter: ${url.missing}.`,
      field: url.missing,
    };
  }
  const method = target.method.toUpperCase();
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.key) headers.Authorization = `Bearer ${options.key}`;
  const body = method === 'GET' ? undefined : JSON.stringify(input?.body ?? {});
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  if (options.signal?.aborted) return noAnswer('aborted');
  const abort = new globals.AbortController();
  let why: 'timeout' | 'aborted' | null = null;
  const onAbort = () => {
    why ??= 'aborted';
    abort.abort();
  };
  options.signal?.addEventListener('abort', onAbort);
  const timer =
    options.timeoutMs === undefined
      ? undefined
      : globals.setTimeout(() => {
          why ??= 'timeout';
          abort.abort();
        }, options.timeoutMs);
  try {
    const fetch = options.fetch ?? globals.fetch;
    let res: FetchResponse;
    try {
      res = await fetch(url, {
        method,
        headers,
        ...(body === undefined ? {} : { body }),
        credentials: 'same-origin',
        cache: 'no-store',
        signal: abort.signal,
      });
    } catch {
      return noAnswer(why ?? 'network');
    }
    const noContent =
      res.status === 204 ||
      (target.reply !== undefined && !isReplySchema(target.reply) && !target.reply.mediaType);
    if (res.ok && noContent) return { ok: true, status: res.status, data: undefined };
    // The timer still runs while the body streams in: a reply cut off by it is a timeout.
    const json: unknown = await res.json().catch(() => undefined);
    if (why !== null) return noAnswer(why);
    if (!res.ok) return replyFailure(res.status, json ?? null);
    if (json === undefined) {
      return { ok: false, status: res.status, code: 'internal', message: 'The reply is not JSON.' };
    }
    return { ok: true, status: res.status, data: json };
  } finally {
    if (timer !== undefined) globals.clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

// ---- Checking a body before sending --------------------------------------------------------

/**
 * Checks a body against the endpoint's schema as the server will: the failure the server would
 * answer (`validation`, with the field), or null when it passes. Only pages that import it carry
 * zod's parser.
 */
export function bodyFailure(endpoint: Endpoint, body: unknown): CallFailure | null {
  if (!endpoint.body) return null;
  const result = safeParse(endpoint.body as $ZodType, body ?? {});
  if (result.success) return null;
  const issue = result.error.issues[0]!;
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const field = keys[0] ?? (issue.path.length > 0 ? issue.path.join('.') : 'body');
  const message =
    keys.length > 0 ? `Unknown field(s): ${keys.join(', ')}.` : `${field}: ${issue.message}`;
  return { ok: false, status: 0, code: 'validation', message, field };
}

/** `call`, after checking the body with the endpoint's schema (nothing is sent if it fails). */
export async function callChecked<E extends Endpoint>(
  endpoint: E,
  ...args: CallArgs<E>
): Promise<CallResult<ReplyOf<E>>> {
  const failure = bodyFailure(endpoint, (args[0] as { body?: unknown } | undefined)?.body);
  return failure ?? call(endpoint, ...args);
}
