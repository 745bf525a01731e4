import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { io } from 'socket.io-client';
import type { Lang, PriorityGroup } from '../../contract/domain.js';
import type {
  DeviceMe,
  DisplaySnapshot,
  IssuedTicket,
  Me,
  ServiceView,
} from '../../contract/api.js';
import {
  DISPLAY_FEED_EVENTS,
  LiveFeed,
  reconnectDelay,
  type FeedStatus,
} from '../../contract/live-feed.js';
import type { DisplayDelta } from '../../contract/socket.js';
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

export type IssueResult = { ok: true; ticket: IssuedTicket } | { ok: false; code: FailureCode };

/**
 * All of the kiosk's server I/O: checks the pairing, loads the services (retried with the
 * live feed's back-off), follows the hall on the `/display` live feed (contract/live-feed.ts),
 * and issues tickets. The host reads `connection` and `hall`.
 */
export class KioskLiveController implements ReactiveController {
  connection: KioskConnection = 'checking';
  hall: LiveHall = EMPTY_HALL;

  private feed: LiveFeed<DisplaySnapshot, DisplayDelta> | null = null;
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
    this.feed?.stop();
    this.feed = null;
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
    const delay = reconnectDelay(this.attempts++);
    this.retryTimer = setTimeout(() => {
      if (this.running) run();
    }, delay);
  }

  private connect(): void {
    this.feed = new LiveFeed<DisplaySnapshot, DisplayDelta>({
      open: (options) => io('/display', { ...options, auth: { key: this.key } }),
      events: DISPLAY_FEED_EVENTS,
      revOf: (snapshot) => snapshot.rev,
      refusedCodes: ['unauthenticated', 'forbidden'],
      onSnapshot: (snapshot) => {
        this.hall = applySnapshot(this.hall, snapshot);
        this.host.requestUpdate();
      },
      onDeltas: (deltas) => {
        for (const delta of deltas) this.hall = applyDelta(this.hall, delta);
        this.host.requestUpdate();
      },
      onStatus: (status) => this.feedStatus(status),
      onRefused: () => this.unpair(),
    });
    this.feed.start();
  }

  private feedStatus(status: FeedStatus): void {
    if (!this.running) return;
    if (status === 'online') this.set('online');
    else if (status === 'offline') this.set('offline');
  }

  /** Not paired (no key, or the server refuses it): stop following the hall until a reload. */
  private unpair(): void {
    this.running = false;
    clearTimeout(this.retryTimer);
    this.feed?.stop();
    this.feed = null;
    this.set('unpaired');
  }

  private set(connection: KioskConnection): void {
    this.connection = connection;
    this.host.requestUpdate();
  }
}
