/**
 * How a running visit compares with its service's target: within it, at or past it (amber),
 * or past 1.5× (red). The live monitor shows the level as a colour and always as text.
 */
export type OverrunLevel = 'within' | 'over' | 'far-over';

const MINUTE = 60_000;

/** Amber from the target on, red past 1.5× the target; a non-positive target never warns. */
export function overrunLevel(elapsedMs: number, targetMinutes: number): OverrunLevel {
  if (!(targetMinutes > 0)) return 'within';
  const target = targetMinutes * MINUTE;
  if (elapsedMs > target * 1.5) return 'far-over';
  if (elapsedMs >= target) return 'over';
  return 'within';
}

/** Elapsed time of a visit at `now`; never negative (a clock a little ahead of the server). */
export function elapsedMs(since: number, now: number): number {
  return Math.max(0, now - since);
}
