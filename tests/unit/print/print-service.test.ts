import { describe, expect, it } from 'vitest';
import type { IssuedTicket } from '../../../contract/api.js';
import type { ConfigData, PrinterRecord } from '../../../server/src/config/config-data.js';
import { defaultConfig } from '../../../server/src/config/default-config.js';
import {
  PrintService,
  type PrinterStatus,
  type PrintServiceDeps,
} from '../../../server/src/print/print-service.js';
import type { PrinterTransport } from '../../../server/src/print/transport.js';
import { decodeEscPos } from '../../support/escpos-decoder.js';

const NOW = Date.UTC(2025, 2, 3, 11, 5);

function config(printers: PrinterRecord[], links: Record<string, string | null>): ConfigData {
  const base = defaultConfig();
  return {
    ...base,
    printers,
    devices: Object.entries(links).map(([id, printerId]) => ({
      id,
      kind: 'kiosk' as const,
      hallId: base.halls[0]!.id,
      name: id,
      keyHash: '0'.repeat(64),
      printerId,
      createdAt: NOW,
      revokedAt: null,
    })),
  };
}

function printer(over: Partial<PrinterRecord> = {}): PrinterRecord {
  return {
    id: 'giris',
    hallId: 'cankaya',
    name: 'Giriş',
    transport: 'tcp',
    address: '127.0.0.1:9100',
    paperWidth: 80,
    codePage: 13,
    ...over,
  };
}

function ticket(): IssuedTicket {
  return {
    id: 't1',
    number: 'V012',
    serviceId: 'vezne',
    serviceName: { tr: 'Vezne', en: 'Cashier' },
    hallName: 'Çankaya Belediyesi',
    priority: null,
    lang: 'tr',
    issuedAt: NOW,
    peopleAhead: 0,
    estimate: { kind: 'minutes', minutes: 0 },
    code: 'SeCrEtCoDe0123456789ab',
    statusUrl: 'http://127.0.0.1/t/SeCrEtCoDe0123456789ab',
    print: 'no-printer',
    appointment: null,
    smsOffered: false,
  };
}

/** A transport whose every send is answered by `answer` (throw to fail). */
function scripted(answer: (job: Uint8Array) => Promise<void>) {
  const jobs: Uint8Array[] = [];
  const transport: PrinterTransport = {
    kind: 'tcp',
    send: (job) => {
      jobs.push(job);
      return answer(job);
    },
  };
  return { transport, jobs };
}

function service(
  cfg: ConfigData,
  transport: PrinterTransport,
  over: Partial<PrintServiceDeps> = {},
) {
  const logs: string[] = [];
  const changes: PrinterStatus[] = [];
  const print = new PrintService({
    config: () => cfg,
    now: () => NOW,
    log: (m) => logs.push(m),
    transportFor: () => transport,
    onStatusChange: (s) => changes.push(s),
    ...over,
  });
  return { print, logs, changes };
}

