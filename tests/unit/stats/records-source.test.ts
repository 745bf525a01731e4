import { describe, expect, it } from 'vitest';
import type { RevEvent } from '../../../contract/events.js';
import { hallConfig } from '../../../server/src/domain/index.js';
import {
  daySummaryOf,
  statsPartOf,
  type DaySummary,
} from '../../../server/src/stats/day-summary.js';
import { recordsByDay, statsRowsByDay } from '../../../server/src/stats/records-source.js';
import { foldRecords } from '../../../server/src/stats/ticket-records.js';
import type { DaySummaryStore, EventJournal } from '../../../server/src/store/store.js';
import { HALL, HALL_ID, mondayJournal, SERVICES, tuesdayJournal } from './stats-fixtures.js';

const MON = '2024-05-06';
const TUE = '2024-05-07';

/** In-memory journal and summaries that note which days were read from where. */
function fakeStore(journals: Record<string, RevEvent[]>, summaries: Record<string, DaySummary>) {
  const reads: string[] = [];
  const journal: EventJournal = {
    read: async (_hall, day) => {
      reads.push(`journal ${day}`);
      return { events: journals[day] ?? [], tornTail: false };
    },
    append: async () => undefined,
    days: async () => Object.keys(journals).sort(),
  };
  const store: DaySummaryStore = {
    write: async () => undefined,
    read: async (_hall, day) => {
      reads.push(`summary ${day}`);
      return summaries[day];
    },
    readStats: async (_hall, day) => {
      reads.push(`stats ${day}`);
      const summary = summaries[day];
      return summary && statsPartOf(summary);
    },
    days: async () => Object.keys(summaries).sort(),
  };
  return { journal, summaries: store, reads };
}

const config = hallConfig(
  {
    id: HALL_ID,
    name: 'Salon',
    timeZone: HALL.timeZone,
    priorityRatio: 2,
    escalationMinutes: 30,
    noShowGraceMinutes: 5,
    noteRetentionDays: 90,
    dayEndPolicy: 'cancel',
  },
  [...SERVICES].map(([id, s]) => ({
    id,
    hallId: HALL_ID,
    prefix: id[0]!.toUpperCase(),
    name: { tr: id, en: id },
    targetMinutes: s.targetMinutes,
    active: true,
  })),
  [],
);

async function collect(gen: AsyncIterable<unknown[]>): Promise<unknown[][]> {
  const out: unknown[][] = [];
  for await (const batch of gen) out.push(batch);
  return out;
}

const v2 = (day: string, events: RevEvent[]): DaySummary => ({
  version: 2,
  hallId: HALL_ID,
  day,
  closedAt: 0,
  lastRev: events.length,
  records: foldRecords(events, HALL, SERVICES),
});

describe('recordsByDay', () => {
  it('when a closed day has a summary, then its records come from the summary and its journal is not read', async () => {
    const fake = fakeStore(
      { [MON]: mondayJournal(), [TUE]: tuesdayJournal() },
      { [MON]: v2(MON, mondayJournal()) },
    );
    const deps = { ...fake, hallConfig: () => config, liveDay: () => TUE };

    const batches = await collect(recordsByDay(deps, HALL_ID, MON, TUE));

    expect(fake.reads).toEqual([`summary ${MON}`, `journal ${TUE}`]);
    expect(batches.map((b) => b.length)).toEqual([7, 1]);
  });

  it('when a day is outside the range, then it is not read at all', async () => {
    const fake = fakeStore({ [TUE]: tuesdayJournal() }, { [MON]: v2(MON, mondayJournal()) });
    const deps = { ...fake, hallConfig: () => config, liveDay: () => TUE };

    const batches = await collect(recordsByDay(deps, HALL_ID, TUE, TUE));

    expect(fake.reads).toEqual([`journal ${TUE}`]);
    expect(batches).toHaveLength(1);
  });

  it('when a closed day has a summary from before stats (version 1), then its journal is folded instead', async () => {
    const old: DaySummary = {
      version: 1,
      hallId: HALL_ID,
      day: MON,
      closedAt: 0,
      lastRev: 1,
      tickets: [],
    };
    const fake = fakeStore({ [MON]: mondayJournal() }, { [MON]: old });
    const deps = { ...fake, hallConfig: () => config, liveDay: () => TUE };

    const [batch] = await collect(recordsByDay(deps, HALL_ID, MON, MON));

    expect(fake.reads).toEqual([`summary ${MON}`, `journal ${MON}`]);
    expect(batch).toEqual(foldRecords(mondayJournal(), HALL, SERVICES));
  });

  it('when the hall is unknown, then there are no records', async () => {
    const fake = fakeStore({ [MON]: mondayJournal() }, {});
    const deps = { ...fake, hallConfig: () => undefined, liveDay: () => undefined };

    expect(await collect(recordsByDay(deps, HALL_ID, MON, MON))).toEqual([]);
  });
});

const v3 = (day: string, events: RevEvent[]): DaySummary =>
  daySummaryOf(
    { hallId: HALL_ID, day, closedAt: 0, lastRev: events.length },
    foldRecords(events, HALL, SERVICES),
  );

describe('version 3 summaries', () => {
  it('when a closed day has a version 3 summary, then exports get its records back exactly', async () => {
    const fake = fakeStore({ [MON]: mondayJournal() }, { [MON]: v3(MON, mondayJournal()) });
    const deps = { ...fake, hallConfig: () => config, liveDay: () => TUE };

    const [batch] = await collect(recordsByDay(deps, HALL_ID, MON, MON));

    expect(fake.reads).toEqual([`summary ${MON}`]);
    expect(batch).toEqual(foldRecords(mondayJournal(), HALL, SERVICES));
  });

  it('when stats read a range, then closed days are read through readStats and the live day is folded', async () => {
    const fake = fakeStore(
      { [MON]: mondayJournal(), [TUE]: tuesdayJournal() },
      { [MON]: v3(MON, mondayJournal()) },
    );
    const deps = { ...fake, hallConfig: () => config, liveDay: () => TUE };

    const rows: unknown[][] = [];
    for await (const batch of statsRowsByDay(deps, HALL_ID, MON, TUE)) {
      const copies: unknown[] = [];
      for (const r of batch) copies.push({ ...r, idle: [...r.idle] }); // rows are reused
      rows.push(copies);
    }

    expect(fake.reads).toEqual([`stats ${MON}`, `journal ${TUE}`]);
    const monday = foldRecords(mondayJournal(), HALL, SERVICES);
    expect(rows[0]).toEqual(
      monday.map((r) => ({
        day: r.day,
        hour: r.hour,
        weekday: r.weekday,
        serviceId: r.serviceId,
        counterId: r.counterId,
        clerkId: r.clerkId,
        end: r.end,
        outcome: r.outcome,
        directorateId: r.directorateId ?? null,
        segment: r.segment,
        targetMinutes: r.targetMinutes,
        waitMs: r.waitMs,
        serviceMs: r.serviceMs,
        rating: r.rating,
        estimateMinutes: r.estimateMinutes ?? null,
        estimateMin: r.estimateMin ?? null,
        estimateMax: r.estimateMax ?? null,
        estimateFactor: r.estimateFactor ?? null,
        idle: r.idle,
      })),
    );
    expect(rows[1]).toHaveLength(1);
  });
});
