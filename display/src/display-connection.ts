import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { io, type Socket } from 'socket.io-client';
import type { DisplaySnapshot } from '../../contract/api.js';
import type { DisplayClientToServer, DisplayServerToClient } from '../../contract/socket.js';
import type { Announcement } from './state/announcements.js';
import { statusAfterConnectError, type ConnectionStatus } from './state/connection.js';
import {
  applyDeltas,
  applySnapshot,
  emptyState,
  type Applied,
  type DisplayState,
} from './state/display-state.js';
import { takePairingKey } from './pairing.js';

type DisplaySocket = Socket<DisplayServerToClient, DisplayClientToServer>;

const RESYNC_TIMEOUT_MS = 5_000;

/**
 * All of the display's server I/O: the `/display` socket with the device key, the snapshot
 * and the deltas. The host reads `state` and `status`; calls to speak go to `announce`.
 */
export class DisplayConnection implements ReactiveController {
  state: DisplayState = emptyState();
  status: ConnectionStatus = 'connecting';

  private socket: DisplaySocket | null = null;
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
    this.socket?.disconnect();
    this.socket = null;
  }

  private connect(): void {
    this.socket?.disconnect();
    // Without a key the server may still accept a signed-in staff member's cookie.
    const socket: DisplaySocket = io('/display', {
      auth: (cb) => cb(this.key ? { key: this.key } : {}),
    });
    this.socket = socket;
    socket.on('connect', () => this.setStatus('connected'));
    socket.on('disconnect', (reason) => {
      this.setStatus('reconnecting');
      // A server-side disconnect is not retried by Socket.IO on its own; a display must be.
      if (reason === 'io server disconnect') socket.connect();
    });
    socket.on('connect_error', (err) =>
      this.setStatus(statusAfterConnectError(err, this.state.rev !== null)),
    );
    socket.on('queue:snapshot', (snapshot) =>
      this.apply(applySnapshot(this.state, snapshot, Date.now())),
    );
    socket.on('queue:events', (deltas) => this.apply(applyDeltas(this.state, deltas, Date.now())));
  }

  private apply(result: Applied): void {
    this.state = result.state;
    for (const a of result.announcements) this.announce(a);
    if (result.resync) this.resync();
    this.host.requestUpdate();
  }

  private resync(): void {
    this.socket?.timeout(RESYNC_TIMEOUT_MS).emit('queue:resync', (err, reply) => {
      // On a timeout the next gap asks again; a reconnect brings a snapshot anyway.
      if (err || !reply.ok) return;
      this.applyResync(reply.data);
    });
  }

  private applyResync(snapshot: DisplaySnapshot): void {
    this.apply(applySnapshot(this.state, snapshot, Date.now()));
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
