import {
  createUser,
  resetPassword,
  updateUser,
} from '../../../contract/endpoints/settings-users.js';
import { randomUUID } from 'node:crypto';
import type { UserWithPassword } from '../../../contract/settings.js';
import type { Actor } from '../auth/actor.js';
import { hashPassword, newPassword } from '../auth/secrets.js';
import type { UserRecord } from '../config/config-data.js';
import { fail } from '../domain/index.js';
import type { RouteDeps } from './deps.js';
import { route, type RouteDef } from './route.js';
import { endSessionsOf } from './user-sessions.js';
import {
  changeSettings,
  describeChanges,
  findInHall,
  refuse,
  userView,
} from './settings-support.js';

/** The session to keep when `actor` ends `userId`'s sessions: their own, if it is them. */
function ownSession(actor: Actor, userId: string): string | undefined {
  return actor.kind === 'user' && actor.user.id === userId ? actor.sessionIdHash : undefined;
}

export function settingsUsersRoutes(deps: RouteDeps): RouteDef[] {
  return [
    route({
      endpoint: createUser,
      access: 'admin',
      hall: 'own',
      handler: async ({ body, actor }) => {
        const password = newPassword();
        const passwordHash = await hashPassword(password);
        return changeSettings(deps, actor, 'user.create', (draft, hallId) => {
          // User names sign in without a hall: unique across all halls.
          if (draft.users.some((u) => u.username === body.username))
            refuse('conflict', `User name ${body.username} is taken.`, 'username');
          const user: UserRecord = {
            id: randomUUID(),
            ...body,
            hallId,
            passwordHash,
            active: true,
            createdAt: deps.now(),
            // The admin hands it over: the user makes their own at the first sign-in.
            passwordChangeRequired: true,
          };
          draft.users.push(user);
          return {
            value: { user: userView(user), password } satisfies UserWithPassword,
            detail: `user ${user.username} (${user.role}, '${user.displayName}') created`,
          };
        });
      },
    }),
    route({
      endpoint: updateUser,
      access: 'admin',
      hall: 'own',
      handler: async ({ params, body, actor }) => {
        if (actor.kind !== 'user') return fail('forbidden', 'Staff only.');
        // The acting admin stays an active admin, so a hall always keeps one.
        if (params.userId === actor.user.id) {
          if (body.active === false)
            return fail('forbidden', 'You cannot deactivate yourself.', 'active');
          if (body.role !== undefined && body.role !== 'admin')
            return fail('forbidden', 'You cannot take the admin role from yourself.', 'role');
        }
        let endSessions = false;
        const done = await changeSettings(deps, actor, 'user.update', (draft, hallId) => {
          const user = findInHall(draft.users, params.userId, hallId, 'user', 'userId');
          const before = { ...user };
          Object.assign(user, body);
          // Sockets and sessions hold the role they were opened with: a change ends them.
          endSessions =
            (before.active && !user.active) || (user.active && before.role !== user.role);
          const diff = describeChanges(before, user, ['displayName', 'role', 'active']);
          return { value: userView(user), detail: diff && `user ${user.username}: ${diff}` };
        });
        if (done.ok && endSessions)
          await endSessionsOf(deps, params.userId, ownSession(actor, params.userId));
        return done;
      },
    }),
    route({
      endpoint: resetPassword,
      access: 'admin',
      hall: 'own',
      handler: async ({ params, actor }) => {
        // Hashing costs time: not for an id that is not there.
        const hallId = actor.kind === 'user' ? actor.user.hallId : null;
        if (!deps.config.read().users.some((u) => u.id === params.userId && u.hallId === hallId))
          return fail('not-found', `No user ${params.userId} in this hall.`, 'userId');
        const password = newPassword();
        const passwordHash = await hashPassword(password);
        // Sessions end before the new hash is written: if that write fails, the user was only
        // signed out. The other way round a failure to end them would answer "nothing was
        // changed" over a saved password no one was shown, and leave the old sessions alive.
        await endSessionsOf(deps, params.userId, ownSession(actor, params.userId));
        return changeSettings(deps, actor, 'user.reset-password', (draft, hallId) => {
          const user = findInHall(draft.users, params.userId, hallId, 'user', 'userId');
          user.passwordHash = passwordHash;
          // One-time when handed over; an admin resetting their own is the only one who saw it.
          if (ownSession(actor, user.id) === undefined) user.passwordChangeRequired = true;
          return {
            value: { user: userView(user), password } satisfies UserWithPassword,
            detail: `user ${user.username}: password reset`,
          };
        });
      },
    }),
  ];
}
