import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../contract/domain.js';
import { durationsOf, type Durations } from '../../../server/src/domain/index.js';
import {
  at,
  callNext,
  issue,
  makeConfig,
  MINUTE,
  must,
  newDay,
  open,
  RUHSAT,
  ticketByNumber,
  VEZNE,
} from './fixtures.js';

const AYSE = 'ayse';
const me = { counterId: 'c1', clerkId: AYSE };

function ticketWith(times: Partial<Ticket>): Ticket {
  return {
    id: 't',
    code: 'c',
    hallId: 'h',
    serviceId: VEZNE,
    number: 'V001',
    seq: 1,
    priority: null,
    lang: 'tr',
    status: 'waiting',
    issuedAt: at(0),
    queuedAt: at(0),
    front: false,
    counterId: null,
    clerkId: null,
    firstCalledAt: null,
    lastCalledAt: null,
    startedAt: null,
    completedAt: null,
    endedAt: null,
    recalls: 0,
    transfers: 0,
    outcome: null,
    note: null,
    rating: null,
    ...times,
  };
}

const m = (minutes: number) => minutes * MINUTE;

describe('durationsOf', () => {
  it.each<{ when: string; times: Partial<Ticket>; expected: Durations }>([
    {
      when: 'the ticket is still waiting',
      times: {},
      expected: { waitMs: null, walkMs: null, serviceMs: null, totalMs: null },
    },
    {
      when: 'the visitor has been called',
      times: { firstCalledAt: at(7), lastCalledAt: at(7) },
      expected: { waitMs: m(7), walkMs: null, serviceMs: null, totalMs: null },
    },
    {
      when: 'the visit has started',
      times: { firstCalledAt: at(7), lastCalledAt: at(7), startedAt: at(8) },
      expected: { waitMs: m(7), walkMs: m(1), serviceMs: null, totalMs: null },
    },
    {
      when: 'the visit is complete',
      times: { firstCalledAt: at(7), lastCalledAt: at(7), startedAt: at(8), completedAt: at(12) },
      expected: { waitMs: m(7), walkMs: m(1), serviceMs: m(4), totalMs: m(12) },
    },
    {
      when: 'the visitor was called twice before coming',
      times: { firstCalledAt: at(7), lastCalledAt: at(9), startedAt: at(10), completedAt: at(14) },
      expected: { waitMs: m(7), walkMs: m(1), serviceMs: m(4), totalMs: m(14) },
    },
    {
      when: 'the visitor did not come',
      times: { firstCalledAt: at(7), lastCalledAt: at(7), endedAt: at(9) },
      expected: { waitMs: m(7), walkMs: null, serviceMs: null, totalMs: null },
    },
    {
      when: 'the visitor left before being called',
      times: { endedAt: at(3) },
      expected: { waitMs: null, walkMs: null, serviceMs: null, totalMs: null },
    },
    {
      when: 'everything happened in the same millisecond',
      times: { firstCalledAt: at(0), lastCalledAt: at(0), startedAt: at(0), completedAt: at(0) },
      expected: { waitMs: 0, walkMs: 0, serviceMs: 0, totalMs: 0 },
    },
    {
      when: 'a clock step made a later step look earlier',
      times: {
        firstCalledAt: at(-1),
        lastCalledAt: at(-1),
        startedAt: at(-2),
        completedAt: at(-3),
      },
      expected: { waitMs: 0, walkMs: 0, serviceMs: 0, totalMs: 0 },
    },
  ])('when $when, then the durations are $expected', ({ times, expected }) => {
    expect(durationsOf(ticketWith(times))).toEqual(expected);
  });

  it('when a visit runs through the domain, then the durations follow each step', () => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c1', AYSE, at(0));
    const ticket = issue(state, config, VEZNE, at(1));
    expect(durationsOf(ticket)).toEqual({
      waitMs: null,
      walkMs: null,
      serviceMs: null,
      totalMs: null,
    });

    callNext(state, config, 'c1', AYSE, at(6));
    must(state, config, { type: 'recall', ...me }, at(7));
    must(state, config, { type: 'start', ...me }, at(7, 30));
    expect(durationsOf(ticket)).toEqual({
      waitMs: m(5),
      walkMs: 30_000,
      serviceMs: null,
      totalMs: null,
    });

    must(state, config, { type: 'complete', ...me, outcome: 'resolved', note: null }, at(11, 30));
    expect(durationsOf(ticket)).toEqual({
      waitMs: m(5),
      walkMs: 30_000,
      serviceMs: m(4),
      totalMs: m(10.5),
    });
  });

  it('when a visit was transferred, then service time is the last segment and total runs from issue', () => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c1', AYSE, at(0));
    issue(state, config, VEZNE, at(0));
    callNext(state, config, 'c1', AYSE, at(2));
    must(state, config, { type: 'start', ...me }, at(3));
    must(state, config, { type: 'transfer', ...me, serviceId: RUHSAT, position: 'front' }, at(6));
    const ticket = ticketByNumber(state, 'V001');
    expect(durationsOf(ticket)).toEqual({
      waitMs: m(2),
      walkMs: null,
      serviceMs: null,
      totalMs: null,
    });

    callNext(state, config, 'c1', AYSE, at(8));
    must(state, config, { type: 'start', ...me }, at(9));
    must(
      state,
      config,
      { type: 'complete', ...me, outcome: 'forwarded', directorateId: 'zabita', note: null },
      at(15),
    );

    expect(durationsOf(ticket)).toEqual({
      waitMs: m(2),
      walkMs: m(1),
      serviceMs: m(6),
      totalMs: m(15),
    });
  });
});
