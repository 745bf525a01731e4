import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PrinterRecord } from '../../server/src/config/config-data.js';
import { parsePrinterAllowList } from '../../server/src/print/printer-address-policy.js';
import type { HostLookup } from '../../server/src/print/printer-address-policy.js';
import { startFakePrinter, type FakePrinter } from '../support/fake-printer.js';
import { kiosk, signedIn } from '../support/http.js';
import {
  startTestServer,
  type TestServer,
  type TestServerOptions,
} from '../support/test-server.js';

/** Names the tests resolve without DNS. */
const DNS: Record<string, string[]> = {
  'kasa-yazici': ['192.168.1.60'],
  'metadata.internal': ['169.254.169.254'],
  'split.example': ['192.168.1.61', '127.0.0.1'],
};
const lookup: HostLookup = (host) => Promise.resolve(DNS[host] ?? []);

const PRIVATE_RULE = /is not on a private network/;

describe('printer addresses an admin may set', () => {
  let server: TestServer | undefined;
  let fake: FakePrinter | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await server?.dispose();
    await fake?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
    server = fake = dir = undefined;
  });

  const start = async (opts: TestServerOptions = {}) => {
    server = await startTestServer({ printers: { lookup }, ...opts });
    return server;
  };
  const newPrinter = (transport: 'tcp' | 'device', address: string) => ({
    name: 'Giriş',
    transport,
    address,
    paperWidth: 80,
    codePage: 13,
  });

  it.each([
    ['tcp', '169.254.169.254:80', /port 80 is not a printer port \(allowed: 9100–9109\)/],
    ['tcp', '169.254.169.254:9100', PRIVATE_RULE],
    ['tcp', '127.0.0.1:6379', /port 6379 is not a printer port/],
    ['tcp', '127.0.0.1:9100', PRIVATE_RULE],
    ['tcp', '[::1]:9100', PRIVATE_RULE],
    ['tcp', '[fe80::1]:9100', PRIVATE_RULE],
    ['tcp', '[::ffff:127.0.0.1]:9100', PRIVATE_RULE],
    ['tcp', '8.8.8.8:9100', PRIVATE_RULE],
    [
      'tcp',
      'metadata.internal',
      /metadata.internal resolves to 169.254.169.254: .*private network/,
    ],
    ['tcp', 'split.example', /split.example resolves to 127.0.0.1/],
    ['tcp', 'nowhere.example:9100', /could not be resolved; use the printer's IP address/],
    ['device', '/dev/kmsg', /\/dev\/kmsg is not a printer device \(\/dev\/usb\/lpN or \/dev\/lpN/],
    ['device', '/dev/shm/yazici', /\/dev\/shm\/yazici is not a printer device/],
    ['device', '/dev/null', /\/dev\/null is not a printer device/],
    ['device', '/dev/sda', /\/dev\/sda is not a printer device/],
  ] as const)(
    'when an admin sets a %s printer at %s, then 400 validation names the address and the rule, and nothing is stored',
    async (transport, address, rule) => {
      const s = await start();
      const { agent } = await signedIn(s, 'admin');
      const before = s.app.configStore.read().printers.length;

      const res = await agent.post('/api/printers').send(newPrinter(transport, address));

      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'validation', field: 'address' });
      expect(res.body.error.message).toMatch(/^address: /);
      expect(res.body.error.message).toMatch(rule);
      expect(s.app.configStore.read().printers).toHaveLength(before);
    },
  );

  it.each([
    ['tcp', '192.168.1.50:9100'],
    ['tcp', '10.0.0.7:9105'],
    ['tcp', '172.20.4.9'],
    ['tcp', '[fd12::5]:9100'],
    ['tcp', 'kasa-yazici'],
    ['device', '/dev/usb/lp0'],
    ['device', '/dev/lp1'],
  ] as const)(
    'when an admin sets a %s printer at %s, then it is stored',
    async (transport, address) => {
      const { agent } = await signedIn(await start(), 'admin');
      const res = await agent.post('/api/printers').send(newPrinter(transport, address));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({ transport, address });
    },
  );

  it('when a printer is moved to a refused address, then 400 and it keeps its old one', async () => {
    const s = await start();
    const { agent } = await signedIn(s, 'admin');
    const created = await agent.post('/api/printers').send(newPrinter('tcp', '192.168.1.50'));
    expect(created.status).toBe(201);

    const moved = await agent
      .patch(`/api/printers/${created.body.id}`)
      .send({ transport: 'device', address: '/dev/kmsg' });

    expect(moved.status).toBe(400);
    expect(moved.body.error).toMatchObject({ code: 'validation', field: 'address' });
    expect(s.app.configStore.read().printers.find((p) => p.id === created.body.id)).toMatchObject({
      transport: 'tcp',
      address: '192.168.1.50',
    });
  });

  it('when the operator allow-lists loopback, a port and a path, then exactly those are accepted', async () => {
    const s = await start({
      printers: { lookup, allow: parsePrinterAllowList('127.0.0.1, /dev/ttyUSB0', '9100,6000') },
    });
    const { agent } = await signedIn(s, 'admin');
    const post = (t: 'tcp' | 'device', a: string) =>
      agent.post('/api/printers').send(newPrinter(t, a));

    expect((await post('tcp', '127.0.0.1:6000')).status).toBe(201);
    expect((await post('device', '/dev/ttyUSB0')).status).toBe(201);
    const otherPort = await post('tcp', '127.0.0.1:9101');
    expect(otherPort.body.error.message).toMatch(
      /port 9101 is not a printer port \(allowed: 9100, 6000\)/,
    );
    expect((await post('tcp', '[::1]:9100')).body.error.message).toMatch(PRIVATE_RULE);
  });

  describe('a config edited by hand (or from an older version) is checked again before each job', () => {
    /** Writes a printer straight into the config, as an editor or an old version would. */
    const handEdited = async (
      s: TestServer,
      transport: PrinterRecord['transport'],
      address: string,
    ) =>
      s.app.configStore.update((d) => {
        d.printers.push({
          id: 'p1',
          hallId: 'cankaya',
          name: 'Elle',
          transport,
          address,
          paperWidth: 80,
          codePage: 13,
        });
        d.devices.find((x) => x.kind === 'kiosk' && x.name === 'Test kiosk')!.printerId = 'p1';
      });
    const printerStatus = async (s: TestServer) =>
      (await (await signedIn(s, 'manager')).agent.get('/api/printers')).body[0];

    it('when the printer is a character device that is not a printer (/dev/null), then nothing is written and staff see why', async () => {
      const s = await start();
      await handEdited(s, 'device', '/dev/null');

      const res = await kiosk(s).issue('vezne');

      expect(res.status).toBe(201);
      expect(res.body.print).toBe('failed');
      expect(await printerStatus(s)).toMatchObject({
        online: false,
        lastError: expect.stringMatching(/refused: \/dev\/null is not a printer device/),
      });
    });

    it('when the printer is /dev/kmsg, then it is never opened', async () => {
      const s = await start();
      await handEdited(s, 'device', '/dev/kmsg');

      const res = await kiosk(s).issue('vezne');

      expect(res.body.print).toBe('failed');
      expect((await printerStatus(s)).lastError).toMatch(
        /refused: \/dev\/kmsg is not a printer device/,
      );
    });

    it('when the printer is a file outside /dev, then it is left as it was', async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'siramatik-printer-'));
      const file = path.join(dir, 'authorized_keys');
      await writeFile(file, 'ssh-ed25519 AAAA\n');
      const s = await start();
      await handEdited(s, 'device', file);

      expect((await kiosk(s).issue('vezne')).body.print).toBe('failed');

      expect(await readFile(file, 'utf8')).toBe('ssh-ed25519 AAAA\n');
    });

    it('when an allow-listed path turns out to be a plain file, then it is left as it was', async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'siramatik-printer-'));
      const file = path.join(dir, 'lp0');
      await writeFile(file, '');
      const s = await start({ printers: { lookup, allow: parsePrinterAllowList(file) } });
      await handEdited(s, 'device', file);

      expect((await kiosk(s).issue('vezne')).body.print).toBe('failed');

      expect(await readFile(file, 'utf8')).toBe('');
      expect((await printerStatus(s)).lastError).toMatch(/is not a character device/);
    });

    it('when a built-in printer path links to a device that is not a printer, then saving refuses it for the reason every job would', async () => {
      // Under /dev (a saved device path must be), in the one folder there a test may write.
      dir = await mkdtemp('/dev/shm/siramatik-printer-');
      const link = path.join(dir, 'lp0');
      await symlink('/dev/null', link);
      const s = await start();
      // A test cannot make /dev/lp0 a link: this path stands in for it, allowed by the built-in
      // rule rather than listed by the operator (so where it leads is checked).
      const policy = s.app.print.policy;
      const builtIn = policy.devicePathProblem.bind(policy);
      vi.spyOn(policy, 'devicePathProblem').mockImplementation((p) =>
        p === link ? null : builtIn(p),
      );
      const reason = `${link} leads to /dev/null, and /dev/null is not a printer device`;
      const { agent } = await signedIn(s, 'admin');

      const saved = await agent.post('/api/printers').send(newPrinter('device', link));
      await handEdited(s, 'device', link);
      const printed = await kiosk(s).issue('vezne');

      expect(saved.status).toBe(400);
      expect(saved.body.error).toMatchObject({ code: 'validation', field: 'address' });
      expect(saved.body.error.message).toContain(reason);
      expect(printed.body.print).toBe('failed');
      expect((await printerStatus(s)).lastError).toContain(`refused: ${reason}`);
    });

    it('when the printer is on loopback and not allow-listed, then no connection is made', async () => {
      fake = await startFakePrinter();
      const s = await start();
      await handEdited(s, 'tcp', fake.address);

      expect((await kiosk(s).issue('vezne')).body.print).toBe('failed');

      expect(fake.connections).toBe(0);
      expect((await printerStatus(s)).lastError).toMatch(
        /refused: .*not a printer port|refused: .*private network/,
      );
    });

    it('when a printer name resolves to a refused address, then no connection is made to it', async () => {
      fake = await startFakePrinter();
      const s = await start({
        printers: {
          allow: parsePrinterAllowList('', String(fake.port)),
          lookup: (host) => Promise.resolve(host === 'yazici.lan' ? ['127.0.0.1'] : []),
        },
      });
      await handEdited(s, 'tcp', `yazici.lan:${fake.port}`);

      expect((await kiosk(s).issue('vezne')).body.print).toBe('failed');

      expect(fake.connections).toBe(0);
      expect((await printerStatus(s)).lastError).toMatch(/yazici.lan resolves to 127.0.0.1/);
    });

    it('when the printer is allow-listed by the operator, then the ticket is printed', async () => {
      fake = await startFakePrinter();
      const s = await start({ printers: { lookup, allow: parsePrinterAllowList(fake.address) } });
      await handEdited(s, 'tcp', fake.address);

      expect((await kiosk(s).issue('vezne')).body.print).toBe('printed');
      expect(fake.jobs).toHaveLength(1);
    });
  });
});
