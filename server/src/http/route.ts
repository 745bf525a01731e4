import type { Request, RequestHandler, Response, Router } from 'express';
import type { z } from 'zod';
import type { ApiError } from '../../../contract/errors.js';
import { allows, hallOf, passwordChangePending, type Access, type Actor } from '../auth/actor.js';
import { fail, ok, type Result } from '../domain/index.js';
import type { HallQueue } from '../queue/hall-queue.js';
import type { QueueService } from '../queue/queue-service.js';
import { apiError, sendError } from './errors.js';

/**
 * Which hall a route is about, checked by the route layer before the handler runs (a signed-in
 * user or a device may only reach their own hall; anonymous callers of a public route any):
 * - `path`: the hall named by `:hallId` (404 `hall-not-found`, 403 `forbidden` if not theirs);
 * - `counter`: the hall of the counter named by `:counterId` (404 `counter-not-found`, 403);
 * - `own`: the signed-in actor's own hall (404 `hall-not-found` if it is not configured);
 * - `none`: not about one hall (health, sign-in, the hall list, a ticket by its secret code,
 *   the caller's own account or device).
 * The handler gets the hall's queue as `hall`; records addressed by their own id inside the
 * hall (a service, a printer…) are still looked up in that hall by the handler.
 */
export type HallScope = 'path' | 'counter' | 'own' | 'none';

export interface RouteContext<P, B, Q, H extends HallScope = HallScope> {
  params: P;
  body: B;
  query: Q;
  actor: Actor;
  /** The hall the route is scoped to, already checked (see HallScope). */
  hall: H extends 'none' ? undefined : HallQueue;
  req: Request;
  res: Response;
}

/**
 * A successful reply that is not one JSON document checked by a schema: a file export
 * (`mediaType` is what is sent) or no body at all (204, `mediaType` null).
 */
export interface OtherReply {
  readonly mediaType: string | null;
  readonly description: string;
}

/** The reply of a route that answers 204 with no body. */
export const NO_CONTENT: OtherReply = { mediaType: null, description: 'No content.' };

/** The reply of a route that streams a file (CSV, XLSX, a JSON export) rather than a document. */
export function fileReply(mediaType: string, description: string): OtherReply {
  return { mediaType, description };
}

/** What a route replies on success: a zod schema (contract/reply-schemas.ts) or another reply. */
export type ReplyDef = z.ZodType | OtherReply;

export function isReplySchema(reply: ReplyDef): reply is z.ZodType {
  return 'safeParse' in reply;
}

/** What a handler may return for its reply: the reply, a Result of it, or `undefined` (wrote it). */
type HandlerReply<R extends ReplyDef> = R extends z.ZodType
  ? z.output<R> | Result<z.output<R>> | undefined
  : unknown;

/** One REST endpoint: its contract (documented in OpenAPI) and its thin handler. */
export interface RouteDef<
  P extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  H extends HallScope = HallScope,
  R extends ReplyDef = ReplyDef,
> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express-style path under `/api`, e.g. `/counters/:counterId/open`. */
  path: string;
  summary: string;
  tag: string;
  access: Access;
  /** Which hall the route is about; required, so a new route must say (see HallScope). */
  hall: H;
  /**
   * Open to a user who must first change their one-time password (changing it); every other
   * route but the public ones refuses them with `password-change-required`.
   */
  beforePasswordChange?: boolean;
  params?: P;
  body?: B;
  query?: Q;
  /** Status of a successful reply. */
  status?: number;
  /**
   * The successful reply: required, so a new route must say. A schema types what the handler
   * returns, is documented in OpenAPI, and a test checks every route's real reply with it.
   */
  reply: R;
  limiter?: RequestHandler;
  /** Returns the reply body (or a Result); `undefined` when it wrote the response itself. */
  handler: (
    ctx: RouteContext<z.infer<P>, z.infer<B>, z.infer<Q>, H>,
  ) => Promise<HandlerReply<NoInfer<R>>> | HandlerReply<NoInfer<R>>;
}

export function route<
  P extends z.ZodType,
  B extends z.ZodType,
  Q extends z.ZodType,
  H extends HallScope,
  R extends ReplyDef,
>(def: RouteDef<P, B, Q, H, R>): RouteDef {
  return def as unknown as RouteDef;
}

function validationError(error: z.ZodError, where: string): ApiError {
  const issue = error.issues[0]!;
  const field = issue.path.length > 0 ? issue.path.join('.') : where;
  const message =
    issue.code === 'unrecognized_keys'
      ? `Unknown field(s): ${issue.keys.join(', ')}.`
      : `${field}: ${issue.message}`;
  return apiError(
    'validation',
    message,
    issue.code === 'unrecognized_keys' ? issue.keys[0] : field,
  );
}

