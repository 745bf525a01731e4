import { describe, expect, it } from 'vitest';
import type { WaitEstimate } from '../../../contract/domain.js';
import {
  joinEstimate,
  quickEstimate,
  ticketEstimate,
  type HallConfig,
  type HallState,
} from '../../../server/src/domain/index.js';
import {
  at,
  callNext,
  issue,
  makeConfig,
  makeCounter,
  must,
  newDay,
  open,
  RUHSAT,
  VEZNE,
} from './fixtures.js';

/*
 * The forecast replays the calling rules over the line as it stands: each call takes the
 * walk (30 s) and the service's mean (vezne 4 min, ruhsat 6 min here, their targets), so a
 * vezne visit frees its counter 4.5 min after the call.
 */

const service = (config: HallConfig, id: string) => config.services.get(id)!;
const joining = (state: HallState, config: HallConfig, id: string, now: number, priority = false) =>
  joinEstimate(state, config, service(config, id), priority ? 'elderly' : null, now);
/** The most likely minutes of an estimate (a range's too); null when none is promised. */
const likely = (e: WaitEstimate) => (e.kind === 'no-open-counter' ? null : e.minutes);

/** Starts a vezne visit at a counter at `from` (issued, called and started then). */
function busy(state: HallState, config: HallConfig, counterId: string, from: number): void {
  if (state.counters.get(counterId)?.status !== 'open')
    open(state, config, counterId, counterId, from);
  issue(state, config, VEZNE, from);
  callNext(state, config, counterId, counterId, from);
  must(state, config, { type: 'start', counterId, clerkId: counterId }, from);
}

describe('the forecast: calls in progress', () => {
  it('when the only counter is one minute into a visit, then the first in line waits the rest of it, not zero', () => {
    const state = newDay();
    const config = makeConfig();
    busy(state, config, 'c2', at(0));

    expect(joining(state, config, VEZNE, at(1))).toEqual({ kind: 'minutes', minutes: 3 });
    expect(quickEstimate(state, config, service(config, VEZNE), 0)).toEqual({
      kind: 'minutes',
      minutes: 0,
    });
  });

  it('when the visit has run past its mean, then a share of the mean is still expected, not zero', () => {
    const state = newDay();
    const config = makeConfig();
    busy(state, config, 'c2', at(0));

    // 30% of 4 min: a long visit is more likely to go on a little than to end this second.
    expect(joining(state, config, VEZNE, at(10))).toEqual({ kind: 'minutes', minutes: 1 });
  });

  it('when a counter is free, then the first in line is told no wait', () => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c2', 'c2', at(0));

    expect(joining(state, config, VEZNE, at(1))).toEqual({ kind: 'minutes', minutes: 0 });
  });
});

describe('the forecast: which counters cover the service, and their weights', () => {
  function shared(vezneWeight: number) {
    const state = newDay();
    const config = makeConfig({ counters: [makeCounter('c1', 1, [[VEZNE, vezneWeight], RUHSAT])] });
    open(state, config, 'c1', 'c1', at(0));
    issue(state, config, RUHSAT, at(0));
    issue(state, config, RUHSAT, at(1));
    return { state, config };
  }

  it('when the only vezne counter also serves a ruhsat line that came first, then a vezne newcomer waits for it', () => {
    const { state, config } = shared(1);

    // c1 calls the two ruhsat visitors at 2 and 8.5 (6.5 min each), the newcomer at 15.
    expect(likely(joining(state, config, VEZNE, at(2)))).toBe(13);
    // The first formula sees nobody ahead in vezne and promises no wait at all.
    expect(quickEstimate(state, config, service(config, VEZNE), 0)).toEqual({
      kind: 'minutes',
      minutes: 0,
    });
  });

  it('when the counter weighs vezne three times, then the newcomer overtakes the second ruhsat visitor', () => {
    const { state, config } = shared(3);

    // At 8.5 the newcomer's weighted wait (6.5 × 3) beats the ruhsat visitor's 7.5.
    expect(likely(joining(state, config, VEZNE, at(2)))).toBe(7);
  });
});

