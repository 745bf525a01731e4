/**
 * Wire types of the admin settings (`/api/settings`, `/api/services`, `/api/counters`,
 * `/api/users`, `/api/devices`, `/api/printers`, `/api/audit`). Secrets never appear here:
 * no password hashes, no device key hashes; a new password or device key is shown once.
 */
import type {
  Counter,
  CounterCoverage,
  DeviceKind,
  Directorate,
  Hall,
  Role,
  Service,
} from './domain.js';

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  createdAt: number;
}

export interface DeviceView {
  id: string;
  kind: DeviceKind;
  name: string;
  /** The kiosk's ticket printer; always `null` for a display. */
  printerId: string | null;
  createdAt: number;
  /** Set once revoked: the key no longer works. */
  revokedAt: number | null;
}

export type PrinterTransportKind = 'tcp' | 'device' | 'none';

export interface PrinterView {
  id: string;
  hallId: string;
  name: string;
  transport: PrinterTransportKind;
  /** `host` or `host:port` for tcp (port 9100 when left out), `/dev/…` for device, `''` for none. */
  address: string;
  paperWidth: 58 | 80;
  /** The printer's own `ESC t` number for code page 857 (Epson 13). */
  codePage: number;
}

/** `GET /api/settings`: everything an admin edits, for their own hall. */
export interface SettingsView {
  hall: Hall;
  services: Service[];
  counters: Counter[];
  users: UserView[];
  devices: DeviceView[];
  printers: PrinterView[];
  /** Directorates visits are forwarded to, retired ones included (history keeps their names). */
  directorates: Directorate[];
}

/** `POST /api/directorates` (`active` defaults to true; `name.en` is optional). */
export interface DirectorateInput {
  name: { tr: string; en?: string };
  active?: boolean;
}

/** `PATCH /api/directorates/:directorateId`: rename, retire (`active: false`) or bring back. */
export type DirectoratePatch = Partial<DirectorateInput>;

/**
 * `GET /api/halls/:hallId/directorates` (staff): where a clerk may forward a visit. Active
 * directorates only, the most forwarded today first, then in the admin's order.
 */
export interface DirectorateChoice {
  id: string;
  name: { tr: string; en?: string };
  /** Visits of the hall forwarded to it today. */
  forwardedToday: number;
}

/** `PATCH /api/halls/:hallId`: any of these, at least one. */
export type HallSettingsPatch = Partial<
  Pick<
    Hall,
    | 'name'
    | 'timeZone'
    | 'priorityRatio'
    | 'escalationMinutes'
    | 'noShowGraceMinutes'
    | 'noteRetentionDays'
    | 'whenNoCounterOpen'
    | 'smsNotifyAhead'
  >
>;

/** `POST /api/services` (`active` defaults to true); `PATCH` takes any of them. */
export interface ServiceInput {
  name: { tr: string; en: string };
  prefix: string;
  targetMinutes: number;
  active?: boolean;
}

/** `POST /api/counters`; `PATCH` takes any of them. */
export interface CounterInput {
  number: number;
  name: string;
  services: CounterCoverage[];
}

/** `POST /api/users`. */
export interface NewUserRequest {
  username: string;
  displayName: string;
  role: Role;
}

/** `PATCH /api/users/:userId`. */
export interface UserPatch {
  displayName?: string;
  role?: Role;
  active?: boolean;
}

/** `POST /api/users` and `POST /api/users/:userId/reset-password`: the password, shown once. */
export interface UserWithPassword {
  user: UserView;
  password: string;
}

/** `POST /api/devices`. */
export interface NewDeviceRequest {
  kind: DeviceKind;
  name: string;
  printerId?: string | null;
  /** A display only: show one counter's sign instead of the whole hall. */
  signCounterId?: string | null;
}

/** `POST /api/devices`: open `pairingUrl` once on the device; the key in it is shown once. */
export interface PairedDevice {
  device: DeviceView;
  pairingUrl: string;
}

/** `PATCH /api/devices/:deviceId`. */
export interface DevicePatch {
  name?: string;
  printerId?: string | null;
  /** A display only: a counter of the hall (its sign), or `null` for the whole hall. */
  signCounterId?: string | null;
}

/**
 * `GET /api/devices/me` (by device key): what this display is set to show. A display set to
 * one counter is that counter's sign ("banko üstü ekran"); `null` shows the whole hall.
 */
export interface DeviceSetup {
  id: string;
  kind: DeviceKind;
  name: string;
  signCounterId: string | null;
}

/** `GET /api/devices/signs`: which displays show one counter, and the counters they may show. */
export interface DisplaySigns {
  counters: Pick<Counter, 'id' | 'number' | 'name'>[];
  /** Displays set to one counter; a display not listed shows the whole hall. */
  signs: { deviceId: string; counterId: string }[];
}

/** `POST /api/printers`; `PATCH` takes any of them (the result must be consistent). */
export interface PrinterInput {
  name: string;
  transport: PrinterTransportKind;
  address: string;
  paperWidth: 58 | 80;
  codePage: number;
}

/** One line of `GET /api/audit` (newest first): who changed what, when. */
export interface AuditEntryView {
  at: number;
  userId: string;
  /** The user's name now (`null` if unknown). */
  username: string | null;
  /** `noun.verb`, e.g. `service.update`, `user.deactivate`, `device.revoke`. */
  action: string;
  /** A short human-readable change; never a password or a key. */
  detail: string;
  /** What was changed: its id, and its name now (device, user, service, counter, printer, hall); null if unknown. */
  targetId: string | null;
  targetName: string | null;
}
