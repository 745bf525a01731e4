import { describe, expect, it } from 'vitest';
import {
  counterRows,
  liveSummary,
  serverNow,
  serviceRows,
} from '../../../manager/src/state/live-board.js';
import { modelFromSnapshot } from '../../../manager/src/state/live-model.js';
import { counter, MIN, snapshot, T0, ticket } from './fixtures.js';

function model() {
  const serving = ticket('V001', {
    status: 'serving',
    counterId: 'banko-1',
    lastCalledAt: T0,
    startedAt: T0 + 30_000,
  });
  const called = ticket('R001', {
    serviceId: 'ruhsat',
    status: 'called',
    counterId: 'banko-2',
    lastCalledAt: T0 + MIN,
    recalls: 1,
  });
  return modelFromSnapshot(
    snapshot({
      counters: [
        counter(1, { status: 'open', clerkName: 'Ayşe', currentTicketId: serving.id }),
        counter(2, {
          status: 'open',
          clerkName: 'Mehmet',
          currentTicketId: called.id,
          services: [{ serviceId: 'ruhsat', weight: 1 }],
        }),
        counter(3, { status: 'paused', clerkName: 'Elif', pauseReason: 'break' }),
      ],
      queues: [
        { serviceId: 'vezne', waiting: 3, oldestQueuedAt: T0 - 31 * MIN, estimatedWaitMinutes: 12 },
        { serviceId: 'ruhsat', waiting: 0, oldestQueuedAt: null, estimatedWaitMinutes: 0 },
      ],
      tickets: [serving, called, ticket('V002')],
    }),
    T0,
  );
}

describe('counterRows', () => {
  it('when a visit is in service, then its clock runs from the start and turns amber at the target', () => {
    const m = model();
    const at = (ms: number) => counterRows(m, T0 + 30_000 + ms)[0]!.visit!;
    expect(at(3 * MIN)).toMatchObject({ phase: 'serving', elapsedMs: 3 * MIN, level: 'within' });
    expect(at(4 * MIN).level).toBe('over');
    expect(at(6 * MIN + 1_000).level).toBe('far-over');
  });

  it('when a visitor was called 7 minutes ago and has not arrived, then the walk shows as a hint of a no-show, not as an overrun', () => {
    const row = counterRows(model(), T0 + MIN + 7 * MIN)[1]!;
    expect(row.visit).toMatchObject({
      number: 'R001',
      phase: 'called',
      elapsedMs: 7 * MIN,
      targetMinutes: 6,
      level: 'walk-long',
      recalls: 1,
    });
  });

  it('when a visitor was called a minute ago, then the walk runs from the last call and is not judged against the target', () => {
    const row = counterRows(model(), T0 + 2 * MIN)[1]!;
    expect(row.visit).toMatchObject({ phase: 'called', elapsedMs: MIN, level: 'walk' });
  });

  it('when a counter is paused, then its reason shows and it has no visit', () => {
    const row = counterRows(model(), T0)[2]!;
    expect(row).toMatchObject({ status: 'paused', pauseReason: 'break', visit: null });
    expect(row.services).toEqual([{ tr: 'vezne tr', en: 'vezne en' }]);
  });
});

describe('serviceRows', () => {
  it('when people wait past the escalation limit, then the longest wait and the flag show, with the open counters covering the service', () => {
    const [vezne, ruhsat] = serviceRows(model(), T0);
    expect(vezne).toMatchObject({
      waiting: 3,
      longestWaitMs: 31 * MIN,
      escalated: true,
      estimatedWaitMinutes: 12,
      openCounters: 1,
    });
    expect(ruhsat).toMatchObject({
      waiting: 0,
      longestWaitMs: null,
      escalated: false,
      openCounters: 1,
    });
  });
});

describe('liveSummary', () => {
  it('when two visits run and one is past its target, then the summary counts it', () => {
    const m = model();
    const now = T0 + 30_000 + 5 * MIN;
    const s = liveSummary(counterRows(m, now), serviceRows(m, now));
    expect(s).toMatchObject({
      waiting: 3,
      open: 2,
      paused: 1,
      closed: 0,
      atCounters: 2,
      overTarget: 1,
    });
    expect(s.longestWaitMs).toBe(36 * MIN + 30_000);
  });

  it('when a visitor was called 7 minutes ago and has not arrived, then it is not counted over target but as not arrived', () => {
    const m = model();
    // The visit in service is 7.5 min into a 4-min target; the called one has walked for 7 min.
    const now = T0 + 8 * MIN;
    const s = liveSummary(counterRows(m, now), serviceRows(m, now));
    expect(s).toMatchObject({ atCounters: 2, overTarget: 1, walkingLong: 1 });
    const early = liveSummary(counterRows(m, T0 + MIN + 30_000), serviceRows(m, T0));
    expect(early).toMatchObject({ atCounters: 2, overTarget: 0, walkingLong: 0 });
  });
});

describe('serverNow', () => {
  it('when the server clock is ahead, then the hall time adds the offset', () => {
    const m = { ...model(), clockOffsetMs: 1_500 };
    expect(serverNow(m, 10_000)).toBe(11_500);
  });
});
