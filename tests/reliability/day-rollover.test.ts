import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DisplaySnapshot, StaffSnapshot, TicketStatusView } from '../../contract/index.js';
import type { RevEvent } from '../../contract/events.js';
import { createApp } from '../../server/src/app.js';
import { addDevice } from '../../server/src/auth/users.js';
import { defaultConfig } from '../../server/src/config/default-config.js';
import { localDay } from '../../server/src/domain/index.js';
import {
  openEmbeddedStore,
  type JournalFileSystem,
} from '../../server/src/store/embedded/open-embedded-store.js';
import { readDaySummary } from '../support/day-summary.js';
import { kiosk, signedIn } from '../support/http.js';
import {
  collect,
  connect,
  next,
  until,
  type DisplayClient,
  type StaffClient,
  type TicketClient,
} from '../support/sockets.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const ZONE = 'Europe/Istanbul';
const HALL = 'cankaya';

/**
 * The next local midnight in Istanbul (UTC+3 all year, so 21:00 UTC) after the real clock.
 * The fake clock starts a minute before it: sessions, which the store ages by the real clock,
 * stay valid, and the hall's day turns over when the test says so.
 */
function nextIstanbulMidnight(): number {
  const now = Date.now();
  const m = new Date(now);
  m.setUTCHours(21, 0, 0, 0);
  return m.getTime() > now ? m.getTime() : m.getTime() + 86_400_000;
}

