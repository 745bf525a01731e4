import { describe, expect, it } from 'vitest';
import type { PrinterStatusView } from '../../../contract/api.js';
import type { DeviceView } from '../../../contract/settings.js';
import { deviceRows, printerRows } from '../../../manager/src/state/equipment.js';

const printer = (name: string, online: boolean | null): PrinterStatusView => ({
  printerId: name,
  name,
  transport: 'tcp',
  paperWidth: 80,
  online,
  lastError: online === false ? 'ECONNREFUSED' : null,
  lastPrintAt: null,
});

const device = (
  name: string,
  kind: DeviceView['kind'],
  revokedAt: number | null = null,
): DeviceView => ({
  id: name,
  kind,
  name,
  printerId: null,
  createdAt: 0,
  revokedAt,
});

describe('printerRows', () => {
  it('when printers are listed, then offline ones come first, then never used, then online', () => {
    const rows = printerRows([printer('B', true), printer('C', null), printer('A', false)]);
    expect(rows.map((r) => [r.name, r.state])).toEqual([
      ['A', 'offline'],
      ['C', 'unknown'],
      ['B', 'online'],
    ]);
    expect(rows[0]!.lastError).toBe('ECONNREFUSED');
  });
});

describe('deviceRows', () => {
  it('when devices are listed, then working kiosks come first, then displays, revoked last', () => {
    const rows = deviceRows([
      device('Salon ekranı', 'display'),
      device('Eski kiosk', 'kiosk', 5),
      device('Giriş kioskı', 'kiosk'),
    ]);
    expect(rows.map((r) => r.name)).toEqual(['Giriş kioskı', 'Salon ekranı', 'Eski kiosk']);
    expect(rows[2]!.revoked).toBe(true);
  });
});