describe('PrintService', () => {
  it.each([
    ['the kiosk has no printer', config([printer()], { kiosk: null })],
    ['the kiosk is unknown', config([printer()], {})],
    ['the kiosk links a printer missing from config', config([], { kiosk: 'giris' })],
    ['the printer is "none"', config([printer({ transport: 'none' })], { kiosk: 'giris' })],
  ])('when %s, then the outcome is no-printer and nothing is sent', async (_what, cfg) => {
    const { transport, jobs } = scripted(() => Promise.resolve());
    const { print } = service(cfg, transport);
    expect(await print.printTicket('kiosk', ticket())).toBe('no-printer');
    expect(jobs).toHaveLength(0);
  });

  it('when the job is sent, then it is the ticket, and the printer is online', async () => {
    const { transport, jobs } = scripted(() => Promise.resolve());
    const { print } = service(config([printer()], { kiosk: 'giris' }), transport);

    expect(await print.printTicket('kiosk', ticket())).toBe('printed');

    expect(jobs).toHaveLength(1);
    expect(decodeEscPos(jobs[0]!, { cp857Number: 13 }).qrPayloads).toEqual([ticket().statusUrl]);
    expect(print.status()).toEqual([
      { printerId: 'giris', online: true, lastError: null, lastPrintAt: NOW },
    ]);
  });

  it('when the transport fails, then failed, offline and logged, without the status URL', async () => {
    const { transport } = scripted(() => Promise.reject(new Error('connect ECONNREFUSED')));
    const { print, logs, changes } = service(config([printer()], { kiosk: 'giris' }), transport);

    expect(await print.printTicket('kiosk', ticket())).toBe('failed');

    expect(print.status()).toEqual([
      { printerId: 'giris', online: false, lastError: 'connect ECONNREFUSED', lastPrintAt: null },
    ]);
    expect(changes.map((c) => c.online)).toEqual([false]);
    expect(logs.join('\n')).toMatch(/ticket V012 on printer giris .*ECONNREFUSED/);
    expect(logs.join('\n')).not.toContain(ticket().code);
  });

  it('when a print succeeds after a failure, then the printer is online again', async () => {
    let fail = true;
    const { transport } = scripted(() =>
      fail ? Promise.reject(new Error('timed out')) : Promise.resolve(),
    );
    const { print, changes, logs } = service(config([printer()], { kiosk: 'giris' }), transport);
    await print.printTicket('kiosk', ticket());
    fail = false;

    expect(await print.printTicket('kiosk', ticket())).toBe('printed');

    expect(print.status()[0]).toMatchObject({ online: true, lastError: null, lastPrintAt: NOW });
    expect(changes.map((c) => c.online)).toEqual([false, true]);
    expect(logs.at(-1)).toMatch(/back online/);
  });

  it('when the printer address is malformed, then failed and offline rather than a throw', async () => {
    const print = new PrintService({
      config: () => config([printer({ address: 'printer:port' })], { kiosk: 'giris' }),
      now: () => NOW,
      log: () => undefined,
    });
    expect(await print.printTicket('kiosk', ticket())).toBe('failed');
    expect(print.status()[0]).toMatchObject({
      online: false,
      lastError: 'bad printer address "printer:port"',
    });
  });

  it('when two tickets print at once, then the second job starts after the first ends', async () => {
    const events: string[] = [];
    let release!: () => void;
    const first = new Promise<void>((resolve) => (release = resolve));
    let n = 0;
    const { transport } = scripted(async () => {
      const me = ++n;
      events.push(`start ${me}`);
      if (me === 1) await first;
      events.push(`end ${me}`);
    });
    const { print } = service(config([printer()], { kiosk: 'giris' }), transport);

    const a = print.printTicket('kiosk', ticket());
    const b = print.printTicket('kiosk', ticket());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).toEqual(['start 1']);
    release();

    expect(await Promise.all([a, b])).toEqual(['printed', 'printed']);
    expect(events).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('when the hall is in another time zone, then the ticket shows its local time', async () => {
    const cfg = config([printer()], { kiosk: 'giris' });
    cfg.halls = [{ ...cfg.halls[0]!, timeZone: 'Europe/Berlin' }];
    const { transport, jobs } = scripted(() => Promise.resolve());
    await service(cfg, transport).print.printTicket('kiosk', ticket());
    const lines = decodeEscPos(jobs[0]!, { cp857Number: 13 }).lines.map((l) => l.trim());
    expect(lines).toContain('03.03.2025 12:05');
  });

  it('when a test page is asked for, then it is sent, and an unknown printer is no-printer', async () => {
    const { transport, jobs } = scripted(() => Promise.resolve());
    const { print } = service(config([printer()], {}), transport);

    expect(await print.printTestPage('giris')).toBe('printed');
    expect(await print.printTestPage('nope')).toBe('no-printer');

    expect(jobs).toHaveLength(1);
    expect(decodeEscPos(jobs[0]!, { cp857Number: 13 }).qrPayloads).toEqual([
      'SIRAMATIK TEST giris',
    ]);
  });

  it('when nothing was printed yet, then every printer reads online null', () => {
    const { transport } = scripted(() => Promise.resolve());
    const cfg = config([printer(), printer({ id: 'yedek', transport: 'none' })], {});
    expect(service(cfg, transport).print.status()).toEqual([
      { printerId: 'giris', online: null, lastError: null, lastPrintAt: null },
      { printerId: 'yedek', online: null, lastError: null, lastPrintAt: null },
    ]);
  });
});
