import { execFileSync } from 'node:child_process';
import { constants } from 'node:fs';
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IssuedTicket } from '../../contract/api.js';
import type { Role } from '../../contract/domain.js';
import type { Actor } from '../../server/src/auth/actor.js';
import type { ConfigData, PrinterRecord } from '../../server/src/config/config-data.js';
import { defaultConfig } from '../../server/src/config/default-config.js';
import type { RouteDeps } from '../../server/src/http/deps.js';
import { printersRoutes } from '../../server/src/http/printers-routes.js';
import { mountRoutes } from '../../server/src/http/route.js';
import { PrintService } from '../../server/src/print/print-service.js';
import type { HallQueue } from '../../server/src/queue/hall-queue.js';
import {
  parsePrinterAllowList,
  PrinterAddressPolicy,
} from '../../server/src/print/printer-address-policy.js';
import { decodeEscPos, feedsBeforeCut } from '../support/escpos-decoder.js';
import { closedPort, startFakePrinter, type FakePrinter } from '../support/fake-printer.js';

const TIMEOUTS = { connectMs: 400, writeMs: 400 };
/** Slack over a time limit for timers and a loaded CI machine. */
const SLACK_MS = 1_000;
const NOW = Date.UTC(2025, 2, 3, 11, 5);
const STATUS_URL = 'http://192.168.1.10:3000/t/AbCdEfGhIjKlMnOpQrStUv';

function ticket(): IssuedTicket {
  return {
    id: 't1',
    number: 'İ012',
    serviceId: 'imar-durum',
    serviceName: { tr: 'İmar Durum Bilgisi', en: 'Zoning status information' },
    hallName: 'Çankaya Belediyesi',
    priority: null,
    lang: 'tr',
    issuedAt: NOW,
    peopleAhead: 3,
    estimate: { kind: 'minutes', minutes: 12 },
    code: 'AbCdEfGhIjKlMnOpQrStUv',
    statusUrl: STATUS_URL,
    print: 'no-printer',
    appointment: null,
    smsOffered: false,
  };
}

function printerAt(transport: PrinterRecord['transport'], address: string): PrinterRecord {
  return {
    id: 'giris',
    hallId: 'cankaya',
    name: 'Giriş',
    transport,
    address,
    paperWidth: 80,
    codePage: 13,
  };
}

/**
 * A print service whose kiosk is linked to the one printer `cfg.printer` points at. The fake
 * printers live on loopback and in a temp folder: the operator's allow list names this one.
 */
function setup(printer: PrinterRecord) {
  const cfg: ConfigData = {
    ...defaultConfig(),
    printers: [printer],
    devices: [
      {
        id: 'kiosk-1',
        kind: 'kiosk',
        hallId: 'cankaya',
        name: 'Kiosk 1',
        keyHash: '0'.repeat(64),
        printerId: printer.id,
        createdAt: NOW,
        revokedAt: null,
      },
    ],
  };
  const logs: string[] = [];
  const print = new PrintService({
    config: () => cfg,
    now: () => NOW,
    log: (m) => logs.push(m),
    timeouts: TIMEOUTS,
    policy: new PrinterAddressPolicy(parsePrinterAllowList(printer.address)),
  });
  return { cfg, print, logs };
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await run();
  return { value, ms: performance.now() - start };
}

