import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntryView } from '../../contract/settings.js';
import { signedIn } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { VEZNE_BOOKING } from './bookings-support.js';

const HALL_RULES = {
  checkInEarlyMinutes: 15,
  checkInLateMinutes: 10,
  horizonDays: 60,
  leadMinutes: 30,
  maxPerContact: 3,
  closedDays: [],
  retentionDays: 30,
};

describe('appointment settings in the audit log', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.dispose();
    server = undefined;
  });

  it('when an admin changes a service’s and the hall’s appointment rules, then each entry keeps its target even after the service’s prefix changes', async () => {
    server = await startTestServer();
    const { agent } = await signedIn(server, 'admin');
    expect((await agent.put('/api/services/vezne/booking').send(VEZNE_BOOKING)).status).toBe(200);
    expect((await agent.put('/api/halls/cankaya/booking-settings').send(HALL_RULES)).status).toBe(
      200,
    );
    // The detail says "service V appointments: …": once V is W, only a stored target finds Vezne.
    expect((await agent.patch('/api/services/vezne').send({ prefix: 'W' })).status).toBe(200);

    const audit = (await agent.get('/api/audit')).body as AuditEntryView[];
    const of = (action: string) => audit.find((e) => e.action === action)!;

    expect(of('service.booking')).toMatchObject({
      targetId: 'vezne',
      targetName: 'Vezne',
      detail: expect.stringMatching(/^service V appointments: enabled false → true, /),
    });
    expect(of('hall.booking')).toMatchObject({
      targetId: 'cankaya',
      detail: 'hall cankaya appointments: horizonDays 30 → 60',
    });
    const stored = server.app.configStore.read().audit.map((e) => [e.action, e.targetId]);
    expect(stored).toEqual(
      expect.arrayContaining([
        ['service.booking', 'vezne'],
        ['hall.booking', 'cankaya'],
      ]),
    );
  });
});
