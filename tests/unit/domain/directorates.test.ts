import { describe, expect, it } from 'vitest';
import type { RevEvent } from '../../../contract/events.js';
import { directorateMix, rng, simulateDay } from '../../../server/src/cli/demo-simulation.js';
import { defaultConfig } from '../../../server/src/config/default-config.js';
import { directoratesOf, seedDirectorates } from '../../../server/src/config/directorates.js';
import type { HallState } from '../../../server/src/domain/index.js';
import { hallConfig } from '../../../server/src/domain/index.js';
import { StatsAggregator } from '../../../server/src/stats/aggregate.js';
import {
  decodeRecords,
  encodeRecords,
  statsRows,
} from '../../../server/src/stats/record-columns.js';
import { foldRecords } from '../../../server/src/stats/ticket-records.js';
import {
  at,
  callNext,
  errorCode,
  HALL_ID,
  issue,
  makeConfig,
  must,
  newDay,
  open,
  replay,
  run,
  VEZNE,
} from './fixtures.js';

const AYSE = 'ayse';
const atC1 = { counterId: 'c1', clerkId: AYSE };

/** A fresh hall with one visit in progress at c1. */
function serving(): { state: HallState; config: ReturnType<typeof makeConfig> } {
  const config = makeConfig();
  const state = newDay();
  open(state, config, 'c1', AYSE, at(0));
  issue(state, config, VEZNE, at(1));
  callNext(state, config, 'c1', AYSE, at(2));
  must(state, config, { type: 'start', ...atC1 }, at(3));
  return { state, config };
}

describe('completing a visit as forwarded to a directorate', () => {
  it.each([
    ['forwarded to an active directorate', 'forwarded', 'fen-isleri', 'accepted with 1 event(s)'],
    ['resolved with none', 'resolved', undefined, 'accepted with 1 event(s)'],
    ['forwarded with none', 'forwarded', undefined, 'validation'],
    ['forwarded with null', 'forwarded', null, 'validation'],
    ['forwarded to an unknown one', 'forwarded', 'yok', 'validation'],
    ['resolved but naming one', 'resolved', 'zabita', 'validation'],
  ] as const)('when %s, then %s', (_, outcome, directorateId, expected) => {
    const { state, config } = serving();
    const r = run(
      state,
      config,
      { type: 'complete', ...atC1, outcome, directorateId, note: null },
      at(7),
    );
    expect(errorCode(r)).toBe(expected);
    if (!r.ok) expect(r.error.field).toBe('directorateId');
  });

  it('when the directorate is retired, then it is refused and the visit stays in progress', () => {
    const { state, config } = serving();
    const retired = seedDirectorates(HALL_ID).map((d) =>
      d.id === 'zabita' ? { ...d, active: false } : d,
    );
    const withRetired = { ...config, directorates: new Map(retired.map((d) => [d.id, d])) };
    const r = run(
      state,
      withRetired,
      { type: 'complete', ...atC1, outcome: 'forwarded', directorateId: 'zabita', note: null },
      at(7),
    );
    expect(r.ok ? 'accepted' : r.error.message).toBe(
      'Zabıta is retired; choose another directorate.',
    );
    expect([...state.tickets.values()][0]!.status).toBe('serving');
  });

  it('when a journal from before directorates is replayed, then the forwarded visit has an unknown directorate', () => {
    const { events, config } = recorded([['forwarded', 'fen-isleri']]);
    const completed = events.at(-1)!;
    expect(completed).toMatchObject({ type: 'ticket:completed', directorateId: 'fen-isleri' });
    // The same day as an older server wrote it: the completion without the field.
    const { directorateId: _drop, ...old } = completed as RevEvent & { directorateId?: string };
    const oldJournal = [...events.slice(0, -1), old as RevEvent];

    const ticket = [...replay(oldJournal).tickets.values()][0]!;
    expect(ticket).toMatchObject({ status: 'done', outcome: 'forwarded', directorateId: null });
    const agg = new StatsAggregator('none');
    agg.add(foldRecords(oldJournal, config.hall, config.services));
    expect(agg.forwardedByDirectorate()).toEqual([{ directorateId: null, count: 1, share: 1 }]);
  });
});

