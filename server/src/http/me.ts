import type { Me } from '../../../contract/api.js';
import type { UserRecord } from '../config/config-data.js';

/** What `/api/auth/me`, the sign-in and the password change say about a signed-in user. */
export function meOf(user: UserRecord): Me {
  return {
    kind: 'user',
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    hallId: user.hallId,
    passwordChangeRequired: user.passwordChangeRequired === true,
  };
}
