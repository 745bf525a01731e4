import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssuedTicket } from '../../contract/api.js';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../../contract/webhooks.js';
import { addDevice } from '../../server/src/auth/users.js';
import { defaultConfig } from '../../server/src/config/default-config.js';
import { openPostgresStore } from '../../server/src/store/postgres/open-postgres-store.js';
import { Receiver } from '../integration/webhooks-support.js';
import { Balancer } from './balancer.js';
import { eventually, freshSchema, uniqueName, type TestSchema } from './cluster-support.js';
import { request, type ClusterNode } from './cluster-node.js';
import { startNodePair, stopNodePair } from './node-pair.js';

const HALL = 'cankaya';

describe('webhooks from two server processes sharing one PostgreSQL', () => {
  let schema: TestSchema;
  let a: ClusterNode;
  let b: ClusterNode;
  let receiver: Receiver;
  let kioskKey = '';
  const balancer = new Balancer();
  const redisPrefix = uniqueName('sm-test');
  const allowBefore = process.env.WEBHOOK_ALLOW;

  const issue = async (node: ClusterNode) => {
    const r = await request<IssuedTicket>(
      node.url,
      'POST',
      `/api/halls/${HALL}/tickets`,
      { Authorization: `Bearer ${kioskKey}` },
      { serviceId: 'vezne' },
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.number;
  };
  /** The numbers of the tickets whose `ticket.issued` arrived, in arrival order. */
  const numbers = () => receiver.received.map((r) => r.body.data.number as string);

  beforeAll(async () => {
    schema = await freshSchema();
    receiver = await Receiver.start();
    const seed = await openPostgresStore(schema.url, {
      log: () => undefined,
      initialConfig: defaultConfig,
    });
    kioskKey = (await addDevice(seed.config, { kind: 'kiosk', hallId: HALL, name: 'K' }, 0)).key;
    await seed.config.update((d) => {
      d.webhooks = [
        {
          id: 'cagri-merkezi',
          hallId: HALL,
          name: 'Çağrı merkezi',
          url: receiver.url,
          events: WEBHOOK_EVENT_TYPES.filter((t) => t === 'ticket.issued') as WebhookEventType[],
          personalData: false,
          active: true,
          secret: receiver.secret,
          createdAt: Date.now(),
        },
      ];
    });
    await seed.close();
    // The nodes read it at start (the receiver is on this machine's loopback).
    process.env.WEBHOOK_ALLOW = '127.0.0.1';
    [a, b] = await startNodePair(schema, balancer, redisPrefix);
  }, 60_000);

  afterAll(async () => {
    if (allowBefore === undefined) delete process.env.WEBHOOK_ALLOW;
    else process.env.WEBHOOK_ALLOW = allowBefore;
    await stopNodePair({ sockets: [], nodes: [a, b], balancer, schema, redisPrefix });
    await receiver.close();
  });

  it('when tickets are issued on both nodes, then each event reaches the endpoint once, in order, signed', async () => {
    const issued: string[] = [];
    // One node holds the lease (tried every 5 s) and delivers what both journalled: each event
    // arrives before the next is made, so one made on the other node is seen on its own.
    for (let i = 0; i < 6; i += 1) {
      const number = await issue(i % 2 === 0 ? a : b);
      issued.push(number);
      await eventually(async () => numbers().includes(number), 20_000);
    }
    await new Promise((r) => setTimeout(r, 1_500));
    expect(numbers()).toEqual(issued);
    expect(new Set(receiver.ids()).size).toBe(issued.length);
    for (const r of receiver.received) expect(r.verified).toBe(true);
  });

  it('when the delivering node is killed, then the other takes over from the stored cursor and nothing is lost', async () => {
    const before = receiver.received.length;
    // Which node delivers? With A frozen, an event still arriving says B.
    a.child.kill('SIGSTOP');
    const probe = await issue(b);
    const bDelivers = await eventually(async () => numbers().includes(probe), 4_000).then(
      () => true,
      () => false,
    );
    if (bDelivers) a.child.kill('SIGCONT');
    const [dying, staying] = bDelivers ? [b, a] : [a, b];
    dying.child.kill('SIGKILL');
    await dying.exited;
    const issued = [probe, await issue(staying), await issue(staying)];
    await eventually(async () => receiver.received.length >= before + issued.length, 30_000);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(numbers().slice(before)).toEqual(issued);
    expect(new Set(receiver.ids()).size).toBe(receiver.received.length);
  }, 60_000);
});
