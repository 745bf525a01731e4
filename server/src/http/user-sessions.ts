import type { RouteDeps } from './deps.js';

/**
 * Ends every session and live socket of a user but `keepSessionIdHash`'s (the session that
 * asked: an admin resetting their own password, a user changing theirs), on every server.
 */
export async function endSessionsOf(
  deps: Pick<RouteDeps, 'sessions' | 'endUser'>,
  userId: string,
  keepSessionIdHash?: string,
): Promise<void> {
  const kept = keepSessionIdHash ? deps.sessions.get(keepSessionIdHash) : undefined;
  await deps.sessions.deleteForUser(userId);
  if (kept?.userId === userId) await deps.sessions.put(kept);
  deps.endUser(userId, kept?.userId === userId ? kept.idHash : undefined);
}