describe('printing over TCP to a fake printer', () => {
  let fake: FakePrinter;
  beforeEach(async () => {
    fake = await startFakePrinter();
  });
  afterEach(async () => {
    await fake.close();
  });

  it('when a ticket is printed, then the job decodes to the exact ticket', async () => {
    const { print } = setup(printerAt('tcp', fake.address));

    expect(await print.printTicket('kiosk-1', ticket())).toBe('printed');

    const job = decodeEscPos(await fake.nextJob(), { cp857Number: 13 });
    expect(job.commands[0]).toEqual({ kind: 'reset' });
    expect(job.commands.filter((c) => c.kind === 'code-page')).toEqual([
      { kind: 'code-page', n: 13 },
    ]);
    expect(job.lines.map((l) => l.trim()).filter((l) => l !== '')).toEqual([
      'ÇANKAYA BELEDİYESİ',
      'İMAR DURUM BİLGİSİ',
      'İ012',
      '03.03.2025 14:05',
      'Önünüzde 3 kişi var',
      'Tahmini bekleme: 12 dk',
      'Numaranız ekranda ve anonsla çağrılacak',
      'Sıranızı QR kod ile takip edin.',
    ]);
    expect(job.qrPayloads).toEqual([STATUS_URL]);
    expect(feedsBeforeCut(job.commands)).toBeGreaterThanOrEqual(4);
    expect(job.commands.at(-1)).toEqual({ kind: 'cut', partial: false });
    expect(fake.jobs).toHaveLength(1);
    expect(print.status()[0]).toMatchObject({ online: true, lastError: null, lastPrintAt: NOW });
  });

  it('when the port is closed, then failed within the time limit and the printer is offline', async () => {
    const { print, logs } = setup(printerAt('tcp', `127.0.0.1:${await closedPort()}`));

    const { value, ms } = await timed(() => print.printTicket('kiosk-1', ticket()));

    expect(value).toBe('failed');
    expect(ms).toBeLessThan(TIMEOUTS.connectMs + SLACK_MS);
    expect(print.status()[0]).toMatchObject({
      online: false,
      lastError: expect.stringMatching(/ECONNREFUSED/),
    });
    expect(logs.join('\n')).toMatch(/ticket İ012 on printer giris .* failed/);
  });

  it('when the printer stalls, then failed within the time limit, nothing recorded as printed', async () => {
    fake.mode = 'stall';
    const { print } = setup(printerAt('tcp', fake.address));

    const { value, ms } = await timed(() => print.printTicket('kiosk-1', ticket()));

    expect(value).toBe('failed');
    expect(ms).toBeGreaterThanOrEqual(TIMEOUTS.writeMs - 50);
    expect(ms).toBeLessThan(TIMEOUTS.connectMs + TIMEOUTS.writeMs + SLACK_MS);
    expect(fake.connections).toBe(1);
    expect(fake.jobs).toHaveLength(0);
    expect(print.status()[0]).toMatchObject({
      online: false,
      lastError: expect.stringMatching(/no answer in 400 ms/),
    });
  });

  it('when a print succeeds after a stall, then the printer is online again, one job each', async () => {
    fake.mode = 'stall';
    const { print } = setup(printerAt('tcp', fake.address));
    expect(await print.printTicket('kiosk-1', ticket())).toBe('failed');
    fake.mode = 'normal';

    expect(await print.printTicket('kiosk-1', ticket())).toBe('printed');

    expect(fake.connections).toBe(2);
    expect(fake.jobs).toHaveLength(1);
    expect(print.status()[0]).toMatchObject({ online: true, lastError: null, lastPrintAt: NOW });
  });
});

describe('printing to a device file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'siramatik-print-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('when the device is there (an allow-listed FIFO being read), then each job is written to it byte for byte', async () => {
    const device = path.join(dir, 'lp0');
    execFileSync('mkfifo', [device]);
    const reader = await open(device, constants.O_RDONLY | constants.O_NONBLOCK);
    const { print } = setup(printerAt('device', device));

    expect(await print.printTicket('kiosk-1', ticket())).toBe('printed');
    expect(await print.printTicket('kiosk-1', ticket())).toBe('printed');

    const buffer = Buffer.alloc(65_536);
    const { bytesRead } = await reader.read(buffer, 0, buffer.length, null);
    await reader.close();
    const bytes = new Uint8Array(buffer.subarray(0, bytesRead));
    const half = bytes.length / 2;
    expect(Buffer.from(bytes.subarray(0, half)).equals(Buffer.from(bytes.subarray(half)))).toBe(
      true,
    );
    expect(decodeEscPos(bytes.subarray(0, half), { cp857Number: 13 }).qrPayloads).toEqual([
      STATUS_URL,
    ]);
  });

  it('when the device is missing, then failed and no file is created', async () => {
    const device = path.join(dir, 'lp0');
    const { print } = setup(printerAt('device', device));

    expect(await print.printTicket('kiosk-1', ticket())).toBe('failed');

    await expect(readFile(device)).rejects.toThrow(/ENOENT/);
    expect(print.status()[0]).toMatchObject({
      online: false,
      lastError: expect.stringMatching(/ENOENT/),
    });
  });

  it('when the device is not ready (a FIFO nobody reads), then failed at once, not blocked', async () => {
    const fifo = path.join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const { print } = setup(printerAt('device', fifo));

    const { value, ms } = await timed(() => print.printTicket('kiosk-1', ticket()));

    expect(value).toBe('failed');
    // O_NONBLOCK: open answers ENXIO at once instead of waiting (in a libuv thread) for a reader.
    expect(print.status()[0]).toMatchObject({ lastError: expect.stringMatching(/ENXIO/) });
    expect(ms).toBeLessThan(TIMEOUTS.writeMs);
  });
});

