/**
 * M/M/c queue formulas (Erlang C) for staffing: Poisson arrivals, exponential service times,
 * `c` identical servers, first come first served, nobody leaves the line.
 *
 * Computed through the Erlang B recursion `B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1))`, which
 * never forms `A^c` or `c!` and so stays accurate for any `c` (the textbook sum overflows
 * doubles near c = 170 and loses precision well before).
 */

/** Erlang B: the share of arrivals that find all `servers` busy in a loss system of load `a`. */
export function erlangB(servers: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (a * b) / (k + a * b);
  return b;
}

/**
 * Erlang C: the probability that an arrival must wait, with offered load `a` erlangs (arrival
 * rate × mean service time) and `servers` servers; 1 when the load is at or over capacity.
 */
export function erlangC(servers: number, a: number): number {
  if (a <= 0) return 0;
  if (servers <= a) return 1;
  const b = erlangB(servers, a);
  return (servers * b) / (servers - a * (1 - b));
}

/**
 * Mean wait in the line (Wq) of an M/M/c queue, in the unit of `serviceTime`:
 * `C(c, A) · serviceTime / (c − A)` with `A = arrivalRate · serviceTime`. Infinity when the
 * servers cannot keep up (the line grows without end).
 */
export function meanWait(servers: number, arrivalRate: number, serviceTime: number): number {
  const a = arrivalRate * serviceTime;
  if (a <= 0) return 0;
  if (servers <= a) return Number.POSITIVE_INFINITY;
  return (erlangC(servers, a) * serviceTime) / (servers - a);
}

/**
 * The fewest servers that keep the mean wait at or under `targetWait` (same unit as
 * `serviceTime`); 0 when nothing arrives. Starts from the smallest stable number, so the
 * search is a few steps even for large loads.
 */
export function serversForMeanWait(
  arrivalRate: number,
  serviceTime: number,
  targetWait: number,
): number {
  if (!(targetWait > 0)) throw new RangeError('The target wait must be above zero.');
  const a = arrivalRate * serviceTime;
  if (a <= 0) return 0;
  let c = Math.floor(a) + 1;
  while (meanWait(c, arrivalRate, serviceTime) > targetWait) c += 1;
  return c;
}
