import { describe, expect, it } from 'vitest';
import {
  erlangB,
  erlangC,
  meanWait,
  serversForMeanWait,
} from '../../../../server/src/stats/staffing/erlang-c.js';

/**
 * Published example: 100 calls in 30 minutes, 180 s average handling time (A = 10 erlangs), as
 * in Call Centre Helper's "Erlang C formula – made simple" and reproduced in the README of the
 * CRAN package ErlangC 0.1.0 (https://rdocumentation.org/packages/ErlangC/versions/0.1.0):
 * with 14 agents the wait probability is 0.1741319 and the average speed of answer
 * 7.83593701177724 s; with 11 agents the wait probability is 0.6821182.
 */
const RATE = 100 / 1800; // per second
const HANDLE = 180; // seconds

/** Erlang C by the textbook sum, in log space (an independent check for large c). */
function erlangCBySum(c: number, a: number): number {
  const logTerm = (k: number) => {
    let s = k * Math.log(a);
    for (let i = 2; i <= k; i++) s -= Math.log(i);
    return s;
  };
  const top = Math.exp(logTerm(c)) * (c / (c - a));
  let sum = 0;
  for (let k = 0; k < c; k++) sum += Math.exp(logTerm(k));
  return top / (sum + top);
}

describe('Erlang C', () => {
  it('when the published call-centre example is computed, then it gives the published values', () => {
    expect(erlangC(14, RATE * HANDLE)).toBeCloseTo(0.1741319, 7);
    expect(meanWait(14, RATE, HANDLE)).toBeCloseTo(7.83593701177724, 9);
    expect(erlangC(11, RATE * HANDLE)).toBeCloseTo(0.6821182, 7);
  });

  it('when there is one or two servers, then it matches the closed forms of M/M/1 and M/M/2', () => {
    // M/M/1: P(wait) = ρ, Wq = ρ / (μ − λ).
    expect(erlangC(1, 0.75)).toBeCloseTo(0.75, 12);
    expect(meanWait(1, 0.75, 1)).toBeCloseTo(0.75 / (1 - 0.75), 12);
    // M/M/2 with A = 1: B(2, 1) = (1/2) / (1 + 1 + 1/2) = 0.2, C = 2·0.2 / (2 − 0.8) = 1/3.
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
    expect(erlangB(2, 1)).toBeCloseTo(0.2, 12);
  });

  it('when c is up to 50, then the recursion agrees with the textbook sum', () => {
    for (const [c, a] of [
      [20, 15],
      [35, 30.5],
      [50, 45],
      [50, 49.9],
    ] as const) {
      expect(erlangC(c, a)).toBeCloseTo(erlangCBySum(c, a), 10);
    }
    // Past ~170 servers the sum overflows doubles; the recursion stays a probability.
    const big = erlangC(400, 390);
    expect(big).toBeGreaterThan(0);
    expect(big).toBeLessThan(1);
  });

  it('when servers are added, then the wait falls; when arrivals grow, then it rises', () => {
    let previous = Number.POSITIVE_INFINITY;
    for (let c = 11; c <= 30; c++) {
      const w = meanWait(c, RATE, HANDLE);
      expect(w).toBeLessThan(previous);
      previous = w;
    }
    previous = 0;
    for (let calls = 10; calls <= 120; calls += 10) {
      const w = meanWait(14, calls / 1800, HANDLE);
      expect(w).toBeGreaterThan(previous);
      previous = w;
    }
  });

  it('when the load reaches the servers, then the wait is unbounded and everyone waits', () => {
    expect(meanWait(10, RATE, HANDLE)).toBe(Number.POSITIVE_INFINITY);
    expect(erlangC(10, 10)).toBe(1);
    expect(meanWait(3, 0, HANDLE)).toBe(0);
  });

  it('when a target wait is given, then the fewest servers meeting it are chosen', () => {
    // Wq(14) = 7.836 s and Wq(13) is above it.
    expect(serversForMeanWait(RATE, HANDLE, 7.84)).toBe(14);
    expect(serversForMeanWait(RATE, HANDLE, 7.83)).toBe(15);
    expect(meanWait(13, RATE, HANDLE)).toBeGreaterThan(7.84);
    expect(serversForMeanWait(0, HANDLE, 60)).toBe(0);
    expect(() => serversForMeanWait(RATE, HANDLE, 0)).toThrow(RangeError);
  });
});