describe('printer routes', () => {
  let fake: FakePrinter;
  beforeEach(async () => {
    fake = await startFakePrinter();
  });
  afterEach(async () => {
    await fake.close();
  });

  function api(print: PrintService, role: Role, hallId = 'cankaya') {
    const actor: Actor = {
      kind: 'user',
      sessionIdHash: 'x',
      user: {
        id: 'u1',
        username: 'ayse',
        displayName: 'Ayşe',
        role,
        hallId,
        passwordHash: '',
        active: true,
        createdAt: NOW,
      },
    };
    const app = express();
    const router = express.Router();
    const deps = { print } as unknown as RouteDeps & { print: PrintService };
    // The printer routes are scoped to the caller's own hall: any hall id has a (bare) queue here.
    const queues = {
      hall: (id: string) => ({ hallId: id }) as HallQueue,
      hallOfCounter: () => undefined,
    };
    mountRoutes(router, printersRoutes(deps), { actorOf: () => actor, queues });
    app.use('/api', router);
    return request(app);
  }

  it('when a manager lists printers, then each has its name and status', async () => {
    const { print } = setup(printerAt('tcp', fake.address));
    await print.printTicket('kiosk-1', ticket());

    const res = await api(print, 'manager').get('/api/printers');

    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      {
        printerId: 'giris',
        name: 'Giriş',
        transport: 'tcp',
        paperWidth: 80,
        online: true,
        lastError: null,
        lastPrintAt: NOW,
      },
    ]);
  });

  it('when a manager sends a test page, then it is printed and the outcome returned', async () => {
    const { print } = setup(printerAt('tcp', fake.address));

    const res = await api(print, 'manager').post('/api/printers/giris/test');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ outcome: 'printed' });
    expect(decodeEscPos(await fake.nextJob(), { cp857Number: 13 }).qrPayloads).toEqual([
      'SIRAMATIK TEST giris',
    ]);
  });

  it('when the test page cannot be printed, then 200 with outcome failed', async () => {
    const { print } = setup(printerAt('tcp', `127.0.0.1:${await closedPort()}`));
    const res = await api(print, 'manager').post('/api/printers/giris/test');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ outcome: 'failed' });
  });

  it.each([
    ['an unknown printer', 'manager' as Role, 'cankaya', '/api/printers/nope/test', 404],
    ['a clerk', 'clerk' as Role, 'cankaya', '/api/printers/giris/test', 403],
    // Another hall's printer answers as unknown: which ids exist elsewhere is not told.
    ['a manager of another hall', 'manager' as Role, 'kadikoy', '/api/printers/giris/test', 404],
  ])(
    'when the test page is asked for %s, then it is refused',
    async (_what, role, hall, url, status) => {
      const { print } = setup(printerAt('tcp', fake.address));
      const res = await api(print, role, hall).post(url);
      expect(res.status).toBe(status);
      expect(fake.connections).toBe(0);
    },
  );
});
