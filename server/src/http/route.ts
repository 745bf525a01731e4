import type { Request, RequestHandler, Response, Router } from 'express';
import type { z } from 'zod';
import type { ApiError } from '../../../contract/errors.js';
import { allows, passwordChangePending, type Access, type Actor } from '../auth/actor.js';
import type { Result } from '../domain/index.js';
import { apiError, sendError } from './errors.js';

export interface RouteContext<P, B, Q> {
  params: P;
  body: B;
  query: Q;
  actor: Actor;
  req: Request;
  res: Response;
}

/** One REST endpoint: its contract (documented in OpenAPI) and its thin handler. */
export interface RouteDef<
  P extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express-style path under `/api`, e.g. `/counters/:counterId/open`. */
  path: string;
  summary: string;
  tag: string;
  access: Access;
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
  limiter?: RequestHandler;
  /** Returns the reply body (or a Result); `undefined` when it wrote the response itself. */
  handler: (ctx: RouteContext<z.infer<P>, z.infer<B>, z.infer<Q>>) => Promise<unknown> | unknown;
}

export function route<P extends z.ZodType, B extends z.ZodType, Q extends z.ZodType>(
  def: RouteDef<P, B, Q>,
): RouteDef {
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

/** Mounts routes: authorise, validate params/query/body, run the handler, reply. */
export function mountRoutes(
  router: Router,
  routes: RouteDef[],
  actorOf: (req: Request) => Actor,
): void {
  for (const def of routes) {
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
      for (const [where, schema, value] of [
        ['params', def.params, req.params],
        ['query', def.query, req.query],
        ['body', def.body, req.body ?? {}],
      ] as const) {
        if (!schema) continue;
        const r = schema.safeParse(value);
        if (!r.success) return sendError(res, validationError(r.error, where));
        parsed[where] = r.data;
      }
      const out = await def.handler({ ...parsed, actor, req, res } as RouteContext<
        unknown,
        unknown,
        unknown
      >);
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
