import type { PublicServiceQueue, Service, WaitEstimate } from '../../../contract/domain.js';
import type { HallConfig } from './hall-config.js';
import type { HallState } from './state.js';

const MINUTE = 60_000;

/** Mean of the recent service times of a service, seeded with its target. */
export function meanServiceMs(state: HallState, service: Service): number {
  const recent = state.recentServiceMs.get(service.id) ?? [];
  const seed = service.targetMinutes * MINUTE;
  // The target counts as one observation, so a single fast visit cannot zero the estimate.
  return recent.reduce((sum, ms) => sum + ms, seed) / (recent.length + 1);
}

/** Counters open now (not paused or closed) that cover a service. */
export function openCountersFor(state: HallState, config: HallConfig, serviceId: string): number {
  let n = 0;
  for (const counter of config.counters.values()) {
    if (state.counters.get(counter.id)?.status !== 'open') continue;
    if (counter.services.some((s) => s.serviceId === serviceId)) n += 1;
  }
  return n;
}

function estimateFor(
  state: HallState,
  service: Service,
  ahead: number,
  counters: number,
): WaitEstimate {
  if (counters === 0) return { kind: 'no-open-counter' };
  return { kind: 'minutes', minutes: ahead <= 0 ? 0 : minutesFor(state, service, ahead, counters) };
}

function minutesFor(state: HallState, service: Service, ahead: number, counters: number): number {
  return Math.max(1, Math.round(((ahead / counters) * meanServiceMs(state, service)) / MINUTE));
}

/**
 * What a visitor with `ahead` people in front of them is told. With no covering counter open
 * (closed or paused: neither is calling) there is no honest time, not even "no wait" for the
 * first in line, so the estimate says so.
 */
export function waitEstimate(
  state: HallState,
  config: HallConfig,
  service: Service,
  ahead: number,
): WaitEstimate {
  return estimateFor(state, service, ahead, openCountersFor(state, config, service.id));
}

/**
 * The hall refuses a new ticket for the service: none of its counters is open, and the hall
 * is set to refuse then (`whenNoCounterOpen: 'refuse'`).
 */
export function refusesTickets(state: HallState, config: HallConfig, serviceId: string): boolean {
  return (
    config.hall.whenNoCounterOpen === 'refuse' && openCountersFor(state, config, serviceId) === 0
  );
}

/**
 * Waiting count, longest wait and estimate for every service of the hall, for staff and
 * visitors alike: with no covering counter open the estimate says so for both.
 */
export function serviceQueues(state: HallState, config: HallConfig): PublicServiceQueue[] {
  const out: PublicServiceQueue[] = [];
  for (const service of config.services.values()) {
    const ids = state.waiting.get(service.id) ?? new Set<string>();
    const counters = openCountersFor(state, config, service.id);
    // Tickets join the set as they join the line (issue, requeue, restore, transfer all at
    // "now"), so the first one has waited longest: no scan of the whole line per event.
    const first = ids.values().next();
    const oldest = first.done ? null : (state.tickets.get(first.value)?.queuedAt ?? null);
    out.push({
      serviceId: service.id,
      waiting: ids.size,
      oldestQueuedAt: oldest,
      estimate: estimateFor(state, service, ids.size, counters),
      refusesTickets: counters === 0 && config.hall.whenNoCounterOpen === 'refuse',
    });
  }
  return out;
}
