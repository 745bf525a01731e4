import { describe, expect, it } from 'vitest';
import type { RevEvent } from '../../../contract/events.js';
import { rng, simulateDay } from '../../../server/src/cli/demo-simulation.js';
import { defaultConfig } from '../../../server/src/config/default-config.js';
import { directoratesOf } from '../../../server/src/config/directorates.js';
import {
  decide,
  emptyHallState,
  evolve,
  hallConfig,
  localHour,
} from '../../../server/src/domain/index.js';
import { estimateAccuracy } from '../../../server/src/stats/estimate-accuracy.js';
import { decodeRecords, encodeRecords } from '../../../server/src/stats/record-columns.js';
import { foldRecords } from '../../../server/src/stats/ticket-records.js';
import { expectSameAccuracy, summariseErrors } from '../../support/estimate-errors.js';

const data = defaultConfig();
const hall = data.halls[0]!;
const config = hallConfig(hall, data.services, data.counters, directoratesOf(data, hall.id));
const EVERY = 5 * 60_000;

/**
 * A simulated day with the hall queue's sampling added: replayed through the domain, and
 * every 5 minutes of it the `sample-estimates` command decided on the state of that moment.
 */
function withSamples(dayOf: string, day: RevEvent[]): RevEvent[] {
  const state = emptyHallState(hall.id, dayOf);
  const out: RevEvent[] = [];
  const push = (e: Omit<RevEvent, 'rev'>) => {
    evolve(state, e as RevEvent);
    state.rev += 1;
    out.push({ ...e, rev: state.rev } as RevEvent);
  };
  let next = day[0]!.at + EVERY;
  for (const e of day) {
    while (e.at >= next) {
      const r = decide(state, config, { type: 'sample-estimates' }, next);
      if (!r.ok) throw new Error(r.error.message);
      r.value.forEach(push);
      next += EVERY;
    }
    const { rev: _rev, ...event } = e;
    push(event);
  }
  return out;
}

/** Two simulated working days of the demo data, with the samples the server would take. */
function days(): RevEvent[][] {
  const rand = rng(11);
  const monday = Date.parse('2026-03-02T05:30:00Z');
  return [0, 1].map((d) => {
    const opensAt = monday + d * 86_400_000;
    const day = new Date(opensAt).toISOString().slice(0, 10);
    const events = simulateDay(config, day, opensAt, ['a', 'b', 'c', 'd', 'e', 'f'], 500, rand);
    return withSamples(day, events);
  });
}

/**
 * Straight from the journal: every sampled estimate of a ticket not yet called in the service
 * it waits for, against the first call that followed there.
 */
function bruteForce(events: RevEvent[], keep: (serviceId: string, hour: number) => boolean) {
  const ticket = new Map<string, { serviceId: string; hour: number; called: boolean }>();
  const open = new Map<string, Array<{ at: number; minutes: number }>>();
  const errors: number[] = [];
  let count = 0;
  for (const e of events) {
    if (e.type === 'ticket:issued') {
      const hour = localHour(e.at, hall.timeZone);
      ticket.set(e.ticketId, { serviceId: e.serviceId, hour, called: false });
    } else if (e.type === 'ticket:transferred') {
      const t = ticket.get(e.ticketId)!;
      ticket.set(e.ticketId, { ...t, serviceId: e.toServiceId, called: false });
    } else if (e.type === 'ticket:called') {
      const t = ticket.get(e.ticketId)!;
      if (t.called) continue;
      t.called = true;
      for (const s of open.get(e.ticketId) ?? []) errors.push((e.at - s.at) / 60_000 - s.minutes);
      open.delete(e.ticketId);
    } else if (e.type === 'estimates:sampled') {
      for (const [id, estimate] of Object.entries(e.estimates)) {
        const t = ticket.get(id)!;
        if (t.called || estimate.kind === 'no-open-counter' || !keep(t.serviceId, t.hour)) continue;
        count += 1;
        open.set(id, [...(open.get(id) ?? []), { at: e.at, minutes: estimate.minutes }]);
      }
    }
  }
  return summariseErrors(errors, count);
}

describe('the estimates shown as the line moves, over simulated days', () => {
  const journals = days();
  const events = journals.flat();
  const records = journals.flatMap((e) => foldRecords(e, hall, config.services));
  const report = estimateAccuracy(records);

  it('when the days are folded, then the samples match a recomputation from the raw events', () => {
    expect(events.filter((e) => e.type === 'estimates:sampled').length).toBeGreaterThan(150);
    expect(report.shown.total.called).toBeGreaterThan(1000);
    expectSameAccuracy(
      report.shown.total,
      bruteForce(events, () => true),
    );
  });

  it('when grouped by service and by hour of issue, then every group matches its recomputation', () => {
    expect(report.shown.byService.length).toBeGreaterThanOrEqual(4);
    for (const g of report.shown.byService)
      expectSameAccuracy(
        g,
        bruteForce(events, (serviceId) => serviceId === g.key),
      );
    expect(report.shown.byHour.length).toBeGreaterThanOrEqual(9);
    for (const g of report.shown.byHour)
      expectSameAccuracy(
        g,
        bruteForce(events, (_, hour) => String(hour) === g.key),
      );
  });

  it('when samples are in the journal, then the promise at issue is measured as before', () => {
    const plain = journals.map((j) => j.filter((e) => e.type !== 'estimates:sampled'));
    const before = estimateAccuracy(plain.flatMap((e) => foldRecords(e, hall, config.services)));

    const { shown: _, ...atIssue } = report;
    const { shown, ...beforeAtIssue } = before;
    expect(atIssue).toEqual(beforeAtIssue);
    expect(shown.total).toMatchObject({ promised: 0, called: 0 });
  });

  it('when the records go through a day summary (by column), then they and the report are the same', () => {
    const decoded = decodeRecords(JSON.parse(JSON.stringify(encodeRecords(records))));

    expect(decoded).toEqual(records);
    expect(estimateAccuracy(decoded)).toEqual(report);
  });

  it('when a summary was written before samples were taken, then it decodes without them', () => {
    const columns = encodeRecords(records);
    delete columns.stats.samples;

    const decoded = decodeRecords(columns);
    expect(decoded.some((r) => r.samples)).toBe(false);
    expect(estimateAccuracy(decoded).shown.total).toMatchObject({ promised: 0, called: 0 });
  });

  it('when two server processes sampled the same round, then it counts once', () => {
    const doubled = journals[0]!.flatMap((e): RevEvent[] =>
      e.type === 'estimates:sampled' ? [e, { ...e, at: e.at + 1_000 }] : [e],
    );
    const once = estimateAccuracy(foldRecords(journals[0]!, hall, config.services));

    expect(estimateAccuracy(foldRecords(doubled, hall, config.services)).shown).toEqual(once.shown);
  });
});
