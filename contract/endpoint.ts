import type * as core from 'zod/v4/core';

/**
 * One REST endpoint as both sides see it: method, path under `/api`, and the zod schemas of
 * what goes in and what comes back. The server's route table takes an endpoint and adds only
 * access, hall scope, limiter and handler (`server/src/http/route.ts`); the pages call it with
 * the typed client (`contract/client.ts`). Schemas are written with `zod/mini` so a page that
 * imports an endpoint carries only the schemas it uses (the kiosk bundle stays small).
 */
export interface Endpoint<
  P extends core.$ZodType = core.$ZodType,
  Q extends core.$ZodType = core.$ZodType,
  B extends core.$ZodType = core.$ZodType,
  R extends Reply = Reply,
> {
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express-style path under `/api`, e.g. `/counters/:counterId/open`. */
  readonly path: string;
  readonly summary: string;
  /** The OpenAPI tag (the group the endpoint is listed under in `/api/docs`). */
  readonly tag: string;
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  /** Status of a successful reply (200 unless said). */
  readonly status?: number;
  /** The successful reply: a strict schema, or a file / no body (`OtherReply`). */
  readonly reply: R;
}

/**
 * A successful reply that is not one JSON document checked by a schema: a file export
 * (`mediaType` is what is sent) or no body at all (204, `mediaType` null).
 */
export interface OtherReply {
  readonly mediaType: string | null;
  readonly description: string;
}

export type Reply = core.$ZodType | OtherReply;

/** The reply of an endpoint that answers 204 with no body. */
export const NO_CONTENT: OtherReply = { mediaType: null, description: 'No content.' };

/** The reply of an endpoint that streams a file (CSV, XLSX, a JSON export) rather than a document. */
export function fileReply(mediaType: string, description: string): OtherReply {
  return { mediaType, description };
}

export function isReplySchema(reply: Reply): reply is core.$ZodType {
  return '_zod' in reply;
}

/** Declares an endpoint, keeping the exact schema types for both sides. */
export function endpoint<
  P extends core.$ZodType = core.$ZodType<Record<string, never>>,
  Q extends core.$ZodType = core.$ZodType<Record<string, never>>,
  B extends core.$ZodType = core.$ZodType<Record<string, never>>,
  R extends Reply = Reply,
>(def: Endpoint<P, Q, B, R>): Endpoint<P, Q, B, R> {
  return def;
}

/** What a successful call of the endpoint returns. */
export type ReplyOf<E extends Endpoint> = E['reply'] extends core.$ZodType
  ? core.output<E['reply']>
  : undefined;

/** The path parameters, query and body a caller gives (the schemas' input types). */
export type ParamsOf<E extends Endpoint> =
  E extends Endpoint<infer P> ? (P extends core.$ZodType ? core.input<P> : never) : never;
export type QueryOf<E extends Endpoint> =
  E extends Endpoint<core.$ZodType, infer Q> ? core.input<Q> : never;
export type BodyOf<E extends Endpoint> =
  E extends Endpoint<core.$ZodType, core.$ZodType, infer B> ? core.input<B> : never;