describe('day rollover at local midnight (Europe/Istanbul) with a fake clock', () => {
  let server: TestServer;
  let clock: number;
  let midnight: number;
  let lastDay: string;
  let newDay: string;
  const logs: string[] = [];
  const sockets: Array<{ close: () => void }> = [];
  const track = <T extends { close: () => void }>(s: T) => (sockets.push(s), s);

  beforeEach(async () => {
    midnight = nextIstanbulMidnight();
    clock = midnight - 60_000;
    lastDay = localDay(clock, ZONE);
    newDay = localDay(midnight, ZONE);
    logs.length = 0;
    server = await startTestServer({ now: () => clock, log: (m) => logs.push(m) });
  });
  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.close());
    await server.dispose();
  });

  const summaryFile = (day: string) => path.join(server.dataDir, 'days', HALL, `${day}.json`);
  const journal = async (day: string) =>
    (await readFile(path.join(server.dataDir, 'journal', HALL, `${day}.jsonl`), 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as RevEvent);

  /**
   * 23:59: V001 done, V002 serving at banko-3, V003 called at banko-1, V004 and R001 waiting,
   * banko-4 paused. Returns the waiting V004's status code.
   */
  async function busyEvening() {
    const a = await signedIn(server, 'clerk');
    const b = await signedIn(server, 'clerk');
    const c = await signedIn(server, 'clerk');
    const post = (who: typeof a, counter: string, action: string, body: object = {}) =>
      who.agent
        .post(`/api/counters/${counter}/${action}`)
        .send(body)
        .then((r) => expect(r.status, JSON.stringify(r.body)).toBe(200));
    await post(a, 'banko-1', 'open');
    await post(b, 'banko-3', 'open');
    await post(c, 'banko-4', 'open');
    const issued = [];
    for (const s of ['vezne', 'vezne', 'vezne', 'vezne', 'ruhsat'])
      issued.push((await kiosk(server).issue(s)).body as { number: string; code: string });
    expect(issued.map((t) => t.number)).toEqual(['V001', 'V002', 'V003', 'V004', 'R001']);
    await post(b, 'banko-3', 'call', { number: 'V001' });
    await post(b, 'banko-3', 'start');
    await post(b, 'banko-3', 'complete', { outcome: 'resolved' });
    await post(b, 'banko-3', 'call', { number: 'V002' });
    await post(b, 'banko-3', 'start');
    await post(a, 'banko-1', 'call', { number: 'V003' });
    await post(c, 'banko-4', 'pause', { reason: 'break' });
    return { clerk: a, waitingCode: issued[3]!.code, calledCode: issued[2]!.code };
  }

  /** The closed day: summary with every ticket, open ones cancelled by day-end, counters closed. */
  async function expectDayClosed(day: string, closedAt: number) {
    const summary = await readDaySummary(server.dataDir, HALL, day);
    expect(summary).toMatchObject({ version: 3, hallId: HALL, day, closedAt });
    const byNumber = new Map(summary.decoded.map((r) => [r.number, r]));
    expect([...byNumber.keys()].sort()).toEqual(['R001', 'V001', 'V002', 'V003', 'V004']);
    expect(byNumber.get('V001')).toMatchObject({ end: 'completed', outcome: 'resolved' });
    for (const n of ['V002', 'V003', 'V004', 'R001'])
      expect(byNumber.get(n), n).toMatchObject({ end: 'cancelled', cancelledBy: 'day-end' });
    const events = await journal(day);
    expect(summary.lastRev).toBe(events.at(-1)!.rev);
    const closed = events.filter((e) => e.type === 'counter:closed').map((e) => e.counterId);
    expect(closed.sort()).toEqual(['banko-1', 'banko-3', 'banko-4']);
    expect(events.filter((e) => e.type === 'ticket:cancelled')).toHaveLength(4);
  }

  it('when the clock passes local midnight and the rollover check runs, then the day is summarised, open tickets are cancelled by day-end, counters close, clients get fresh snapshots and numbering restarts at V001', async () => {
    const { clerk, waitingCode, calledCode } = await busyEvening();
    const display = track(
      connect<DisplayClient>(server.url, '/display', { auth: { key: server.displayKey } }),
    );
    const staff = track(connect<StaffClient>(server.url, '/counter', { cookie: clerk.cookie }));
    const phone = track(
      connect<TicketClient>(server.url, '/ticket', { auth: { code: waitingCode } }),
    );
    await next(display, 'queue:snapshot');
    await next(staff, 'queue:snapshot');
    await next<TicketStatusView>(phone, 'ticket:status');
    const displaySnaps = collect<DisplaySnapshot>(display, 'queue:snapshot');
    const staffSnaps = collect<StaffSnapshot>(staff, 'queue:snapshot');

    clock = midnight + 5_000;
    await server.app.queues.checkRollover();

    await expectDayClosed(lastDay, midnight + 5_000);
    const q = server.app.queues.hall(HALL)!;
    expect(q.state).toMatchObject({ day: newDay, rev: 0 });
    expect(q.state.tickets.size).toBe(0);
    // Every client is told: a fresh, empty snapshot of the new day; phone pages of old tickets end.
    await until(() => displaySnaps.length > 0 && staffSnaps.length > 0);
    expect(displaySnaps.at(-1)).toMatchObject({ rev: 0, recentCalls: [] });
    expect(displaySnaps.at(-1)!.counters.every((c) => c.status === 'closed' && !c.current)).toBe(
      true,
    );
    expect(staffSnaps.at(-1)).toMatchObject({ rev: 0, day: newDay, tickets: [] });
    await until(() => !phone.connected);
    for (const code of [waitingCode, calledCode])
      expect((await request(server.app.app).get(`/api/tickets/${code}`)).status).toBe(404);

    const first = await kiosk(server).issue('vezne');
    expect(first.body.number).toBe('V001');
    expect(first.body.id).toBe(`${HALL}-${newDay}-V001`);
    // The clerk's session runs on over midnight; their counter must be opened again.
    const call = await clerk.agent.post('/api/counters/banko-1/call-next').send({});
    expect(call.body.error.code).toBe('counter-not-open');

    // A restart afterwards does not close the day again.
    const summaryBefore = await readFile(summaryFile(lastDay), 'utf8');
    const journalBefore = await journal(lastDay);
    await server.restart();
    expect(await readFile(summaryFile(lastDay), 'utf8')).toBe(summaryBefore);
    expect(await journal(lastDay)).toEqual(journalBefore);
    expect(logs.filter((l) => l.includes(`day ${lastDay} closed`))).toHaveLength(1);
    expect([...server.app.queues.hall(HALL)!.state.tickets.values()].map((t) => t.number)).toEqual([
      'V001',
    ]);
    expect((await kiosk(server).issue('vezne')).body.number).toBe('V002');
  });

  it('when the first command after midnight arrives before the timer, then it rolls the day over itself and gets the new day’s first number', async () => {
    await busyEvening();
    clock = midnight + 1;
    const res = await kiosk(server).issue('ruhsat');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ number: 'R001', id: `${HALL}-${newDay}-R001` });
    await expectDayClosed(lastDay, midnight + 1);
    expect(server.app.queues.hall(HALL)!.state).toMatchObject({ day: newDay, rev: 1 });
  });

  it('when commands race the midnight rollover, then each lands on one day only and no number is handed out twice', async () => {
    await busyEvening();
    clock = midnight + 1;
    const replies = await Promise.all(
      Array.from({ length: 12 }, (_, i) => kiosk(server).issue(i % 2 ? 'vezne' : 'ruhsat')),
    );
    expect(replies.every((r) => r.status === 201)).toBe(true);
    const numbers = replies.map((r) => r.body.number as string).sort();
    expect(numbers).toEqual([
      'R001',
      'R002',
      'R003',
      'R004',
      'R005',
      'R006',
      'V001',
      'V002',
      'V003',
      'V004',
      'V005',
      'V006',
    ]);
    expect(replies.every((r) => String(r.body.id).includes(newDay))).toBe(true);
    await expectDayClosed(lastDay, midnight + 1);
  });

  it('when the server was down over midnight, then at start it closes the previous day that was never summarised', async () => {
    await busyEvening();
    await server.stop();
    clock = midnight + 8 * 3_600_000;
    await server.restart();
    await expectDayClosed(lastDay, midnight + 8 * 3_600_000);
    expect(server.app.queues.hall(HALL)!.state).toMatchObject({ day: newDay, rev: 0 });
    expect((await kiosk(server).issue('vezne')).body.number).toBe('V001');
  });
});

