import { describe, expect, it } from 'vitest';
import {
  checkedWebhookTarget,
  parseWebhookAllowList,
  WebhookAddressPolicy,
  type HostLookup,
} from '../../../server/src/webhooks/webhook-address-policy.js';

const strict = new WebhookAddressPolicy();
const noLookup: HostLookup = () => Promise.reject(new Error('no lookup expected'));
const resolvesTo =
  (...ips: string[]): HostLookup =>
  () =>
    Promise.resolve(ips);

describe('webhook address policy', () => {
  it.each([
    ['10.1.2.3', null],
    ['172.16.0.1', null],
    ['192.168.1.5', null],
    ['fd00::1', null],
    ['8.8.8.8', null],
    ['2a00:1450:4001::1', null],
    ['::ffff:8.8.8.8', null],
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['169.254.169.254', 'link-local'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['::127.0.0.1', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['example.org', 'not an IP address'],
    // Cloud metadata inside otherwise allowed ranges: AWS IPv6 (and its DNS/NTP), Alibaba.
    ['fd00:ec2::254', 'cloud metadata'],
    ['fd00:ec2::23', 'cloud metadata'],
    ['fd00:ec3::254', null],
    ['fd20:ce::254', 'cloud metadata'],
    ['100.100.100.200', 'cloud metadata'],
    ['100.100.100.201', null],
    // NAT64 and 6to4 are judged by the IPv4 address they embed.
    ['64:ff9b::a9fe:a9fe', 'link-local'],
    ['64:ff9b::169.254.169.254', 'link-local'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['64:ff9b::6464:64c8', 'cloud metadata'],
    ['64:ff9b::808:808', null],
    ['2002:7f00:1::', 'loopback'],
    ['2002:a9fe:a9fe:1:2:3:4:5', 'link-local'],
    ['2002:e000:1::1', 'multicast'],
    ['2002:808:808::1', null],
  ] as const)('when a receiver is at %s, then the built-in rule says %s', (ip, rule) => {
    const problem = strict.problem(ip, 443);
    if (rule === null) expect(problem).toBeNull();
    else expect(problem).toContain(rule);
  });

  it('when the operator lists hosts, networks and endpoints, then exactly those are added', () => {
    const policy = new WebhookAddressPolicy(
      parseWebhookAllowList(' 127.0.0.1 ,169.254.0.0/16,[::1]:8080,Hooks.Local , 127.0.0.2:9000'),
    );
    expect(policy.problem('127.0.0.1', 1)).toBeNull();
    expect(policy.problem('::ffff:127.0.0.1', 80)).toBeNull();
    expect(policy.problem('169.254.169.254', 80)).toBeNull();
    expect(policy.problem('::1', 8080)).toBeNull();
    expect(policy.problem('::1', 8081)).toContain('loopback');
    expect(policy.problem('127.0.0.2', 9000)).toBeNull();
    expect(policy.problem('127.0.0.2', 9001)).toContain('loopback');
    expect(policy.problem('127.0.0.3', 80)).toContain('WEBHOOK_ALLOW');
    expect(policy.listedName('hooks.local.', 1)).toBe(true);
    expect(policy.listedName('other.local', 1)).toBe(false);
  });

  it('when the operator lists a metadata, NAT64 or 6to4 address or the IPv4 it embeds, then it passes', () => {
    const policy = new WebhookAddressPolicy(
      parseWebhookAllowList('fd00:ec2::254,100.100.100.200,64:ff9b::7f00:1,169.254.0.0/16'),
    );
    for (const ip of [
      'fd00:ec2::254',
      '100.100.100.200',
      '64:ff9b::7f00:1',
      '64:ff9b::a9fe:a9fe',
      '2002:a9fe:a9fe::',
    ])
      expect(policy.problem(ip, 80), ip).toBeNull();
    expect(policy.problem('fd00:ec2::23', 80)).toContain('cloud metadata');
    expect(policy.problem('2002:7f00:1::', 80)).toContain('loopback');
  });

  it.each(['10.0.0.0/33', 'a b', '10.0.0.1:0', '10.0.0.1:70000', 'http://x', '/dev/lp0', '-x'])(
    'when WEBHOOK_ALLOW has a bad entry (%s), then reading it fails naming it',
    (entry) => {
      expect(() => parseWebhookAllowList(`127.0.0.1,${entry}`)).toThrow(
        new RegExp(`^WEBHOOK_ALLOW: "${entry.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}"`),
      );
    },
  );

  it.each([
    ['http://127.0.0.1/hook', 'loopback'],
    ['http://2130706433/', 'loopback'],
    ['http://0177.0.0.1/', 'loopback'],
    ['http://0x7f.1/', 'loopback'],
    ['http://0x7f000001/', 'loopback'],
    ['http://127.000.000.001/', 'loopback'],
    ['http://127.0.0.1./', 'loopback'],
    ['http://127.1:8080/', 'loopback'],
    ['http://[::1]/', 'loopback'],
    ['http://[::ffff:127.0.0.1]/', 'loopback'],
    ['https://[::ffff:169.254.169.254]/', 'link-local'],
    ['http://169.254.169.254/latest/meta-data/', 'link-local'],
    ['http://0.0.0.0:3000/', 'unspecified'],
    ['http://[::]/', 'unspecified'],
    ['http://localhost:3000/', 'this server'],
    ['http://LOCALHOST./', 'this server'],
    ['http://api.localhost/', 'this server'],
    ['http://[64:ff9b::a9fe:a9fe]/', '169.254.169.254'],
    ['http://[2002:a9fe:a9fe::]/', 'link-local'],
    ['http://[fd00:ec2::254]/latest/meta-data/', 'cloud metadata'],
    ['http://100.100.100.200/latest/meta-data/', 'cloud metadata'],
  ])('when a URL is %s, then it is refused as %s without any lookup', async (url, rule) => {
    const refusal = checkedWebhookTarget(strict, url, noLookup);
    await expect(refusal).rejects.toThrow(/^address not allowed: /);
    await expect(refusal).rejects.toThrow(rule);
  });

  it.each([
    ['ftp://example.org/', 'only http'],
    ['http://user:pw@example.org/', 'user name'],
    ['http://example.org/#x', 'fragment'],
    ['example.org/hook', 'not a URL'],
  ])('when a URL is %s, then its shape is refused', async (url, why) => {
    await expect(checkedWebhookTarget(strict, url, noLookup)).rejects.toThrow(why);
  });

  it('when a public or private IP URL is given, then it is the address, with its family', async () => {
    const v4 = await checkedWebhookTarget(strict, 'https://10.0.0.7:8443/in?x=1', noLookup);
    expect(v4).toMatchObject({ address: '10.0.0.7', family: 4 });
    expect(v4.url.href).toBe('https://10.0.0.7:8443/in?x=1');
    const v6 = await checkedWebhookTarget(strict, 'http://[2001:db8::5]/in', noLookup);
    expect(v6).toMatchObject({ address: '2001:db8::5', family: 6 });
  });

  it('when a host name resolves to a loopback or metadata address, then it is refused', async () => {
    await expect(
      checkedWebhookTarget(strict, 'https://evil.example/', resolvesTo('127.0.0.1')),
    ).rejects.toThrow(
      'address not allowed: evil.example resolves to 127.0.0.1: 127.0.0.1 is a loopback',
    );
    await expect(
      checkedWebhookTarget(strict, 'https://evil.example/', resolvesTo('169.254.169.254')),
    ).rejects.toThrow('link-local');
  });

  it('when a name has a good and a bad address, then delivery uses the good one and saving refuses it', async () => {
    const lookup = resolvesTo('127.0.0.1', '203.0.113.9');
    const target = await checkedWebhookTarget(strict, 'https://mixed.example/', lookup);
    expect(target).toMatchObject({ address: '203.0.113.9', family: 4 });
    expect(target.url.hostname).toBe('mixed.example');
    await expect(
      checkedWebhookTarget(strict, 'https://mixed.example/', lookup, true),
    ).rejects.toThrow('resolves to 127.0.0.1');
  });

  it('when a name does not resolve, then the reason says so', async () => {
    await expect(
      checkedWebhookTarget(strict, 'https://nowhere.example/', resolvesTo()),
    ).rejects.toThrow('nowhere.example could not be resolved');
    await expect(
      checkedWebhookTarget(strict, 'https://nowhere.example/', noLookup),
    ).rejects.toThrow('could not be resolved');
  });

  it('when localhost is listed, then it is resolved and used', async () => {
    const policy = new WebhookAddressPolicy(parseWebhookAllowList('localhost'));
    const target = await checkedWebhookTarget(policy, 'http://localhost:3000/', resolvesTo('::1'));
    expect(target).toMatchObject({ address: '::1', family: 6 });
    const byPort = new WebhookAddressPolicy(parseWebhookAllowList('localhost:3000'));
    await expect(
      checkedWebhookTarget(byPort, 'http://localhost:3000/', resolvesTo('127.0.0.1')),
    ).resolves.toMatchObject({ address: '127.0.0.1' });
    await expect(
      checkedWebhookTarget(byPort, 'http://localhost:3001/', resolvesTo('127.0.0.1')),
    ).rejects.toThrow('this server');
  });

  it('when the allow list names 127.0.0.1, then decimal and mapped spellings of it pass too', async () => {
    const policy = new WebhookAddressPolicy(parseWebhookAllowList('127.0.0.1'));
    for (const url of [
      'http://127.0.0.1:9/',
      'http://2130706433:9/',
      'http://[::ffff:127.0.0.1]:9/',
    ])
      await expect(checkedWebhookTarget(policy, url, noLookup)).resolves.toBeTruthy();
    await expect(checkedWebhookTarget(policy, 'http://127.0.0.2/', noLookup)).rejects.toThrow(
      'loopback',
    );
  });
});
