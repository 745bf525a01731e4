import { describe, expect, it } from 'vitest';
import {
  counterRows,
  liveSummary,
  serverNow,
  serviceRows,
} from '../../../manager/src/state/live-board.js';
import { modelFromSnapshot } from '../../../manager/src/state/live-model.js';
import { estimateText } from '../../../manager/src/i18n.js';
import { counter, MIN, NONE_OPEN, snapshot, T0, ticket, waitMinutes } from './fixtures.js';

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
        {
          serviceId: 'vezne',
          waiting: 3,
          oldestQueuedAt: T0 - 31 * MIN,
          estimate: waitMinutes(12),
          refusesTickets: false,
        },
        {
          serviceId: 'ruhsat',
          waiting: 0,
          oldestQueuedAt: null,
          estimate: waitMinutes(0),
          refusesTickets: false,
        },
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
      estimate: waitMinutes(12),
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

describe('the service table with no open counter', () => {
  // Vezne's only counters are closed and paused, as the server then reports its line.
  function closedHall() {
    return modelFromSnapshot(
      snapshot({
        counters: [
          counter(1),
          counter(2, { status: 'paused', clerkName: 'Elif', pauseReason: 'break' }),
          counter(3, { status: 'open', services: [{ serviceId: 'ruhsat', weight: 1 }] }),
        ],
        queues: [
          {
            serviceId: 'vezne',
            waiting: 4,
            oldestQueuedAt: T0 - 5 * MIN,
            estimate: NONE_OPEN,
            refusesTickets: false,
          },
          {
            serviceId: 'ruhsat',
            waiting: 2,
            oldestQueuedAt: T0 - MIN,
            estimate: waitMinutes(6),
            refusesTickets: false,
          },
        ],
      }),
      T0,
    );
  }

  it('when people wait and no counter covering the service is open, then its row says no counter is open, not a time', () => {
    const [vezne, ruhsat] = serviceRows(closedHall(), T0);

    expect(vezne).toMatchObject({ waiting: 4, openCounters: 0, estimate: NONE_OPEN });
    expect([estimateText('tr', vezne!), estimateText('en', vezne!)]).toEqual([
      'Açık banko yok',
      'No counter open',
    ]);
    expect(estimateText('tr', ruhsat!)).toBe('≈ 6 dk');
  });

  it('when nobody waits and no counter covering the service is open, then the row still says no counter is open', () => {
    const row = { waiting: 0, estimate: NONE_OPEN };

    expect(estimateText('en', row)).toBe('No counter open');
    expect(estimateText('en', { waiting: 0, estimate: waitMinutes(0) })).toBe('—');
  });

  it('when the server has not reported the line of a service yet, then its open counters decide the estimate', () => {
    const m = closedHall();
    const rows = serviceRows({ ...m, queues: [] }, T0);

    expect(rows.map((r) => r.estimate)).toEqual([NONE_OPEN, waitMinutes(0)]);
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
