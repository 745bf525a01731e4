import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kiosk, signedIn } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe('concurrent counters', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.dispose();
  });

  const openAll = async (counters: string[]) =>
    Promise.all(
      counters.map(async (id) => {
        const { agent } = await signedIn(server, 'clerk');
        await agent.post(`/api/counters/${id}/open`).send({});
        return { id, agent };
      }),
    );

  it('when three counters call next at once on two tickets, then two get distinct tickets and one hears queue-empty', async () => {
    const clerks = await openAll(['banko-1', 'banko-2', 'banko-3']);
    await kiosk(server).issue('vezne');
    await kiosk(server).issue('vezne');
    const replies = await Promise.all(
      clerks.map((c) => c.agent.post(`/api/counters/${c.id}/call-next`).send({})),
    );
    const called = replies.filter((r) => r.status === 200).map((r) => r.body.ticket.number);
    expect(called.sort()).toEqual(['V001', 'V002']);
    expect(replies.filter((r) => r.status === 409).map((r) => r.body.error.code)).toEqual([
      'queue-empty',
    ]);
  });

  it('when many tickets are issued and called at the same time, then no ticket goes to two counters and numbers are contiguous', async () => {
    const clerks = await openAll(['banko-1', 'banko-2', 'banko-3']);
    const issued = await Promise.all(
      Array.from({ length: 40 }, () => kiosk(server).issue('vezne')),
    );
    expect(issued.every((r) => r.status === 201)).toBe(true);
    const numbers = issued.map((r) => r.body.number).sort();
    expect(numbers).toEqual(
      Array.from({ length: 40 }, (_, i) => `V${String(i + 1).padStart(3, '0')}`),
    );

    const seen: string[] = [];
    await Promise.all(
      clerks.map(async ({ id, agent }) => {
        for (;;) {
          const r = await agent.post(`/api/counters/${id}/call-next`).send({});
          if (r.status === 409) break;
          seen.push(r.body.ticket.number);
          await agent.post(`/api/counters/${id}/no-show`).send({});
        }
      }),
    );
    expect(seen).toHaveLength(40);
    expect(new Set(seen).size).toBe(40);
  });
});
