import type {
  CounterStatus,
  PauseReason,
  PriorityGroup,
  WaitEstimate,
} from '../../../contract/domain.js';
import type { LiveModel } from './live-model.js';
import { DEFAULT_WALK_HINT_SEC, visitTiming } from '../../../contract/visit-timing.js';
import { elapsedMs, isOverrun, visitLevel, type VisitLevel } from './overrun.js';

export interface Bilingual {
  tr: string;
  en: string;
}

/** The visit a counter is on: called (waiting for the visitor) or being served. */
export interface CounterVisit {
  ticketId: string;
  number: string;
  serviceId: string;
  serviceName: Bilingual;
  priority: PriorityGroup | null;
  phase: 'called' | 'serving';
  /** When the clock started: the start of service, or the last call while only called. */
  since: number;
  /** Time in the current phase: the walk since the last call, or the service since its start. */
  elapsedMs: number;
  targetMinutes: number;
  /** Seconds of walk after which the visitor may not be coming. */
  walkHintSec: number;
  level: VisitLevel;
  recalls: number;
}

export interface CounterRow {
  id: string;
  number: number;
  name: string;
  status: CounterStatus;
  clerkName: string | null;
  pauseReason: PauseReason | null;
  visit: CounterVisit | null;
  /** Names of the services the counter covers, in its configured order. */
  services: Bilingual[];
}

export interface ServiceRow {
  id: string;
  prefix: string;
  name: Bilingual;
  active: boolean;
  waiting: number;
  /** How long the first in line has waited; null when nobody waits. */
  longestWaitMs: number | null;
  /** What a newcomer would be told: a time, or that no counter covering the service is open. */
  estimate: WaitEstimate;
  /** Open counters covering the service (paused and closed ones do not call). */
  openCounters: number;
  /** Someone has waited past the hall's escalation limit (they go first at the next call). */
  escalated: boolean;
}

export interface LiveSummary {
  waiting: number;
  open: number;
  paused: number;
  closed: number;
  /** Visits at the counters now (called or in service). */
  atCounters: number;
  /** Of those in service, the ones at or past their target (a walk to the desk never counts). */
  overTarget: number;
  /** Called visitors who have not come for longer than the walk hint (maybe a no-show). */
  walkingLong: number;
  longestWaitMs: number | null;
}

/** The hall's clock: local time corrected by the offset measured at the last snapshot. */
export function serverNow(model: LiveModel, localNow: number): number {
  return localNow + model.clockOffsetMs;
}

function nameOf(model: LiveModel, serviceId: string): Bilingual {
  return model.services.find((s) => s.id === serviceId)?.name ?? { tr: serviceId, en: serviceId };
}

/** Each counter as the monitor shows it, with its visit's elapsed time and overrun at `now`. */
export function counterRows(model: LiveModel, now: number): CounterRow[] {
  return model.counters.map((c) => {
    const t = c.currentTicketId ? model.tickets.get(c.currentTicketId) : undefined;
    let visit: CounterVisit | null = null;
    if (t && (t.status === 'called' || t.status === 'serving')) {
      const since = t.status === 'serving' ? t.startedAt : t.lastCalledAt;
      const service = model.services.find((s) => s.id === t.serviceId);
      const target = service?.targetMinutes ?? 0;
      const timing = visitTiming(
        t.status,
        t.lastCalledAt,
        t.startedAt,
        now,
        target * 60,
        DEFAULT_WALK_HINT_SEC,
      );
      visit = {
        ticketId: t.id,
        number: t.number,
        serviceId: t.serviceId,
        serviceName: nameOf(model, t.serviceId),
        priority: t.priority,
        phase: t.status,
        since: since ?? now,
        elapsedMs: timing.elapsedSec * 1000,
        targetMinutes: target,
        walkHintSec: DEFAULT_WALK_HINT_SEC,
        level: visitLevel(timing),
        recalls: t.recalls,
      };
    }
    return {
      id: c.id,
      number: c.number,
      name: c.name,
      status: c.status,
      clerkName: c.clerkName,
      pauseReason: c.status === 'paused' ? c.pauseReason : null,
      visit,
      services: c.services.map((s) => nameOf(model, s.serviceId)),
    };
  });
}

/** Each service's line: waiting, the longest wait at `now`, the estimate, open counters. */
export function serviceRows(model: LiveModel, now: number): ServiceRow[] {
  const escalationMs = model.hall.escalationMinutes * 60_000;
  return model.services.map((s) => {
    const q = model.queues.find((x) => x.serviceId === s.id);
    const longest =
      q && q.waiting > 0 && q.oldestQueuedAt !== null ? elapsedMs(q.oldestQueuedAt, now) : null;
    const openCounters = model.counters.filter(
      (c) => c.status === 'open' && c.services.some((x) => x.serviceId === s.id),
    ).length;
    return {
      id: s.id,
      prefix: s.prefix,
      name: s.name,
      active: s.active,
      waiting: q?.waiting ?? 0,
      longestWaitMs: longest,
      // A service with no line from the server yet has nobody waiting: its counters decide.
      estimate:
        q?.estimate ??
        (openCounters === 0 ? { kind: 'no-open-counter' } : { kind: 'minutes', minutes: 0 }),
      openCounters,
      escalated: longest !== null && escalationMs > 0 && longest >= escalationMs,
    };
  });
}

/** The figures above the board: counters by state, people waiting, visits over target. */
export function liveSummary(counters: CounterRow[], services: ServiceRow[]): LiveSummary {
  const visits = counters.flatMap((c) => (c.visit ? [c.visit] : []));
  const waits = services.flatMap((s) => (s.longestWaitMs === null ? [] : [s.longestWaitMs]));
  return {
    waiting: services.reduce((n, s) => n + s.waiting, 0),
    open: counters.filter((c) => c.status === 'open').length,
    paused: counters.filter((c) => c.status === 'paused').length,
    closed: counters.filter((c) => c.status === 'closed').length,
    atCounters: visits.length,
    overTarget: visits.filter((v) => isOverrun(v.level)).length,
    walkingLong: visits.filter((v) => v.level === 'walk-long').length,
    longestWaitMs: waits.length === 0 ? null : Math.max(...waits),
  };
}
