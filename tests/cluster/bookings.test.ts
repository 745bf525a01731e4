import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../server/src/config/default-config.js';
import { openPostgresStore } from '../../server/src/store/postgres/open-postgres-store.js';
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

describe('appointments on two server processes sharing one PostgreSQL', () => {
  let schema: TestSchema;
  let a: ClusterNode;
  let b: ClusterNode;
  let day = '';
  const balancer = new Balancer();
  const redisPrefix = uniqueName('sm-test');

  const book = (node: ClusterNode, time: string, name: string) =>
    request<{ code: string; error?: { code: string } }>(
      node.url,
      'POST',
      `/api/halls/${HALL}/bookings`,
      {},
      { serviceId: 'vezne', day, time, name },
    );
  const freeTimes = async (node: ClusterNode) =>
    (
      await request<{ slots: Array<{ time: string }> }>(
        node.url,
        'GET',
        `/api/halls/${HALL}/booking/slots?serviceId=vezne&day=${day}`,
      )
    ).body.slots.map((s) => s.time);

  beforeAll(async () => {
    schema = await freshSchema();
    const seed = await openPostgresStore(schema.url, {
      log: () => undefined,
      initialConfig: bookableConfig,
    });
    await seed.close();
    [a, b] = await startNodePair(schema, balancer, redisPrefix);
    const days = await request<{ days: Array<{ day: string; closed: string | null }> }>(
      a.url,
      'GET',
      `/api/halls/${HALL}/booking/days?serviceId=vezne`,
    );
    expect(days.status).toBe(200);
    // Tomorrow or later: every slot of it is still bookable, whatever the time of the run.
    day = days.body.days.slice(1).find((d) => d.closed === null)!.day;
  }, 60_000);

  afterAll(async () => {
    await stopNodePair({ sockets: [], nodes: [a, b], balancer, schema, redisPrefix });
  });

  it('when both nodes book the last place of a slot at once, then one gets it and the other 409 slot-full', async () => {
    for (const time of ['09:00', '09:30']) {
      const replies = await Promise.all([book(a, time, 'Ayşe Yılmaz'), book(b, time, 'Can Demir')]);
      expect(replies.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(replies.find((r) => r.status === 409)!.body.error!.code).toBe('slot-full');
    }
    await eventually(async () => !(await freeTimes(b)).includes('09:30'));
  });

  it('when a booking is made on node A, then node B shows it and can cancel it, and A frees the place', async () => {
    const made = await book(a, '10:00', 'Ayşe Yılmaz');
    expect(made.status).toBe(201);
    const seen = await request<{ time: string }>(b.url, 'GET', `/api/bookings/${made.body.code}`);
    expect(seen.status).toBe(200);
    expect(seen.body.time).toBe('10:00');
    const cancelled = await request<{ status: string }>(
      b.url,
      'POST',
      `/api/bookings/${made.body.code}/cancel`,
    );
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    await eventually(async () => (await freeTimes(a)).includes('10:00'));
  });
});
