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
const SPAN = [{ from: '09:00', to: '12:00' }];

/** Vezne takes bookings every day 09:00–12:00, 30-minute slots, one place each. */
function bookableConfig() {
  const data = defaultConfig();
  data.halls[0]!.booking = {
    checkInEarlyMinutes: 15,
    checkInLateMinutes: 10,
    horizonDays: 30,
    leadMinutes: 30,
    maxPerContact: 20,
    closedDays: [],
    retentionDays: 30,
  };
  data.services.find((s) => s.id === 'vezne')!.booking = {
    enabled: true,
    hours: { mon: SPAN, tue: SPAN, wed: SPAN, thu: SPAN, fri: SPAN, sat: SPAN, sun: SPAN },
    slotMinutes: 30,
    perSlot: 1,
  };
  return data;
}

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
  const numbers = () =>
    receiver.received
      .filter((r) => r.body.type === 'ticket.issued')
      .map((r) => r.body.data.number as string);
  const book = async (node: ClusterNode, time: string) => {
    const days = await request<{ days: Array<{ day: string; closed: string | null }> }>(
      node.url,
      'GET',
      `/api/halls/${HALL}/booking/days?serviceId=vezne`,
    );
    // Tomorrow or later: every slot of it is still bookable, whatever the time of the run.
    const day = days.body.days.slice(1).find((d) => d.closed === null)!.day;
    const r = await request<{ id: string }>(
      node.url,
      'POST',
      `/api/halls/${HALL}/bookings`,
      {},
      {
        serviceId: 'vezne',
        day,
        time,
        name: 'Ayşe Yılmaz',
      },
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return time;
  };
  const bookedTimes = () =>
    receiver.received
      .filter((r) => r.body.type === 'booking.made')
      .map((r) => r.body.data.time as string);

  beforeAll(async () => {
    schema = await freshSchema();
    receiver = await Receiver.start();
    const seed = await openPostgresStore(schema.url, {
      log: () => undefined,
      initialConfig: bookableConfig,
    });
    kioskKey = (await addDevice(seed.config, { kind: 'kiosk', hallId: HALL, name: 'K' }, 0)).key;
    await seed.config.update((d) => {
      d.webhooks = [
        {
          id: 'cagri-merkezi',
          hallId: HALL,
          name: 'Çağrı merkezi',
          url: receiver.url,
          events: WEBHOOK_EVENT_TYPES.filter(
            (t) => t === 'ticket.issued' || t === 'booking.made',
          ) as WebhookEventType[],
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

  it('when tickets are issued and bookings made on both nodes, then each event reaches the endpoint once, in order, signed', async () => {
    const issued: string[] = [];
    // One node holds the lease (tried every 5 s) and delivers what both journalled: each event
    // arrives before the next is made, so one made on the other node is seen on its own.
    for (let i = 0; i < 6; i += 1) {
      const number = await issue(i % 2 === 0 ? a : b);
      issued.push(number);
      await eventually(async () => numbers().includes(number), 20_000);
    }
    // Bookings too: the ledger of the other node is followed through its notices.
    for (const [i, time] of ['09:00', '09:30'].entries()) {
      await book(i === 0 ? a : b, time);
      await eventually(async () => bookedTimes().includes(time), 20_000);
    }
    await new Promise((r) => setTimeout(r, 1_500));
    expect(numbers()).toEqual(issued);
    expect(bookedTimes()).toEqual(['09:00', '09:30']);
    expect(new Set(receiver.ids()).size).toBe(issued.length + 2);
    for (const r of receiver.received) expect(r.verified).toBe(true);
  });

  it('when the delivering node is killed, then the other takes over from the stored cursor and nothing is lost', async () => {
    const before = numbers().length;
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
    await eventually(async () => numbers().length >= before + issued.length, 30_000);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(numbers().slice(before)).toEqual(issued);
    expect(new Set(receiver.ids()).size).toBe(receiver.received.length);
  }, 60_000);
});
