import { describe, expect, it } from 'vitest';
import { WEBHOOK_LIMITS } from '../../../contract/webhooks.js';
import { backoffMs, isFailing } from '../../../server/src/webhooks/webhook-backoff.js';

const middle = () => 0.5;
const lowest = () => 0;
// Just under 1, as Math.random can be; the jitter's top is then +10 % less a rounding.
const highest = () => 1 - Number.EPSILON;
const HOUR = 3_600_000;

describe('webhook back-off', () => {
  it.each([
    [0, 0],
    [1, 10_000],
    [2, 20_000],
    [3, 40_000],
    [4, 80_000],
    [9, 2_560_000],
    [10, HOUR],
    [11, HOUR],
    [500, HOUR],
    [5_000, HOUR],
  ])('when %i attempts failed, then the next waits %i ms (no jitter)', (failed, ms) => {
    expect(backoffMs(failed, middle)).toBe(ms);
  });

  it('when jitter is drawn, then it stays within ±10 % of the step, the cap included', () => {
    expect(backoffMs(1, lowest)).toBe(9_000);
    expect(backoffMs(1, highest)).toBe(11_000);
    expect(backoffMs(30, lowest)).toBe(3_240_000);
    expect(backoffMs(30, highest)).toBe(3_960_000);
    for (let i = 0; i < 200; i++) {
      const ms = backoffMs(3);
      expect(ms).toBeGreaterThanOrEqual(36_000);
      expect(ms).toBeLessThanOrEqual(44_000);
    }
  });

  it('when the count is not a whole number ≥ 0, then it is refused', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => backoffMs(bad)).toThrow(RangeError);
  });

  it('when the schedule runs a day, then 32 tries fit (9 doubling steps, 1.42 h, then 22 hourly)', () => {
    let at = 0;
    let tries = 1;
    while (at + backoffMs(tries, middle) < WEBHOOK_LIMITS.failingAfterMs) {
      at += backoffMs(tries, middle);
      tries++;
    }
    expect(tries).toBe(32);
  });

  it('when the head event has failed for a day, then the endpoint is failing', () => {
    const since = 1_000_000;
    expect(isFailing(null, since + 10 * WEBHOOK_LIMITS.failingAfterMs)).toBe(false);
    expect(isFailing(since, since)).toBe(false);
    expect(isFailing(since, since + WEBHOOK_LIMITS.failingAfterMs - 1)).toBe(false);
    expect(isFailing(since, since + WEBHOOK_LIMITS.failingAfterMs)).toBe(true);
  });
});
