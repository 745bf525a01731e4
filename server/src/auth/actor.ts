import type { Role } from '../../../contract/domain.js';
import type { DeviceRecord, UserRecord } from '../config/config-data.js';

/** Who is behind a request or a socket, as proven by cookie or device key. */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'user'; user: UserRecord; sessionIdHash: string }
  | { kind: 'device'; device: DeviceRecord };

/**
 * Who may use a route: `public` anyone; `kiosk` a kiosk device or staff; `device` a kiosk or
 * display device; `staff` any signed-in user; `manager` managers and admins; `admin` admins.
 */
export type Access = 'public' | 'kiosk' | 'device' | 'staff' | 'manager' | 'admin';

const RANK: Record<Role, number> = { clerk: 1, manager: 2, admin: 3 };

export function roleAtLeast(role: Role, min: Role): boolean {
  return RANK[role] >= RANK[min];
}

/** `true` when the actor may use something guarded by `access`. */
export function allows(access: Access, actor: Actor): boolean {
  switch (access) {
    case 'public':
      return true;
    case 'kiosk':
      return (actor.kind === 'device' && actor.device.kind === 'kiosk') || actor.kind === 'user';
    case 'device':
      return actor.kind === 'device';
    case 'staff':
      return actor.kind === 'user';
    case 'manager':
      return actor.kind === 'user' && roleAtLeast(actor.user.role, 'manager');
    case 'admin':
      return actor.kind === 'user' && actor.user.role === 'admin';
  }
}

/**
 * `true` while a user signed in with a one-time password (generated and shown: first start, a
 * reset): they may only change it, sign out or ask who they are until then.
 */
export function passwordChangePending(actor: Actor): boolean {
  return actor.kind === 'user' && actor.user.passwordChangeRequired === true;
}

/** The hall an actor belongs to (devices and users are tied to one hall). */
export function hallOf(actor: Actor): string | null {
  if (actor.kind === 'user') return actor.user.hallId;
  if (actor.kind === 'device') return actor.device.hallId;
  return null;
}
