import { lookup as dnsLookup } from 'node:dns/promises';
import type { PrinterRecord } from '../config/config-data.js';
import { DeviceTransport } from './device-transport.js';
import { PrinterAddressPolicy, type HostLookup } from './printer-address-policy.js';
import { TcpTransport } from './tcp-transport.js';
import type { PrinterTransport } from './transport.js';

export interface TransportTimeouts {
  /** TCP: time to establish the connection. */
  connectMs: number;
  /** TCP: time for the printer to take the job; device file: time for open, write and close. */
  writeMs: number;
}

export const DEFAULT_TIMEOUTS: TransportTimeouts = { connectMs: 3_000, writeMs: 5_000 };

/** No printer: the job is discarded (the kiosk shows the ticket on screen instead). */
export const noneTransport: PrinterTransport = {
  kind: 'none',
  send: () => Promise.resolve(),
};

/** `host:port` (port 9100 when left out; IPv6 in brackets: `[fe80::1]:9100`). */
export function parseTcpAddress(address: string): { host: string; port: number } {
  const m = /^(?:\[([^\]\s]+)\]|([^:\s]+))(?::(\d{1,5}))?$/.exec(address.trim());
  const host = m?.[1] ?? m?.[2];
  const port = m?.[3] === undefined ? 9100 : Number(m[3]);
  if (!host || port < 1 || port > 65_535) throw new Error(`bad printer address "${address}"`);
  return { host, port };
}

/** Every address a host name has, through the system resolver (as a connection would). */
export const systemLookup: HostLookup = async (host) =>
  (await dnsLookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * The transport a printer record describes; it refuses, at each job, an address `policy` does
 * not allow. Throws on a malformed TCP address.
 */
export function createTransport(
  printer: PrinterRecord,
  timeouts: TransportTimeouts = DEFAULT_TIMEOUTS,
  policy: PrinterAddressPolicy = new PrinterAddressPolicy(),
  lookup: HostLookup = systemLookup,
): PrinterTransport {
  switch (printer.transport) {
    case 'tcp': {
      const { host, port } = parseTcpAddress(printer.address);
      return new TcpTransport({ host, port, ...timeouts, policy, lookup });
    }
    case 'device':
      return new DeviceTransport({ path: printer.address, timeoutMs: timeouts.writeMs, policy });
    case 'none':
      return noneTransport;
  }
}
