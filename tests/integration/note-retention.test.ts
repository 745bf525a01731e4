import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RevEvent } from '../../contract/events.js';
import {
  blankExpiredNotes,
  createNoteRetention,
  noteCutoffDay,
  type NoteRetentionDeps,
} from '../../server/src/retention/note-retention.js';
import { openEmbeddedStore } from '../../server/src/store/embedded/open-embedded-store.js';
import type { DaySummary } from '../../server/src/stats/day-summary.js';
import type { Store } from '../../server/src/store/store.js';
import { decodeRecords, encodeRecords } from '../../server/src/stats/record-columns.js';
import {
  completedWithNote,
  issued,
  makeColumnSummary,
  makeConfig,
  makeSummary,
} from './store-fixtures.js';

const HALL = 'hall-a';
/** 12:00 in Istanbul on 2025-06-15; with 90 days' retention the cutoff is 2025-03-17. */
const NOW = Date.parse('2025-06-15T09:00:00Z');
const TODAY = '2025-06-15';
const NOTE = 'İmar müdürlüğüne iletildi';

function summaryWithNote(day: string): DaySummary {
  const s = makeSummary(HALL, day, 2);
  if (s.version === 1) s.tickets[0]!.note = `${NOTE} (${day})`;
  return s;
}

describe('note retention', () => {
  let dir: string;
  let store: Store;
  let deps: NoteRetentionDeps;
  const logs: string[] = [];
  const journalFile = (day: string) => path.join(dir, 'journal', HALL, `${day}.jsonl`);
  const journalEvents = async (day: string) =>
    (await store.journal.read(HALL, day)).events as RevEvent[];
  const noteOf = (events: RevEvent[]) =>
    events.flatMap((e) => (e.type === 'ticket:completed' ? [e.note] : []));

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'siramatik-retention-'));
    logs.length = 0;
    store = await openEmbeddedStore(dir, { log: (m) => logs.push(m), initialConfig: makeConfig });
    deps = {
      config: store.config,
      journal: store.journal,
      summaries: store.summaries,
      now: () => NOW,
      log: (m) => logs.push(m),
    };
    for (const day of ['2025-03-10', '2025-03-16', '2025-03-17']) {
      await store.journal.append(HALL, day, [issued(1), completedWithNote(2)]);
    }
    await store.summaries.write(summaryWithNote('2025-03-10'));
    await store.summaries.write(summaryWithNote('2025-03-17'));
    await store.summaries.write({
      version: 2,
      hallId: HALL,
      day: '2025-03-16',
      closedAt: 0,
      lastRev: 2,
      records: [],
    });
    // Today is live: its writer is open.
    await store.journal.append(HALL, TODAY, [issued(1), completedWithNote(2)]);
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('when the retention is 90 days, then notes are kept 90 full days and blanked the day after', () => {
    expect(noteCutoffDay(NOW, 'Europe/Istanbul', 90)).toBe('2025-03-17');
    expect(noteCutoffDay(NOW, 'Europe/Istanbul', 1)).toBe('2025-06-14');
    // 23:30 UTC on 2025-06-14 is already 2025-06-15 in Istanbul.
    expect(noteCutoffDay(Date.parse('2025-06-14T23:30:00Z'), 'Europe/Istanbul', 1)).toBe(
      '2025-06-14',
    );
  });

  it('when a pass runs, then old notes are blanked in summaries and journals and recent ones stay', async () => {
    const before = await journalEvents('2025-03-10');
    const report = await blankExpiredNotes(deps, HALL);

    expect(report).toEqual({
      hallId: HALL,
      cutoff: '2025-03-17',
      summaryNotes: 1,
      journalNotes: 2,
      failedDays: [],
    });
    const after = await journalEvents('2025-03-10');
    expect(noteOf(after)).toEqual([null]);
    // Everything but the note is as it was.
    expect(after).toEqual(
      before.map((e) => (e.type === 'ticket:completed' ? { ...e, note: null } : e)),
    );
    expect(await readFile(journalFile('2025-03-16'), 'utf8')).not.toContain('İmar');
    const old = await store.summaries.read(HALL, '2025-03-10');
    expect(old?.version === 1 && old.tickets[0]!.note).toBeNull();

    expect(noteOf(await journalEvents('2025-03-17'))[0]).toContain('İmar');
    const kept = await store.summaries.read(HALL, '2025-03-17');
    expect(kept?.version === 1 && kept.tickets[0]!.note).toBe(`${NOTE} (2025-03-17)`);
    expect(noteOf(await journalEvents(TODAY))).toHaveLength(1);
    expect(noteOf(await journalEvents(TODAY))[0]).not.toBeNull();
    // Rewritten atomically: no temp file is left beside the journals.
    expect((await readdir(path.dirname(journalFile(TODAY)))).sort()).toEqual([
      '2025-03-10.jsonl',
      '2025-03-16.jsonl',
      '2025-03-17.jsonl',
      `${TODAY}.jsonl`,
    ]);
  });

  it('when a summary by column (version 3) holds an old note, then the note leaves the file and the rest stays', async () => {
    const day = '2025-03-11';
    const summary = makeColumnSummary(HALL, day, 9);
    const records = decodeRecords(summary.records);
    const rated = records.findIndex((r) => r.end === 'completed');
    records[rated]!.note = `${NOTE} (${day})`;
    records[rated]!.rating = 4;
    await store.summaries.write({ ...summary, records: encodeRecords(records) });
    const file = path.join(dir, 'days', HALL, `${day}.json`);
    // The file is ASCII (İ written as \u0130): look for the note's ASCII words.
    expect(await readFile(file, 'utf8')).toContain('iletildi');

    const report = await blankExpiredNotes(deps, HALL);

    expect(report.summaryNotes).toBe(2);
    expect(await readFile(file, 'utf8')).not.toContain('iletildi');
    const after = await store.summaries.read(HALL, day);
    records[rated]!.note = null;
    expect(after?.version === 3 && decodeRecords(after.records)).toEqual(records);
  });

  it('when a pass runs twice, then the second one changes nothing', async () => {
    await blankExpiredNotes(deps, HALL);
    const file = await readFile(journalFile('2025-03-10'));
    const again = await blankExpiredNotes(deps, HALL);
    expect([again.summaryNotes, again.journalNotes]).toEqual([0, 0]);
    expect(await readFile(journalFile('2025-03-10'))).toEqual(file);
  });

  it('when the retention is shortened, then the next scheduled pass blanks the newly expired days', async () => {
    const retention = createNoteRetention(deps);
    const first = await retention.run();
    expect(first[0]!.journalNotes).toBe(2);
    expect((await retention.run())[0]!.journalNotes).toBe(0);

    await store.config.update((d) => {
      d.halls[0]!.noteRetentionDays = 1;
    });
    const third = await retention.run();
    expect(third[0]).toMatchObject({ cutoff: '2025-06-14', summaryNotes: 1, journalNotes: 1 });
    expect(noteOf(await journalEvents('2025-03-17'))).toEqual([null]);
    expect(noteOf(await journalEvents(TODAY))[0]).not.toBeNull();
  });

  it('when a journal is damaged, then that day is reported and retried while the others are done', async () => {
    const damaged = journalFile('2025-03-12');
    await mkdir(path.dirname(damaged), { recursive: true });
    await writeFile(damaged, `garbage\n${JSON.stringify(completedWithNote(2))}\n`);
    const retention = createNoteRetention(deps);

    const [report] = await retention.run();
    expect(report!.failedDays).toEqual(['2025-03-12']);
    expect(report!.journalNotes).toBe(2);
    expect(logs.some((l) => l.includes('2025-03-12'))).toBe(true);

    await writeFile(damaged, `${JSON.stringify(completedWithNote(2))}\n`);
    const [retry] = await retention.run();
    expect(retry).toMatchObject({ failedDays: [], journalNotes: 1 });
  });

  it('when the journal of the live day is asked to be rewritten, then it refuses', async () => {
    await expect(store.journal.blankNotes!(HALL, TODAY)).rejects.toThrow(/still being written/);
    expect(noteOf(await journalEvents(TODAY))[0]).not.toBeNull();
  });
});
