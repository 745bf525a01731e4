import type { Request, RequestHandler, Response, Router } from 'express';
import * as core from 'zod/v4/core';
import { en } from 'zod/v4/locales';
import {
  fileReply,
  isReplySchema,
  NO_CONTENT,
  type Endpoint,
  type OtherReply,
  type Reply,
} from '../../../contract/endpoint.js';
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

// One definition of the reply kinds, in the contract; re-exported for the route files.
export { fileReply, isReplySchema, NO_CONTENT, type OtherReply };

/** What a route replies on success: a zod schema (classic or mini) or another reply. */
export type ReplyDef = Reply;

/** What a handler may return for its reply: the reply, a Result of it, or `undefined` (wrote it). */
type HandlerReply<R extends ReplyDef> = R extends core.$ZodType
  ? core.output<R> | Result<core.output<R>> | undefined
  : unknown;

/** The parsed (output) type of one of an endpoint's request schemas; `{}` when it has none. */
export type Parsed<S> = [NonNullable<S>] extends [core.$ZodType]
  ? core.output<NonNullable<S>>
  : Record<string, never>;

/**
 * A route: a contract endpoint (method, path, summary, tag, the request schemas, the status
 * and the reply) and what only the server adds: who may call it, which hall it is about, its
 * limiter and its handler.
 */
export interface EndpointRouteDef<E extends Endpoint, H extends HallScope> {
  endpoint: E;
  access: Access;
  /** Which hall the route is about; required, so a new route must say (see HallScope). */
  hall: H;
  /**
   * Open to a user who must first change their one-time password (changing it); every other
   * route but the public ones refuses them with `password-change-required`.
   */
  beforePasswordChange?: boolean;
  limiter?: RequestHandler;
  /** Returns the reply body (or a Result); `undefined` when it wrote the response itself. */
  handler: (
    ctx: RouteContext<Parsed<E['params']>, Parsed<E['body']>, Parsed<E['query']>, H>,
  ) => Promise<HandlerReply<E['reply']>> | HandlerReply<E['reply']>;
}

/**
 * A route as mounted and documented: its endpoint's fields spread out beside the server's
 * (`r.method`, `r.path`, `r.reply`…), and the endpoint itself.
 */
export interface RouteDef
  extends Omit<EndpointRouteDef<Endpoint, HallScope>, 'handler'>, Omit<Endpoint, 'reply'> {
  /**
   * The successful reply: a schema types what the handler returns, is documented in OpenAPI,
   * and a test checks every route's real reply with it.
   */
  reply: ReplyDef;
  handler: (ctx: RouteContext<unknown, unknown, unknown>) => unknown;
}

/** Builds a route from a contract endpoint; the handler is typed by the endpoint's schemas. */
export function route<E extends Endpoint, H extends HallScope>(
  def: EndpointRouteDef<E, H>,
): RouteDef {
  const e = def.endpoint;
  return {
    method: e.method,
    path: e.path,
    summary: e.summary,
    tag: e.tag,
    ...(e.params ? { params: e.params } : {}),
    ...(e.query ? { query: e.query } : {}),
    ...(e.body ? { body: e.body } : {}),
    ...(e.status !== undefined ? { status: e.status } : {}),
    reply: e.reply,
    ...def,
    // The handler gets what the endpoint's schemas parsed (mountRoutes runs them first).
    handler: def.handler as RouteDef['handler'],
  };
}

function validationError(error: core.$ZodError, where: string): ApiError {
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
  // The contract's schemas are zod/mini, which carries no messages: the API answers in English.
  core.config(en());
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
        schema: core.$ZodType | undefined,
        value: unknown,
      ) => {
        if (!schema) return true;
        const r = core.safeParse(schema, value);
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
        params: parsed.params,
        body: parsed.body,
        query: parsed.query,
        actor,
        hall: hall.value,
        req,
        res,
      });
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
