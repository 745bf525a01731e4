import { describe, expect, it } from 'vitest';
import {
  applyDelta,
  currentTicket,
  modelFromSnapshot,
  ownStats,
  type CounterModel,
} from '../../../counter/src/state/model.js';
import { counter, delta, done, ME, OTHER, snapshot, T0, ticket, waitMinutes } from './fixtures.js';

function applied(
  model: CounterModel,
  ...args: Parameters<typeof applyDelta> extends [unknown, ...infer R] ? R : never
): CounterModel {
  return applyDelta(model, ...args);
}

describe('modelFromSnapshot', () => {
  it('when a snapshot arrives, then the model takes its rev, counters, queues and tickets', () => {
    const s = snapshot({ rev: 7, tickets: [ticket('V001')] });

    const model = modelFromSnapshot(s, ME, T0);

    expect(model.rev).toBe(7);
    expect(model.counters).toEqual(s.counters);
    expect(model.queues).toEqual(s.queues);
    expect(model.tickets.get('t-V001')?.number).toBe('V001');
  });

  it('when the local clock is behind the server, then the offset corrects it', () => {
    const model = modelFromSnapshot(snapshot({ now: T0 + 2_000 }), ME, T0);

    expect(model.clockOffsetMs).toBe(2_000);
  });

  it("when the snapshot holds finished visits, then only this clerk's done ones are tallied", () => {
    const s = snapshot({
      tickets: [
        done('V001', ME, 120_000),
        done('V002', OTHER, 60_000),
        done('V003', ME, 240_000),
        ticket('V004', { status: 'no-show', clerkId: ME }),
      ],
    });

    const stats = ownStats(modelFromSnapshot(s, ME, T0).own);

    expect(stats).toEqual({ completed: 2, meanServiceMs: 180_000 });
  });

  it('when a resync snapshot no longer carries an older visit, then the tally keeps it', () => {
    const first = modelFromSnapshot(snapshot({ tickets: [done('V001', ME, 100_000)] }), ME, T0);

    const again = modelFromSnapshot(
      snapshot({ rev: 50, tickets: [done('V002', ME, 200_000)] }),
      ME,
      T0,
      first,
    );

    expect(ownStats(again.own)).toEqual({ completed: 2, meanServiceMs: 150_000 });
  });

  it('when the snapshot is of a new day, then the tally starts again', () => {
    const first = modelFromSnapshot(snapshot({ tickets: [done('V001', ME, 100_000)] }), ME, T0);

    const next = modelFromSnapshot(snapshot({ day: '2025-03-04', tickets: [] }), ME, T0, first);

    expect(ownStats(next.own)).toEqual({ completed: 0, meanServiceMs: null });
  });
});

describe('applyDelta', () => {
  it('when the delta is the next rev, then it is applied and the rev advances', () => {
    const model = modelFromSnapshot(snapshot({ rev: 10 }), ME, T0);
    const queues = [
      {
        serviceId: 'vezne',
        waiting: 1,
        oldestQueuedAt: T0,
        estimate: waitMinutes(4),
        refusesTickets: false,
      },
    ];

    const next = applied(
      model,
      delta(11, { type: 'ticket:issued' }, { ticket: ticket('V001'), queues }),
      ME,
    );

    expect(next.rev).toBe(11);
    expect(next.queues).toEqual(queues);
    expect(next.tickets.get('t-V001')?.status).toBe('waiting');
  });

  it('when a counter changes, then that counter is replaced and the others kept', () => {
    const model = modelFromSnapshot(snapshot(), ME, T0);
    const opened = counter(1, { status: 'open', clerkId: ME, clerkName: 'Ayşe' });

    const next = applied(model, delta(11, { type: 'counter:opened' }, { counter: opened }), ME);

    expect(next.counters[0]).toEqual(opened);
    expect(next.counters[1]).toEqual(model.counters[1]);
  });

  it('when this clerk completes a visit, then the tally counts it', () => {
    const model = modelFromSnapshot(snapshot(), ME, T0);

    const next = applied(
      model,
      delta(11, { type: 'ticket:completed' }, { ticket: done('V001', ME, 90_000) }),
      ME,
    );

    expect(ownStats(next.own)).toEqual({ completed: 1, meanServiceMs: 90_000 });
    expect(next.tickets.has('t-V001')).toBe(false);
  });

  it("when another clerk completes a visit, then this clerk's tally does not change", () => {
    const model = modelFromSnapshot(snapshot(), ME, T0);

    const next = applied(
      model,
      delta(11, { type: 'ticket:completed' }, { ticket: done('V001', OTHER, 90_000) }),
      ME,
    );

    expect(ownStats(next.own).completed).toBe(0);
  });

  it('when the same completed visit is seen twice (snapshot, then delta), then it counts once', () => {
    const v = done('V001', ME, 90_000);
    const model = modelFromSnapshot(snapshot({ tickets: [v] }), ME, T0);

    const next = applied(model, delta(11, { type: 'ticket:completed' }, { ticket: v }), ME);

    expect(ownStats(next.own).completed).toBe(1);
  });
});

describe('currentTicket', () => {
  it('when the counter points at a ticket in the model, then that ticket is current', () => {
    const called = ticket('V001', { status: 'called', counterId: 'banko-1', clerkId: ME });
    const c = counter(1, { status: 'open', clerkId: ME, currentTicketId: called.id });
    const model = modelFromSnapshot(snapshot({ counters: [c], tickets: [called] }), ME, T0);

    expect(currentTicket(model, c)?.number).toBe('V001');
  });

  it('when the counter has no current ticket, then there is none', () => {
    const c = counter(1, { status: 'open', clerkId: ME });
    const model = modelFromSnapshot(snapshot({ counters: [c] }), ME, T0);

    expect(currentTicket(model, c)).toBeNull();
  });
});
