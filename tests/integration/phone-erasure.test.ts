import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RevEvent } from '../../contract/events.js';
import {
  eraseClosedDayPhones,
  type PhoneErasureDeps,
} from '../../server/src/retention/phone-erasure.js';
import { openEmbeddedStore } from '../../server/src/store/embedded/open-embedded-store.js';
import type { Store } from '../../server/src/store/store.js';
import { issued, makeConfig, makeSummary } from './store-fixtures.js';

const HALL = 'hall-a';
const PHONE = '05321234567';
/** 00:30 in Istanbul on 2025-06-16: the day before has just closed. */
const NOW = Date.parse('2025-06-15T21:30:00Z');

function asked(rev: number): RevEvent {
  return {
    hallId: HALL,
    at: issued(1).at + rev * 1000,
    rev,
    type: 'ticket:sms-requested',
    ticketId: 't-1',
    phone: PHONE,
    ahead: 3,
  };
}

describe('SMS numbers are erased when their day closes', () => {
  let dir: string;
  let store: Store;
  let deps: PhoneErasureDeps;
  const logs: string[] = [];
  const file = (day: string) => path.join(dir, 'journal', HALL, `${day}.jsonl`);

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'siramatik-phones-'));
    logs.length = 0;
    store = await openEmbeddedStore(dir, { log: (m) => logs.push(m), initialConfig: makeConfig });
    deps = {
      config: store.config,
      journal: store.journal,
      summaries: store.summaries,
      now: () => NOW,
      log: (m) => logs.push(m),
    };
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('when a day has closed minutes ago and its journal is still open, then its numbers go at once', async () => {
    // Yesterday's writer stays open until the hall's first event of today (often the morning).
    await store.journal.append(HALL, '2025-06-15', [issued(1), asked(2)]);
    await store.summaries.write(makeSummary(HALL, '2025-06-15', 2));

    const report = await eraseClosedDayPhones(deps, HALL);

    expect(report).toEqual({ phones: 1, failedDays: [], reached: '2025-06-16' });
    expect(await readFile(file('2025-06-15'), 'utf8')).not.toContain(PHONE);
    expect((await store.journal.read(HALL, '2025-06-15')).events[1]).toEqual({
      ...asked(2),
      phone: '',
    });
    expect(logs.filter((l) => l.includes('failed'))).toEqual([]);
    // A second pass from where the first stopped finds nothing left.
    expect((await eraseClosedDayPhones(deps, HALL, report.reached)).phones).toBe(0);
  });

  it('when a past day is not closed yet, then it keeps its numbers and the next pass starts there', async () => {
    await store.journal.append(HALL, '2025-06-13', [issued(1), asked(2)]);
    await store.summaries.write(makeSummary(HALL, '2025-06-13', 2));
    await store.journal.append(HALL, '2025-06-14', [issued(1), asked(2)]);
    // The live day keeps its numbers: its SMS may still go out.
    await store.journal.append(HALL, '2025-06-16', [issued(1), asked(2)]);

    const report = await eraseClosedDayPhones(deps, HALL);

    expect(report).toEqual({ phones: 1, failedDays: [], reached: '2025-06-14' });
    expect(await readFile(file('2025-06-13'), 'utf8')).not.toContain(PHONE);
    expect(await readFile(file('2025-06-14'), 'utf8')).toContain(PHONE);
    expect(await readFile(file('2025-06-16'), 'utf8')).toContain(PHONE);
    // Once it is closed, the next pass takes it (and only from there).
    await store.summaries.write(makeSummary(HALL, '2025-06-14', 2));
    expect(await eraseClosedDayPhones(deps, HALL, report.reached)).toEqual({
      phones: 1,
      failedDays: [],
      reached: '2025-06-16',
    });
    expect(await readFile(file('2025-06-14'), 'utf8')).not.toContain(PHONE);
  });
});
