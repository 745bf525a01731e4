import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { io } from 'socket.io-client';
import type { PrinterStatusView, StaffSnapshot } from '../../contract/api.js';
import { LiveFeed, STAFF_FEED_EVENTS, type FeedStatus } from '../../contract/live-feed.js';
import type { StaffDelta } from '../../contract/socket.js';
import { call } from '../../contract/client.js';
import { deviceStatuses } from '../../contract/endpoints/devices.js';
import { printerStatuses } from '../../contract/endpoints/printers.js';
import { deviceRows, type DeviceRow } from './state/equipment.js';
import { applyDelta, modelFromSnapshot, type LiveModel } from './state/live-model.js';

export type ConnectionState = 'connecting' | 'online' | 'offline';

/** Printers report online/offline after each job; a poll every 30 s is enough for a manager. */
export const PRINTER_POLL_MS = 30_000;

export interface ManagerLiveOptions {
  /** The session ended (socket `session:expired`, refused handshake, or a REST 401). */
  onExpired: () => void;
  /** Whether the user may read the settings (admins): then the device list is polled too. */
  readsSettings: () => boolean;
}

/**
 * The manager page's live I/O with the hall: the `/manager` live feed (snapshot, deltas,
 * resync and reconnect: contract/live-feed.ts), the session end, and the printer status poll.
 */
export class ManagerLiveController implements ReactiveController {
  model: LiveModel | null = null;
  connection: ConnectionState = 'connecting';
  /** null until the first answer. */
  printers: PrinterStatusView[] | null = null;
  printersFailed = false;
  printersCheckedAt: number | null = null;
  /** Registered kiosks and displays; null when not readable (managers) or not loaded yet. */
  devices: DeviceRow[] | null = null;

  private feed: LiveFeed<StaffSnapshot, StaffDelta> | null = null;
  private expired = false;
  private printerTimer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ManagerLiveOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.expired = false;
    this.connection = 'connecting';
    this.feed = new LiveFeed<StaffSnapshot, StaffDelta>({
      open: (options) => io('/manager', { ...options, withCredentials: true }),
      events: STAFF_FEED_EVENTS,
      revOf: (snapshot) => snapshot.rev,
      refusedCodes: ['unauthenticated', 'forbidden'],
      onSnapshot: (snapshot) => this.takeSnapshot(snapshot),
      onDeltas: (deltas) => this.takeDeltas(deltas),
      onStatus: (status) => this.setConnection(status),
      onRefused: () => this.expire(),
    });
    this.feed.start();

    void this.pollPrinters();
    this.printerTimer = setInterval(() => void this.pollPrinters(), PRINTER_POLL_MS);
  }

  hostDisconnected(): void {
    clearInterval(this.printerTimer);
    this.feed?.stop();
    this.feed = null;
    this.model = null;
  }

  /** Asks for the printers (and, for admins, the devices) now; after a settings change, say. */
  async pollPrinters(): Promise<void> {
    const [r, devices] = await Promise.all([call(printerStatuses), call(deviceStatuses)]);
    if (!r.ok && r.status === 401) return this.expire();
    this.printersFailed = !r.ok;
    if (r.ok) {
      this.printers = r.data;
      this.printersCheckedAt = Date.now();
    }
    if (devices.ok) this.devices = deviceRows(devices.data);
    this.host.requestUpdate();
  }

  private setConnection(status: FeedStatus): void {
    if (status === 'refused') return;
    this.connection = status;
    this.host.requestUpdate();
  }

  private expire(): void {
    if (this.expired) return;
    this.expired = true;
    clearInterval(this.printerTimer);
    this.feed?.stop();
    this.options.onExpired();
  }

  private takeSnapshot(snapshot: StaffSnapshot): void {
    this.model = modelFromSnapshot(snapshot, Date.now());
    this.host.requestUpdate();
  }

  private takeDeltas(deltas: StaffDelta[]): void {
    let model = this.model;
    if (!model) return;
    for (const delta of deltas) model = applyDelta(model, delta);
    this.model = model;
    this.host.requestUpdate();
  }
}
