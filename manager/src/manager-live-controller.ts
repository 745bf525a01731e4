import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { io, type Socket } from 'socket.io-client';
import type { DeviceStatusView, PrinterStatusView, StaffSnapshot } from '../../contract/api.js';
import type {
  StaffClientToServer,
  StaffDelta,
  StaffServerToClient,
} from '../../contract/socket.js';
import { apiRequest } from './api-client.js';
import { deviceRows, type DeviceRow } from './state/equipment.js';
import { applyDelta, modelFromSnapshot, type LiveModel } from './state/live-model.js';

export type ConnectionState = 'connecting' | 'online' | 'offline';

const RESYNC_TIMEOUT_MS = 5_000;
const RECONNECT_DELAY_MS = 1_000;
/** Printers report online/offline after each job; a poll every 30 s is enough for a manager. */
export const PRINTER_POLL_MS = 30_000;

export interface ManagerLiveOptions {
  /** The session ended (socket `session:expired`, refused handshake, or a REST 401). */
  onExpired: () => void;
  /** Whether the user may read the settings (admins): then the device list is polled too. */
  readsSettings: () => boolean;
}

/**
 * The manager page's live I/O with the hall: the `/manager` socket (snapshot, deltas, resync,
 * session end) and the printer status poll. Deltas with `rev <= model.rev` are ignored; a gap
 * asks for `queue:resync`.
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

  private socket: Socket<StaffServerToClient, StaffClientToServer> | null = null;
  private resyncing = false;
  private expired = false;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
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
    // WebSocket only: no long-polling, so no sticky sessions are needed behind a balancer.
    const socket: Socket<StaffServerToClient, StaffClientToServer> = io('/manager', {
      transports: ['websocket'],
      withCredentials: true,
    });
    this.socket = socket;
    socket.on('connect', () => this.setConnection('online'));
    socket.on('disconnect', (reason) => {
      this.setConnection('offline');
      // The server closed the socket (a restart, say): the client does not retry by itself.
      if (reason === 'io server disconnect' && !this.expired) {
        this.reconnectTimer = setTimeout(() => socket.connect(), RECONNECT_DELAY_MS);
      }
    });
    socket.on('connect_error', (err) => {
      const code = (err as Error & { data?: { code?: string } }).data?.code;
      if (code === 'unauthenticated' || code === 'forbidden') this.expire();
      else this.setConnection('offline');
    });
    socket.on('session:expired', () => this.expire());
    socket.on('queue:snapshot', (snapshot) => this.takeSnapshot(snapshot));
    socket.on('queue:events', (deltas) => {
      for (const delta of deltas) this.takeDelta(delta);
    });

    void this.pollPrinters();
    this.printerTimer = setInterval(() => void this.pollPrinters(), PRINTER_POLL_MS);
  }

  hostDisconnected(): void {
    clearTimeout(this.reconnectTimer);
    clearInterval(this.printerTimer);
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    this.model = null;
    this.resyncing = false;
  }

  /** Asks for the printers (and, for admins, the devices) now; after a settings change, say. */
  async pollPrinters(): Promise<void> {
    const [r, devices] = await Promise.all([
      apiRequest<PrinterStatusView[]>('GET', '/printers'),
      apiRequest<DeviceStatusView[]>('GET', '/devices/status'),
    ]);
    if (!r.ok && r.status === 401) return this.expire();
    this.printersFailed = !r.ok;
    if (r.ok) {
      this.printers = r.data;
      this.printersCheckedAt = Date.now();
    }
    if (devices.ok) this.devices = deviceRows(devices.data);
    this.host.requestUpdate();
  }

  private setConnection(state: ConnectionState): void {
    this.connection = state;
    this.host.requestUpdate();
  }

  private expire(): void {
    if (this.expired) return;
    this.expired = true;
    clearTimeout(this.reconnectTimer);
    clearInterval(this.printerTimer);
    this.socket?.disconnect();
    this.options.onExpired();
  }

  private takeSnapshot(snapshot: StaffSnapshot): void {
    this.resyncing = false;
    this.model = modelFromSnapshot(snapshot, Date.now());
    this.host.requestUpdate();
  }

  private takeDelta(delta: StaffDelta): void {
    if (!this.model || this.resyncing) return;
    const outcome = applyDelta(this.model, delta);
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
