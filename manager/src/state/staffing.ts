import type { Lang } from '../../../contract/domain.js';
import type { StaffingHour, StaffingPlan } from '../../../contract/staffing.js';
import { addDays, isDay } from './date-range.js';
import { formatDay, formatDecimal, formatSeconds } from './format.js';
import { staffingText } from './staffing-text.js';

export type { StaffingHour, StaffingPlan };

/** The manager's default target: a mean wait of at most 5 minutes. */
export const DEFAULT_TARGET_MINUTES = 5;
export const MIN_TARGET_MINUTES = 0.5;
export const MAX_TARGET_MINUTES = 120;

/** How far ahead and back a plan may be asked for (the server's limits). */
export const MAX_DAYS_AHEAD = 28;
export const MAX_DAYS_BACK = 400;

/** Whether `date` is a real day the server will plan, seen from the hall's `today`. */
export function plannableDay(date: string, today: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isDay(date)) return false;
  return date <= addDays(today, MAX_DAYS_AHEAD) && date >= addDays(today, -MAX_DAYS_BACK);
}

/** The target typed by the manager (`4,5` or `4.5`), or null when it is not one we take. */
export function parseTarget(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  return n >= MIN_TARGET_MINUTES && n <= MAX_TARGET_MINUTES ? n : null;
}

/** `12:00–13:00`. */
export function hourRange(hour: number): string {
  const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;
  return `${hh(hour)}–${hh(hour + 1)}`;
}

/** One table row as shown. */
export interface PlanRow {
  hour: string;
  arrivals: string;
  hold: string;
  needed: string;
  /** The hall's counters cannot meet the target this hour. */
  short: boolean;
  open: string;
  expected: string;
  measured: string;
  understaffed: boolean;
}

/** The table rows of a plan. */
export function planRows(plan: StaffingPlan, lang: Lang): PlanRow[] {
  return plan.hours.map((h) => ({
    hour: hourRange(h.hour),
    arrivals: formatDecimal(lang, h.forecastArrivals, 1),
    hold: formatSeconds(h.holdSeconds),
    needed: String(h.countersNeeded),
    short: !h.feasible,
    open: formatDecimal(lang, h.actualOpenCounters, 1),
    expected: h.feasible ? formatSeconds(h.expectedWaitSeconds) : '—',
    measured: formatSeconds(h.measuredWaitSeconds),
    understaffed: h.understaffed,
  }));
}

/** Names of services in the page's language. */
function serviceNames(plan: StaffingPlan, ids: readonly string[], lang: Lang): string {
  return ids
    .map((id) => plan.services.find((s) => s.serviceId === id)?.name[lang] ?? id)
    .join(', ');
}

/** The sentences naming the hours where waits were long because too few counters were open. */
export function understaffedLines(plan: StaffingPlan, lang: Lang): string[] {
  const t = staffingText(lang);
  return plan.hours
    .filter((h) => h.understaffed)
    .map((h) =>
      t.understaffedLine(
        hourRange(h.hour),
        t.minutes(formatDecimal(lang, (h.measuredWaitSeconds ?? 0) / 60, 0)),
        formatDecimal(lang, h.actualOpenCounters, 1),
        String(h.countersNeeded),
      ),
    );
}

/** The sentences naming the hours the hall's counters cannot serve within the target. */
export function shortLines(plan: StaffingPlan, lang: Lang): string[] {
  const t = staffingText(lang);
  return plan.hours
    .filter((h) => !h.feasible)
    .map((h) =>
      t.shortLine(
        hourRange(h.hour),
        serviceNames(plan, h.unmetServiceIds, lang),
        h.countersNeeded,
        plan.counters.length,
      ),
    );
}

/** The back-test's result in one sentence. */
export function backtestSentence(plan: StaffingPlan, lang: Lang): string {
  const t = staffingText(lang);
  const b = plan.backtest;
  if (b.mae === null || b.days.length === 0) return t.noBacktest;
  // The naive forecast exists only for days whose week before is on record: both errors are
  // taken over those days alone (each day's two errors are over the same hours).
  const paired = b.days.filter((d) => d.naiveMae !== null);
  const hours = paired.reduce((s, d) => s + d.hours, 0);
  const naive =
    hours === 0
      ? null
      : {
          days: paired.length,
          mae: formatDecimal(lang, paired.reduce((s, d) => s + d.mae * d.hours, 0) / hours, 1),
          naive: formatDecimal(
            lang,
            paired.reduce((s, d) => s + d.naiveMae! * d.hours, 0) / hours,
            1,
          ),
        };
  return t.backtest(
    b.days.length,
    formatDecimal(lang, b.mae, 1),
    formatDecimal(lang, (b.mape ?? 0) * 100, 1),
    naive,
  );
}

/** Which past days the forecast used, left out, or found empty. */
export function historyLines(plan: StaffingPlan, lang: Lang): string[] {
  const t = staffingText(lang);
  const list = (days: string[]) => days.map((d) => formatDay(lang, d)).join(', ');
  const lines = [t.daysUsed(list(plan.usedDays))];
  if (plan.outlierDays.length) lines.push(t.outliers(list(plan.outlierDays)));
  if (plan.missingDays.length) lines.push(t.missing(list(plan.missingDays)));
  return lines;
}

/** What the chart draws. */
export interface PlanChart {
  hours: number[];
  needed: number[];
  open: Array<number | null>;
  arrivals: number[];
  understaffed: boolean[];
  /** Top of the counters axis (whole counters) and of the visitors axis. */
  counterMax: number;
  arrivalMax: number;
}

/** A round top for an axis: 1, 2 or 5 times a power of ten, at least `value`. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((k) => k * p).find((v) => v >= value)!;
}

export function planChart(plan: StaffingPlan): PlanChart {
  const h = plan.hours;
  const needed = h.map((x) => x.countersNeeded);
  const open = h.map((x) => x.actualOpenCounters);
  const arrivals = h.map((x) => x.forecastArrivals);
  return {
    hours: h.map((x) => x.hour),
    needed,
    open,
    arrivals,
    understaffed: h.map((x) => x.understaffed),
    counterMax: Math.max(1, ...needed, ...open.map((o) => Math.ceil(o ?? 0))),
    arrivalMax: niceMax(Math.max(0, ...arrivals)),
  };
}

/** The chart as a sentence for screen readers. */
export function chartSummary(plan: StaffingPlan, lang: Lang): string {
  const peak = [...plan.hours].sort((a, b) => b.countersNeeded - a.countersNeeded)[0];
  if (!peak) return '';
  return staffingText(lang).chartSummary(
    hourRange(peak.hour),
    peak.countersNeeded,
    peak.actualOpenCounters === null ? null : formatDecimal(lang, peak.actualOpenCounters, 1),
  );
}
