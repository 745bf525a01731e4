import { randomUUID } from 'node:crypto';
import type { DeviceKind, Role } from '../../../contract/domain.js';
import type { ConfigStore } from '../store/store.js';
import { hashPassword, newPassword, newSecret, sha256Hex } from './secrets.js';
import { USERNAME, normaliseUsername } from '../../../contract/settings-schemas.js';

// The user-name rule is the settings forms' too (contract/settings-schemas.ts).
export { USERNAME, normaliseUsername };

/**
 * Adds a user with a random password; returns the password (shown once). With
 * `passwordChangeRequired` the password is one-time: for one that is printed or handed over.
 */
export async function addUser(
  config: ConfigStore,
  input: {
    username: string;
    displayName?: string;
    role: Role;
    hallId: string;
    password?: string;
    passwordChangeRequired?: boolean;
  },
  now: number,
): Promise<{ id: string; password: string }> {
  const username = normaliseUsername(input.username);
  if (!USERNAME.test(username))
    throw new Error('User names are 2–32 of a-z, 0-9, dot, dash, underscore.');
  if (config.read().users.some((u) => u.username === username))
    throw new Error(`User ${username} already exists.`);
  const password = input.password ?? newPassword();
  const passwordHash = await hashPassword(password);
  const id = randomUUID();
  await config.update((d) => {
    d.users.push({
      id,
      username,
      displayName: input.displayName ?? username,
      role: input.role,
      hallId: input.hallId,
      passwordHash,
      active: true,
      createdAt: now,
      ...(input.passwordChangeRequired ? { passwordChangeRequired: true } : {}),
    });
  });
  return { id, password };
}

/**
 * Sets a new random password (or the given one) for an existing user; returns it. With
 * `passwordChangeRequired` it is one-time (see `addUser`).
 */
export async function resetPassword(
  config: ConfigStore,
  username: string,
  password?: string,
  passwordChangeRequired = false,
): Promise<string> {
  const name = normaliseUsername(username);
  if (!config.read().users.some((u) => u.username === name)) throw new Error(`No user ${name}.`);
  const next = password ?? newPassword();
  const passwordHash = await hashPassword(next);
  await config.update((d) => {
    const u = d.users.find((x) => x.username === name)!;
    u.passwordHash = passwordHash;
    u.active = true;
    if (passwordChangeRequired) u.passwordChangeRequired = true;
    else delete u.passwordChangeRequired;
  });
  return next;
}

/** Registers a kiosk or display; returns its key (shown once, in the pairing link). */
export async function addDevice(
  config: ConfigStore,
  input: { kind: DeviceKind; hallId: string; name: string },
  now: number,
): Promise<{ id: string; key: string }> {
  const key = newSecret(24);
  const id = randomUUID();
  await config.update((d) => {
    d.devices.push({
      id,
      ...input,
      keyHash: sha256Hex(key),
      printerId: null,
      createdAt: now,
      revokedAt: null,
    });
  });
  return { id, key };
}
