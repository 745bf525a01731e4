import type { RouteDeps } from './deps.js';

/**
 * Ends every session and live socket of a user but `keepSessionIdHash`'s (the session that
 * asked: an admin resetting their own password, a user changing theirs), on every server, in
 * one write: the kept session never disappears, not even between two writes.
 */
export async function endSessionsOf(
  deps: Pick<RouteDeps, 'sessions' | 'endUser'>,
  userId: string,
  keepSessionIdHash?: string,
): Promise<void> {
  const kept =
    keepSessionIdHash !== undefined && deps.sessions.get(keepSessionIdHash)?.userId === userId
      ? keepSessionIdHash
      : undefined;
  await deps.sessions.deleteForUser(userId, kept);
  deps.endUser(userId, kept);
}
