import type { PrinterStatusView } from '../../../contract/api.js';
import type { DeviceKind } from '../../../contract/domain.js';
import type { DeviceView } from '../../../contract/settings.js';

export type PrinterState = 'online' | 'offline' | 'unknown';

export interface PrinterRow {
  id: string;
  name: string;
  state: PrinterState;
  lastError: string | null;
  lastPrintAt: number | null;
}

/** Printers as the monitor lists them: offline ones first (they need someone), then by name. */
export function printerRows(printers: PrinterStatusView[]): PrinterRow[] {
  const rank: Record<PrinterState, number> = { offline: 0, unknown: 1, online: 2 };
  return printers
    .map((p): PrinterRow => ({
      id: p.printerId,
      name: p.name,
      state: p.online === null ? 'unknown' : p.online ? 'online' : 'offline',
      lastError: p.lastError,
      lastPrintAt: p.lastPrintAt,
    }))
    .sort((a, b) => rank[a.state] - rank[b.state] || a.name.localeCompare(b.name, 'tr-TR'));
}

/** A registered kiosk or display as the monitor lists it. */
export interface DeviceRow {
  id: string;
  kind: DeviceKind;
  name: string;
  revoked: boolean;
}

/** Devices as the monitor lists them: working ones first, kiosks before displays, by name. */
export function deviceRows(devices: DeviceView[]): DeviceRow[] {
  return devices
    .map((d) => ({ id: d.id, kind: d.kind, name: d.name, revoked: d.revokedAt !== null }))
    .sort(
      (a, b) =>
        Number(a.revoked) - Number(b.revoked) ||
        (a.kind === b.kind ? 0 : a.kind === 'kiosk' ? -1 : 1) ||
        a.name.localeCompare(b.name, 'tr-TR'),
    );
}
