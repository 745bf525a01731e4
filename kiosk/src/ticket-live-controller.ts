import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { io } from 'socket.io-client';
import type { TicketStatusView } from '../../contract/api.js';
import { LiveFeed, TICKET_FEED_EVENTS, type FeedStatus } from '../../contract/live-feed.js';
import { call } from '../../contract/client.js';
import { CANCEL_TICKET, RATE_VISIT, REQUEST_TIMEOUT_MS } from './routes.js';
import type { FailureCode } from './state/errors.js';
import { shouldAlert, type PhoneConnection } from './state/phone-status.js';

/**
 * All of the phone page's server I/O: follows one ticket on the `/ticket` live feed
 * (contract/live-feed.ts; each status is whole), refreshes when the phone wakes up, and cancels the ticket when the visitor leaves. `onCalled` runs when
 * the ticket is called (or called again) while the page is open.
 */
export class TicketLiveController implements ReactiveController {
  connection: PhoneConnection = 'connecting';
  status: TicketStatusView | null = null;

  private feed: LiveFeed<TicketStatusView, never> | null = null;
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
    this.feed?.stop();
    this.feed = null;
  }

  /** The visitor leaves the queue. */
  async cancel(): Promise<{ ok: true } | { ok: false; code: FailureCode }> {
    if (this.code === null) return { ok: false, code: 'ticket-not-found' };
    const res = await call(
      CANCEL_TICKET,
      { params: { code: this.code } },
      { timeoutMs: REQUEST_TIMEOUT_MS },
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
    const res = await call(
      RATE_VISIT,
      {
        params: { code: this.code },
        body: comment.trim() ? { rating, comment: comment.trim() } : { rating },
      },
      { timeoutMs: REQUEST_TIMEOUT_MS },
    );
    if (!res.ok) return res;
    this.update(res.data);
    return { ok: true };
  }

  /** Shows a status a request was answered with (the live feed brings it a moment later too). */
  show(status: TicketStatusView): void {
    this.update(status);
  }

  /** Asks for the current status (after the phone slept, the socket may have missed pushes). */
  refresh(): void {
    if (this.connection === 'not-found') return;
    this.feed?.resync();
  }

  private connect(code: string): void {
    this.feed = new LiveFeed<TicketStatusView, never>({
      open: (options) => io('/ticket', { ...options, auth: { code } }),
      events: TICKET_FEED_EVENTS,
      refusedCodes: ['ticket-not-found'],
      onSnapshot: (status) => this.update(status),
      onStatus: (status) => this.feedStatus(status),
      onRefused: () => this.notFound(),
    });
    this.feed.start();
  }

  private feedStatus(status: FeedStatus): void {
    if (status === 'online') this.set('live');
    else if (status === 'offline') this.set('offline');
    else if (status === 'connecting') this.set(this.status ? 'offline' : 'connecting');
  }

  private update(status: TicketStatusView): void {
    const prev = this.status;
    this.status = status;
    this.connection = this.feed?.status === 'online' ? 'live' : this.connection;
    this.host.requestUpdate();
    if (shouldAlert(prev, status)) this.onCalled(status);
  }

  private notFound(): void {
    this.feed?.stop();
    this.set('not-found');
  }

  private set(connection: PhoneConnection): void {
    this.connection = connection;
    this.host.requestUpdate();
  }
}