function isResult(v: unknown): v is Result<unknown> {
  return (
    typeof v === 'object' &&
    v !== null &&
    'ok' in v &&
    (('value' in v && v.ok === true) || ('error' in v && v.ok === false))
  );
}

/** What the route layer needs to know who calls and which hall a route is about. */
export interface MountDeps {
  actorOf: (req: Request) => Actor;
  queues: Pick<QueueService, 'hall' | 'hallOfCounter'>;
}

/** The path parameter a scope reads its hall from. */
const SCOPE_PARAM: Partial<Record<HallScope, string>> = { path: 'hallId', counter: 'counterId' };

/** A route's hall scope must agree with its path: `:hallId` is always checked. */
export function scopeMismatch(def: Pick<RouteDef, 'method' | 'path' | 'hall'>): string | null {
  const names = [...def.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
  const wanted = SCOPE_PARAM[def.hall];
  if (wanted && !names.includes(wanted))
    return `${def.method.toUpperCase()} ${def.path}: hall '${def.hall}' needs :${wanted} in the path`;
  if (names.includes('hallId') && def.hall !== 'path')
    return `${def.method.toUpperCase()} ${def.path}: a path with :hallId must declare hall 'path'`;
  return null;
}

/** The hall a route is about, if the actor may reach it. */
function resolveHall(
  scope: HallScope,
  params: Record<string, string>,
  actor: Actor,
  queues: MountDeps['queues'],
): Result<HallQueue | undefined> {
  if (scope === 'none') return ok(undefined);
  const own = hallOf(actor);
  let queue: HallQueue | undefined;
  if (scope === 'path') {
    queue = queues.hall(params.hallId!);
    if (!queue) return fail('hall-not-found', `No hall ${params.hallId}.`, 'hallId');
  } else if (scope === 'counter') {
    queue = queues.hallOfCounter(params.counterId!);
    if (!queue) return fail('counter-not-found', `No counter ${params.counterId}.`, 'counterId');
  } else {
    queue = own === null ? undefined : queues.hall(own);
    if (!queue) return fail('hall-not-found', 'Your account has no hall.');
  }
  if (own !== null && own !== queue.hallId) return fail('forbidden', 'This is not your hall.');
  return ok(queue);
}

/**
 * Mounts routes: authorise, validate the path, check the hall scope, validate query and body,
 * run the handler, reply. Throws at start-up if a route's scope disagrees with its path.
 */
export function mountRoutes(router: Router, routes: RouteDef[], deps: MountDeps): void {
  const { actorOf, queues } = deps;
  for (const def of routes) {
    const mismatch = scopeMismatch(def);
    if (mismatch) throw new Error(mismatch);
    const handlers: RequestHandler[] = [];
    if (def.limiter) handlers.push(def.limiter);
    handlers.push(async (req, res) => {
      const actor = actorOf(req);
      if (!allows(def.access, actor)) {
        return sendError(
          res,
          actor.kind === 'anonymous'
            ? apiError('unauthenticated', 'Sign in or pair this device first.')
            : apiError('forbidden', 'You may not do this.'),
        );
      }
      if (def.access !== 'public' && !def.beforePasswordChange && passwordChangePending(actor))
        return sendError(
          res,
          apiError(
            'password-change-required',
            'Change your one-time password first (POST /api/auth/password).',
          ),
        );
      const parsed: Record<string, unknown> = {};
      const parse = (
        where: 'params' | 'query' | 'body',
        schema: z.ZodType | undefined,
        value: unknown,
      ) => {
        if (!schema) return true;
        const r = schema.safeParse(value);
        if (!r.success) {
          sendError(res, validationError(r.error, where));
          return false;
        }
        parsed[where] = r.data;
        return true;
      };
      if (!parse('params', def.params, req.params)) return;
      // Before the query and the body: another hall's caller learns nothing from validation.
      const hall = resolveHall(def.hall, req.params as Record<string, string>, actor, queues);
      if (!hall.ok) return sendError(res, hall.error);
      if (!parse('query', def.query, req.query)) return;
      if (!parse('body', def.body, req.body ?? {})) return;
      const out = await def.handler({
        ...parsed,
        actor,
        hall: hall.value,
        req,
        res,
      } as RouteContext<unknown, unknown, unknown>);
      if (res.headersSent || out === undefined) return;
      if (isResult(out)) {
        if (!out.ok) return sendError(res, out.error);
        res.status(def.status ?? 200).json(out.value);
        return;
      }
      res.status(def.status ?? 200).json(out);
    });
    router[def.method](def.path, ...handlers);
  }
}
