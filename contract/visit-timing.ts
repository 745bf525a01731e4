/**
 * How a visit in progress stands against its time limits. Pure and shared by the counter
 * screen and the manager's live monitor, so both judge a visit by the same rule.
 *
 * The service target (default 4 minutes) is a target for the service itself: the walk from
 * the call to the desk (called → started) is not service and never counts as an overrun. A
 * long walk has its own, separate hint that the visitor may not be coming.
 */

/** A visit that occupies a counter: called (the visitor is walking) or being served. */
export type VisitState = 'called' | 'serving';

export type VisitPhase = 'walk' | 'service';

export interface VisitTiming {
  /** `walk` from the call until the clerk starts, `service` after. */
  phase: VisitPhase;
  /** Whole seconds in the current phase (never negative, even with clock skew). */
  elapsedSec: number;
  /** Service time has reached the target. Always `false` during the walk. */
  overTarget: boolean;
  /** Service time is past 1.5× the target. Always `false` during the walk. */
  farOverTarget: boolean;
  /** The walk has lasted `walkHintSec` or longer: the visitor may not be coming. */
  walkLong: boolean;
}

/**
 * Seconds after a call from which the walk to the desk counts as long (a hint of a no-show).
 * No hall setting exists for it yet; three minutes is well past the walk across a hall.
 */
export const DEFAULT_WALK_HINT_SEC = 180;

/** Service time past this multiple of the target is "far over". */
const FAR_OVER = 1.5;

/**
 * The phase of a visit and its alarms at `now`. Times are epoch ms; `targetSec` and
 * `walkHintSec` are seconds, and a non-positive value turns its alarm off. A missing
 * `calledAt`/`startedAt` reads as "just now" (elapsed 0).
 */
export function visitTiming(
  state: VisitState,
  calledAt: number | null,
  startedAt: number | null,
  now: number,
  targetSec: number,
  walkHintSec: number = DEFAULT_WALK_HINT_SEC,
): VisitTiming {
  const phase: VisitPhase = state === 'serving' ? 'service' : 'walk';
  const since = phase === 'service' ? startedAt : calledAt;
  const elapsedSec = since === null ? 0 : Math.max(0, Math.floor((now - since) / 1000));
  if (phase === 'walk') {
    return {
      phase,
      elapsedSec,
      overTarget: false,
      farOverTarget: false,
      walkLong: walkHintSec > 0 && elapsedSec >= walkHintSec,
    };
  }
  const target = targetSec > 0 ? targetSec : Infinity;
  return {
    phase,
    elapsedSec,
    overTarget: elapsedSec >= target,
    farOverTarget: elapsedSec > target * FAR_OVER,
    walkLong: false,
  };
}
