import type { DeviceStatusView, PrinterStatusView } from '../../../contract/api.js';
import type { DeviceKind } from '../../../contract/domain.js';

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

/** What a printer's last error means for the person in the hall (the detail stays technical). */
export type PrinterProblem =
  | 'refused'
  | 'timeout'
  | 'unreachable'
  | 'not-found'
  | 'no-permission'
  | 'busy'
  | 'interrupted'
  | 'not-allowed'
  | 'other';

/** Node's error codes and the print transports' own words, first match wins. */
const PROBLEMS: Array<[RegExp, PrinterProblem]> = [
  [/^refused: |PRINTER_ALLOW|not a character device/, 'not-allowed'],
  [/\bECONNREFUSED\b/, 'refused'],
  [/\b(ETIMEDOUT|ESOCKETTIMEDOUT)\b|no answer in|no address in|was not taken in/, 'timeout'],
  [/\b(EHOSTUNREACH|ENETUNREACH|EHOSTDOWN|ENETDOWN|EADDRNOTAVAIL)\b/, 'unreachable'],
  [/\b(ENOENT|ENOTFOUND|ENODEV|ENXIO|EAI_AGAIN)\b|could not be resolved/, 'not-found'],
  [/\b(EACCES|EPERM|EROFS)\b/, 'no-permission'],
  [/\b(EBUSY|EAGAIN)\b/, 'busy'],
  [/\b(ECONNRESET|EPIPE|ECONNABORTED|EIO)\b|closed before|stopped taking/, 'interrupted'],
];

/** The plain meaning of a printer's `lastError` (`connect ECONNREFUSED 10.0.0.5:9100` → refused). */
export function printerProblem(lastError: string): PrinterProblem {
  return PROBLEMS.find(([re]) => re.test(lastError))?.[1] ?? 'other';
}

/** A kiosk or display as the monitor lists it. */
export interface DeviceRow {
  id: string;
  kind: DeviceKind;
  name: string;
  online: boolean;
  lastSeenAt: number | null;
}

/** Devices as the monitor lists them: offline ones first (they need someone), kiosks before displays, by name. */
export function deviceRows(devices: DeviceStatusView[]): DeviceRow[] {
  return devices
    .map((d) => ({
      id: d.id,
      kind: d.kind,
      name: d.name,
      online: d.online,
      lastSeenAt: d.lastSeenAt,
    }))
    .sort(
      (a, b) =>
        Number(a.online) - Number(b.online) ||
        (a.kind === b.kind ? 0 : a.kind === 'kiosk' ? -1 : 1) ||
        a.name.localeCompare(b.name, 'tr-TR'),
    );
}
