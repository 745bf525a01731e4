import { mkdir, mkdtemp, open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BookingRevEvent } from '../../contract/booking-events.js';
import type {
  EmbeddedStoreOptions,
  JournalFileSystem,
} from '../../server/src/store/embedded/open-embedded-store.js';
import { openEmbeddedStore } from '../../server/src/store/embedded/open-embedded-store.js';
import { JournalConflictError } from '../../server/src/store/journal-conflict.js';
import type { Store } from '../../server/src/store/store.js';
import { bookingCancelled, bookingMade, makeConfig } from './store-fixtures.js';

// The booking ledger of the data folder, where the file itself matters: its place and modes,
// a crash's torn last line, a damaged file, a failing disk. The behaviour both stores share is
// in booking-ledger-contract.ts.

const opened: Store[] = [];
const dataDirs: string[] = [];
afterEach(async () => {
  await Promise.allSettled(opened.splice(0).map((s) => s.close()));
  await Promise.all(dataDirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function newDataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'siramatik-ledger-'));
  dataDirs.push(dir);
  return dir;
}

async function openStore(dir: string, extra: Partial<EmbeddedStoreOptions> = {}): Promise<Store> {
  const store = await openEmbeddedStore(dir, {
    log: () => undefined,
    initialConfig: makeConfig,
    ...extra,
  });
  opened.push(store);
  return store;
}

function ledgerFile(dir: string, hallId = 'hall-a'): string {
  return path.join(dir, 'bookings', `${hallId}.jsonl`);
}

function lines(events: BookingRevEvent[]): string {
  return events.map((e) => `${JSON.stringify(e)}\n`).join('');
}

async function writeLedger(dir: string, content: string): Promise<void> {
  await mkdir(path.dirname(ledgerFile(dir)), { recursive: true });
  await writeFile(ledgerFile(dir), content);
}

const modeOf = async (file: string) => (await stat(file)).mode & 0o777;

describe('embedded booking ledger: the file', () => {
  it('when bookings are appended and erased, then the ledger is bookings/<hallId>.jsonl, owner-only, with no temp files left', async () => {
    const dir = await newDataDir();
    const store = await openStore(dir);

    await store.bookings.append('hall-a', [bookingMade(1, 'b-1'), bookingMade(2, 'b-2')]);
    const appended = await readFile(ledgerFile(dir), 'utf8');
    const modesAfterAppend = [
      await modeOf(path.join(dir, 'bookings')),
      await modeOf(ledgerFile(dir)),
    ];
    await store.bookings.erase('hall-a', ['b-1']);

    expect(appended).toBe(lines([bookingMade(1, 'b-1'), bookingMade(2, 'b-2')]));
    expect(modesAfterAppend).toEqual([0o700, 0o600]);
    expect(await modeOf(ledgerFile(dir))).toBe(0o600);
    expect(await readdir(path.join(dir, 'bookings'))).toEqual(['hall-a.jsonl']);
    expect(await readFile(ledgerFile(dir), 'utf8')).toBe(
      lines([
        { ...bookingMade(1, 'b-1'), name: '', phone: null, addressHash: null },
        bookingMade(2, 'b-2'),
      ]),
    );
  });

  it('when a hall id could reach outside the folder, then every operation refuses it', async () => {
    const store = await openStore(await newDataDir());

    await expect(store.bookings.read('../x')).rejects.toThrow(/Invalid hall id/);
    await expect(store.bookings.append('../x', [])).rejects.toThrow(/Invalid hall id/);
    await expect(store.bookings.erase('../x', ['b-1'])).rejects.toThrow(/Invalid hall id/);
  });

  it('when an erasure is asked between queued appends, then all run in the order asked', async () => {
    const dir = await newDataDir();
    const store = await openStore(dir);

    const work = [
      store.bookings.append('hall-a', [bookingMade(1, 'b-1')]),
      store.bookings.append('hall-a', [bookingMade(2, 'b-2')]),
      store.bookings.erase('hall-a', ['b-1', 'b-2']),
      store.bookings.append('hall-a', [bookingMade(3, 'b-3')]),
    ];
    const results = await Promise.all(work);

    expect(results[2]).toBe(2);
    expect(await readFile(ledgerFile(dir), 'utf8')).toBe(
      lines([
        { ...bookingMade(1, 'b-1'), name: '', phone: null, addressHash: null },
        { ...bookingMade(2, 'b-2'), name: '', phone: null, addressHash: null },
        bookingMade(3, 'b-3'),
      ]),
    );
  });
});

