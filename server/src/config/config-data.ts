import type {
  Counter,
  DeviceKind,
  Directorate,
  Hall,
  Role,
  Service,
} from '../../../contract/domain.js';
import type { WebhookEventType } from '../../../contract/webhooks.js';

export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  hallId: string;
  /** `scrypt$N$r$p$salt$hash`, base64url parts. */
  passwordHash: string;
  active: boolean;
  createdAt: number;
  /**
   * The password was generated and shown (printed at first start, a reset): it is one-time,
   * and must be changed at the next sign-in. Absent in files from before it existed.
   */
  passwordChangeRequired?: boolean;
}

export interface DeviceRecord {
  id: string;
  kind: DeviceKind;
  hallId: string;
  name: string;
  /** sha256 of the device key, hex; the key itself is shown once, at pairing. */
  keyHash: string;
  printerId: string | null;
  createdAt: number;
  revokedAt: number | null;
  /** When it was last connected, saved now and then and at shutdown (device-sightings.ts). */
  lastSeenAt?: number;
  /** A display shown as one counter's sign; absent or `null`: the whole hall. */
  signCounterId?: string | null;
}

export interface PrinterRecord {
  id: string;
  hallId: string;
  name: string;
  transport: 'tcp' | 'device' | 'none';
  /** `host:port` for tcp, a path such as `/dev/usb/lp0` for device. */
  address: string;
  paperWidth: 58 | 80;
  /** The printer's own number for code page 857 (Epson 13). */
  codePage: number;
}

export interface AuditEntry {
  at: number;
  userId: string;
  action: string;
  detail: string;
  /** The id of what was changed (device, user, service, …); older entries have none. */
  targetId?: string;
}

/**
 * A webhook endpoint of a hall (Ayarlar → Entegrasyonlar). The secret signs every delivery
 * (HMAC-SHA256), so it is kept as it is, like the rest of this owner-only file; replies never
 * carry it but when it is made or rotated.
 */
export interface WebhookRecord {
  id: string;
  hallId: string;
  name: string;
  url: string;
  events: WebhookEventType[];
  personalData: boolean;
  active: boolean;
  /** base64url, 32 random bytes. */
  secret: string;
  createdAt: number;
  /**
   * Set by "retry now" (on whichever server took the request): the dispatcher, which may run on
   * another server, sees the configuration change and tries the waiting event at once.
   */
  retryRequestedAt?: number;
}

/** A hall as configured, with its appointment rules (absent: `DEFAULT_HALL_BOOKING`). */
export type HallRecord = Hall;
/** A service as configured, with the part of it that can be booked (absent: none). */
export type ServiceRecord = Service;

/** Everything in `data/config.json`. Small and slowly changing. */
export interface ConfigData {
  version: 1;
  halls: HallRecord[];
  services: ServiceRecord[];
  counters: Counter[];
  /**
   * Directorates visits are forwarded to, of every hall. Absent in files written before them:
   * read through `directoratesOf`, which gives such a hall the seeded list.
   */
  directorates?: Directorate[];
  users: UserRecord[];
  devices: DeviceRecord[];
  printers: PrinterRecord[];
  audit: AuditEntry[];
  /** Webhook endpoints of every hall; absent in files from before integrations. */
  webhooks?: WebhookRecord[];
  /**
   * A random per-install salt: booking requests keep only SHA-256(salt, address) for the
   * per-address limit, never the address. Made at the first start that needs it.
   */
  addressSalt?: string;
}

export interface SessionRecord {
  /** sha256 of the session id, hex: a leaked sessions file does not leak live cookies. */
  idHash: string;
  userId: string;
  createdAt: number;
  expiresAt: number;
}
