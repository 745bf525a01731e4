import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { io } from 'socket.io-client';
import type { DisplaySnapshot } from '../../contract/api.js';
import { DISPLAY_FEED_EVENTS, LiveFeed } from '../../contract/live-feed.js';
import type { DisplayDelta } from '../../contract/socket.js';
import type { Announcement } from './state/announcements.js';
import { displayStatus, REFUSED_CODES, type ConnectionStatus } from './state/connection.js';
import {
  applyDeltas,
  applySnapshot,
  emptyState,
  type Applied,
  type DisplayState,
} from './state/display-state.js';
import { takePairingKey } from './pairing.js';

/**
 * All of the display's server I/O: the `/display` live feed (contract/live-feed.ts) with the
 * device key, the snapshot and the deltas. The host reads `state` and `status`; calls to speak
 * go to `announce`: those of the deltas, and after a gap those heard live that the resync's
 * snapshot covers; never a snapshot's own.
 */
export class DisplayConnection implements ReactiveController {
  state: DisplayState = emptyState();
  status: ConnectionStatus = 'connecting';

  private feed: LiveFeed<DisplaySnapshot, DisplayDelta> | null = null;
  private key: string | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly announce: (announcement: Announcement) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.key = readKey();
    window.addEventListener('hashchange', this.onHashChange);
    this.connect();
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.onHashChange);
    this.feed?.stop();
    this.feed = null;
  }

  private connect(): void {
    this.feed?.stop();
    this.feed = new LiveFeed<DisplaySnapshot, DisplayDelta>({
      // Without a key the server may still accept a signed-in staff member's cookie.
      open: (options) =>
        io('/display', { ...options, auth: (cb) => cb(this.key ? { key: this.key } : {}) }),
      events: DISPLAY_FEED_EVENTS,
      revOf: (snapshot) => snapshot.rev,
      refusedCodes: REFUSED_CODES,
      onSnapshot: (snapshot, _cause, heard) =>
        this.apply(applySnapshot(this.state, snapshot, Date.now(), heard)),
      onDeltas: (deltas) => this.apply(applyDeltas(this.state, deltas, Date.now())),
      onStatus: (status) => this.setStatus(displayStatus(status)),
    });
    this.feed.start();
  }

  private apply(result: Applied): void {
    this.state = result.state;
    for (const a of result.announcements) this.announce(a);
    this.host.requestUpdate();
  }

  private setStatus(status: ConnectionStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.host.requestUpdate();
  }

  private readonly onHashChange = () => {
    const key = readKey();
    if (key === this.key) return;
    this.key = key;
    this.state = emptyState();
    this.status = 'connecting';
    this.connect();
    this.host.requestUpdate();
  };
}

function readKey(): string | null {
  try {
    return takePairingKey({ location, storage: localStorage, history });
  } catch {
    // Storage disabled (private mode): the key still works for this page load.
    return new URLSearchParams(location.hash.replace(/^#/, '')).get('key');
  }
}
