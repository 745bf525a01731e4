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
 * to the pure plan. Each day is folded from its journal, which also holds the counters'
 * open, pause and close events; a day whose journal is gone is read from its summary, with
 * its counters' hours unknown.
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
      const { events } = await this.deps.journal.read(hallId, day);
      let observation: DayObservation | undefined;
      if (events.length > 0) {
        const records = foldRecords(events, hall, config.services);
        observation = observeDay(day, records, events, hall.timeZone);
      } else {
        const summary = await this.deps.summaries.read(hallId, day);
        const records = summary && summaryRecords(summary);
        if (records) observation = observeDay(day, records, null, hall.timeZone);
      }
      if (observation && Object.keys(observation.byService).length > 0)
        observations.set(day, observation);
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
