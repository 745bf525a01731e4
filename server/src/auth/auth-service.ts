import type { ConfigStore, SessionStore } from '../store/store.js';
import type { DeviceRecord, UserRecord } from '../config/config-data.js';
import type { Actor } from './actor.js';
import { HashGate } from './hash-gate.js';
import { normaliseUsername } from './users.js';
import {
  DUMMY_PASSWORD_HASH,
  hashPassword,
  newSecret,
  sha256Hex,
  verifyPassword,
} from './secrets.js';

export interface AuthServiceDeps {
  config: ConfigStore;
  sessions: SessionStore;
  now: () => number;
  sessionTtlMs: number;
  /** Bounds the password hashing of this server; by default one scrypt at a time. */
  hashGate?: HashGate;
}

/** Sign-in, sessions and device keys. Secrets are stored only as hashes. */
export class AuthService {
  private readonly hashing: HashGate;

  constructor(private readonly deps: AuthServiceDeps) {
    this.hashing = deps.hashGate ?? new HashGate();
  }

  /**
   * Checks a password; on success opens a new session (never reusing one: no fixation). Throws
   * `HashGateFullError`, without hashing, when too many checks already wait.
   */
  async login(
    username: string,
    password: string,
  ): Promise<{ user: UserRecord; sessionId: string } | null> {
    const name = normaliseUsername(username);
    const user = this.deps.config.read().users.find((u) => u.username === name && u.active);
    // Always hash once, so a wrong user name takes as long as a wrong password.
    const valid = await this.hashing.run(() =>
      verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH),
    );
    if (!user || !valid) return null;
    const sessionId = newSecret(32);
    const now = this.deps.now();
    await this.deps.sessions.put({
      idHash: sha256Hex(sessionId),
      userId: user.id,
      createdAt: now,
      expiresAt: now + this.deps.sessionTtlMs,
    });
    return { user, sessionId };
  }

  /**
   * The hash of `newPassword` if `currentPassword` is the user's password now, else `null`.
   * Both hashes run here, beside sign-in's, so whatever bounds sign-in's hashing bounds these.
   */
  async newPasswordHash(
    user: UserRecord,
    currentPassword: string,
    newPassword: string,
  ): Promise<string | null> {
    // Signed-in staff wait their turn rather than be refused: they are few and rate-limited.
    const wait = { whenFull: 'wait' } as const;
    const valid = await this.hashing.run(
      () => verifyPassword(currentPassword, user.passwordHash),
      wait,
    );
    if (!valid) return null;
    return this.hashing.run(() => hashPassword(newPassword), wait);
  }

  async logout(sessionIdHash: string): Promise<void> {
    await this.deps.sessions.delete(sessionIdHash);
  }

  /** The signed-in user behind a session cookie value, if the session is live. */
  userForSession(sessionId: string | undefined): Extract<Actor, { kind: 'user' }> | null {
    if (!sessionId || sessionId.length > 200) return null;
    const idHash = sha256Hex(sessionId);
    const session = this.deps.sessions.get(idHash);
    if (!session || session.expiresAt <= this.deps.now()) return null;
    const user = this.deps.config.read().users.find((u) => u.id === session.userId && u.active);
    return user ? { kind: 'user', user, sessionIdHash: idHash } : null;
  }

  /** `true` while the session behind a socket is still live. */
  sessionAlive(idHash: string): boolean {
    const s = this.deps.sessions.get(idHash);
    return s !== undefined && s.expiresAt > this.deps.now();
  }

  /** `actor` as its credentials stand now: null once its session ended or its device was revoked. */
  current(actor: Actor): Actor | null {
    const config = this.deps.config.read();
    if (actor.kind === 'device') {
      const device = config.devices.find((d) => d.id === actor.device.id && d.revokedAt === null);
      return device ? { kind: 'device', device } : null;
    }
    if (actor.kind !== 'user' || !this.sessionAlive(actor.sessionIdHash)) return null;
    const user = config.users.find((u) => u.id === actor.user.id && u.active);
    return user ? { kind: 'user', user, sessionIdHash: actor.sessionIdHash } : null;
  }

  deviceForKey(key: string | undefined): DeviceRecord | null {
    if (!key || key.length > 200) return null;
    const keyHash = sha256Hex(key);
    return (
      this.deps.config.read().devices.find((d) => d.keyHash === keyHash && d.revokedAt === null) ??
      null
    );
  }
}
