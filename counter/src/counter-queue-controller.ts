import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { io } from 'socket.io-client';
import type { CounterCommandResult, StaffSnapshot } from '../../contract/api.js';
import { LiveFeed, STAFF_FEED_EVENTS, type FeedStatus } from '../../contract/live-feed.js';
import type { StaffDelta } from '../../contract/socket.js';
import { call, type CallResult } from '../../contract/client.js';
import { counterActionRoute } from './routes.js';
import type { ActionBody } from './run-command.js';
import type { CounterAction } from './state/actions.js';
import { applyDelta, modelFromSnapshot, type CounterModel } from './state/model.js';

export type ConnectionState = 'connecting' | 'online' | 'offline';

export interface CounterQueueOptions {
  /** The signed-in clerk's user id (read when needed: the host's property may come later). */
  meId: () => string;
  /** The session ended (socket `session:expired`, refused handshake, or a REST 401). */
  onExpired: () => void;
}

/**
 * The counter app's only I/O with the hall: the `/counter` live feed (snapshot, deltas,
 * resync and reconnect: contract/live-feed.ts), the session end, and the counter commands over
 * REST. Keeps the local model from what the feed hands over.
 */
export class CounterQueueController implements ReactiveController {
  model: CounterModel | null = null;
  connection: ConnectionState = 'connecting';

  private feed: LiveFeed<StaffSnapshot, StaffDelta> | null = null;
  private expired = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: CounterQueueOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.expired = false;
    this.connection = 'connecting';
    this.feed = new LiveFeed<StaffSnapshot, StaffDelta>({
      open: (options) => io('/counter', { ...options, withCredentials: true }),
      events: STAFF_FEED_EVENTS,
      revOf: (snapshot) => snapshot.rev,
      refusedCodes: ['unauthenticated'],
      onSnapshot: (snapshot) => this.takeSnapshot(snapshot),
      onDeltas: (deltas) => this.takeDeltas(deltas),
      onStatus: (status) => this.setConnection(status),
      onRefused: () => this.expire(),
    });
    this.feed.start();
  }

  hostDisconnected(): void {
    this.feed?.stop();
    this.feed = null;
    this.model = null;
  }

  /** Sends one counter command (`POST /api/counters/:id/<action>`) with that action's body. */
  async command<A extends CounterAction | 'open'>(
    counterId: string,
    action: A,
    ...[body]: ActionBody<A>
  ): Promise<CallResult<CounterCommandResult>> {
    const result = await call(counterActionRoute(action), {
      params: { counterId },
      body: body ?? {},
    });
    if (!result.ok && result.status === 401) this.expire();
    // Refused because our picture was out of date (someone else took the counter): refresh it.
    if (!result.ok && result.code === 'counter-taken') this.resync();
    return result;
  }

  private setConnection(status: FeedStatus): void {
    if (status === 'refused') return;
    this.connection = status;
    this.host.requestUpdate();
  }

  private expire(): void {
    if (this.expired) return;
    this.expired = true;
    this.feed?.stop();
    this.options.onExpired();
  }

  private takeSnapshot(snapshot: StaffSnapshot): void {
    this.model = modelFromSnapshot(snapshot, this.options.meId(), Date.now(), this.model);
    this.host.requestUpdate();
  }

  private takeDeltas(deltas: StaffDelta[]): void {
    let model = this.model;
    if (!model) return;
    for (const delta of deltas) model = applyDelta(model, delta, this.options.meId());
    this.model = model;
    this.host.requestUpdate();
  }

  private resync(): void {
    this.feed?.resync();
  }
}