describe('day rollover when the day-end cannot be stored', () => {
  it('when the disk is full at midnight, then commands are refused with 503, the old day stays as stored, and once the disk recovers the day closes with its day-end cancellations', async () => {
    let full = false;
    const disk: JournalFileSystem = {
      open: async (file, flags) => {
        const h = await open(file, flags);
        const enospc = () =>
          Promise.reject(Object.assign(new Error('ENOSPC: injected, write'), { code: 'ENOSPC' }));
        return {
          write: (data) => (full ? enospc() : h.write(data)),
          datasync: () => h.datasync(),
          truncate: (length) => h.truncate(length),
          close: () => h.close(),
        };
      },
    };
    const dataDir = await mkdtemp(path.join(tmpdir(), 'siramatik-rollover-'));
    const midnight = nextIstanbulMidnight();
    const lastDay = localDay(midnight - 1, ZONE);
    let clock = midnight - 60_000;
    const store = await openEmbeddedStore(dataDir, {
      log: () => undefined,
      initialConfig: defaultConfig,
      now: () => clock,
      journalFileSystem: disk,
    });
    const { key } = await addDevice(
      store.config,
      { kind: 'kiosk', hallId: HALL, name: 'k' },
      clock,
    );
    const app = await createApp({
      store,
      publicUrl: 'http://127.0.0.1',
      now: () => clock,
      log: () => undefined,
    });
    try {
      const issue = () =>
        request(app.app)
          .post(`/api/halls/${HALL}/tickets`)
          .set('Authorization', `Bearer ${key}`)
          .send({ serviceId: 'vezne' });
      const waiting = (await issue()).body as { code: string };
      await issue();

      clock = midnight + 1_000;
      full = true;
      await expect(app.queues.checkRollover()).rejects.toThrow(/ENOSPC/);
      const refused = await issue();
      expect(refused.status).toBe(503);
      expect(refused.body.error.code).toBe('storage-unavailable');
      // Memory still holds the stored day: nothing of the refused day-end shows anywhere.
      const q = app.queues.hall(HALL)!;
      expect(q.state).toMatchObject({ day: lastDay, rev: 2 });
      expect([...q.state.tickets.values()].map((t) => t.status)).toEqual(['waiting', 'waiting']);
      expect((await request(app.app).get(`/api/tickets/${waiting.code}`)).body.status).toBe(
        'waiting',
      );

      full = false;
      const first = await issue();
      expect(first.status).toBe(201);
      expect(first.body.number).toBe('V001');
      const summary = await readDaySummary(dataDir, HALL, lastDay);
      const lines = (
        await readFile(path.join(dataDir, 'journal', HALL, `${lastDay}.jsonl`), 'utf8')
      )
        .split('\n')
        .filter(Boolean);
      expect(summary.lastRev).toBe(lines.length);
      expect(summary.decoded.map((r) => [r.number, r.end, r.cancelledBy])).toEqual([
        ['V001', 'cancelled', 'day-end'],
        ['V002', 'cancelled', 'day-end'],
      ]);
    } finally {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
