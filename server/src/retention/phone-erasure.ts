import { localDay } from '../domain/index.js';
import type { ConfigStore, DaySummaryStore, EventJournal } from '../store/store.js';

/*
 * A visitor's mobile number for the SMS when the turn nears is kept for its day only (KVKK,
 * and the consent text says so): once the day is closed, `ticket:sms-requested` keeps the
 * request and its threshold, with the number blanked (`''`) in the journal. The day summary
 * never had it (visit records ignore the SMS events).
 */

export interface PhoneErasureDeps {
  config: ConfigStore;
  journal: EventJournal;
  summaries: DaySummaryStore;
  now: () => number;
  log: (msg: string) => void;
}

export interface PhoneErasureReport {
  /** Numbers blanked in the journals. */
  phones: number;
  /** Closed days that could not be rewritten (logged); the next pass tries them again. */
  failedDays: string[];
  /** Every day before this one is done: the next pass starts here. */
  reached: string;
}

/**
 * Blanks the numbers of every closed day (a day before today with its summary written) from
 * `since` (inclusive). A day before today not yet closed (its close is pending, or failed) and
 * a day whose rewrite fails stop `reached` there, so the next pass takes them again.
 */
export async function eraseClosedDayPhones(
  deps: PhoneErasureDeps,
  hallId: string,
  since = '',
): Promise<PhoneErasureReport> {
  const report: PhoneErasureReport = { phones: 0, failedDays: [], reached: since };
  const blankPhones = deps.journal.blankPhones?.bind(deps.journal);
  const hall = deps.config.read().halls.find((h) => h.id === hallId);
  if (!blankPhones || !hall) return report;
  const today = localDay(deps.now(), hall.timeZone);
  const closed = new Set(await deps.summaries.days(hallId));
  const days = (await deps.journal.days(hallId)).filter((d) => d >= since && d < today);
  let stop: string | null = null;
  for (const day of days) {
    if (!closed.has(day)) {
      stop ??= day;
      continue;
    }
    try {
      report.phones += await blankPhones(hallId, day);
    } catch (err) {
      stop ??= day;
      report.failedDays.push(day);
      deps.log(
        `phone erasure: hall ${hallId}, day ${day} failed: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
  report.reached = stop ?? today;
  if (report.phones > 0)
    deps.log(`phone erasure: hall ${hallId}: blanked ${report.phones} SMS numbers of closed days`);
  return report;
}
