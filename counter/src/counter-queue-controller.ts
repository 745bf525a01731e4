import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { io, type Socket } from 'socket.io-client';
import type { CounterCommandResult, StaffSnapshot } from '../../contract/api.js';
import type {
  StaffClientToServer,
  StaffDelta,
  StaffServerToClient,
} from '../../contract/socket.js';
import { apiRequest, type ApiResult } from './api-client.js';
import type { CounterAction } from './state/actions.js';
import { applyDelta, modelFromSnapshot, type CounterModel } from './state/model.js';

export type ConnectionState = 'connecting' | 'online' | 'offline';

export interface CounterQueueOptions {
  /** The signed-in clerk's user id (read when needed: the host's property may come later). */
  meId: () => string;
  /** The session ended (socket `session:expired`, refused handshake, or a REST 401). */
  onExpired: () => void;
}

const RESYNC_TIMEOUT_MS = 5_000;
const RECONNECT_DELAY_MS = 1_000;

/**
 * The counter app's only I/O with the hall: the `/counter` socket (snapshot, deltas, resync,
 * session end) and the counter commands over REST. Keeps the local model: deltas with
 * `rev <= model.rev` are ignored, a gap asks for `queue:resync`.
 */
export class CounterQueueController implements ReactiveController {
  model: CounterModel | null = null;
  connection: ConnectionState = 'connecting';

  private socket: Socket<StaffServerToClient, StaffClientToServer> | null = null;
  private resyncing = false;
  private expired = false;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: CounterQueueOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.expired = false;
    this.connection = 'connecting';
    // WebSocket only: no long-polling, so no sticky sessions are needed behind a balancer.
    const socket: Socket<StaffServerToClient, StaffClientToServer> = io('/counter', {
      transports: ['websocket'],
      withCredentials: true,
    });
    this.socket = socket;
    socket.on('connect', () => this.setConnection('online'));
    socket.on('disconnect', (reason) => {
      this.setConnection('offline');
      // The server closed the socket (e.g. a restart): the client will not retry by itself.
      if (reason === 'io server disconnect' && !this.expired) {
        this.reconnectTimer = setTimeout(() => socket.connect(), RECONNECT_DELAY_MS);
      }
    });
    socket.on('connect_error', (err) => {
      const code = (err as Error & { data?: { code?: string } }).data?.code;
      if (code === 'unauthenticated') this.expire();
      else this.setConnection('offline');
    });
    socket.on('session:expired', () => this.expire());
    socket.on('queue:snapshot', (snapshot) => this.takeSnapshot(snapshot));
    socket.on('queue:events', (deltas) => {
      for (const delta of deltas) this.takeDelta(delta);
    });
  }

  hostDisconnected(): void {
    clearTimeout(this.reconnectTimer);
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    this.model = null;
    this.resyncing = false;
  }

  /** Sends one counter command (`POST /api/counters/:id/<action>`). */
  async command(
    counterId: string,
    action: CounterAction | 'open',
    body: object = {},
  ): Promise<ApiResult<CounterCommandResult>> {
    const result = await apiRequest<CounterCommandResult>(
      'POST',
      `/counters/${encodeURIComponent(counterId)}/${action}`,
      body,
    );
    if (!result.ok && result.status === 401) this.expire();
    // Refused because our picture was out of date (someone else took the counter): refresh it.
    if (!result.ok && result.error.code === 'counter-taken') this.resync();
    return result;
  }

  private setConnection(state: ConnectionState): void {
    this.connection = state;
    this.host.requestUpdate();
  }

  private expire(): void {
    if (this.expired) return;
    this.expired = true;
    clearTimeout(this.reconnectTimer);
    this.socket?.disconnect();
    this.options.onExpired();
  }

  private takeSnapshot(snapshot: StaffSnapshot): void {
    this.resyncing = false;
    this.model = modelFromSnapshot(snapshot, this.options.meId(), Date.now(), this.model);
    this.host.requestUpdate();
  }

  private takeDelta(delta: StaffDelta): void {
    if (!this.model || this.resyncing) return;
    const outcome = applyDelta(this.model, delta, this.options.meId());
    if (outcome.kind === 'applied') {
      this.model = outcome.model;
      this.host.requestUpdate();
    } else if (outcome.kind === 'gap') {
      this.resync();
    }
  }

  private resync(): void {
    const socket = this.socket;
    if (!socket || this.resyncing) return;
    this.resyncing = true;
    socket.timeout(RESYNC_TIMEOUT_MS).emit('queue:resync', (err, result) => {
      if (socket !== this.socket) return;
      this.resyncing = false;
      // On a timeout the next delta shows the gap again and asks anew.
      if (!err && result.ok) this.takeSnapshot(result.data);
    });
  }
}
