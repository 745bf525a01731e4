import type { ServiceQueue, Service } from '../../../contract/domain.js';
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

/** Counters open now (not paused or closed) that cover a service; at least 1 for estimates. */
export function openCountersFor(state: HallState, config: HallConfig, serviceId: string): number {
  let n = 0;
  for (const counter of config.counters.values()) {
    if (state.counters.get(counter.id)?.status !== 'open') continue;
    if (counter.services.some((s) => s.serviceId === serviceId)) n += 1;
  }
  return n;
}

/** Minutes until someone with `ahead` people in front of them is likely called. */
export function estimatedWaitMinutes(
  state: HallState,
  config: HallConfig,
  service: Service,
  ahead: number,
): number {
  if (ahead <= 0) return 0;
  const counters = Math.max(1, openCountersFor(state, config, service.id));
  return Math.max(1, Math.round(((ahead / counters) * meanServiceMs(state, service)) / MINUTE));
}

/** Waiting count, longest wait and estimate for every service of the hall. */
export function serviceQueues(state: HallState, config: HallConfig): ServiceQueue[] {
  const out: ServiceQueue[] = [];
  for (const service of config.services.values()) {
    const ids = state.waiting.get(service.id) ?? new Set<string>();
    // Tickets join the set as they join the line (issue, requeue, restore, transfer all at
    // "now"), so the first one has waited longest: no scan of the whole line per event.
    const first = ids.values().next();
    const oldest = first.done ? null : (state.tickets.get(first.value)?.queuedAt ?? null);
    out.push({
      serviceId: service.id,
      waiting: ids.size,
      oldestQueuedAt: oldest,
      estimatedWaitMinutes: estimatedWaitMinutes(state, config, service, ids.size),
    });
  }
  return out;
}
