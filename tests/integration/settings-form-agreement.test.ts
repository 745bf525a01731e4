import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SettingsView } from '../../contract/settings.js';
import {
  counterProblems,
  deviceProblems,
  hallProblems,
  normalisePrefix,
  normaliseUsername,
  printerProblems,
  serviceProblems,
  userProblems,
  type CounterDraft,
  type HallDraft,
  type PrinterDraft,
  type Problems,
  type ServiceDraft,
  type UserDraft,
} from '../../manager/src/state/settings-validation.js';
import { signedIn } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * The manager's forms and the server judge a settings input alike: each row goes through the
 * form's check (with the hall's current lists, as the form has them) and is then sent as the
 * form sends it. Either both accept it, or both refuse it naming the same field. Rows run in
 * order against one server, so an accepted row may make a later one a clash (a prefix taken).
 */
describe('settings forms and server agree', () => {
  let server: TestServer;
  let agent: Awaited<ReturnType<typeof signedIn>>['agent'];
  let adminName: string;
  beforeAll(async () => {
    server = await startTestServer();
    const admin = await signedIn(server, 'admin');
    agent = admin.agent;
    adminName = admin.user.username;
  });
  afterAll(() => server.dispose());

  const settings = async () => (await agent.get('/api/settings')).body as SettingsView;

  /** Both accept, or the server's refusal names the one field the form marks. */
  const agree = async (
    problems: Problems,
    send: () => Promise<{ status: number; body: { error?: { field?: string } } }>,
  ) => {
    const res = await send();
    const fields = Object.keys(problems);
    if (fields.length === 0) expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    else {
      expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(fields).toEqual([res.body.error?.field]);
    }
    return fields;
  };

  const hall: HallDraft = {
    name: 'Çankaya Belediyesi',
    timeZone: 'Europe/Istanbul',
    priorityRatio: 2,
    escalationMinutes: 30,
    noShowGraceMinutes: 5,
    noteRetentionDays: 90,
    whenNoCounterOpen: 'issue',
    smsNotifyAhead: null,
  };
  it.each<[string, Partial<HallDraft>, string[]]>([
    ['right', {}, []],
    ['a blank name', { name: '   ' }, ['name']],
    ['a name of 81 letters', { name: 'a'.repeat(81) }, ['name']],
    ['a name with a control character', { name: 'Salon\u0007' }, ['name']],
    ['a zone that is no IANA name', { timeZone: 'Istanbul' }, ['timeZone']],
    ['an offset for a zone', { timeZone: '+03:00' }, ['timeZone']],
    ['a zone in lower case', { timeZone: 'europe/istanbul' }, []],
    ['a fractional ratio', { priorityRatio: 1.5 }, ['priorityRatio']],
    ['a ratio of 11', { priorityRatio: 11 }, ['priorityRatio']],
    ['no escalation limit', { escalationMinutes: NaN }, ['escalationMinutes']],
    ['an escalation limit of 0', { escalationMinutes: 0 }, ['escalationMinutes']],
    ['a grace of 61 minutes', { noShowGraceMinutes: 61 }, ['noShowGraceMinutes']],
    ['notes kept 3651 days', { noteRetentionDays: 3651 }, ['noteRetentionDays']],
    ['an SMS with 3 people ahead', { smsNotifyAhead: 3 }, []],
    ['an SMS with 0 people ahead', { smsNotifyAhead: 0 }, ['smsNotifyAhead']],
    ['an SMS with 21 people ahead', { smsNotifyAhead: 21 }, ['smsNotifyAhead']],
    ['an SMS with 2.5 people ahead', { smsNotifyAhead: 2.5 }, ['smsNotifyAhead']],
    [
      'notes kept 3650 days and tickets refused',
      { noteRetentionDays: 3650, whenNoCounterOpen: 'refuse' },
      [],
    ],
  ])('hall settings with %s: form and server agree', async (_what, change, fields) => {
    const d = { ...hall, ...change };
    const problems = hallProblems(d);
    expect(
      await agree(problems, () =>
        // NaN is what an emptied number input gives; JSON sends it as null.
        agent.patch('/api/halls/cankaya').send({ ...d, timeZone: d.timeZone.trim() }),
      ),
    ).toEqual(fields);
  });

  const service: ServiceDraft = {
    nameTr: 'Nikah İşleri',
    nameEn: 'Marriages',
    prefix: 'n',
    targetMinutes: 10,
    active: true,
  };
  it.each<[string, Partial<ServiceDraft>, string[]]>([
    ['right, a lower-case prefix', {}, []],
    ['the prefix just used', { prefix: 'N' }, ['prefix']],
    ['a Turkish dotted i as prefix, taken by İmar', { prefix: 'i' }, ['prefix']],
    ['two Turkish letters', { prefix: 'şğ' }, []],
    ['a digit in the prefix', { prefix: 'X1' }, ['prefix']],
    ['three letters', { prefix: 'ABC' }, ['prefix']],
    ['no prefix', { prefix: ' ' }, ['prefix']],
    ['no Turkish name', { nameTr: '', prefix: 'Z' }, ['name.tr']],
    ['an English name of 61 letters', { nameEn: 'x'.repeat(61), prefix: 'Z' }, ['name.en']],
    ['a fractional target', { targetMinutes: 2.5, prefix: 'Z' }, ['targetMinutes']],
    ['a target of 121 minutes', { targetMinutes: 121, prefix: 'Z' }, ['targetMinutes']],
    ['a target of 120 minutes', { targetMinutes: 120, prefix: 'Z' }, []],
  ])('a new service with %s: form and server agree', async (_what, change, fields) => {
    const d = { ...service, ...change };
    const problems = serviceProblems(d, (await settings()).services, null);
    const body = {
      name: { tr: d.nameTr.trim(), en: d.nameEn.trim() },
      prefix: normalisePrefix(d.prefix),
      targetMinutes: d.targetMinutes,
      active: d.active,
    };
    expect(await agree(problems, () => agent.post('/api/services').send(body))).toEqual(fields);
  });

  it.each<[string, Partial<CounterDraft>, string[]]>([
    ['right', {}, []],
    ['the number just used', {}, ['number']],
    ['number 0', { number: 0 }, ['number']],
    ['number 1000', { number: 1000 }, ['number']],
    ['a fractional number', { number: 7.5 }, ['number']],
    ['no name', { number: 8, name: ' ' }, ['name']],
    ['no service', { number: 8, services: [] }, ['services']],
    ['a weight of 0', { number: 8, services: 'weight 0' as never }, ['services.1.weight']],
    ['a weight of 11', { number: 8, services: 'weight 11' as never }, ['services.1.weight']],
    ['a weight of 0.1', { number: 8, services: 'weight 0.1' as never }, []],
  ])('a new counter with %s: form and server agree', async (_what, change, fields) => {
    const now = await settings();
    const [a, b] = now.services.map((s) => s.id);
    const weighted = (w: number) => [
      { serviceId: a!, weight: 1 },
      { serviceId: b!, weight: w },
    ];
    const services =
      typeof change.services === 'string'
        ? weighted(Number(/[\d.]+$/.exec(change.services)![0]))
        : (change.services ?? [{ serviceId: a!, weight: 1 }]);
    const d: CounterDraft = { number: 7, name: 'Banko 7', ...change, services };
    const problems = counterProblems(d, now.counters, null);
    const body = { ...d, name: d.name.trim() };
    expect(await agree(problems, () => agent.post('/api/counters').send(body))).toEqual(fields);
  });

  it.each<[string, Partial<UserDraft>, string[]]>([
    ['right', {}, []],
    // Folded the invariant way, as the server does: a Turkish fold would give `kadır`.
    ['capitals with an I', { username: 'KADIR' }, []],
    ['the name of the signed-in admin', { username: 'ADMIN-OF-TEST' }, ['username']],
    ['a Turkish letter', { username: 'şule' }, ['username']],
    ['one letter', { username: 'a' }, ['username']],
    ['33 letters', { username: 'a'.repeat(33) }, ['username']],
    ['no user name', { username: ' ' }, ['username']],
    ['no display name', { username: 'mehmet', displayName: '' }, ['displayName']],
    [
      'an invisible character in the display name',
      { username: 'mehmet', displayName: 'Meh\u200Bmet' },
      ['displayName'],
    ],
  ])('a new user with %s: form and server agree', async (_what, change, fields) => {
    const now = await settings();
    const d: UserDraft = {
      username: 'ayse.yilmaz',
      displayName: 'Ayşe Yılmaz',
      role: 'clerk',
      ...change,
    };
    if (d.username === 'ADMIN-OF-TEST') d.username = adminName.toUpperCase();
    const problems = userProblems(
      d,
      now.users.map((u) => u.username),
    );
    const body = {
      ...d,
      username: normaliseUsername(d.username),
      displayName: d.displayName.trim(),
    };
    expect(await agree(problems, () => agent.post('/api/users').send(body))).toEqual(fields);
  });

  it.each<[string, string, string[]]>([
    ['a name', 'Giriş kioskı', []],
    ['a blank name', '  ', ['name']],
    ['a name of 61 letters', 'k'.repeat(61), ['name']],
  ])('a new device with %s: form and server agree', async (_what, name, fields) => {
    const problems = deviceProblems({ name });
    expect(
      await agree(problems, () =>
        agent.post('/api/devices').send({ kind: 'kiosk', name: name.trim() }),
      ),
    ).toEqual(fields);
  });

  const printer: PrinterDraft = {
    name: 'Giriş yazıcısı',
    transport: 'tcp',
    address: '192.168.1.50',
    paperWidth: 80,
    codePage: 13,
  };
  it.each<[string, Partial<PrinterDraft>, string[]]>([
    ['a host', {}, []],
    ['a host and port', { address: '192.168.1.50:9100' }, []],
    ['a port past 65535', { address: '192.168.1.50:99999' }, ['address']],
    ['a host with a space', { address: 'yazici 1' }, ['address']],
    ['no tcp address', { address: '' }, ['address']],
    ['a device path', { transport: 'device', address: '/dev/usb/lp0' }, []],
    [
      'a device path that climbs',
      { transport: 'device', address: '/dev/../etc/passwd' },
      ['address'],
    ],
    [
      'a device path with a double slash',
      { transport: 'device', address: '/dev//usb/lp0' },
      ['address'],
    ],
    ['a device path ending in a slash', { transport: 'device', address: '/dev/usb/' }, ['address']],
    ['a path outside /dev', { transport: 'device', address: '/tmp/lp0' }, ['address']],
    ['no transport and an address', { transport: 'none', address: 'x' }, ['address']],
    ['no transport and no address', { transport: 'none', address: '' }, []],
    ['code page 256', { codePage: 256 }, ['codePage']],
    ['a fractional code page', { codePage: 1.5 }, ['codePage']],
    ['no name', { name: '' }, ['name']],
  ])('a new printer with %s: form and server agree', async (_what, change, fields) => {
    const d = { ...printer, ...change };
    const input = { ...d, name: d.name.trim(), address: d.address.trim() };
    const problems = printerProblems(input);
    expect(await agree(problems, () => agent.post('/api/printers').send(input))).toEqual(fields);
  });
});
