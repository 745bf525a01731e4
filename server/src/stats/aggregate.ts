import { DurationHistogram } from './duration-histogram.js';
import type { DurationStats, GroupBy, GroupStats } from './stats-types.js';
import type { StatsRow } from './record-columns.js';

/** Running totals of one group; memory is fixed whatever the number of records. */
class GroupTotals {
  issued = 0;
  served = 0;
  noShows = 0;
  cancelled = 0;
  transferred = 0;
  resolved = 0;
  forwarded = 0;
  withinTarget = 0;
  idleMs = 0;
  ratings = 0;
  ratingSum = 0;
  readonly wait = new DurationHistogram();
  readonly serviceTime = new DurationHistogram();

  add(r: StatsRow): void {
    if (r.segment === 0) this.issued += 1;
    switch (r.end) {
      case 'completed':
        this.served += 1;
        if (r.outcome === 'resolved') this.resolved += 1;
        else if (r.outcome === 'forwarded') this.forwarded += 1;
        break;
      case 'no-show':
        this.noShows += 1;
        break;
      case 'cancelled':
        this.cancelled += 1;
        break;
      case 'transferred':
        this.transferred += 1;
        break;
    }
    if (r.waitMs !== null) this.wait.add(r.waitMs);
    if (r.serviceMs !== null) {
      this.serviceTime.add(r.serviceMs);
      if (r.serviceMs <= r.targetMinutes * 60_000) this.withinTarget += 1;
    }
    if (r.rating !== null) {
      this.ratings += 1;
      this.ratingSum += r.rating;
    }
  }

  merge(o: GroupTotals): void {
    for (const k of COUNTS) this[k] += o[k];
    this.wait.merge(o.wait);
    this.serviceTime.merge(o.serviceTime);
  }

  stats(key: string | null, label: string): GroupStats {
    const service = durationStats(this.serviceTime);
    return {
      key,
      label,
      issued: this.issued,
      served: this.served,
      noShows: this.noShows,
      cancelled: this.cancelled,
      transferred: this.transferred,
      wait: durationStats(this.wait),
      serviceTime: {
        ...service,
        withinTarget: this.withinTarget,
        withinTargetShare: share(this.withinTarget, service.count),
      },
      resolved: this.resolved,
      forwarded: this.forwarded,
      resolvedShare: share(this.resolved, this.served),
      forwardedShare: share(this.forwarded, this.served),
      idleSeconds: Math.round(this.idleMs / 1000),
      ratings: this.ratings,
      meanRating: this.ratings === 0 ? null : round(this.ratingSum / this.ratings, 2),
    };
  }
}

const COUNTS = [
  'issued',
  'served',
  'noShows',
  'cancelled',
  'transferred',
  'resolved',
  'forwarded',
  'withinTarget',
  'idleMs',
  'ratings',
  'ratingSum',
] as const;

const round = (x: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
const share = (part: number, whole: number): number | null =>
  whole === 0 ? null : round(part / whole, 4);
const seconds = (ms: number | null): number | null => (ms === null ? null : round(ms / 1000, 1));

/** Count, mean, median and p90 of a histogram, in seconds to a tenth. */
export function durationStats(h: DurationHistogram): DurationStats {
  return {
    count: h.count,
    meanSeconds: seconds(h.meanMs()),
    medianSeconds: seconds(h.quantileMs(0.5)),
    p90Seconds: seconds(h.quantileMs(0.9)),
  };
}

/** Where a record counts; '' for a counter or clerk it never reached. */
const KEY_OF: Record<GroupBy, (r: StatsRow) => string> = {
  day: (r) => r.day,
  hour: (r) => (r.hour < 10 ? `0${r.hour}` : String(r.hour)),
  weekday: (r) => String(r.weekday),
  'weekday-hour': (r) => `${r.weekday}-${r.hour < 10 ? `0${r.hour}` : r.hour}`,
  service: (r) => r.serviceId,
  counter: (r) => r.counterId ?? '',
  clerk: (r) => r.clerkId ?? '',
  none: () => 'all',
};

/**
 * Aggregates records into groups, a batch at a time (a day of history, say), so a range of any
 * length is aggregated in fixed memory. A record counts in its issue day, hour and weekday
 * (see `foldRecords`). Idle time is counted for the counter and clerk that stood idle, which
 * by counter or clerk may differ from who last held the ticket (a requeue, say).
 */
export class StatsAggregator {
  private readonly groups = new Map<string, GroupTotals>();
  /** Forwarded visits per directorate over all groups; '' for an unknown directorate. */
  private readonly forwardedTo = new Map<string, number>();
  private readonly keyOf: (r: StatsRow) => string;

  constructor(readonly groupBy: GroupBy) {
    this.keyOf = KEY_OF[groupBy];
  }

  add(records: Iterable<StatsRow>): void {
    for (const r of records) {
      const g = this.totalsOf(this.keyOf(r));
      g.add(r);
      if (r.end === 'completed' && r.outcome === 'forwarded') {
        const d = r.directorateId ?? '';
        this.forwardedTo.set(d, (this.forwardedTo.get(d) ?? 0) + 1);
      }
      for (const idle of r.idle) {
        const key =
          this.groupBy === 'clerk'
            ? idle.clerkId
            : this.groupBy === 'counter'
              ? idle.counterId
              : null;
        (key === null ? g : this.totalsOf(key)).idleMs += idle.ms;
      }
    }
  }

  /** The groups in key order (null key last) and the total over all of them. */
  result(
    labelOf: (key: string | null) => string = (k) => k ?? '',
    totalLabel = 'Toplam',
  ): {
    groups: GroupStats[];
    total: GroupStats;
  } {
    const total = new GroupTotals();
    const keys = [...this.groups.keys()].sort((a, b) =>
      a === '' ? 1 : b === '' ? -1 : a < b ? -1 : a > b ? 1 : 0,
    );
    const groups = keys.map((k) => {
      const g = this.groups.get(k)!;
      total.merge(g);
      const key = k === '' ? null : k;
      return g.stats(key, labelOf(key));
    });
    return {
      groups: this.groupBy === 'none' ? [] : groups,
      total: total.stats('all', totalLabel),
    };
  }

  /**
   * Forwarded visits by directorate (null: not recorded), most first, ties by id, with each
   * one's share of all forwarded visits.
   */
  forwardedByDirectorate(): {
    directorateId: string | null;
    count: number;
    share: number | null;
  }[] {
    const all = [...this.forwardedTo.values()].reduce((a, b) => a + b, 0);
    return [...this.forwardedTo]
      .sort(([a, x], [b, y]) => y - x || (a === '' ? 1 : b === '' ? -1 : a < b ? -1 : 1))
      .map(([id, count]) => ({
        directorateId: id === '' ? null : id,
        count,
        share: share(count, all),
      }));
  }

  private totalsOf(key: string): GroupTotals {
    let g = this.groups.get(key);
    if (!g) this.groups.set(key, (g = new GroupTotals()));
    return g;
  }
}

/** Aggregates a whole list at once (tests, small ranges). */
export function aggregate(
  records: Iterable<StatsRow>,
  groupBy: GroupBy,
): { groups: GroupStats[]; total: GroupStats } {
  const agg = new StatsAggregator(groupBy);
  agg.add(records);
  return agg.result();
}
