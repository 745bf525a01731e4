import { describe, expect, it } from 'vitest';
import type { QueueEvent } from '../../../contract/events.js';
import { ticketStatusView } from '../../../server/src/queue/views.js';
import { type Command, type HallConfig, type HallState } from '../../../server/src/domain/index.js';
import {
  at,
  callNext,
  comparable,
  eventsOf,
  issue,
  makeConfig,
  must,
  newDay,
  open,
  replay,
  run,
  RUHSAT,
  VEZNE,
} from './fixtures.js';

const SAMPLE = { type: 'sample-estimates' } as const;

/** What each waiting visitor's phone page shows now, by ticket id. */
function phonePages(state: HallState, config: HallConfig) {
  const shown: Record<string, unknown> = {};
  for (const line of state.waiting.values())
    for (const id of line)
      shown[id] = ticketStatusView(state.tickets.get(id)!, state, config).estimate;
  return shown;
}

/** A morning: two desks open, one busy, eleven visitors waiting in two lines; and its journal. */
function busyMorning() {
  const state = newDay();
  const config = makeConfig();
  const journal: QueueEvent[] = [];
  const go = (command: Command, now: number) => journal.push(...must(state, config, command, now));
  go({ type: 'open', counterId: 'c1', clerkId: 'mehmet' }, at(0));
  go({ type: 'open', counterId: 'c2', clerkId: 'ayse' }, at(0));
  const ticket = (serviceId: string, n: number) =>
    ({ type: 'issue', serviceId, priority: null, lang: 'tr', code: `${serviceId}-${n}` }) as const;
  for (let i = 0; i < 8; i++) go(ticket(VEZNE, i), at(1, i));
  for (let i = 0; i < 4; i++) go(ticket(RUHSAT, i), at(2, i));
  go({ type: 'call-next', counterId: 'c1', clerkId: 'mehmet' }, at(3));
  go({ type: 'start', counterId: 'c1', clerkId: 'mehmet' }, at(3, 30));
  return { state, config, journal };
}

describe('sampling the estimates the phone pages show', () => {
  it('when people wait, then one event holds exactly what every waiting phone page shows', () => {
    const { state, config } = busyMorning();
    const shown = phonePages(state, config);

    const events = eventsOf(run(state, config, SAMPLE, at(7)));

    expect(Object.keys(shown)).toHaveLength(11);
    expect(events).toEqual([
      { hallId: state.hallId, at: at(7), type: 'estimates:sampled', estimates: shown },
    ]);
    // Far enough back in a line of two desks the wait is told as a range.
    expect(Object.values(shown).some((e) => (e as { kind: string }).kind === 'range')).toBe(true);
  });

  it('when the line is too long to replay, then the sample is the quick formula the page shows', () => {
    const state = newDay();
    const config = makeConfig();
    open(state, config, 'c1', 'mehmet', at(0));
    for (let i = 0; i < 320; i++) issue(state, config, VEZNE, at(1) + i * 100);
    const shown = phonePages(state, config);

    const [event] = eventsOf(run(state, config, SAMPLE, at(40)));

    expect(event).toMatchObject({ type: 'estimates:sampled', estimates: shown });
    expect(Object.keys(shown)).toHaveLength(320);
  });

  it('when no one waits, then nothing is sampled', () => {
    const state = newDay();
    const config = makeConfig();
    expect(eventsOf(run(state, config, SAMPLE, at(0)))).toEqual([]);

    open(state, config, 'c1', 'mehmet', at(0));
    issue(state, config, VEZNE, at(1));
    callNext(state, config, 'c1', 'mehmet', at(2));
    expect(eventsOf(run(state, config, SAMPLE, at(3)))).toEqual([]);
  });

  it('when two servers share the hall, then one round per five minutes is sampled between them', () => {
    // Server A samples at 7:00; server B, on its own timer, asks 2.5 minutes later. Both fold
    // every event of the shared journal, so B sees A's round and takes none; 5 minutes after
    // A's round the next one is taken, by whichever server asks first.
    const { state, config, journal } = busyMorning();
    const a = must(state, config, SAMPLE, at(7));
    const b = replay([...journal, ...a]);

    expect(eventsOf(run(b, config, SAMPLE, at(9, 30)))).toEqual([]);
    expect(eventsOf(run(b, config, SAMPLE, at(11, 59)))).toEqual([]);
    expect(eventsOf(run(b, config, SAMPLE, at(12)))).toHaveLength(1);
  });

  it('when a sample is applied, then the queue is the same but for the clock', () => {
    const { state, config } = busyMorning();
    const before = comparable(state);
    const view = phonePages(state, config);

    must(state, config, SAMPLE, at(7));

    expect(comparable(state)).toEqual(before);
    expect(state.clock).toBe(at(7));
    expect(Object.keys(phonePages(state, config))).toEqual(Object.keys(view));
  });

  it('when a journal with samples (or an old one without) is replayed, then the queue is the same', () => {
    const { state, config, journal } = busyMorning();
    const sample = must(state, config, SAMPLE, at(7));

    const old = replay(journal);
    const replayed = replay([...journal, ...sample]);

    expect(sample).toHaveLength(1);
    expect(comparable(replayed)).toEqual(comparable(old));
    expect(comparable(replayed)).toEqual(comparable(state));
    expect(replayed.clock).toBe(at(7));
  });
});