describe('the forecast: the priority interleave', () => {
  function line() {
    const state = newDay();
    const config = makeConfig();
    busy(state, config, 'c2', at(0));
    for (let i = 1; i <= 4; i++) issue(state, config, VEZNE, at(0, i));
    return { state, config };
  }

  it('when four wait and no priority visitor was called lately, then a priority newcomer is next and a normal one last', () => {
    const { state, config } = line();

    expect(likely(joining(state, config, VEZNE, at(0, 10), true))).toBe(4);
    // 4 min of the visit in progress, then four calls of 4.5 min: 22 min.
    expect(likely(joining(state, config, VEZNE, at(0, 10)))).toBe(22);
  });

  it('when a priority visitor was just called, then a priority newcomer waits for two normal calls first', () => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c2', 'c2', at(0));
    issue(state, config, VEZNE, at(0), 'elderly');
    callNext(state, config, 'c2', 'c2', at(0));
    must(state, config, { type: 'start', counterId: 'c2', clerkId: 'c2' }, at(0));
    for (let i = 1; i <= 4; i++) issue(state, config, VEZNE, at(0, i));

    // The interleave gives two normal calls (at 4 and 8.5) before the next priority one (13).
    expect(likely(joining(state, config, VEZNE, at(0, 10), true))).toBe(13);
  });
});

describe('the forecast: escalation', () => {
  function hall(escalationMinutes: number) {
    const state = newDay();
    const config = makeConfig({
      hall: { escalationMinutes },
      counters: [makeCounter('c1', 1, [[VEZNE, 5], RUHSAT])],
    });
    const ruhsat = issue(state, config, RUHSAT, at(0));
    for (const m of [20, 21, 22]) issue(state, config, VEZNE, at(m));
    open(state, config, 'c1', 'c1', at(28));
    return { state, config, ruhsat };
  }

  it('when a ruhsat visitor passes the 30-minute limit, then the forecast calls them before the heavier vezne line', () => {
    const { state, config, ruhsat } = hall(30);

    // At 28 the first vezne visitor wins on weight; at 32.5 the ruhsat visitor has waited past
    // the limit and goes first.
    expect(likely(ticketEstimate(state, config, ruhsat, 0))).toBe(5);
  });

  it('when there is no escalation within reach, then the ruhsat visitor waits for the whole vezne line', () => {
    const { state, config, ruhsat } = hall(600);

    expect(likely(ticketEstimate(state, config, ruhsat, 0))).toBe(14);
  });
});

describe('the forecast: pauses', () => {
  function line(second: 'pause' | 'close') {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c1', 'c1', at(0));
    open(state, config, 'c2', 'c2', at(0));
    const by = { counterId: 'c1', clerkId: 'c1' };
    must(
      state,
      config,
      second === 'pause' ? { type: 'pause', reason: 'break', ...by } : { type: 'close', ...by },
      at(0),
    );
    for (let i = 1; i <= 6; i++) issue(state, config, VEZNE, at(i));
    return { state, config };
  }

  it('when a second counter is on its lunch break, then it is expected back after a usual break (30 min)', () => {
    const { state, config } = line('pause');

    // c2 calls at 10, 14.5, 19, 23.5 and 28; c1 is back at 30 and takes the sixth; the
    // newcomer is called at 32.5.
    expect(likely(joining(state, config, VEZNE, at(10)))).toBe(23);
  });

  it('when the second counter is closed, then only the open one is counted', () => {
    const { state, config } = line('close');

    expect(likely(joining(state, config, VEZNE, at(10)))).toBe(27);
  });

  it('when every covering counter is paused, then no time is promised', () => {
    const state = newDay();
    const config = makeConfig({ counters: [makeCounter('c2', 2, [VEZNE])] });
    open(state, config, 'c2', 'c2', at(0));
    must(state, config, { type: 'pause', reason: 'break', counterId: 'c2', clerkId: 'c2' }, at(1));

    expect(joining(state, config, VEZNE, at(2))).toEqual({ kind: 'no-open-counter' });
  });
});

