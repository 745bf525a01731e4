import type { QueueEvent } from '../../../../contract/events.js';
import { LocalClock } from '../local-clock.js';
import type { TicketRecord } from '../ticket-record.js';
import { HOURS, type DayArrivals } from './forecast.js';

/** What the staffing plan reads of one past day. */
export interface DayObservation extends DayArrivals {
  /** Counter time of each visit (first call to the end), seconds, per service. */
  hold: Record<string, number[]>;
  /** Queue wait of the visits issued in each hour: sum in seconds and count. */
  waitSum: number[];
  waitCount: number[];
  /**
   * Counters open (not paused) in each hour, as a mean over the hour (2.5 = two counters the
   * whole hour and one for half of it); null when the day's counter events are not kept.
   */
  openCounters: number[] | null;
}

type RecordPart = Pick<
  TicketRecord,
  'hour' | 'serviceId' | 'waitMs' | 'firstCalledAt' | 'endedAt' | 'end'
>;

const HOUR_MS = 3_600_000;
const QUARTER_MS = 900_000;

const zeros = () => new Array<number>(HOURS).fill(0);

/**
 * A day's observation from its visit records (every service segment is a visit that needs a
 * counter, counted in the hour its ticket was issued) and its counter events (null: unknown).
 */
export function observeDay(
  day: string,
  records: Iterable<RecordPart>,
  counterEvents: readonly QueueEvent[] | null,
  timeZone: string,
): DayObservation {
  const byService: Record<string, number[]> = {};
  const hold: DayObservation['hold'] = {};
  const waitSum = zeros();
  const waitCount = zeros();
  for (const r of records) {
    (byService[r.serviceId] ??= zeros())[r.hour]! += 1;
    if (r.waitMs !== null) {
      waitSum[r.hour]! += r.waitMs / 1000;
      waitCount[r.hour]! += 1;
    }
    if (
      r.firstCalledAt !== null &&
      r.endedAt !== null &&
      (r.end === 'completed' || r.end === 'transferred' || r.end === 'no-show')
    ) {
      (hold[r.serviceId] ??= []).push((r.endedAt - r.firstCalledAt) / 1000);
    }
  }
  const openCounters = counterEvents && openCountersByHour(day, counterEvents, timeZone);
  return { day, byService, hold, waitSum, waitCount, openCounters };
}

/**
 * Mean counters open in each local hour of `day`, from the counter events of its journal:
 * open from `counter:opened` or `counter:resumed` to `counter:paused` or `counter:closed`.
 * A counter still open at the last event is counted to that event (the day was closed then).
 */
export function openCountersByHour(
  day: string,
  events: readonly QueueEvent[],
  timeZone: string,
): number[] {
  const clock = new LocalClock(timeZone);
  const midnight = Date.parse(`${day}T00:00:00Z`);
  const seconds = zeros();
  const add = (from: number, to: number) => {
    // Walk in real time, each slice to the bucket of its own wall-clock hour: when the clocks go
    // back the repeated hour gets both of its real hours, when they go forward none is lost.
    // A slice ends at the next wall-clock hour or quarter hour of real time (offsets change only
    // on quarter hours), so no slice spans an offset change.
    let a = from;
    while (a < to) {
      const sinceMidnight = clock.wall(a).getTime() - midnight;
      const h = Math.floor(sinceMidnight / HOUR_MS);
      const end = Math.min(
        to,
        a + (h + 1) * HOUR_MS - sinceMidnight,
        (Math.floor(a / QUARTER_MS) + 1) * QUARTER_MS,
      );
      if (h >= 0 && h < HOURS) seconds[h]! += (end - a) / 1000;
      a = end;
    }
  };
  const openSince = new Map<string, number>();
  let last = 0;
  for (const e of events) {
    last = Math.max(last, e.at);
    if (e.type === 'counter:opened' || e.type === 'counter:resumed') {
      if (!openSince.has(e.counterId)) openSince.set(e.counterId, e.at);
    } else if (e.type === 'counter:paused' || e.type === 'counter:closed') {
      const since = openSince.get(e.counterId);
      if (since !== undefined) add(since, e.at);
      openSince.delete(e.counterId);
    }
  }
  for (const since of openSince.values()) add(since, last);
  return seconds.map((s) => s / 3600);
}
