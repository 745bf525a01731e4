import { describe, expect, it } from 'vitest';
import type { DeviceStatusView, PrinterStatusView } from '../../../contract/api.js';
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

const device = (name: string, kind: DeviceStatusView['kind'], online = true): DeviceStatusView => ({
  id: name,
  kind,
  name,
  online,
  lastSeenAt: online ? 1_000 : 500,
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
  it('when devices are listed, then offline ones come first (they need someone), then kiosks before displays', () => {
    const rows = deviceRows([
      device('Salon ekranı', 'display'),
      device('Eski kiosk', 'kiosk', false),
      device('Giriş kioskı', 'kiosk'),
    ]);
    expect(rows.map((r) => r.name)).toEqual(['Eski kiosk', 'Giriş kioskı', 'Salon ekranı']);
    expect(rows[0]).toMatchObject({ online: false, lastSeenAt: 500 });
  });
});
