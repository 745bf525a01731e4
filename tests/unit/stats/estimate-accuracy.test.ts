import { describe, expect, it } from 'vitest';
import type { RevEvent } from '../../../contract/events.js';
import { rng, simulateDay } from '../../../server/src/cli/demo-simulation.js';
import { defaultConfig } from '../../../server/src/config/default-config.js';
import { directoratesOf } from '../../../server/src/config/directorates.js';
import { hallConfig, localHour } from '../../../server/src/domain/index.js';
import { estimateAccuracy } from '../../../server/src/stats/estimate-accuracy.js';
import { decodeRecords, encodeRecords } from '../../../server/src/stats/record-columns.js';
import { foldRecords } from '../../../server/src/stats/ticket-records.js';
import { expectSameAccuracy, summariseErrors } from '../../support/estimate-errors.js';

const data = defaultConfig();
const hall = data.halls[0]!;
const config = hallConfig(hall, data.services, data.counters, directoratesOf(data, hall.id));

/** Two simulated working days of the demo data, through the real queue rules. */
function days(): RevEvent[][] {
  const rand = rng(7);
  const monday = Date.parse('2026-03-02T05:30:00Z');
  return [0, 1].map((d) => {
    const opensAt = monday + d * 86_400_000;
    const day = new Date(opensAt).toISOString().slice(0, 10);
    return simulateDay(config, day, opensAt, ['a', 'b', 'c', 'd', 'e', 'f'], 500, rand);
  });
}

/** Straight from the journal: each promise at issue and the first call that followed. */
function bruteForce(events: RevEvent[], keep: (serviceId: string, hour: number) => boolean) {
  const promised = new Map<string, { minutes: number; at: number }>();
  const errors: number[] = [];
  let count = 0;
  for (const e of events) {
    if (e.type === 'ticket:issued') {
      if (!e.estimate || e.estimate.kind === 'no-open-counter') continue;
      if (!keep(e.serviceId, localHour(e.at, hall.timeZone))) continue;
      promised.set(e.ticketId, { minutes: e.estimate.minutes, at: e.at });
      count += 1;
    } else if (e.type === 'ticket:called') {
      const p = promised.get(e.ticketId);
      if (!p) continue; // not promised, or called again (only the first call counts)
      errors.push((e.at - p.at) / 60_000 - p.minutes);
      promised.delete(e.ticketId);
    }
  }
  return summariseErrors(errors, count);
}

describe('estimateAccuracy over simulated days', () => {
  const journals = days();
  const events = journals.flat();
  const records = journals.flatMap((e) => foldRecords(e, hall, config.services));
  const report = estimateAccuracy(records);

  it('when the days are folded, then the total matches a recomputation from the raw events', () => {
    expect(report.total.called).toBeGreaterThan(800);
    expectSameAccuracy(
      report.total,
      bruteForce(events, () => true),
    );
  });

  it('when grouped by service and by hour, then every group matches its recomputation', () => {
    expect(report.byService.map((g) => g.key)).toEqual([...config.services.keys()].sort());
    for (const g of report.byService)
      expectSameAccuracy(
        g,
        bruteForce(events, (serviceId) => serviceId === g.key),
      );
    expect(report.byHour.length).toBeGreaterThanOrEqual(9);
    for (const g of report.byHour)
      expectSameAccuracy(
        g,
        bruteForce(events, (_, hour) => String(hour) === g.key),
      );
  });

  it('when the records go through a day summary (by column), then the report is the same', () => {
    const decoded = decodeRecords(JSON.parse(JSON.stringify(encodeRecords(records))));

    expect(estimateAccuracy(decoded)).toEqual(report);
  });

  it('when events predate recorded estimates, then they replay and count as no promise', () => {
    const old = journals[0]!.map((e) => {
      if (e.type !== 'ticket:issued') return e;
      const { estimate: _, ...rest } = e;
      return rest;
    });
    const oldRecords = foldRecords(old, hall, config.services);
    const columns = encodeRecords(oldRecords);

    expect(oldRecords.length).toBeGreaterThan(400);
    expect(estimateAccuracy(oldRecords).total).toMatchObject({ promised: 0, called: 0 });
    expect(decodeRecords(columns)).toEqual(oldRecords);
  });

  it('when a summary was written before the estimate columns, then it decodes without them', () => {
    const columns = encodeRecords(records);
    const cols = columns.stats.columns as Record<string, unknown>;
    for (const f of ['estimateMinutes', 'estimateMin', 'estimateMax']) delete cols[f];

    expect(estimateAccuracy(decodeRecords(columns)).total.promised).toBe(0);
  });
});
