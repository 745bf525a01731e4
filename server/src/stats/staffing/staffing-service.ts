import type { StaffingPlan } from '../../../../contract/staffing.js';
import { localDay } from '../../domain/index.js';
import { summaryRecords } from '../day-summary.js';
import type { RecordsSourceDeps } from '../records-source.js';
import { foldRecords } from '../ticket-records.js';
import { observeDay, type DayObservation } from './day-observation.js';
import { daysToRead, staffingPlan } from './staffing-plan.js';

export interface StaffingServiceDeps extends RecordsSourceDeps {
  now: () => number;
}

/**
 * Reads the few past days a staffing plan needs (twelve same weekdays at most) and hands them
 * to the pure plan. A day's visits come from its day summary (folded from the journal when it
 * has none); the counters' open, pause and close events from its journal. A day whose journal
 * is gone keeps its visits, with its counters' hours unknown. Only days before today are read,
 * so the live day's growing journal is never one of them.
 */
export class StaffingService {
  constructor(private readonly deps: StaffingServiceDeps) {}

  /** The plan of `date` for a hall; undefined for an unknown hall. */
  async plan(
    hallId: string,
    date: string,
    targetWaitMinutes: number,
  ): Promise<StaffingPlan | undefined> {
    const config = this.deps.hallConfig(hallId);
    if (!config) return undefined;
    const { hall } = config;
    const today = localDay(this.deps.now(), hall.timeZone);
    const wanted = daysToRead(date, today);
    const [journalled, summarised] = await Promise.all([
      this.deps.journal.days(hallId),
      this.deps.summaries.days(hallId),
    ]);
    const known = new Set([...journalled, ...summarised]);
    const observations = new Map<string, DayObservation>();
    for (const day of wanted) {
      if (!known.has(day)) continue;
      const [{ events }, summary] = await Promise.all([
        this.deps.journal.read(hallId, day),
        this.deps.summaries.read(hallId, day),
      ]);
      // A closed day's records come from its summary (decoding beats folding ten to one);
      // the counters' hours only the journal holds.
      const records =
        (summary && summaryRecords(summary)) ??
        (events.length > 0 ? foldRecords(events, hall, config.services) : undefined);
      if (!records || records.length === 0) continue;
      observations.set(
        day,
        observeDay(day, records, events.length > 0 ? events : null, hall.timeZone),
      );
    }
    return staffingPlan({
      hallId,
      timeZone: hall.timeZone,
      date,
      today,
      targetWaitMinutes,
      services: [...config.services.values()],
      counters: [...config.counters.values()],
      observations,
    });
  }
}
