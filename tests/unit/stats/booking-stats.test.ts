import { describe, expect, it } from 'vitest';
import { BookingVisitTotals } from '../../../server/src/stats/booking-stats.js';
import { statsRows, type StatsRow } from '../../../server/src/stats/record-columns.js';

const MIN = 60_000;
const row = (over: Partial<StatsRow>): StatsRow =>
  ({ segment: 0, waitMs: null, idle: [], ...over }) as StatsRow;

describe('appointments in stats', () => {
  it('when booked and walk-in visits are added, then punctuality and waits equal a hand count', () => {
    const t = new BookingVisitTotals();
    t.add([
      // booked: checked in 10 min before the slot, called 2 min after it → wait 2 min
      row({ appointment: true, slotCallMs: 2 * MIN, waitMs: 12 * MIN }),
      // booked: called 8 min after the slot, checked in 3 min late → wait 5 min
      row({ appointment: true, slotCallMs: 8 * MIN, waitMs: 5 * MIN }),
      row({ waitMs: 6 * MIN }),
      row({ waitMs: 10 * MIN }),
      row({ segment: 1, waitMs: 99 * MIN }),
    ]);
    const r = t.result();
    expect(r.punctuality).toMatchObject({ count: 2, meanSeconds: 300, withinFiveMinutes: 1 });
    expect(r.punctuality.withinFiveMinutesShare).toBe(0.5);
    expect(r.bookedWait).toMatchObject({ count: 2, meanSeconds: 210 });
    expect(r.walkInWait).toMatchObject({ count: 2, meanSeconds: 480 });
  });

  it('when a summary has no appointment columns, then its rows read as walk-ins', () => {
    const old = {
      count: 1,
      base: 0,
      stats: {
        strings: ['2024-05-06', 's1', 'completed'],
        columns: {
          day: 0,
          serviceId: 1,
          counterId: null,
          clerkId: null,
          end: 2,
          outcome: null,
          segment: 0,
          hour: 9,
          weekday: 1,
          targetMinutes: 4,
          waitMs: 60_000,
          serviceMs: null,
          rating: null,
          estimateMinutes: null,
          estimateMin: null,
          estimateMax: null,
          estimateFactor: null,
        },
        idle: { count: 0, counterId: [], clerkId: [], ms: [] },
      },
    };
    const rows = [...statsRows(old as never)].map((r) => ({ ...r }));
    expect(rows[0]!.appointment).toBeUndefined();
    const t = new BookingVisitTotals();
    t.add(rows);
    expect(t.result().walkInWait.count).toBe(1);
    expect(t.result().punctuality.count).toBe(0);
  });
});
