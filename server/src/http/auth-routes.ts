import { signIn, signOut, whoAmI } from '../../../contract/endpoints/auth.js';
import { serializeCookie } from './cookies.js';
import { fail, ok } from '../domain/index.js';
import { HashGateFullError } from '../auth/hash-gate.js';
import type { DeviceMe, Me } from '../../../contract/api.js';
import type { RouteDeps } from './deps.js';
import { meOf } from './me.js';
import { route, type RouteDef } from './route.js';

export const SESSION_COOKIE = 'sid';

export function authRoutes(deps: RouteDeps): RouteDef[] {
  const cookie = (value: string, maxAgeSeconds: number) =>
    serializeCookie(SESSION_COOKIE, value, { maxAgeSeconds, secure: deps.secureCookies });
  return [
    route({
      endpoint: signIn,
      access: 'public',
      hall: 'none',
      limiter: deps.limiters.login,
      handler: async ({ body, res, actor }) => {
        const session = await deps.auth.login(body.username, body.password).catch((e: unknown) => {
          if (e instanceof HashGateFullError) return 'busy' as const;
          throw e;
        });
        if (session === 'busy') {
          res.setHeader('Retry-After', '1');
          return fail('rate-limited', 'Too many sign-ins at once; try again in a second.');
        }
        if (!session) return fail('invalid-credentials', 'Wrong user name or password.');
        // A new session every time: an old cookie (perhaps planted) is never promoted. It ends
        // only now: a failed attempt must not sign out the clerk whose browser this is.
        if (actor.kind === 'user') await deps.auth.logout(actor.sessionIdHash);
        res.setHeader(
          'Set-Cookie',
          cookie(session.sessionId, Math.floor(deps.sessionTtlMs / 1000)),
        );
        return ok<Me>(meOf(session.user));
      },
    }),
    route({
      endpoint: signOut,
      access: 'public',
      hall: 'none',
      handler: async ({ actor, res }) => {
        if (actor.kind === 'user') {
          await deps.auth.logout(actor.sessionIdHash);
          deps.endSession(actor.sessionIdHash);
        }
        res.setHeader('Set-Cookie', cookie('', 0));
        res.status(204).end();
        return undefined;
      },
    }),
    route({
      endpoint: whoAmI,
      access: 'public',
      hall: 'none',
      handler: ({ actor }) => {
        if (actor.kind === 'user') return ok<Me>(meOf(actor.user));
        if (actor.kind === 'device') {
          const { device } = actor;
          return ok<DeviceMe>({
            kind: 'device',
            id: device.id,
            deviceKind: device.kind,
            name: device.name,
            hallId: device.hallId,
          });
        }
        return fail('unauthenticated', 'Not signed in.');
      },
    }),
  ];
}
