import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { io, type Socket } from 'socket.io-client';
import type { TicketStatusView } from '../../contract/api.js';
import type { TicketClientToServer, TicketServerToClient } from '../../contract/socket.js';
import { apiRequest } from './api.js';
import type { FailureCode } from './state/errors.js';
import { shouldAlert, type PhoneConnection } from './state/phone-status.js';

type TicketSocket = Socket<TicketServerToClient, TicketClientToServer>;

const REFRESH_TIMEOUT_MS = 5_000;
const RECONNECT_MS = 2_000;

/**
 * All of the phone page's server I/O: follows one ticket on the `/ticket` namespace, refreshes
 * when the phone wakes up, and cancels the ticket when the visitor leaves. `onCalled` runs when
 * the ticket is called (or called again) while the page is open.
 */
export class TicketLiveController implements ReactiveController {
  connection: PhoneConnection = 'connecting';
  status: TicketStatusView | null = null;

  private socket: TicketSocket | null = null;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly onVisibility = () => {
    if (document.visibilityState === 'visible') this.refresh();
  };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly code: string | null,
    private readonly onCalled: (status: TicketStatusView) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.code === null) {
      this.connection = 'not-found';
      return;
    }
    document.addEventListener('visibilitychange', this.onVisibility);
    this.connect(this.code);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onVisibility);
    clearTimeout(this.reconnectTimer);
    this.socket?.disconnect();
    this.socket = null;
  }

  /** The visitor leaves the queue. */
  async cancel(): Promise<{ ok: true } | { ok: false; code: FailureCode }> {
    if (this.code === null) return { ok: false, code: 'ticket-not-found' };
    const res = await apiRequest<TicketStatusView>(
      `/tickets/${encodeURIComponent(this.code)}/cancel`,
      { method: 'POST' },
    );
    if (!res.ok) return res;
    this.update(res.data);
    return { ok: true };
  }

  /** Sends the visitor's rating of the finished visit (once). */
  async rate(
    rating: number,
    comment: string,
  ): Promise<{ ok: true } | { ok: false; code: FailureCode }> {
    if (this.code === null) return { ok: false, code: 'ticket-not-found' };
    const res = await apiRequest<TicketStatusView>(
      `/tickets/${encodeURIComponent(this.code)}/rating`,
      {
        method: 'POST',
        body: comment.trim() ? { rating, comment: comment.trim() } : { rating },
      },
    );
    if (!res.ok) return res;
    this.update(res.data);
    return { ok: true };
  }

  /** Asks for the current status (after the phone slept, the socket may have missed pushes). */
  refresh(): void {
    const socket = this.socket;
    if (!socket || this.connection === 'not-found') return;
    if (!socket.connected) {
      socket.connect();
      return;
    }
    socket.timeout(REFRESH_TIMEOUT_MS).emit('ticket:refresh', (err, result) => {
      if (err) return;
      if (result.ok) this.update(result.data);
      else if (result.error.code === 'ticket-not-found') this.notFound();
    });
  }

  private connect(code: string): void {
    const socket: TicketSocket = io('/ticket', { auth: { code }, reconnectionDelayMax: 10_000 });
    this.socket = socket;
    socket.on('connect', () => {
      if (this.status) this.set('live');
    });
    socket.on('ticket:status', (status) => this.update(status));
    socket.on('disconnect', (reason) => {
      this.set('offline');
      if (reason === 'io server disconnect') {
        clearTimeout(this.reconnectTimer);
        this.reconnectTimer = setTimeout(() => socket.connect(), RECONNECT_MS);
      }
    });
    socket.on('connect_error', (err) => {
      const data = (err as Error & { data?: { code?: string } }).data;
      if (data?.code === 'ticket-not-found') return this.notFound();
      this.set(this.status ? 'offline' : 'connecting');
      if (!socket.active) {
        clearTimeout(this.reconnectTimer);
        this.reconnectTimer = setTimeout(() => socket.connect(), RECONNECT_MS);
      }
    });
  }

  private update(status: TicketStatusView): void {
    const prev = this.status;
    this.status = status;
    this.connection = this.socket?.connected ? 'live' : this.connection;
    this.host.requestUpdate();
    if (shouldAlert(prev, status)) this.onCalled(status);
  }

  private notFound(): void {
    this.socket?.disconnect();
    this.set('not-found');
  }

  private set(connection: PhoneConnection): void {
    this.connection = connection;
    this.host.requestUpdate();
  }
}
