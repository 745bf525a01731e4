import { WEBHOOK_LIMITS } from '../../../contract/webhooks.js';

/*
 * The retry schedule of an endpoint whose head event fails: 10 s, 20 s, 40 s … doubling up to
 * an hour apart, each ±10 % so that endpoints which failed together (a receiver down for all of
 * them) do not retry in lockstep. Retries never stop by themselves: after a day the endpoint is
 * shown failing and goes on being tried hourly, so it catches up when the receiver is back.
 */

const JITTER = 0.1;

/**
 * How long to wait before the next try after `failedAttempts` failed ones (1 after the first
 * failure); 0 when none failed. `random` in [0, 1) picks the jitter (tests pass a fixed one).
 */
export function backoffMs(failedAttempts: number, random: () => number = Math.random): number {
  if (!Number.isSafeInteger(failedAttempts) || failedAttempts < 0)
    throw new RangeError(`failed attempts must be a whole number ≥ 0, not ${failedAttempts}`);
  if (failedAttempts === 0) return 0;
  const { firstBackoffMs, maxBackoffMs } = WEBHOOK_LIMITS;
  // 2 ** 1074 is Infinity, not an overflow: min() still gives the cap.
  const base = Math.min(firstBackoffMs * 2 ** (failedAttempts - 1), maxBackoffMs);
  return Math.round(base * (1 + (random() * 2 - 1) * JITTER));
}

/** True when the head event has failed for `failingAfterMs` (a day): the endpoint is failing. */
export function isFailing(failingSince: number | null, now: number): boolean {
  return failingSince !== null && now - failingSince >= WEBHOOK_LIMITS.failingAfterMs;
}
