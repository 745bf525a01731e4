import { forecastArrivals, hourTotals, splitOutliers, type DayArrivals } from './forecast.js';
import type { StaffingBacktest, StaffingBacktestDay } from '../../../../contract/staffing.js';

/** Weeks of history each forecast is made from. */
export const HISTORY_WEEKS = 8;

/**
 * The back-test: each `tested` day is forecast from the same weekdays of the eight weeks
 * before it (`weeksBefore(day)` gives them, those with history) and compared hour by hour with
 * the visits it had. Errors are in visits per hour, over the hours where either side had
 * visits; MAPE over the hours that had visits. The naive forecast "the same day last week" is
 * scored beside it, so the manager sees whether the method earns its keep. It exists only for
 * the tested days whose week before is on record, so `naiveMae` is over those days alone and is
 * to be set beside the method's error over the same days, not beside `mae`: each day's `mae`
 * and `naiveMae` are over the same hours, and the page pairs them from `days`. A tested day that
 * is itself a holiday among its weeks is skipped: the plan is not meant for such days.
 */
export function backtest(
  tested: readonly DayArrivals[],
  weeksBefore: (day: string) => DayArrivals[],
): StaffingBacktest {
  const days: StaffingBacktestDay[] = [];
  let absSum = 0;
  let count = 0;
  let pctSum = 0;
  let pctCount = 0;
  let naiveSum = 0;
  /** The method's error over the same hours as the naive one, so the two compare. */
  let sameDaysAbs = 0;
  let naiveCount = 0;
  for (const day of tested) {
    const before = weeksBefore(day.day);
    const { normal } = splitOutliers([day, ...before]);
    if (before.length === 0 || !normal.includes(day)) continue;
    const forecast = hourTotals(forecastArrivals(before).byService);
    const actual = hourTotals(day.byService);
    const lastWeek = before.find((d) => Date.parse(day.day) - Date.parse(d.day) === 7 * 86_400_000);
    const naive = lastWeek ? hourTotals(lastWeek.byService) : null;
    let dayAbs = 0;
    let dayPct = 0;
    let dayPctN = 0;
    let dayNaive = 0;
    let hours = 0;
    actual.forEach((a, h) => {
      const f = forecast[h]!;
      if (a === 0 && f === 0) return;
      hours += 1;
      dayAbs += Math.abs(f - a);
      if (a > 0) {
        dayPct += Math.abs(f - a) / a;
        dayPctN += 1;
      }
      if (naive) dayNaive += Math.abs(naive[h]! - a);
    });
    if (hours === 0) continue;
    days.push({
      day: day.day,
      mae: dayAbs / hours,
      mape: dayPctN ? dayPct / dayPctN : null,
      naiveMae: naive ? dayNaive / hours : null,
      hours,
    });
    absSum += dayAbs;
    count += hours;
    pctSum += dayPct;
    pctCount += dayPctN;
    if (naive) {
      naiveSum += dayNaive;
      sameDaysAbs += dayAbs;
      naiveCount += hours;
    }
  }
  return {
    days,
    mae: count ? absSum / count : null,
    mape: pctCount ? pctSum / pctCount : null,
    naiveMae: naiveCount ? naiveSum / naiveCount : null,
    comparedMae: naiveCount ? sameDaysAbs / naiveCount : null,
  };
}
