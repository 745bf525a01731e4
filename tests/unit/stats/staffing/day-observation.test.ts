import { describe, expect, it } from 'vitest';
import type { QueueEvent } from '../../../../contract/events.js';
import {
  observeDay,
  openCountersByHour,
} from '../../../../server/src/stats/staffing/day-observation.js';

const DAY = '2026-11-30';
/** Istanbul wall-clock time (UTC+3) on DAY. */
const at = (hh: number, mm = 0) => Date.UTC(2026, 10, 30, hh - 3, mm);
const ev = (type: QueueEvent['type'], counterId: string, when: number) =>
  ({ type, counterId, clerkId: 'c', hallId: 'h', at: when, reason: 'break' }) as QueueEvent;

describe('a past day as the staffing plan reads it', () => {
  it('when counters open, pause and close, then each hour holds the mean counters open', () => {
    const events = [
      ev('counter:opened', 'b1', at(9)),
      ev('counter:opened', 'b2', at(9)),
      ev('counter:paused', 'b1', at(9, 30)),
      ev('counter:resumed', 'b1', at(10)),
      ev('counter:closed', 'b1', at(11, 15)),
      ev('counter:closed', 'b2', at(12)),
    ];
    const open = openCountersByHour(DAY, events, 'Europe/Istanbul');
    expect(open[8]).toBe(0);
    expect(open[9]).toBe(1.5);
    expect(open[10]).toBe(2);
    expect(open[11]).toBe(1.25);
    expect(open[12]).toBe(0);
  });

  it('when a counter is never closed, then it counts until the last event of the day', () => {
    const events = [ev('counter:opened', 'b1', at(16)), ev('counter:paused', 'b2', at(17, 30))];
    const open = openCountersByHour(DAY, events, 'Europe/Istanbul');
    expect(open[16]).toBe(1);
    expect(open[17]).toBe(0.5);
  });

  it('when the clocks go back (Berlin), then the repeated hour keeps both of its real half hours', () => {
    // 2026-10-25: 03:00 CEST becomes 02:00 CET (01:00 UTC). Open 02:30 CEST, closed 02:30 CET:
    // one real hour, all of it in the wall-clock hour 02.
    const events = [
      ev('counter:opened', 'b1', Date.UTC(2026, 9, 25, 0, 30)),
      ev('counter:closed', 'b1', Date.UTC(2026, 9, 25, 1, 30)),
    ];
    const open = openCountersByHour('2026-10-25', events, 'Europe/Berlin');
    expect(open[2]).toBe(1);
    expect(open.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('when the clocks go forward (Berlin), then the missing hour gets nothing', () => {
    // 2026-03-29: 02:00 CET becomes 03:00 CEST (01:00 UTC). Open 01:30 CET, closed 03:30 CEST:
    // one real hour, half in 01 and half in 03.
    const events = [
      ev('counter:opened', 'b1', Date.UTC(2026, 2, 29, 0, 30)),
      ev('counter:closed', 'b1', Date.UTC(2026, 2, 29, 1, 30)),
    ];
    const open = openCountersByHour('2026-03-29', events, 'Europe/Berlin');
    expect([open[1], open[2], open[3]]).toEqual([0.5, 0, 0.5]);
  });

  it('when visits are folded, then arrivals, counter time and waits land in their issue hour', () => {
    const o = observeDay(
      DAY,
      [
        {
          hour: 9,
          serviceId: 'vezne',
          waitMs: 60_000,
          firstCalledAt: at(9, 5),
          endedAt: at(9, 10),
          end: 'completed',
        },
        {
          hour: 9,
          serviceId: 'vezne',
          waitMs: 180_000,
          firstCalledAt: at(9, 20),
          endedAt: at(9, 21),
          end: 'no-show',
        },
        {
          hour: 10,
          serviceId: 'ruhsat',
          waitMs: null,
          firstCalledAt: null,
          endedAt: at(10, 30),
          end: 'cancelled',
        },
      ],
      null,
      'Europe/Istanbul',
    );
    expect(o.byService.vezne![9]).toBe(2);
    expect(o.byService.ruhsat![10]).toBe(1);
    expect(o.hold).toEqual({ vezne: [300, 60] });
    expect(o.waitSum[9]).toBe(240);
    expect(o.waitCount[9]).toBe(2);
    expect(o.waitCount[10]).toBe(0);
    expect(o.openCounters).toBeNull();
  });
});
