import { meanWait, serversForMeanWait } from './erlang-c.js';

/**
 * How many counters an hour needs, and which, when counters cover different services.
 *
 * Method: for every group S of the services expected in the hour, the visitors of S are an
 * M/M/c queue of their own (arrival rates added, service time the arrival-weighted mean), and
 * Erlang C says how many servers c(S) keep its mean wait under the target. The counters that
 * cover at least one service of S are the only ones that can serve it, so there must be at
 * least c(S) of them open, for every S at once (Hall's condition, as in matching). The plan is
 * the smallest set of counters meeting all these conditions: searched exactly up to 12
 * counters, greedily (then pruned) above; past 30 counters (bit masks) coverage is set aside and
 * the whole hall is pooled, the first counters named. With a single group of services all covered by
 * every counter this is plain pooled M/M/c.
 *
 * The assumption: a counter open for several services gives each of them its time when it is
 * needed (which is what the calling rule does). It is optimistic where one counter would be
 * needed by two busy groups at the same moment, so the plan is the least that can work, and
 * the expected wait is the pooled figure for the whole hall.
 */

export interface ServiceLoad {
  serviceId: string;
  /** Expected arrivals in the hour. */
  arrivals: number;
  /** Mean time a visit holds a counter, seconds. */
  holdSeconds: number;
}

export interface CounterCover {
  counterId: string;
  serviceIds: readonly string[];
}

export interface HourPlan {
  /**
   * Counters the hour needs. When the hall's counters cannot meet the target, at least this
   * many: all of them plus the largest shortfall of a group of services.
   */
  needed: number;
  /** Counters to open (ids, in the order given); all of them when not feasible. */
  counterIds: string[];
  /** False when even every counter of the hall cannot keep the waits under the target. */
  feasible: boolean;
  /** Services whose visitors the hall's counters cannot serve within the target. */
  unmetServiceIds: string[];
  /** Pooled mean wait of the hour with the planned counters, seconds; null if over capacity. */
  expectedWaitSeconds: number | null;
  /** The arrival-weighted mean counter time of the hour, seconds; null with no arrivals. */
  holdSeconds: number | null;
}

/** Past this many services only single services and the whole hall are checked. */
const MAX_SERVICES_ALL_GROUPS = 10;
/** Up to this many counters the plan is searched exactly. */
const MAX_COUNTERS_EXACT = 12;
/** Counter sets are bit masks of a 32-bit integer. */
const MAX_COUNTERS_MASK = 30;

const HOUR_S = 3600;

function popcount(n: number): number {
  let c = 0;
  for (let m = n; m; m &= m - 1) c += 1;
  return c;
}

/** The pooled arrival rate (per second) and mean hold of some services. */
function pooled(loads: readonly ServiceLoad[]): { rate: number; hold: number } {
  const arrivals = loads.reduce((s, l) => s + l.arrivals, 0);
  if (arrivals <= 0) return { rate: 0, hold: 0 };
  const hold = loads.reduce((s, l) => s + l.arrivals * l.holdSeconds, 0) / arrivals;
  return { rate: arrivals / HOUR_S, hold };
}

