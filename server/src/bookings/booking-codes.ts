import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { sha256Hex } from '../auth/secrets.js';
import type { ConfigStore } from '../store/store.js';

/** The secret of a booking's own page: 128 random bits, base64url (22 characters). */
export function newBookingCode(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * The 10 digits typed at the kiosk: uniform over 0000000000–9999999999 (`randomInt` draws
 * without modulo bias), so every code is as likely as any other.
 */
export function newCheckInCode(): string {
  return String(randomInt(10_000_000_000)).padStart(10, '0');
}

export function newBookingId(): string {
  return randomUUID();
}

/**
 * The install's salt for address hashes, made once and kept in the configuration document (so
 * every server of a cluster hashes an address alike). Under the store's write lock: two servers
 * starting together keep the first one written.
 */
export async function addressSalt(config: ConfigStore): Promise<string> {
  const kept = config.read().addressSalt;
  if (kept) return kept;
  const salt = randomBytes(32).toString('base64url');
  const data = await config.update((draft) => {
    draft.addressSalt ??= salt;
  });
  return data.addressSalt!;
}

/** SHA-256 (hex) of a requesting address with the install's salt: never the address itself. */
export function addressHasher(salt: string): (address: string) => string {
  return (address) => sha256Hex(`${salt}\u0000${address}`);
}
