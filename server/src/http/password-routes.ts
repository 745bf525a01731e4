import { changePassword } from '../../../contract/endpoints/auth.js';
import type { Me } from '../../../contract/api.js';
import { passwordProblem, type PasswordProblem } from '../../../contract/password.js';
import type { UserRecord } from '../config/config-data.js';
import { fail, ok } from '../domain/index.js';
import type { RouteDeps } from './deps.js';
import { meOf } from './me.js';
import { route, type RouteDef } from './route.js';
import { AUDIT_LIMIT } from './settings-support.js';
import { endSessionsOf } from './user-sessions.js';

const PROBLEM_TEXT: Record<PasswordProblem, string> = {
  'too-short': 'The new password is too short.',
  'too-long': 'The new password is too long.',
  'same-as-current': 'The new password must differ from the current one.',
  'same-as-username': 'The new password must not be the user name.',
};

/**
 * `POST /api/auth/password`: a signed-in user changes their own password, the one thing a user
 * holding a one-time password may do. Their other sessions end; this one goes on, unrestricted.
 */
export function passwordRoutes(deps: RouteDeps): RouteDef[] {
  return [
    route({
      endpoint: changePassword,
      access: 'staff',
      hall: 'none',
      beforePasswordChange: true,
      // Each try checks a password: counted like sign-in attempts.
      limiter: deps.limiters.login,
      handler: async ({ body, actor }) => {
        if (actor.kind !== 'user') return fail('forbidden', 'Staff only.');
        const { user, sessionIdHash } = actor;
        const problem = passwordProblem(user.username, body.currentPassword, body.newPassword);
        if (problem) return fail('validation', PROBLEM_TEXT[problem], 'newPassword');
        const hash = await deps.auth.newPasswordHash(user, body.currentPassword, body.newPassword);
        if (hash === null)
          return fail('invalid-credentials', 'The current password is wrong.', 'currentPassword');
        // Checked against the hash the current password was checked against: two changes at
        // once (or a reset between) do not both land.
        const unchanged = (u: UserRecord | undefined): u is UserRecord =>
          u !== undefined && u.active && u.passwordHash === user.passwordHash;
        if (!unchanged(deps.config.read().users.find((x) => x.id === user.id)))
          return fail('conflict', 'The password changed meanwhile; sign in again.');
        // The other sessions end first: if the hash cannot be written after, people were only
        // signed out. The other way round a failure would leave the new password saved, the
        // reply saying nothing changed and the other sessions (perhaps an intruder's) alive.
        await endSessionsOf(deps, user.id, sessionIdHash);
        let changed = false;
        await deps.config.update((draft) => {
          const u = draft.users.find((x) => x.id === user.id);
          if (!unchanged(u)) return;
          u.passwordHash = hash;
          delete u.passwordChangeRequired;
          draft.audit.push({
            at: deps.now(),
            userId: user.id,
            action: 'user.change-password',
            detail: `user ${user.username}: password changed${user.passwordChangeRequired ? ' (one-time password replaced)' : ''}`,
          });
          if (draft.audit.length > AUDIT_LIMIT)
            draft.audit.splice(0, draft.audit.length - AUDIT_LIMIT);
          changed = true;
        });
        if (!changed) return fail('conflict', 'The password changed meanwhile; sign in again.');
        return ok<Me>(meOf({ ...user, passwordChangeRequired: false }));
      },
    }),
  ];
}