/** The plan of one hour (see the module comment). */
export function planHour(
  loads: readonly ServiceLoad[],
  counters: readonly CounterCover[],
  targetWaitSeconds: number,
): HourPlan {
  const active = loads.filter((l) => l.arrivals > 0 && l.holdSeconds > 0);
  const whole = pooled(active);
  const empty = {
    needed: 0,
    counterIds: [],
    feasible: true,
    unmetServiceIds: [],
    expectedWaitSeconds: 0,
    holdSeconds: active.length ? whole.hold : null,
  };
  if (active.length === 0) return empty;
  if (counters.length > MAX_COUNTERS_MASK) {
    const need = serversForMeanWait(whole.rate, whole.hold, targetWaitSeconds);
    const n = Math.min(need, counters.length);
    return {
      needed: need,
      counterIds: counters.slice(0, n).map((c) => c.counterId),
      feasible: need <= counters.length,
      unmetServiceIds: need <= counters.length ? [] : active.map((l) => l.serviceId),
      expectedWaitSeconds: finite(meanWait(n, whole.rate, whole.hold)),
      holdSeconds: whole.hold,
    };
  }

  // Each condition: the counters (bit mask) able to serve a group, and how many it needs.
  const groups: number[][] = [];
  if (active.length <= MAX_SERVICES_ALL_GROUPS) {
    for (let s = 1; s < 1 << active.length; s++)
      groups.push(active.map((_, i) => i).filter((i) => s & (1 << i)));
  } else {
    active.forEach((_, i) => groups.push([i]));
    groups.push(active.map((_, i) => i));
  }
  const conditions = groups.map((g) => {
    const { rate, hold } = pooled(g.map((i) => active[i]!));
    const ids = new Set(g.map((i) => active[i]!.serviceId));
    let able = 0;
    counters.forEach((c, k) => {
      if (c.serviceIds.some((id) => ids.has(id))) able |= 1 << k;
    });
    return { group: g, able, need: serversForMeanWait(rate, hold, targetWaitSeconds) };
  });
  const meets = (open: number) => conditions.every((c) => popcount(open & c.able) >= c.need);

  const all = (1 << counters.length) - 1;
  let chosen: number | null = null;
  if (!meets(all)) chosen = null;
  else if (counters.length <= MAX_COUNTERS_EXACT) {
    for (let open = 0; open <= all; open++)
      if ((chosen === null || popcount(open) < popcount(chosen)) && meets(open)) chosen = open;
  } else {
    chosen = greedy(counters.length, conditions, meets);
  }

  if (chosen === null) {
    const unmet = conditions
      .filter((c) => popcount(all & c.able) < c.need)
      .sort((a, b) => a.group.length - b.group.length);
    const smallest = unmet[0]!.group.length;
    const ids = new Set(unmet.filter((c) => c.group.length === smallest).flatMap((c) => c.group));
    const shortfall = Math.max(...unmet.map((c) => c.need - popcount(all & c.able)));
    return {
      needed: counters.length + shortfall,
      counterIds: counters.map((c) => c.counterId),
      feasible: false,
      unmetServiceIds: [...ids].map((i) => active[i]!.serviceId),
      expectedWaitSeconds: finite(meanWait(counters.length, whole.rate, whole.hold)),
      holdSeconds: whole.hold,
    };
  }
  const counterIds = counters.filter((_, k) => chosen! & (1 << k)).map((c) => c.counterId);
  return {
    needed: counterIds.length,
    counterIds,
    feasible: true,
    unmetServiceIds: [],
    expectedWaitSeconds: finite(meanWait(counterIds.length, whole.rate, whole.hold)),
    holdSeconds: whole.hold,
  };
}

function finite(n: number): number | null {
  return Number.isFinite(n) ? n : null;
}

/** Add the counter that closes most of the shortfall, then drop any no longer needed. */
function greedy(
  count: number,
  conditions: ReadonlyArray<{ able: number; need: number }>,
  meets: (open: number) => boolean,
): number {
  const shortfall = (open: number) =>
    conditions.reduce((s, c) => s + Math.max(0, c.need - popcount(open & c.able)), 0);
  let open = 0;
  while (!meets(open)) {
    let best = -1;
    let bestShort = Number.POSITIVE_INFINITY;
    for (let k = 0; k < count; k++) {
      if (open & (1 << k)) continue;
      const s = shortfall(open | (1 << k));
      if (s < bestShort) [best, bestShort] = [k, s];
    }
    open |= 1 << best;
  }
  for (let k = count - 1; k >= 0; k--)
    if (open & (1 << k) && meets(open & ~(1 << k))) open &= ~(1 << k);
  return open;
}