describe('embedded booking ledger: recovery', () => {
  it.each([
    ['a line cut before its newline', '{"type":"booking:made","rev":3,"hallId":"ha'],
    ['a complete event without its newline', JSON.stringify(bookingMade(3, 'b-3'))],
  ])(
    'when the last line is %s, then it is skipped, reported and cut before the next append',
    async (_case, tail) => {
      const dir = await newDataDir();
      const kept = [bookingMade(1, 'b-1'), bookingCancelled(2, 'b-1')];
      await writeLedger(dir, lines(kept) + tail);
      const log: string[] = [];
      const store = await openStore(dir, { log: (msg) => log.push(msg) });

      const read = await store.bookings.read('hall-a');
      await store.bookings.append('hall-a', [bookingMade(3, 'b-other')]);

      expect(read).toEqual(kept);
      expect(log.some((msg) => msg.includes('torn last line'))).toBe(true);
      const expected = [...kept, bookingMade(3, 'b-other')];
      expect(await readFile(ledgerFile(dir), 'utf8')).toBe(lines(expected));
      expect(await store.bookings.read('hall-a')).toEqual(expected);
    },
  );

  it('when the torn last line held a revision, then that revision is free again, not a conflict', async () => {
    const dir = await newDataDir();
    await writeLedger(dir, lines([bookingMade(1, 'b-1')]) + JSON.stringify(bookingMade(2, 'b-2')));
    const store = await openStore(dir);

    await store.bookings.append('hall-a', [bookingMade(2, 'b-2')]);
    await expect(
      store.bookings.append('hall-a', [bookingMade(2, 'b-again')]),
    ).rejects.toBeInstanceOf(JournalConflictError);

    expect(await store.bookings.read('hall-a')).toEqual([
      bookingMade(1, 'b-1'),
      bookingMade(2, 'b-2'),
    ]);
  });

  it.each([
    ['a revision is missing', [1, 3], 'revision 3 follows revision 1'],
    ['a revision is written twice', [1, 1], 'revision 1 is written twice'],
  ])(
    'when %s, then read, append and erase fail naming the file and line, and the file is left as it was',
    async (_case, revs, problem) => {
      const dir = await newDataDir();
      const content = lines(revs.map((rev, i) => bookingMade(rev, `b-${i}`)));
      await writeLedger(dir, content);
      const store = await openStore(dir);

      // Each refusal is caught as it is made: awaiting them one after another would leave a
      // later one rejected with nobody listening yet (an unhandled rejection, failing the run).
      const refusals = [
        store.bookings.read('hall-a'),
        store.bookings.append('hall-a', [bookingMade(4, 'b-4')]),
        store.bookings.erase('hall-a', ['b-0']),
      ].map((attempt) =>
        attempt.then(
          () => new Error('it went through'),
          (e: unknown) => e as Error,
        ),
      );
      for (const err of await Promise.all(refusals)) {
        expect(err.message).toContain(ledgerFile(dir));
        expect(err.message).toContain('line 2');
        expect(err.message).toContain(problem);
      }
      expect(await readFile(ledgerFile(dir), 'utf8')).toBe(content);
    },
  );
});

describe('embedded booking ledger: write failures', () => {
  /** The real file system, but `failDatasync` datasyncs fail. */
  function failingFileSystem() {
    const faults = { failDatasync: 0 };
    const fs: JournalFileSystem = {
      async open(file, flags) {
        const real = await open(file, flags);
        return {
          write: (data) => real.write(data),
          async datasync() {
            if (faults.failDatasync > 0) {
              faults.failDatasync--;
              throw Object.assign(new Error('EIO: injected datasync failure'), { code: 'EIO' });
            }
            return real.datasync();
          },
          truncate: (length) => real.truncate(length),
          close: () => real.close(),
        };
      },
    };
    return { fs, faults };
  }

  it('when the disk fails an append, then it is rejected as a failure, nothing of it is left, and its revision can be written later', async () => {
    const dir = await newDataDir();
    const { fs, faults } = failingFileSystem();
    const store = await openStore(dir, { journalFileSystem: fs });
    await store.bookings.append('hall-a', [bookingMade(1, 'b-1')]);
    faults.failDatasync = 1;

    const failed = await store.bookings
      .append('hall-a', [bookingMade(2, 'b-2'), bookingMade(3, 'b-3')])
      .then(
        () => new Error('it went through'),
        (e: unknown) => e as Error,
      );
    const afterFailure = await store.bookings.read('hall-a');
    await store.bookings.append('hall-a', [bookingMade(2, 'b-2')]);

    expect(failed.message).toMatch(/injected datasync/);
    expect(failed).not.toBeInstanceOf(JournalConflictError);
    expect(afterFailure).toEqual([bookingMade(1, 'b-1')]);
    expect(await readFile(ledgerFile(dir), 'utf8')).toBe(
      lines([bookingMade(1, 'b-1'), bookingMade(2, 'b-2')]),
    );
  });

  it('when the store closes with appends queued, then they are written first and later ones are refused', async () => {
    const dir = await newDataDir();
    const store = await openStore(dir);

    const queued = [1, 2, 3].map((rev) =>
      store.bookings.append('hall-a', [bookingMade(rev, `b-${rev}`)]),
    );
    await store.close();
    await Promise.all(queued);

    await expect(store.bookings.append('hall-a', [bookingMade(4, 'b-4')])).rejects.toThrow(
      /closed/,
    );
    const reopened = await openStore(dir);
    expect((await reopened.bookings.read('hall-a')).map((e) => e.rev)).toEqual([1, 2, 3]);
  });
});
