/**
 * The staffing plan (`GET /api/stats/staffing?date=&targetWaitMinutes=`): how many counters
 * each hour of a day needs to keep the mean wait under a target, from the same weekday of the
 * eight weeks before it. Durations are seconds; hours are local to the hall (0–23).
 */

export interface StaffingHour {
  hour: number;
  /** Expected visits issued in the hour (all services; a mean, so fractional). */
  forecastArrivals: number;
  /** Expected visits per service id. */
  forecastByService: Record<string, number>;
  /** Mean counter time per visit in the hour (services weighted by their visits). */
  holdSeconds: number | null;
  /**
   * Counters the hour needs. When `feasible` is false this is more than the hall has: all its
   * counters plus the shortfall of the group of services worst served.
   */
  countersNeeded: number;
  /** Which counters (ids): the fewest whose services cover the hour's demand; all when short. */
  counterIds: string[];
  /** False when all the hall's counters together cannot meet the target. */
  feasible: boolean;
  /** Services the hall's counters cannot serve within the target (when not feasible). */
  unmetServiceIds: string[];
  /** Mean wait the model expects with the plan's counters; null when over capacity. */
  expectedWaitSeconds: number | null;
  /** Counters open on the history days in this hour (mean); null when not recorded. */
  actualOpenCounters: number | null;
  /** Measured mean wait of the visits issued in this hour on the history days. */
  measuredWaitSeconds: number | null;
  /** The measured wait was over the target and fewer counters were open than the plan says. */
  understaffed: boolean;
}

export interface StaffingService {
  serviceId: string;
  name: { tr: string; en: string };
  /** Counter time per visit used by the plan: first call to the end of the visit. */
  holdSeconds: number;
  /** Visits it was measured on; 0 when the service's target stands in for it. */
  samples: number;
}

export interface StaffingBacktestDay {
  day: string;
  /** Mean absolute error of the hourly arrivals forecast, visits per hour. */
  mae: number;
  /** Mean absolute percentage error over the hours that had visits (0–1). */
  mape: number | null;
  /** The same error of the naive forecast "as on the same day last week". */
  naiveMae: number | null;
  /** Hours compared (those with visits forecast or seen). */
  hours: number;
}

export interface StaffingBacktest {
  /** Each past same weekday forecast from the eight weeks before it. */
  days: StaffingBacktestDay[];
  /** Over all the days' hours together; null with no day to test. */
  mae: number | null;
  mape: number | null;
  /** "As on the same day last week", over the days whose week before is on record only. */
  naiveMae: number | null;
  /** The forecast's error over those same days and hours: the figure to compare with naiveMae. */
  comparedMae: number | null;
}

export interface StaffingPlan {
  hallId: string;
  timeZone: string;
  date: string;
  /** ISO weekday of `date`: 1 Monday … 7 Sunday. */
  weekday: number;
  targetWaitMinutes: number;
  /** The same weekdays looked at (the eight weeks before `date`, those already past). */
  historyDays: string[];
  /** Of those, the days with visits that the forecast used. */
  usedDays: string[];
  /** Days left out as holidays or half days (under half the median day's visits). */
  outlierDays: string[];
  /** Days with no history at all (closed, or before the hall's records begin). */
  missingDays: string[];
  services: StaffingService[];
  /** The counters of the hall, as the plan may open them. */
  counters: Array<{ counterId: string; number: number; name: string; serviceIds: string[] }>;
  /** Hours with visits forecast or counters open on the history days, in order. */
  hours: StaffingHour[];
  backtest: StaffingBacktest;
}
