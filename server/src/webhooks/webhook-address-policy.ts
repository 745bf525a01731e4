import { BlockList, isIP } from 'node:net';
import { webhookUrlProblem } from '../../../contract/webhooks.js';
import { endpointKey, familyOf, parseAddressEntry } from '../net/address-entries.js';
import type { HostLookup } from '../print/printer-address-policy.js';

/*
 * Where the server may POST a webhook. An admin types the URL, and every event of the hall is
 * then sent there: without a rule, `http://169.254.169.254/` (cloud metadata) or
 * `http://127.0.0.1:6379/` (Redis) would receive a request from the server at every event.
 * Unlike a printer, a receiver may be anywhere (the municipality's own systems on a private
 * network, an SMS provider on the internet), so the rule refuses only the addresses that lead
 * back into the server itself or nowhere: loopback, link-local, unspecified, multicast and
 * broadcast, in every form (the URL parser turns `2130706433` and `0177.0.0.1` into
 * `127.0.0.1`, and `[::ffff:127.0.0.1]`, NAT64 `[64:ff9b::7f00:1]` and 6to4 `[2002:7f00:1::]`
 * are judged as the IPv4 address they lead to), and cloud metadata addresses that lie in
 * otherwise allowed ranges. Whoever runs the server lists exceptions in `WEBHOOK_ALLOW`.
 */

export type { HostLookup };

/** What may be posted to besides the addresses the built-in rule allows. */
export interface WebhookAllowList {
  /** Hosts and networks (IP, CIDR or a host name as written) allowed on every port. */
  hosts: string[];
  /** Exact `host:port` endpoints allowed. */
  endpoints: string[];
}

export const NO_EXTRA_WEBHOOK_TARGETS: WebhookAllowList = { hosts: [], endpoints: [] };

/** The refused ranges and what to call them in a refusal. */
const REFUSED: Array<[net: string, bits: number, family: 'ipv4' | 'ipv6', what: string]> = [
  ['127.0.0.0', 8, 'ipv4', 'a loopback address'],
  ['::1', 128, 'ipv6', 'a loopback address'],
  ['169.254.0.0', 16, 'ipv4', 'a link-local address (cloud metadata lives there)'],
  ['fe80::', 10, 'ipv6', 'a link-local address'],
  // 0.0.0.0 and the rest of "this network": Linux connects 0.0.0.0 to the host itself.
  ['0.0.0.0', 8, 'ipv4', 'an unspecified address'],
  // `::` and `::1`, and the deprecated IPv4-compatible `::a.b.c.d` form.
  ['::', 96, 'ipv6', 'an unspecified address'],
  ['224.0.0.0', 4, 'ipv4', 'a multicast address'],
  ['ff00::', 8, 'ipv6', 'a multicast address'],
  // Reserved ("class E"), ending with the broadcast address 255.255.255.255.
  ['240.0.0.0', 4, 'ipv4', 'a broadcast or reserved address'],
  // Cloud metadata inside ranges otherwise allowed. AWS keeps its instance services (metadata
  // ::254, DNS, time) in fd00:ec2::/32 and none of them is a receiver; a private network's own
  // fd… prefix is random (RFC 4193), so it meets this one only by a rare chance.
  ['fd00:ec2::', 32, 'ipv6', 'a cloud metadata address (AWS)'],
  ['fd20:ce::254', 128, 'ipv6', 'a cloud metadata address (Google Cloud)'],
  ['100.100.100.200', 32, 'ipv4', 'a cloud metadata address (Alibaba Cloud)'],
];

/** The eight 16-bit groups of an IPv6 address already checked by `isIP`. */
function ipv6Groups(ip: string): number[] {
  let text = ip.replace(/%.*$/, '');
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const groups = (part: string | undefined) =>
    part ? part.split(':').map((h) => parseInt(h, 16)) : [];
  if (tail === undefined) return groups(head);
  const before = groups(head);
  const after = groups(tail);
  return [...before, ...Array<number>(8 - before.length - after.length).fill(0), ...after];
}

/**
 * The IPv4 address a NAT64 (`64:ff9b::/96`, last 32 bits) or 6to4 (`2002::/16`, bits 16–47)
 * address leads to, or null: such an address is judged as that IPv4 address too.
 */
export function embeddedIpv4(ip: string): string | null {
  if (isIP(ip) !== 6) return null;
  const g = ipv6Groups(ip);
  const nat64 = g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0);
  const at = nat64 ? 6 : g[0] === 0x2002 ? 1 : -1;
  if (at < 0) return null;
  const [hi, lo] = [g[at]!, g[at + 1]!];
  return [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff].join('.');
}

const ENTRY_KINDS = 'host, network or host:port';

/**
 * Reads `WEBHOOK_ALLOW`: a comma-separated list of hosts or networks (`127.0.0.1`,
 * `10.20.0.0/16`, `localhost`, `[::1]`) and exact endpoints (`127.0.0.1:8080`). Throws a message
 * naming the bad entry.
 */
