import type { FeedStatus } from '../../../contract/live-feed.js';

/** What the screen knows about its link to the server. */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'unpaired';

/**
 * Refusal codes the server's `/display` middleware puts in `connect_error`'s `data`: the key is
 * missing, wrong or revoked, so this screen is not paired. Anything else is the network or a
 * restarting server, and the live feed keeps trying.
 */
export const REFUSED_CODES = ['unauthenticated', 'forbidden'] as const;

const SHOWN: Record<FeedStatus, ConnectionStatus> = {
  connecting: 'connecting',
  online: 'connected',
  // The screen keeps showing what it had while the feed finds the server again.
  offline: 'reconnecting',
  refused: 'unpaired',
};

/** What the screen shows for the live feed's status (contract/live-feed.ts). */
export function displayStatus(feed: FeedStatus): ConnectionStatus {
  return SHOWN[feed];
}
