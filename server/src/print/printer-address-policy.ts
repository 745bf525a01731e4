import type { Stats } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { BlockList, isIP } from 'node:net';
import { endpointKey, familyOf, parseAddressEntry, plainIp } from '../net/address-entries.js';

/*
 * Where the server may send a printer's bytes. An admin types a printer's address, and every
 * kiosk ticket then writes there: without a rule, `169.254.169.254:80` (cloud metadata),
 * `127.0.0.1:6379` (Redis) or `/dev/kmsg` would be written to by every visitor. A printer is a
 * device on the hall's own network on a raw-printing port, or a local USB or parallel printer;
 * anything else must be listed by whoever runs the server (`PRINTER_ALLOW`, `PRINTER_PORTS`).
 */

/** The ports raw-printing servers listen on (9100 and the next ones on multi-port boxes). */
export const DEFAULT_PRINTER_PORTS: ReadonlyArray<readonly [number, number]> = [[9100, 9109]];

const PRIVATE_NETWORKS: Array<[string, number, 'ipv4' | 'ipv6']> = [
  ['10.0.0.0', 8, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['fc00::', 7, 'ipv6'],
];

/** What may be printed to besides the private networks and the local printer devices. */
export interface PrinterAllowList {
  /** Hosts and networks (IP, CIDR or a host name as written) allowed on the printer ports. */
  hosts: string[];
  /** Exact `host:port` endpoints allowed whatever their network and port. */
  endpoints: string[];
  /** Device paths allowed besides `/dev/usb/lpN` and `/dev/lpN` (character devices or FIFOs). */
  devices: string[];
  /** The TCP ports a printer may use. */
  ports: ReadonlyArray<readonly [number, number]>;
}

export const NO_EXTRA_PRINTERS: PrinterAllowList = {
  hosts: [],
  endpoints: [],
  devices: [],
  ports: DEFAULT_PRINTER_PORTS,
};

/**
 * Reads the operator's additions: `allow` is a comma-separated list of device paths
 * (`/dev/ttyUSB0`), hosts or networks (`127.0.0.1`, `100.64.0.0/10`, `printer.example`) and exact
 * endpoints (`127.0.0.1:9200`); `ports` replaces the printer ports (`9100-9109,515`). Throws a
 * message naming the bad entry.
 */
export function parsePrinterAllowList(allow = '', ports = ''): PrinterAllowList {
  const list: PrinterAllowList = { hosts: [], endpoints: [], devices: [], ports: [] };
  for (const raw of allow.split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    if (entry.startsWith('/')) {
      if (!/^\/[A-Za-z0-9._/-]+$/.test(entry) || /\/\.\.?(\/|$)/.test(entry))
        throw new Error(`PRINTER_ALLOW: "${entry}" is not a plain absolute device path`);
      list.devices.push(entry);
      continue;
    }
    const parsed = parseAddressEntry(entry, 'PRINTER_ALLOW', 'path, host, network or host:port');
    if ('endpoint' in parsed) list.endpoints.push(parsed.endpoint);
    else list.hosts.push(parsed.host);
  }
  for (const raw of ports.split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(entry);
    const from = Number(m?.[1]);
    const to = Number(m?.[2] ?? m?.[1]);
    if (!m || from < 1 || to > 65_535 || from > to)
      throw new Error(`PRINTER_PORTS: "${entry}" is not a port or a range such as 9100-9109`);
    list.ports = [...list.ports, [from, to]];
  }
  if (list.ports.length === 0) list.ports = DEFAULT_PRINTER_PORTS;
  return list;
}

/** Judges printer addresses against the built-in rule and the operator's allow list. */
export class PrinterAddressPolicy {
  private readonly networks = new BlockList();
  private readonly names: Set<string>;
  private readonly endpoints: Set<string>;

  constructor(readonly allow: PrinterAllowList = NO_EXTRA_PRINTERS) {
    for (const [net, bits, family] of PRIVATE_NETWORKS) this.networks.addSubnet(net, bits, family);
    this.names = new Set();
    for (const h of allow.hosts) {
      const [net, bits] = h.split('/');
      if (bits !== undefined) this.networks.addSubnet(net!, Number(bits), familyOf(net!));
      else if (isIP(plainIp(h))) this.networks.addAddress(plainIp(h), familyOf(plainIp(h)));
      else this.names.add(h.toLowerCase());
    }
    this.endpoints = new Set(allow.endpoints);
  }

  /** The printer ports in words (`9100–9109`). */
  portsText(): string {
    return this.allow.ports.map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`)).join(', ');
  }

  /**
   * Why `host:port` may not be printed to, or null when it may. A host name that is not listed
   * answers `'resolve'`: it is judged by the addresses it resolves to.
   */
  tcpProblem(host: string, port: number): string | null | 'resolve' {
    if (this.endpoints.has(endpointKey(host, port))) return null;
    const ip = plainIp(host);
    const listedName = !isIP(ip) && this.names.has(host.toLowerCase());
    if (!isIP(ip) && !listedName) return 'resolve';
    if (!this.allow.ports.some(([a, b]) => port >= a && port <= b))
      return `port ${port} is not a printer port (allowed: ${this.portsText()})`;
    if (listedName || this.networks.check(ip, familyOf(ip))) return null;
    return `${host} is not on a private network (10.x, 172.16–31.x, 192.168.x, fc00::/7); loopback, link-local and public addresses are refused unless listed in PRINTER_ALLOW`;
  }

  /** Why the device path may not be printed to, or null when it may (before looking at it). */
  devicePathProblem(path: string): string | null {
    if (/^\/dev\/(usb\/)?lp\d{1,3}$/.test(path) || this.allow.devices.includes(path)) return null;
    return `${path} is not a printer device (/dev/usb/lpN or /dev/lpN, or a path listed in PRINTER_ALLOW)`;
  }

  /**
   * A path the operator listed: it may also be a FIFO (a relay to a spooler) and may be a link
   * to elsewhere; the built-in printer paths may be neither.
   */
  listedDevice(path: string): boolean {
    return this.allow.devices.includes(path);
  }
}

/**
 * Where a device printer's bytes would go, judged once for saving a printer and for every job:
 * the path must be allowed, and so must the file it leads to, unless the operator listed the
 * path (a listed path may be a link anywhere, e.g. /dev/serial/by-id/…; /dev/usb/lp0 may not
 * lead to /dev/tty1). Answers the real path to open, or why not; rejects when the path cannot
 * be followed (ENOENT: an unplugged printer, fine to save, a failed job).
 */
export async function checkedDevicePath(
  policy: PrinterAddressPolicy,
  path: string,
): Promise<{ real: string } | { refused: string }> {
  const problem = policy.devicePathProblem(path);
  if (problem) return { refused: problem };
  const real = await realpath(path);
  const leads = real === path || policy.listedDevice(path) ? null : policy.devicePathProblem(real);
  return leads ? { refused: `${path} leads to ${real}, and ${leads}` } : { real };
}

/**
 * Why the file found at a device printer's `path` is not a printer, or null: it must be a
 * character device, or a FIFO (a relay to a spooler) at a path the operator listed.
 */
export function deviceFileProblem(
  policy: PrinterAddressPolicy,
  path: string,
  found: Stats,
): string | null {
  if (found.isCharacterDevice() || (found.isFIFO() && policy.listedDevice(path))) return null;
  return `${path} is not a character device`;
}

export type HostLookup = (host: string) => Promise<string[]>;

/**
 * The address to connect to for a printer at `host:port`, or a thrown reason. A host name is
 * resolved here and judged by its addresses, and the connection goes to the address that was
 * judged (a name that resolved elsewhere a moment later cannot slip through). With `every`
 * (when the address is saved) each address the name has must pass.
 */
export async function checkedTcpTarget(
  policy: PrinterAddressPolicy,
  host: string,
  port: number,
  lookup: HostLookup,
  every = false,
): Promise<string> {
  const direct = policy.tcpProblem(host, port);
  if (direct === null) return host;
  if (direct !== 'resolve') throw new Error(direct);
  const found = await lookup(host).catch(() => [] as string[]);
  if (found.length === 0)
    throw new Error(`${host} could not be resolved; use the printer's IP address`);
  const judged = found.map((ip) => ({ ip, problem: policy.tcpProblem(ip, port) }));
  const bad = judged.find((j) => j.problem !== null);
  const good = judged.find((j) => j.problem === null);
  if (good && !(every && bad)) return good.ip;
  throw new Error(`${host} resolves to ${bad!.ip}: ${String(bad!.problem)}`);
}