export function parseWebhookAllowList(allow = ''): WebhookAllowList {
  const list: WebhookAllowList = { hosts: [], endpoints: [] };
  for (const raw of allow.split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    const parsed = parseAddressEntry(entry, 'WEBHOOK_ALLOW', ENTRY_KINDS);
    if ('endpoint' in parsed) list.endpoints.push(parsed.endpoint);
    else list.hosts.push(parsed.host);
  }
  return list;
}

/** A host name as compared: lower case, without the root dot (`LocalHost.` is `localhost`). */
const nameKey = (host: string) => host.toLowerCase().replace(/\.$/, '');

/** Judges receiver addresses against the built-in rule and the operator's allow list. */
export class WebhookAddressPolicy {
  private readonly refused: Array<[BlockList, string]> = [];
  private readonly listed = new BlockList();
  private readonly names = new Set<string>();
  private readonly endpoints: Set<string>;

  constructor(readonly allow: WebhookAllowList = NO_EXTRA_WEBHOOK_TARGETS) {
    for (const [net, bits, family, what] of REFUSED) {
      const range = new BlockList();
      range.addSubnet(net, bits, family);
      this.refused.push([range, what]);
    }
    for (const h of allow.hosts) {
      const [net, bits] = h.split('/');
      if (bits !== undefined) this.listed.addSubnet(net!, Number(bits), familyOf(net!));
      else if (isIP(h)) this.listed.addAddress(h, familyOf(h));
      else this.names.add(nameKey(h));
    }
    this.endpoints = new Set(allow.endpoints);
  }

  /**
   * Why a request to `ip:port` is refused, or null when it may go. An IPv4-mapped IPv6 address
   * is judged as the IPv4 address it maps to (node's BlockList matches it against both), a
   * NAT64 or 6to4 one as the IPv4 address it embeds.
   */
  problem(ip: string, port: number): string | null {
    if (!isIP(ip)) return `${ip} is not an IP address`;
    const inner = embeddedIpv4(ip);
    for (const each of inner ? [ip, inner] : [ip]) {
      if (this.endpoints.has(endpointKey(each, port))) return null;
      if (this.listed.check(each, familyOf(each))) return null;
    }
    const hitOf = (a: string) => this.refused.find(([range]) => range.check(a, familyOf(a)));
    const hit = hitOf(ip);
    if (hit) return `${ip} is ${hit[1]}; refused unless listed in WEBHOOK_ALLOW`;
    const innerHit = inner ? hitOf(inner) : undefined;
    if (!innerHit) return null;
    return `${ip} leads to ${inner}, ${innerHit[1]}; refused unless listed in WEBHOOK_ALLOW`;
  }

  /** The operator listed this host name (or `name:port`): whatever it resolves to may be used. */
  listedName(host: string, port: number): boolean {
    return this.names.has(nameKey(host)) || this.endpoints.has(endpointKey(nameKey(host), port));
  }
}

/** Where one delivery goes: the URL as parsed, and the judged address to connect to. */
export interface WebhookTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

/** A refusal by the address rule, told apart from a failed lookup by its message. */
const refused = (why: string) => new Error(`address not allowed: ${why}`);

/**
 * The URL parsed, and the address a delivery to it connects to, or a thrown reason in plain
 * words ("address not allowed: …", "… could not be resolved"). The host is judged as the URL
 * parser reads it (so `http://2130706433/` is 127.0.0.1); a host name is resolved here and
 * judged by its addresses, and the request must then go to the address answered (DNS
 * rebinding cannot slip another in). With `every` (when the URL is saved) each address the
 * name has must pass; at delivery one good address is enough.
 */
export async function checkedWebhookTarget(
  policy: WebhookAddressPolicy,
  url: string,
  lookup: HostLookup,
  every = false,
): Promise<WebhookTarget> {
  const shape = webhookUrlProblem(url);
  if (shape) throw new Error(shape);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('not a URL (https://… or http://…)');
  }
  const port = Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80));
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  const at = (address: string): WebhookTarget => ({
    url: parsed,
    address,
    family: isIP(address) === 6 ? 6 : 4,
  });
  if (isIP(host)) {
    const problem = policy.problem(host, port);
    if (problem) throw refused(problem);
    return at(host);
  }
  const listed = policy.listedName(host, port);
  if (!listed && /(^|\.)localhost$/.test(nameKey(host)))
    throw refused(`${host} is this server; refused unless listed in WEBHOOK_ALLOW`);
  const found = (await lookup(host).catch(() => [] as string[])).filter((ip) => isIP(ip));
  if (found.length === 0) throw new Error(`${host} could not be resolved`);
  if (listed) return at(found[0]!);
  const judged = found.map((ip) => ({ ip, problem: policy.problem(ip, port) }));
  const bad = judged.find((j) => j.problem !== null);
  const good = judged.find((j) => j.problem === null);
  if (good && !(every && bad)) return at(good.ip);
  throw refused(`${host} resolves to ${bad!.ip}: ${bad!.problem}`);
}
