import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { io, type Socket } from 'socket.io-client';
import type { Lang, PriorityGroup } from '../../contract/domain.js';
import type { DeviceMe, IssuedTicket, Me, ServiceView } from '../../contract/api.js';
import type { DisplayClientToServer, DisplayServerToClient } from '../../contract/socket.js';
import { apiRequest, type ApiResult } from './api.js';
import type { FailureCode } from './state/errors.js';
import type { KioskConnection } from './state/kiosk-screen.js';
import {
  applyDelta,
  applySnapshot,
  EMPTY_HALL,
  fromServiceViews,
  type LiveHall,
} from './state/live-hall.js';

type DisplaySocket = Socket<DisplayServerToClient, DisplayClientToServer>;

const RETRY_MS = [1_000, 2_000, 5_000, 10_000];
const RESYNC_TIMEOUT_MS = 5_000;

export type IssueResult = { ok: true; ticket: IssuedTicket } | { ok: false; code: FailureCode };

/**
 * All of the kiosk's server I/O: checks the pairing, loads the services, follows the hall on
 * the `/display` namespace (snapshot, deltas, resync on a gap), reconnects by itself, and
 * issues tickets. The host reads `connection` and `hall`.
 */
export class KioskLiveController implements ReactiveController {
  connection: KioskConnection = 'checking';
  hall: LiveHall = EMPTY_HALL;

  private socket: DisplaySocket | null = null;
  private hallId: string | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private attempts = 0;
  private running = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly key: string | null,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.running = true;
    void this.start();
  }

  hostDisconnected(): void {
    this.running = false;
    clearTimeout(this.retryTimer);
    this.socket?.disconnect();
    this.socket = null;
  }

  /** Issues one ticket. Callers make sure only one request is in flight. */
  async issue(serviceId: string, priority: PriorityGroup | null, lang: Lang): Promise<IssueResult> {
    if (this.connection !== 'online' || this.hallId === null) return { ok: false, code: 'network' };
    const res = await apiRequest<IssuedTicket>(
      `/halls/${encodeURIComponent(this.hallId)}/tickets`,
      { method: 'POST', key: this.key, body: { serviceId, priority, lang } },
    );
    if (res.ok) return { ok: true, ticket: res.data };
    // The key was revoked: this kiosk is no longer paired.
    if (res.code === 'unauthenticated') this.unpair();
    return res;
  }

  private async start(): Promise<void> {
    if (!this.key) return this.unpair();
    const me = await apiRequest<DeviceMe | Me>('/auth/me', { key: this.key });
    if (!this.running) return;
    if (!me.ok) return this.failed(me);
    if (me.data.kind !== 'device' || me.data.deviceKind !== 'kiosk') return this.unpair();
    this.hallId = me.data.hallId;
    const services = await apiRequest<ServiceView[]>(
      `/halls/${encodeURIComponent(this.hallId)}/services`,
      { key: this.key },
    );
    if (!this.running) return;
    if (!services.ok) return this.failed(services);
    this.hall = fromServiceViews(this.hall, services.data);
    this.attempts = 0;
    this.connect();
  }

  private failed(res: Extract<ApiResult<unknown>, { ok: false }>): void {
    if (res.code === 'unauthenticated' || res.code === 'forbidden') return this.unpair();
    this.set('offline');
    this.retryLater(() => void this.start());
  }

  private retryLater(run: () => void): void {
    clearTimeout(this.retryTimer);
    const delay = RETRY_MS[Math.min(this.attempts++, RETRY_MS.length - 1)];
    this.retryTimer = setTimeout(() => {
      if (this.running) run();
    }, delay);
  }

  private connect(): void {
    const socket: DisplaySocket = io('/display', {
      auth: { key: this.key },
      reconnectionDelayMax: 10_000,
    });
    this.socket = socket;
    socket.on('connect', () => {
      this.attempts = 0;
      // A recovered connection gets the missed deltas instead of a snapshot.
      if (socket.recovered) this.set('online');
    });
    socket.on('queue:snapshot', (snapshot) => {
      if (!this.running) return;
      this.hall = applySnapshot(this.hall, snapshot);
      this.set('online');
    });
    socket.on('queue:events', (deltas) => {
      for (const delta of deltas) {
        const out = applyDelta(this.hall, delta);
        this.hall = out.hall;
        if (out.resync) {
          this.resync(socket);
          break;
        }
      }
      this.host.requestUpdate();
    });
    socket.on('disconnect', (reason) => {
      if (!this.running) return;
      this.set('offline');
      // The server dropped us (restart, shutdown): the client does not retry on its own.
      if (reason === 'io server disconnect') this.retryLater(() => socket.connect());
    });
    socket.on('connect_error', (err) => {
      const code = (err as Error & { data?: { code?: string } }).data?.code;
      if (code === 'unauthenticated' || code === 'forbidden') return this.unpair();
      this.set('offline');
      if (!socket.active) this.retryLater(() => socket.connect());
    });
  }

  private resync(socket: DisplaySocket): void {
    socket.timeout(RESYNC_TIMEOUT_MS).emit('queue:resync', (err, result) => {
      if (err || !result.ok) return;
      this.hall = applySnapshot(this.hall, result.data);
      this.host.requestUpdate();
    });
  }

  /** Not paired (no key, or the server refuses it): stop following the hall until a reload. */
  private unpair(): void {
    this.running = false;
    clearTimeout(this.retryTimer);
    this.socket?.disconnect();
    this.socket = null;
    this.set('unpaired');
  }

  private set(connection: KioskConnection): void {
    this.connection = connection;
    this.host.requestUpdate();
  }
}
