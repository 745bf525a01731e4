// The quality bench of the wait estimates: simulated working days of `npm run demo-data`,
// each ticket's promise at issue against its wait (first call − issue), for the estimator the
// hall runs (recorded in `ticket:issued`) and for the first one (people ahead ÷ open counters
// × mean service time), recomputed at each issue by replaying the same day. Not timed.
import type { RevEvent } from '../../contract/events.js';
import type { EstimateAccuracy } from '../../contract/estimate-accuracy.js';
import { rng, simulateDay } from '../../server/src/cli/demo-simulation.js';
import { defaultConfig } from '../../server/src/config/default-config.js';
import { directoratesOf } from '../../server/src/config/directorates.js';
import {
  emptyHallState,
  evolve,
  hallConfig,
  quickEstimate,
  type HallConfig,
  type WaitHistory,
} from '../../server/src/domain/index.js';
import { estimateAccuracy, type EstimateRow } from '../../server/src/stats/estimate-accuracy.js';
import { waitHistoryOf } from '../../server/src/stats/estimate-history.js';
import { foldRecords } from '../../server/src/stats/ticket-records.js';
import type { BenchContext } from './context.js';
import { figure, type Figure } from './figures.js';

const CLERKS = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'];

/**
 * The records of simulated working days (Monday to Friday, `skip` working days after Monday
 * 2 March 2026), with the promise recorded at issue (by the forecast, scaled by
 * `waitHistory` when given) and the first formula's promise for the same tickets.
 */
export function simulatedDays(
  days: number,
  seed = 1,
  waitHistory?: WaitHistory,
  skip = 0,
): { now: EstimateRow[]; old: EstimateRow[] } {
  const data = defaultConfig();
  const hall = data.halls[0]!;
  const config: HallConfig = {
    ...hallConfig(hall, data.services, data.counters, directoratesOf(data, hall.id)),
    ...(waitHistory ? { waitHistory } : {}),
  };
  const rand = rng(seed);
  const now: EstimateRow[] = [];
  const old: EstimateRow[] = [];
  const monday = Date.parse('2026-03-02T05:30:00Z'); // 08:30 in Istanbul
  for (let d = skip; d < skip + days; d++) {
    // Working day d: five a week, the weekend skipped as `npm run demo-data` does.
    const opensAt = monday + (Math.floor(d / 5) * 7 + (d % 5)) * 86_400_000;
    const day = new Date(opensAt).toISOString().slice(0, 10);
    const events = simulateDay(config, day, opensAt, CLERKS, 500 * (0.9 + rand() * 0.2), rand);
    const records = foldRecords(events, config.hall, config.services);
    const quick = quickEstimates(events, config, day);
    for (const r of records) {
      if (r.segment !== 0) continue;
      now.push(r);
      const q = quick.get(r.ticketId);
      old.push({ ...r, estimateMinutes: q ?? null });
    }
  }
  return { now, old };
}

/** The first estimator's promise at each issue of a day, replaying its events. */
function quickEstimates(events: RevEvent[], config: HallConfig, day: string): Map<string, number> {
  const state = emptyHallState(config.hall.id, day);
  const out = new Map<string, number>();
  for (const e of events) {
    if (e.type === 'ticket:issued') {
      const service = config.services.get(e.serviceId)!;
      const est = quickEstimate(state, config, service, state.waiting.get(e.serviceId)?.size ?? 0);
      if (est.kind === 'minutes') out.set(e.ticketId, est.minutes);
    }
    evolve(state, e);
    state.rev = e.rev;
  }
  return out;
}

const pct = (n: number | null) => (n === null ? null : Math.round(n * 1000) / 10);
const min1 = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);

function figures(id: string, label: string, a: EstimateAccuracy, target: boolean): Figure[] {
  return [
    figure({
      id: `estimate.${id}.mae`,
      name: `wait estimate at issue, ${label}: median absolute error`,
      unit: 'min',
      value: min1(a.medianAbsErrorMinutes),
      note: `${a.called} called of ${a.promised} promised`,
    }),
    figure({
      id: `estimate.${id}.within5`,
      name: `wait estimate at issue, ${label}: within ±5 min`,
      unit: '%',
      value: pct(a.within5),
      ...(target ? { target: { min: 80 } } : {}),
      note: `±2 min ${pct(a.within2)}%; median signed error ${min1(a.medianErrorMinutes)} min; waited longer ${pct(a.waitedLonger)}%, less ${pct(a.waitedLess)}%`,
    }),
  ];
}

/**
 * `npm run bench`: the estimates' accuracy on simulated working days. The hall's history is
 * learnt from the first half of the days (promised by the forecast alone) and used on the
 * second half, which every figure is measured on: the forecast with that history, the
 * forecast alone (the same days simulated again: arrivals and visits are the same, only the
 * promises differ) and the first formula.
 */
export async function estimateBench(ctx: BenchContext): Promise<Figure[]> {
  const days = ctx.quick ? 3 : 15;
  ctx.log(`estimates: ${days} simulated days to learn from, ${days} to measure on`);
  const history = waitHistoryOf(simulatedDays(days, 1).now);
  const withHistory = simulatedDays(days, 2, history, days);
  const alone = simulatedDays(days, 2, undefined, days);
  const label = `${days} demo days`;
  const ranges = rangeHits(withHistory.now);
  return [
    ...figures(
      'history',
      `forecast + hall history, ${label}`,
      estimateAccuracy(withHistory.now).total,
      true,
    ),
    ...figures('forecast', `forecast alone, same days`, estimateAccuracy(alone.now).total, false),
    ...figures('quick', `first formula, same days`, estimateAccuracy(withHistory.old).total, false),
    figure({
      id: 'estimate.history.range-hits',
      name: 'wait estimate at issue shown as a range: wait within it',
      unit: '%',
      value: pct(ranges.hits / Math.max(1, ranges.shown)),
      note: `${ranges.shown} of ${withHistory.now.length} promises were ranges (±1 sd of the forecast: about 68% expected)`,
    }),
  ];
}

/** Of the promises given as a range, how many waits fell within it (whole minutes). */
function rangeHits(rows: EstimateRow[]): { shown: number; hits: number } {
  let shown = 0;
  let hits = 0;
  for (const r of rows as Array<
    EstimateRow & { estimateMin?: number | null; estimateMax?: number | null }
  >) {
    if (r.waitMs === null || r.estimateMin == null || r.estimateMax == null) continue;
    if (r.estimateMin === r.estimateMax) continue;
    shown += 1;
    const waited = Math.round(r.waitMs / 60_000);
    if (waited >= r.estimateMin && waited <= r.estimateMax) hits += 1;
  }
  return { shown, hits };
}
