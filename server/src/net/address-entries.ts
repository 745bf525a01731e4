import { isIP } from 'node:net';

/*
 * The operator's allow-list entries for outgoing connections (PRINTER_ALLOW, WEBHOOK_ALLOW):
 * one syntax for both, read here once. An entry is a host (IP or name), a network (CIDR) or an
 * exact `host:port` / `[v6]:port` endpoint.
 */

export type IpFamily = 'ipv4' | 'ipv6';

export const familyOf = (ip: string): IpFamily => (isIP(ip) === 6 ? 'ipv6' : 'ipv4');

/** `::ffff:10.0.0.5` is 10.0.0.5: judged as IPv4, so the mapping is no way around a rule. */
export const plainIp = (ip: string): string => /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1] ?? ip;

/** How an endpoint entry and a connection's `host:port` are compared. */
export const endpointKey = (host: string, port: number): string =>
  `${isIP(plainIp(host)) ? plainIp(host) : host.toLowerCase()}:${port}`;

/** `host:port`, `[v6]:port`, or a bare host; null when not one of those. */
function splitEndpoint(entry: string): { host: string; port: number | null } | null {
  const m = /^(?:\[([^\]\s]+)\]|([^:\s[\]]+))(?::(\d{1,5}))?$/.exec(entry);
  const host = m?.[1] ?? m?.[2];
  if (!m || !host) return isIP(entry) === 6 ? { host: entry, port: null } : null;
  if (!isIP(host) && !/^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(host)) return null;
  return { host, port: m[3] === undefined ? null : Number(m[3]) };
}

/**
 * One trimmed, non-empty entry of `envName`: a host or network (kept as written) or an exact
 * endpoint (kept as its `endpointKey`). Throws a message naming the variable and the entry;
 * `expected` says what the variable takes ("host, network or host:port").
 */
export function parseAddressEntry(
  entry: string,
  envName: string,
  expected: string,
): { host: string } | { endpoint: string } {
  const cidr = /^([^/\s]+)\/(\d{1,3})$/.exec(entry);
  if (cidr) {
    const bits = Number(cidr[2]);
    if (!isIP(cidr[1]!) || bits > (isIP(cidr[1]!) === 6 ? 128 : 32))
      throw new Error(`${envName}: "${entry}" is not a network such as 10.20.0.0/16`);
    return { host: entry };
  }
  const e = splitEndpoint(entry);
  if (!e || (e.port !== null && (e.port < 1 || e.port > 65_535)))
    throw new Error(`${envName}: "${entry}" is not a ${expected}`);
  return e.port === null ? { host: e.host } : { endpoint: endpointKey(e.host, e.port) };
}
