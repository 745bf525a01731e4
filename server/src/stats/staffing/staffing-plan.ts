import type { Counter, Service } from '../../../../contract/domain.js';
import type { StaffingHour, StaffingPlan } from '../../../../contract/staffing.js';
import { backtest, HISTORY_WEEKS } from './backtest.js';
import { planHour } from './coverage-plan.js';
import type { DayObservation } from './day-observation.js';
import { forecastArrivals, HOURS } from './forecast.js';

/** Past same weekdays scored by the back-test. */
export const BACKTEST_WEEKS = 4;
const DAY_MS = 86_400_000;
/** A visit's counter time counts at most this many times its service's target time. */
export const HOLD_CAP = 4;

/** `day` moved by whole days (calendar arithmetic on `YYYY-MM-DD`). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of a `YYYY-MM-DD` day: 1 Monday … 7 Sunday. */
export function isoWeekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
}

/** The same weekdays of the `weeks` weeks before `day` that are before `today`, latest first. */
export function weeksBefore(day: string, today: string, weeks = HISTORY_WEEKS): string[] {
  const days: string[] = [];
  for (let k = 1; k <= weeks; k++) {
    const d = addDays(day, -7 * k);
    if (d < today) days.push(d);
  }
  return days;
}

/** Every past day the plan of `date` reads: its eight weeks and those of the tested days. */
export function daysToRead(date: string, today: string): string[] {
  return weeksBefore(date, today, HISTORY_WEEKS + BACKTEST_WEEKS);
}

export interface StaffingInput {
  hallId: string;
  timeZone: string;
  date: string;
  today: string;
  targetWaitMinutes: number;
  services: readonly Service[];
  counters: readonly Counter[];
  /** Observations of the days `daysToRead` asked for; a day without history is absent. */
  observations: ReadonlyMap<string, DayObservation>;
}

/** The staffing plan of one day (pure; see the modules it joins for each method). */
export function staffingPlan(input: StaffingInput): StaffingPlan {
  const { date, today, observations } = input;
  const historyDays = weeksBefore(date, today);
  const present = historyDays.flatMap((d) => observations.get(d) ?? []);
  const forecast = forecastArrivals(present);
  const used = present.filter((o) => forecast.usedDays.includes(o.day));
  const target = input.targetWaitMinutes * 60;

  const services = [...input.services]
    .filter((s) => s.active || forecast.byService[s.id])
    .map((s) => {
      // Each visit counts at most HOLD_CAP × the service's target time: one visit left open
      // for hours (a clerk who forgot to end it) must not pull the mean of a hundred.
      const cap = HOLD_CAP * s.targetMinutes * 60;
      let sum = 0;
      let samples = 0;
      for (const o of used) {
        for (const seconds of o.hold[s.id] ?? []) {
          sum += Math.min(seconds, cap);
          samples += 1;
        }
      }
      const holdSeconds = samples ? sum / samples : s.targetMinutes * 60;
      return { serviceId: s.id, name: s.name, holdSeconds, samples };
    });
  const holdOf = new Map(services.map((s) => [s.serviceId, s.holdSeconds]));
  const counters = [...input.counters]
    .sort((a, b) => a.number - b.number)
    .map((c) => ({
      counterId: c.id,
      number: c.number,
      name: c.name,
      serviceIds: c.services.map((x) => x.serviceId),
    }));

  const hours: StaffingHour[] = [];
  for (let hour = 0; hour < HOURS; hour++) {
    const forecastByService: Record<string, number> = {};
    for (const [id, counts] of Object.entries(forecast.byService))
      if (counts[hour]! > 0) forecastByService[id] = counts[hour]!;
    const forecastArrivalsInHour = Object.values(forecastByService).reduce((a, b) => a + b, 0);
    const recorded = used.filter((o) => o.openCounters !== null);
    const actualOpenCounters = recorded.length
      ? recorded.reduce((s, o) => s + o.openCounters![hour]!, 0) / recorded.length
      : null;
    if (forecastArrivalsInHour === 0 && !actualOpenCounters) continue;
    const plan = planHour(
      Object.entries(forecastByService).map(([serviceId, arrivals]) => ({
        serviceId,
        arrivals,
        holdSeconds: holdOf.get(serviceId) ?? 0,
      })),
      counters,
      target,
    );
    const waitCount = used.reduce((s, o) => s + o.waitCount[hour]!, 0);
    const measuredWaitSeconds = waitCount
      ? used.reduce((s, o) => s + o.waitSum[hour]!, 0) / waitCount
      : null;
    hours.push({
      hour,
      forecastArrivals: forecastArrivalsInHour,
      forecastByService,
      holdSeconds: plan.holdSeconds,
      countersNeeded: plan.needed,
      counterIds: plan.counterIds,
      feasible: plan.feasible,
      unmetServiceIds: plan.unmetServiceIds,
      expectedWaitSeconds: plan.expectedWaitSeconds,
      actualOpenCounters,
      measuredWaitSeconds,
      understaffed:
        measuredWaitSeconds !== null &&
        measuredWaitSeconds > target &&
        actualOpenCounters !== null &&
        actualOpenCounters < plan.needed,
    });
  }

  const tested = historyDays.slice(0, BACKTEST_WEEKS).flatMap((d) => observations.get(d) ?? []);
  return {
    hallId: input.hallId,
    timeZone: input.timeZone,
    date,
    weekday: isoWeekday(date),
    targetWaitMinutes: input.targetWaitMinutes,
    historyDays,
    usedDays: forecast.usedDays,
    outlierDays: forecast.outlierDays,
    missingDays: historyDays.filter((d) => !observations.has(d)).sort(),
    services,
    counters,
    hours,
    backtest: backtest(tested, (day) =>
      weeksBefore(day, today).flatMap((d) => observations.get(d) ?? []),
    ),
  };
}