describe('the forecast: one number or a range', () => {
  it('when one visit is ahead, then one number is given; when many are, a range around the likely wait', () => {
    const state = newDay();
    const config = makeConfig();
    busy(state, config, 'c2', at(0));
    expect(joining(state, config, VEZNE, at(0))).toEqual({ kind: 'minutes', minutes: 4 });

    for (let i = 1; i <= 8; i++) issue(state, config, VEZNE, at(0, i));
    const long = joining(state, config, VEZNE, at(0, 10));

    expect(long.kind).toBe('range');
    if (long.kind !== 'range') return;
    expect(long.minutes).toBe(40);
    expect(long.min).toBeLessThan(40);
    expect(long.max).toBeGreaterThan(40);
  });

  it('when a ticket is issued, then the estimate recorded in its event is the one its visitor is told', () => {
    const state = newDay();
    const config = makeConfig();
    busy(state, config, 'c2', at(0));
    for (let i = 1; i <= 3; i++) issue(state, config, VEZNE, at(0, i));

    const [event] = must(
      state,
      config,
      { type: 'issue', serviceId: VEZNE, priority: null, lang: 'tr', code: 'told' },
      at(1),
    );
    if (event?.type !== 'ticket:issued') throw new Error('no ticket:issued');
    const told = ticketEstimate(state, config, state.tickets.get(event.ticketId)!, 3);

    expect(event.estimate).toEqual(told);
    expect(likely(told)).toBe(17);
  });

  it('when the line is longer than the forecast replays, then the first formula answers', () => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c2', 'c2', at(0));
    for (let i = 0; i < 301; i++) issue(state, config, VEZNE, at(0, i));

    expect(joining(state, config, VEZNE, at(6))).toEqual(
      quickEstimate(state, config, service(config, VEZNE), 301),
    );
  });
});

describe("the forecast: the hall's own history for the weekday and hour", () => {
  function line(factors: Array<[string, number]>) {
    const state = newDay(); // a Monday; the fixtures' hall opens at 09:00
    const config = { ...makeConfig(), waitHistory: { factors: new Map(factors) } };
    busy(state, config, 'c2', at(0));
    for (let i = 1; i <= 3; i++) issue(state, config, VEZNE, at(0, i));
    return { state, config };
  }

  it('when Monday 09:00–10:00 has seen waits half as long again as promised, then the forecast is scaled by that', () => {
    const { state, config } = line([['1-9', 1.5]]);

    // The forecast alone: 16.5 min (see above); × 1.5 from the history.
    expect(likely(joining(state, config, VEZNE, at(1)))).toBe(25);
  });

  it('when the history speaks of another hour or weekday, then the forecast stands alone', () => {
    const { state, config } = line([
      ['1-10', 1.5],
      ['2-9', 1.5],
    ]);

    expect(likely(joining(state, config, VEZNE, at(1)))).toBe(17);
  });

  it('when the forecast is under two minutes, then the history leaves it as it is', () => {
    const state = newDay();
    const config = { ...makeConfig(), waitHistory: { factors: new Map([['1-9', 2]]) } };
    busy(state, config, 'c2', at(0));

    expect(joining(state, config, VEZNE, at(3))).toEqual({ kind: 'minutes', minutes: 1 });
  });

  it('when a ticket is issued under a history factor, then the factor is recorded with its estimate', () => {
    const { state, config } = line([['1-9', 1.5]]);

    const [event] = must(
      state,
      config,
      { type: 'issue', serviceId: VEZNE, priority: null, lang: 'tr', code: 'hist' },
      at(1),
    );

    if (event?.type !== 'ticket:issued') throw new Error('no ticket:issued');
    expect(event).toMatchObject({ estimateFactor: 1.5, estimate: { minutes: 25 } });
    const told = ticketEstimate(state, config, state.tickets.get(event.ticketId)!, 3);
    expect(told).toEqual(event.estimate);
  });
});
