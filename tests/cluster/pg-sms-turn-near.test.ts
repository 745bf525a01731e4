import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssuedTicket } from '../../contract/api.js';
import type { RevEvent } from '../../contract/events.js';
import { addDevice, addUser } from '../../server/src/auth/users.js';
import { defaultConfig } from '../../server/src/config/default-config.js';
import { openPostgresStore } from '../../server/src/store/postgres/open-postgres-store.js';
import { Balancer } from './balancer.js';
import { eventually, freshSchema, sql, uniqueName, type TestSchema } from './cluster-support.js';
import { request, type ClusterNode } from './cluster-node.js';
import { startNodePair, stopNodePair } from './node-pair.js';

/*
 * Both servers of a hall look for visitors whose turn nears after every batch, their own and the
 * other's: they race to journal `ticket:turn-near`, the revision lets one win, and the loser
 * decides again and finds it done. So each requesting visitor is told once.
 */

const HALL = 'cankaya';

describe('SMS when the turn nears on two servers', () => {
  let schema: TestSchema;
  let a: ClusterNode;
  let b: ClusterNode;
  const balancer = new Balancer();
  const redisPrefix = uniqueName('sm-sms');
  let kioskKey = '';
  const clerks: { counterId: string; node: ClusterNode; cookie: string }[] = [];

  beforeAll(async () => {
    schema = await freshSchema();
    const seed = await openPostgresStore(schema.url, {
      log: () => undefined,
      initialConfig: defaultConfig,
    });
    const now = Date.now();
    kioskKey = (await addDevice(seed.config, { kind: 'kiosk', hallId: HALL, name: 'k' }, now)).key;
    await addUser(seed.config, { username: 'admin', role: 'admin', hallId: HALL }, now);
    const accounts = [];
    for (const n of [1, 2]) {
      const user = { username: `banko${n}`, role: 'clerk' as const, hallId: HALL };
      accounts.push({ n, ...user, password: (await addUser(seed.config, user, now)).password });
    }
    await seed.config.update((d) => {
      d.halls.find((h) => h.id === HALL)!.smsNotifyAhead = 3;
    });
    await seed.close();
    [a, b] = await startNodePair(schema, balancer, redisPrefix);
    // Counters 1 and 2 both serve vezne: one clerk on each server.
    for (const account of accounts) {
      const node = account.n === 1 ? a : b;
      const { username, password } = account;
      const login = await request(node.url, 'POST', '/api/auth/login', {}, { username, password });
      expect(login.status).toBe(200);
      clerks.push({ counterId: `banko-${account.n}`, node, cookie: login.cookie! });
    }
  });
  afterAll(() => stopNodePair({ sockets: [], nodes: [a, b], balancer, schema, redisPrefix }));

  it('when clerks on both servers call while visitors on both ask for an SMS, then each is told exactly once', async () => {
    const tickets: IssuedTicket[] = [];
    for (let i = 0; i < 12; i++) {
      const node = i % 2 === 0 ? a : b;
      const r = await request<IssuedTicket>(
        node.url,
        'POST',
        `/api/halls/${HALL}/tickets`,
        { Authorization: `Bearer ${kioskKey}` },
        { serviceId: 'vezne' },
      );
      expect(r.status).toBe(201);
      tickets.push(r.body);
    }
    // Every visitor from the fifth on asks, half on each server.
    const asking = tickets.slice(4);
    for (const [i, t] of asking.entries()) {
      const r = await request(
        (i % 2 === 0 ? a : b).url,
        'POST',
        `/api/tickets/${t.code}/sms`,
        {},
        {
          phone: '0532 123 45 67',
          consent: true,
        },
      );
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    const act = (c: (typeof clerks)[number], action: string, body: unknown = {}) =>
      request(
        c.node.url,
        'POST',
        `/api/counters/${c.counterId}/${action}`,
        { Cookie: c.cookie },
        body,
      );
    for (const c of clerks) expect((await act(c, 'open')).status).toBe(200);
    // Both counters work the line at once until it is empty.
    await Promise.all(
      clerks.map(async (c) => {
        for (;;) {
          const called = await act(c, 'call-next');
          if (called.status !== 200) break;
          expect((await act(c, 'start')).status).toBe(200);
          expect((await act(c, 'complete', { outcome: 'resolved' })).status).toBe(200);
        }
      }),
    );
    const journal = async () =>
      (
        await sql<{ payload: RevEvent }>(
          schema.url,
          "SELECT payload FROM events WHERE hall_id = $1 AND type = 'ticket:turn-near' ORDER BY rev",
          [HALL],
        )
      ).map((r) => r.payload);
    await eventually(async () => (await journal()).length >= asking.length);
    // Both servers have seen every batch: a second turn-near would be in by now.
    await new Promise((r) => setTimeout(r, 500));
    const told = (await journal()).map((e) => ('ticketId' in e ? e.ticketId : '')).sort();
    expect(told).toEqual(asking.map((t) => t.id).sort());
  });
});
