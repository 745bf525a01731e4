import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express, { type Request } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssuedTicket } from '../../contract/api.js';
import type { Actor } from '../../server/src/auth/actor.js';
import type { ConfigData, UserRecord } from '../../server/src/config/config-data.js';
import { defaultConfig } from '../../server/src/config/default-config.js';
import type { RouteDeps } from '../../server/src/http/deps.js';
import { mountRoutes } from '../../server/src/http/route.js';
import { statsRoutes } from '../../server/src/http/stats-routes.js';
import { QueueService, type CounterCommand } from '../../server/src/queue/queue-service.js';
import { StatsService } from '../../server/src/stats/stats-service.js';
import { openEmbeddedStore } from '../../server/src/store/embedded/open-embedded-store.js';
import type { Store } from '../../server/src/store/store.js';

const HALL = 'cankaya';
const MON = '2024-05-06';
/** Wall-clock time in Istanbul (UTC+3) on Monday 2024-05-06 + `dayOffset`. */
const local = (hh: number, mm: number, ss = 0, dayOffset = 0) =>
  Date.UTC(2024, 4, 6 + dayOffset, hh - 3, mm, ss);

const user = (id: string, role: UserRecord['role']): UserRecord => ({
  id,
  username: id,
  displayName: id,
  role,
  hallId: HALL,
  passwordHash: 'unused',
  active: true,
  createdAt: 0,
});

function config(): ConfigData {
  const c = defaultConfig();
  c.users = [user('sukru', 'clerk'), user('mudur', 'manager')];
  return c;
}

describe('wait estimates recorded at issue and reported to the manager', () => {
  let dir: string;
  let store: Store;
  let queues: QueueService;
  let app: express.Express;
  let now = local(9, 0);
  let codes = 0;
  const issued: IssuedTicket[] = [];

  const at = async <T>(time: number, work: () => Promise<{ ok: boolean; value?: T }>) => {
    now = time;
    const r = await work();
    if (!r.ok) throw new Error(`arrange failed: ${JSON.stringify(r)}`);
    return r.value as T;
  };
  const issue = async (time: number) =>
    issued.push(
      await at(time, () => queues.issue(HALL, { serviceId: 'vezne', priority: null, lang: 'tr' })),
    );
  const desk = (time: number, command: CounterCommand) =>
    at(time, () =>
      queues.counterCommand('banko-1', { userId: 'sukru', mayOverride: false }, command),
    );
  const as = (userId: string) => ({ 'x-test-user': userId });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'siramatik-estimates-'));
    store = await openEmbeddedStore(dir, { log: () => undefined, initialConfig: config });
    queues = new QueueService({
      store,
      now: () => now,
      log: () => undefined,
      publicUrl: 'http://127.0.0.1',
      newTicketCode: () => `code${String(++codes).padStart(20, '0')}`,
    });
    await queues.start();

    // V001 finds banko 1 free (told: no wait) and is called 30 s later. V002 comes a minute
    // into V001's visit: told the 3 minutes left of it, called 4 minutes later.
    await desk(local(9, 0), { type: 'open' });
    await issue(local(9, 0));
    await desk(local(9, 0, 30), { type: 'call-next' });
    await desk(local(9, 1), { type: 'start' });
    await issue(local(9, 2));
    // The queue's timer samples what V002's phone page shows (3 minutes) at 9:03; at 9:05 it
    // is too soon for the next round. V002 is called 3 minutes after the sample.
    now = local(9, 3);
    await queues.checkRollover();
    now = local(9, 5);
    await queues.checkRollover();
    await desk(local(9, 6), { type: 'complete', outcome: 'resolved', note: null });
    await desk(local(9, 6), { type: 'call-next' });
    // The day closes: the report reads it from its summary, not the journal.
    now = local(0, 1, 0, 1);
    await queues.checkRollover();

    const stats = new StatsService({
      journal: store.journal,
      summaries: store.summaries,
      hallConfig: (id) => queues.hallConfig(id),
      liveDay: (id) => queues.hall(id)?.state.day,
      clerkName: queues.clerkDisplayName,
      now: () => now,
      log: () => undefined,
    });
    const actorOf = (req: Request): Actor => {
      const found = store.config.read().users.find((u) => u.id === req.headers['x-test-user']);
      return found ? { kind: 'user', user: found, sessionIdHash: 'test' } : { kind: 'anonymous' };
    };
    const deps = { queues, now: () => now, actorOf } as unknown as RouteDeps;
    const api = express.Router();
    mountRoutes(api, statsRoutes({ ...deps, stats }), { actorOf, queues });
    app = express().use('/api', api);
  });

  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('when tickets are issued, then the estimate the visitor is told is the one journalled', async () => {
    const { events } = await store.journal.read(HALL, MON);
    const recorded = events.flatMap((e) => (e.type === 'ticket:issued' ? [e.estimate] : []));

    expect(issued.map((t) => t.estimate)).toEqual([
      { kind: 'minutes', minutes: 0 },
      { kind: 'minutes', minutes: 3 },
    ]);
    expect(recorded).toEqual(issued.map((t) => t.estimate));
  });

  it("when the queue's timer runs while someone waits, then one round records what the phone page showed", async () => {
    const { events } = await store.journal.read(HALL, MON);
    const samples = events.filter((e) => e.type === 'estimates:sampled');

    expect(samples).toEqual([
      {
        hallId: HALL,
        at: local(9, 3),
        rev: expect.any(Number),
        type: 'estimates:sampled',
        estimates: { [`${HALL}-${MON}-V002`]: { kind: 'minutes', minutes: 3 } },
      },
    ]);
  });

  it('when the manager asks for the accuracy of the day, then each promise is set against the wait that followed', async () => {
    const res = await request(app)
      .get(`/api/stats/estimates?from=${MON}&to=${MON}`)
      .set(as('mudur'));

    expect(res.status).toBe(200);
    // V001: told 0, waited 0.5 min; V002: told 3, waited 4 min.
    const total = {
      promised: 2,
      called: 2,
      medianAbsErrorMinutes: 0.75,
      within2: 1,
      within5: 1,
      medianErrorMinutes: 0.75,
      waitedLonger: 0,
      waitedLess: 0,
    };
    // Shown at 9:03 on V002's phone: 3 minutes; called at 9:06, 3 minutes later.
    const shown = {
      promised: 1,
      called: 1,
      medianAbsErrorMinutes: 0,
      within2: 1,
      within5: 1,
      medianErrorMinutes: 0,
      waitedLonger: 0,
      waitedLess: 0,
    };
    expect(res.body).toEqual({
      hallId: HALL,
      from: MON,
      to: MON,
      total,
      byService: [{ key: 'vezne', ...total }],
      byHour: [{ key: '9', ...total }],
      shown: {
        total: shown,
        byService: [{ key: 'vezne', ...shown }],
        byHour: [{ key: '9', ...shown }],
      },
    });
  });

  it('when a clerk or nobody asks, then it is 403 or 401; a reversed range is 400', async () => {
    const url = `/api/stats/estimates?from=${MON}&to=${MON}`;

    expect((await request(app).get(url).set(as('sukru'))).status).toBe(403);
    expect((await request(app).get(url)).status).toBe(401);
    const reversed = await request(app)
      .get(`/api/stats/estimates?from=${MON}&to=2024-05-01`)
      .set(as('mudur'));
    expect(reversed.status).toBe(400);
  });
});
