import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffingPlan } from '../../contract/staffing.js';
import { localDay } from '../../server/src/domain/index.js';
import { addDays, weeksBefore } from '../../server/src/stats/staffing/staffing-plan.js';
import { signedIn } from '../support/http.js';
import { seedHistory } from '../support/staffing-history.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** The Monday after today (Istanbul), and the twelve Mondays before it that are past. */
const today = localDay(Date.now(), 'Europe/Istanbul');
const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
const monday = addDays(today, (8 - weekday) % 7 || 7);
const mondays = weeksBefore(monday, today, 12);
const history = weeksBefore(monday, today);
/** The third week before is a holiday; the fifth was closed; the sixth lost its journal. */
const holiday = history[2]!;
const closed = history[4]!;
const noJournal = history[5]!;

describe('GET /api/stats/staffing on a simulated history', () => {
  let server: TestServer;
  let manager: Awaited<ReturnType<typeof signedIn>>['agent'];
  let plan: StaffingPlan;

  beforeAll(async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'siramatik-staffing-'));
    await seedHistory(
      dataDir,
      mondays
        .filter((d) => d !== closed)
        .map((day) => ({ day, visitors: day === holiday ? 60 : 500 }))
        .reverse(),
    );
    // Its summary stays: the visits are known, the counters' hours are not.
    await rm(path.join(dataDir, 'journal', 'cankaya', `${noJournal}.jsonl`));
    server = await startTestServer({ dataDir });
    manager = (await signedIn(server, 'manager')).agent;
    const res = await manager.get(`/api/stats/staffing?date=${monday}&targetWaitMinutes=5`);
    expect(res.status).toBe(200);
    plan = res.body as StaffingPlan;
  }, 120_000);

  afterAll(async () => {
    await server?.dispose();
  });

  it('when a manager asks for a Monday, then the eight Mondays before are read, the holiday and the closed week set aside', () => {
    expect(plan.date).toBe(monday);
    expect(plan.weekday).toBe(1);
    expect(plan.historyDays).toEqual(history);
    expect(plan.outlierDays).toEqual([holiday]);
    expect(plan.missingDays).toEqual([closed]);
    expect(plan.usedDays).toEqual(history.filter((d) => d !== holiday && d !== closed).sort());
    expect(plan.services.every((s) => s.samples > 0 && s.holdSeconds > 120)).toBe(true);
  });

  it('when a day has its summary but no journal, then its visits count and it is left out of the counters open', () => {
    expect(plan.usedDays).toContain(noJournal);
    // The demo's six counters are open all of 10:00–11:00 on every day; counting the day
    // without counter events as none open would pull the mean to about 5.
    const ten = plan.hours.find((h) => h.hour === 10)!;
    expect(ten.actualOpenCounters!).toBeGreaterThan(5.5);
  });

  it('when the plan is feasible, then its expected wait is under the target; when not, it asks for more counters than the hall has', () => {
    const busy = plan.hours.filter((h) => h.forecastArrivals > 1);
    expect(busy.length).toBeGreaterThanOrEqual(8);
    for (const h of busy) {
      expect(h.countersNeeded).toBeGreaterThan(0);
      if (h.feasible) {
        expect(h.expectedWaitSeconds!).toBeLessThanOrEqual(300);
        expect(h.counterIds).toHaveLength(h.countersNeeded);
      } else {
        expect(h.countersNeeded).toBeGreaterThan(plan.counters.length);
        expect(h.unmetServiceIds.length).toBeGreaterThan(0);
      }
      // The demo hall opens six counters and closes some for lunch.
      expect(h.actualOpenCounters!).toBeGreaterThan(0);
      expect(h.actualOpenCounters!).toBeLessThanOrEqual(6);
    }
  });

  it('when waits were long with fewer counters open than the plan, then the hour is marked, and only then', () => {
    for (const h of plan.hours) {
      const expected =
        h.measuredWaitSeconds !== null &&
        h.measuredWaitSeconds > 300 &&
        h.actualOpenCounters !== null &&
        h.actualOpenCounters < h.countersNeeded;
      expect(h.understaffed).toBe(expected);
    }
    // The demo's lunch hour: clerks away while the queue peaks.
    const noon = plan.hours.find((h) => h.hour === 12)!;
    expect(noon.understaffed).toBe(true);
    expect(noon.actualOpenCounters!).toBeLessThan(6);
  });

  it('when the back-test runs, then the four latest Mondays but the holiday are scored', () => {
    const tested = history.slice(0, 4).filter((d) => d !== holiday && d !== closed);
    expect(plan.backtest.days.map((d) => d.day)).toEqual(tested);
    expect(plan.backtest.mae!).toBeGreaterThan(0);
    expect(plan.backtest.mape!).toBeGreaterThan(0);
    expect(plan.backtest.mape!).toBeLessThan(0.5);
  });

  it('when no date is given, then tomorrow is planned with a five-minute target', async () => {
    const res = await manager.get('/api/stats/staffing');
    expect(res.status).toBe(200);
    expect(res.body.date).toBe(addDays(today, 1));
    expect(res.body.targetWaitMinutes).toBe(5);
  });

  it('when the target is longer, then no hour needs more counters', async () => {
    const res = await manager.get(`/api/stats/staffing?date=${monday}&targetWaitMinutes=15`);
    const relaxed = res.body as StaffingPlan;
    for (const h of relaxed.hours) {
      const strict = plan.hours.find((x) => x.hour === h.hour)!;
      expect(h.countersNeeded).toBeLessThanOrEqual(strict.countersNeeded);
    }
  });

  it('when the input is wrong, then a clear validation error names the field', async () => {
    for (const [query, field] of [
      ['date=2026-02-30', 'date'],
      ['date=tomorrow', 'date'],
      ['targetWaitMinutes=0', 'targetWaitMinutes'],
      ['targetWaitMinutes=abc', 'targetWaitMinutes'],
      ['hall=other', 'hall'],
      [`date=${addDays(today, 60)}`, 'date'],
    ] as const) {
      const res = await manager.get(`/api/stats/staffing?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe('validation');
      expect(res.body.error.field).toBe(field);
    }
  });

  it('when a clerk or nobody asks, then it is refused; the route is in the API document', async () => {
    const clerk = (await signedIn(server, 'clerk')).agent;
    expect((await clerk.get('/api/stats/staffing')).status).toBe(403);
    expect((await request(server.app.app).get('/api/stats/staffing')).status).toBe(401);
    const docs = await request(server.app.app).get('/api/docs');
    expect(docs.body.paths['/api/stats/staffing'].get['x-access']).toBe('manager');
  });
});
