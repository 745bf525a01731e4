import type { VisitTiming } from '../../../contract/visit-timing.js';

/**
 * How a visit at a counter stands, as the live monitor shows it (as a colour and always in
 * words). While the visitor walks to the desk (called, not started) the visit is `walk`, or
 * `walk-long` past the walk hint (they may not be coming): neither is an overrun, because the
 * service target is a target for service time. Once served: within the target, at or past it
 * (amber), or past 1.5× (red). The rule itself is `visitTiming`, shared with the counter.
 */
export type VisitLevel = 'walk' | 'walk-long' | 'within' | 'over' | 'far-over';

/** The level of a visit from its timing. */
export function visitLevel(t: VisitTiming): VisitLevel {
  if (t.phase === 'walk') return t.walkLong ? 'walk-long' : 'walk';
  if (t.farOverTarget) return 'far-over';
  return t.overTarget ? 'over' : 'within';
}

/** Whether a level counts as a visit over its target (service time only, never the walk). */
export function isOverrun(level: VisitLevel): boolean {
  return level === 'over' || level === 'far-over';
}

/** Elapsed time of a visit at `now`; never negative (a clock a little ahead of the server). */
export function elapsedMs(since: number, now: number): number {
  return Math.max(0, now - since);
}