/** A day at c1: one visit per entry, completed with its outcome and directorate. */
function recorded(visits: ['resolved' | 'forwarded', string?][]) {
  const config = makeConfig();
  const state = newDay();
  const events: RevEvent[] = [];
  const step = (c: Parameters<typeof run>[2], now: number) => {
    const r = run(state, config, c, now);
    if (!r.ok) throw new Error(r.error.message);
    for (const e of r.events) events.push({ ...e, rev: events.length + 1 });
  };
  step({ type: 'open', ...atC1 }, at(0));
  visits.forEach(([outcome, directorateId], n) => {
    const i = n + 1;
    step({ type: 'issue', serviceId: VEZNE, priority: null, lang: 'tr', code: `c${i}` }, at(i));
    step({ type: 'call-next', ...atC1 }, at(i, 10));
    step({ type: 'start', ...atC1 }, at(i, 20));
    step({ type: 'complete', ...atC1, outcome, directorateId, note: null }, at(i, 50));
  });
  return { events, config };
}

describe('forwarded visits by directorate in the stats', () => {
  it('when visits are forwarded, then the stats count each directorate with its share, most first, and day summaries keep it', () => {
    const { events, config } = recorded([
      ['forwarded', 'zabita'],
      ['forwarded', 'fen-isleri'],
      ['resolved'],
      ['forwarded', 'zabita'],
    ]);

    const records = foldRecords(events, config.hall, config.services);
    const columns = encodeRecords(records);
    expect(decodeRecords(columns)).toEqual(records);
    const agg = new StatsAggregator('service');
    agg.add(statsRows(columns));
    expect(agg.forwardedByDirectorate()).toEqual([
      { directorateId: 'zabita', count: 2, share: 0.6667 },
      { directorateId: 'fen-isleri', count: 1, share: 0.3333 },
    ]);

    // A version 3 summary written before directorates has no such column: unknown, not lost.
    const { directorateId: _gone, ...olderColumns } = columns.stats.columns;
    const older = { ...columns, stats: { ...columns.stats, columns: olderColumns } };
    const oldAgg = new StatsAggregator('none');
    oldAgg.add(statsRows(older as typeof columns));
    expect(oldAgg.forwardedByDirectorate()).toEqual([{ directorateId: null, count: 3, share: 1 }]);
  });
});

describe('the directorate list', () => {
  it('when a config file has no directorates, then the hall reads the seeded list; a hall with its own list keeps it', () => {
    expect(
      directoratesOf({}, 'cankaya')
        .map((d) => d.name.tr)
        .slice(0, 3),
    ).toEqual(['Fen İşleri', 'Zabıta', 'Veteriner İşleri']);
    const own = [{ id: 'x', hallId: 'cankaya', name: { tr: 'Tek' }, active: true }];
    expect(directoratesOf({ directorates: own }, 'cankaya')).toEqual(own);
    expect(directoratesOf({ directorates: own }, 'kizilay')[0]!.hallId).toBe('kizilay');
  });

  it('when a demo day is simulated, then forwarded visits go to directorates, the three named first most often', () => {
    const data = defaultConfig();
    const config = hallConfig(data.halls[0]!, data.services, data.counters, data.directorates);
    expect(Object.keys(directorateMix(config))).toHaveLength(data.directorates!.length);
    const counts = new Map<string, number>();
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const events = simulateDay(
        config,
        '2026-11-23',
        Date.UTC(2026, 10, 23, 5, 30),
        ['a', 'b', 'c', 'd', 'e', 'f'],
        500,
        rng(seed),
      );
      for (const e of events)
        if (e.type === 'ticket:completed' && e.outcome === 'forwarded') {
          expect(e.directorateId).toBeTruthy();
          counts.set(e.directorateId!, (counts.get(e.directorateId!) ?? 0) + 1);
        }
    }
    const ranked = [...counts].sort((a, b) => b[1] - a[1]).map(([id]) => id);
    expect(ranked.slice(0, 3).sort()).toEqual(['fen-isleri', 'veteriner-isleri', 'zabita']);
  });
});
