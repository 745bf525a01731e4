import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeEscPos } from '../support/escpos-decoder.js';
import { closedPort, startFakePrinter, type FakePrinter } from '../support/fake-printer.js';
import { kiosk, signedIn } from '../support/http.js';
import { parsePrinterAllowList } from '../../server/src/print/printer-address-policy.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe('a kiosk linked to a ticket printer', () => {
  let server: TestServer;
  let printer: FakePrinter;
  beforeEach(async () => {
    // The fake printers listen on loopback, on any port: the operator's allow list says so.
    server = await startTestServer({
      printers: { allow: parsePrinterAllowList('127.0.0.1', '1-65535') },
    });
    printer = await startFakePrinter();
  });
  afterEach(async () => {
    await server.dispose();
    await printer.close();
  });

  /** Links the test kiosk to a TCP printer at `address`. */
  const linkPrinter = async (address: string) => {
    await server.app.configStore.update((d) => {
      d.printers.push({
        id: 'p1',
        hallId: 'cankaya',
        name: 'Kiosk yazıcısı',
        transport: 'tcp',
        address,
        paperWidth: 80,
        codePage: 13,
      });
      const kioskDevice = d.devices.find((x) => x.kind === 'kiosk' && x.name === 'Test kiosk')!;
      kioskDevice.printerId = 'p1';
    });
  };

  it('when a visitor takes a number, then the ticket is printed in Turkish with its status QR', async () => {
    await linkPrinter(printer.address);
    const res = await kiosk(server).issue('imar-durum');
    expect(res.status).toBe(201);
    expect(res.body.print).toBe('printed');
    const job = decodeEscPos(await printer.nextJob(), { cp857Number: 13 });
    expect(job.qrPayloads).toEqual([res.body.statusUrl]);
    expect(job.lines.join('\n')).toContain('İ001');
    expect(job.lines.join('\n')).toContain('İMAR DURUM BİLGİSİ');
  });

  it('when the printer is unreachable, then the ticket is still issued, shown, and the printer is offline for staff', async () => {
    await linkPrinter(`127.0.0.1:${await closedPort()}`);
    const res = await kiosk(server).issue('vezne');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ number: 'V001', print: 'failed' });
    expect((await request(server.app.app).get(`/api/tickets/${res.body.code}`)).status).toBe(200);
    const { agent } = await signedIn(server, 'manager');
    const printers = await agent.get('/api/printers');
    expect(printers.body).toEqual([
      expect.objectContaining({ printerId: 'p1', online: false, name: 'Kiosk yazıcısı' }),
    ]);
  });

  it('when a kiosk has no printer, then the reply says so and nothing is sent', async () => {
    const res = await kiosk(server).issue('vezne');
    expect(res.body.print).toBe('no-printer');
    expect(printer.connections).toBe(0);
  });
});
