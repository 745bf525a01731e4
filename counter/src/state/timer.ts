import type { VisitTiming } from '../../../contract/visit-timing.js';

/** How a running visit compares with its service's target time. */
export type TimerLevel = 'neutral' | 'amber' | 'red';

const MINUTE = 60_000;

/**
 * Neutral below the target, amber from the target on, red past 1.5× the target.
 * A non-positive target never warns.
 */
export function timerLevel(elapsedMs: number, targetMinutes: number): TimerLevel {
  if (!(targetMinutes > 0)) return 'neutral';
  const target = targetMinutes * MINUTE;
  if (elapsedMs > target * 1.5) return 'red';
  if (elapsedMs >= target) return 'amber';
  return 'neutral';
}

/** `m:ss` (or `h:mm:ss` past an hour); negative durations (clock skew) show as 0:00. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** The timer's colour level from the shared rule: only service time is ever amber or red. */
export function levelOf(timing: VisitTiming): TimerLevel {
  if (timing.farOverTarget) return 'red';
  if (timing.overTarget) return 'amber';
  return 'neutral';
}
