/** What the screen knows about its link to the server. */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'unpaired';

/** Refusal codes the server's `/display` middleware puts in `connect_error`'s `data`. */
const REFUSED = new Set(['unauthenticated', 'forbidden']);

/**
 * After a failed connection attempt: a refused key (missing, wrong or revoked) means this
 * screen is not paired; anything else is the network or a restarting server, so keep trying.
 */
export function statusAfterConnectError(error: unknown, hasShownData: boolean): ConnectionStatus {
  const data = (error as { data?: { code?: unknown } } | null | undefined)?.data;
  if (typeof data?.code === 'string' && REFUSED.has(data.code)) return 'unpaired';
  return hasShownData ? 'reconnecting' : 'connecting';
}
