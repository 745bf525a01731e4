import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { io } from 'socket.io-client';
import type { Lang, PriorityGroup } from '../../contract/domain.js';
import type { DisplaySnapshot, IssuedTicket } from '../../contract/api.js';
import { call, type CallFailure } from '../../contract/client.js';
import {
  DISPLAY_FEED_EVENTS,
  LiveFeed,
  reconnectDelay,
  type FeedStatus,
} from '../../contract/live-feed.js';
import type { DisplayDelta } from '../../contract/socket.js';
import { HALL_SERVICES, ISSUE_TICKET, REQUEST_TIMEOUT_MS, WHO_AM_I } from './routes.js';
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
    const res = await call(
      ISSUE_TICKET,
      { params: { hallId: this.hallId }, body: { serviceId, priority, lang } },
      this.options(),
    );
    // A kiosk is always answered with the phone code (staff are not).
    if (res.ok)
      return 'code' in res.data ? { ok: true, ticket: res.data } : { ok: false, code: 'internal' };
    // The key was revoked: this kiosk is no longer paired.
    if (res.code === 'unauthenticated') this.unpair();
    return res;
  }

  private async start(): Promise<void> {
    if (!this.key) return this.unpair();
    const me = await call(WHO_AM_I, {}, this.options());
    if (!this.running) return;
    if (!me.ok) return this.failed(me);
    if (me.data.kind !== 'device' || me.data.deviceKind !== 'kiosk') return this.unpair();
    this.hallId = me.data.hallId;
    const services = await call(HALL_SERVICES, { params: { hallId: this.hallId } }, this.options());
    if (!this.running) return;
    if (!services.ok) return this.failed(services);
    this.hall = fromServiceViews(this.hall, services.data);
    this.attempts = 0;
    this.connect();
  }

  private options() {
    return { key: this.key, timeoutMs: REQUEST_TIMEOUT_MS };
  }

  private failed(res: CallFailure): void {
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
