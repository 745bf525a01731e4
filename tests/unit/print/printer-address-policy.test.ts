import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkedDevicePath,
  checkedTcpTarget,
  parsePrinterAllowList,
  PrinterAddressPolicy,
} from '../../../server/src/print/printer-address-policy.js';

const strict = new PrinterAddressPolicy();

describe('printer address policy', () => {
  it.each([
    ['10.1.2.3', 9100, null],
    ['172.31.255.1', 9109, null],
    ['192.168.0.9', 9100, null],
    ['fd00::1', 9100, null],
    ['::ffff:192.168.1.5', 9100, null],
    ['172.32.0.1', 9100, 'private network'],
    ['169.254.169.254', 9100, 'private network'],
    ['127.0.0.1', 9100, 'private network'],
    ['::ffff:127.0.0.1', 9100, 'private network'],
    ['::1', 9100, 'private network'],
    ['fe80::1', 9100, 'private network'],
    ['0.0.0.0', 9100, 'private network'],
    ['224.0.0.1', 9100, 'private network'],
    ['192.168.1.5', 9110, 'not a printer port'],
    ['192.168.1.5', 22, 'not a printer port'],
  ] as const)(
    'when a printer is at %s port %i, then the default rule says %s',
    (host, port, rule) => {
      const problem = strict.tcpProblem(host, port);
      if (rule === null) expect(problem).toBeNull();
      else expect(problem).toContain(rule);
    },
  );

  it.each([
    ['/dev/usb/lp0', true],
    ['/dev/usb/lp12', true],
    ['/dev/lp0', true],
    ['/dev/kmsg', false],
    ['/dev/shm/lp0', false],
    ['/dev/usb/lp0/../../kmsg', false],
    ['/dev/usb/lp', false],
    ['/dev/ttyUSB0', false],
  ] as const)('when a device printer is %s, then allowed is %s', (path, allowed) => {
    expect(strict.devicePathProblem(path) === null).toBe(allowed);
  });

  it('when the operator lists hosts, networks, endpoints, paths and ports, then exactly those are added', () => {
    const policy = new PrinterAddressPolicy(
      parsePrinterAllowList(
        ' 127.0.0.1 ,100.64.0.0/10,[::1]:631,printer.example,/dev/ttyUSB0',
        '9100-9102,515',
      ),
    );
    expect(policy.tcpProblem('127.0.0.1', 515)).toBeNull();
    expect(policy.tcpProblem('100.64.3.4', 9101)).toBeNull();
    expect(policy.tcpProblem('::1', 631)).toBeNull();
    expect(policy.tcpProblem('::1', 9100)).toContain('private network');
    expect(policy.tcpProblem('PRINTER.example', 9100)).toBeNull();
    expect(policy.tcpProblem('192.168.1.5', 9105)).toContain('allowed: 9100–9102, 515');
    expect(policy.devicePathProblem('/dev/ttyUSB0')).toBeNull();
    expect(policy.listedDevice('/dev/ttyUSB0')).toBe(true);
    expect(policy.listedDevice('/dev/usb/lp0')).toBe(false);
  });

  it.each([
    ['PRINTER_ALLOW', 'dev/lp0', ''],
    ['PRINTER_ALLOW', '/dev/../etc/passwd', ''],
    ['PRINTER_ALLOW', '10.0.0.0/33', ''],
    ['PRINTER_ALLOW', 'a b', ''],
    ['PRINTER_ALLOW', '10.0.0.1:0', ''],
    ['PRINTER_PORTS', '', '9109-9100'],
    ['PRINTER_PORTS', '', '70000'],
    ['PRINTER_PORTS', '', 'http'],
  ])('when %s has a bad entry (%s%s), then starting fails naming it', (name, allow, ports) => {
    expect(() => parsePrinterAllowList(allow, ports)).toThrow(new RegExp(`^${name}: "`));
  });

  it('when a name resolves, then the connection goes to an allowed address it resolved to', async () => {
    const lookup = () => Promise.resolve(['127.0.0.1', '192.168.1.7']);
    await expect(checkedTcpTarget(strict, 'yazici.lan', 9100, lookup)).resolves.toBe('192.168.1.7');
    await expect(checkedTcpTarget(strict, 'yazici.lan', 9100, lookup, true)).rejects.toThrow(
      /yazici.lan resolves to 127.0.0.1/,
    );
    await expect(checkedTcpTarget(strict, '192.168.1.7', 9100, lookup)).resolves.toBe(
      '192.168.1.7',
    );
  });

  it('when a device path is listed, then it may lead anywhere; unlisted, it is refused before the disk is read', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'siramatik-policy-'));
    try {
      const link = path.join(dir, 'by-id-printer');
      await symlink('/dev/null', link);
      const missing = path.join(dir, 'unplugged');
      const listed = new PrinterAddressPolicy(parsePrinterAllowList(`${link},${missing}`));

      await expect(checkedDevicePath(listed, link)).resolves.toEqual({ real: '/dev/null' });
      await expect(checkedDevicePath(strict, link)).resolves.toEqual({
        refused: expect.stringContaining(`${link} is not a printer device`),
      });
      await expect(checkedDevicePath(listed, missing)).rejects.toThrow(/ENOENT/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
