import { mkdir, mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RevEvent } from '../../contract/events.js';
import type {
  EmbeddedStoreOptions,
  JournalFileSystem,
  JournalFlush,
} from '../../server/src/store/embedded/open-embedded-store.js';
import type { DurableFileSystem } from '../../server/src/store/embedded/durable-fs.js';
import { nodeDurableFileSystem } from '../../server/src/store/embedded/durable-fs.js';
import { openEmbeddedStore } from '../../server/src/store/embedded/open-embedded-store.js';
import type { Store } from '../../server/src/store/store.js';
import { describeStoreContract } from './store-contract.js';
import { issued, makeConfig, makeSession } from './store-fixtures.js';

const DAY = '2025-03-14';

async function makeDataDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'siramatik-store-'));
}

function quietOptions(extra: Partial<EmbeddedStoreOptions> = {}): EmbeddedStoreOptions {
  return { log: () => undefined, initialConfig: makeConfig, ...extra };
}

describeStoreContract('embedded', async () => {
  const dir = await makeDataDir();
  let store = await openEmbeddedStore(dir, quietOptions());
  const subject = {
    store,
    reopen: async () => {
      await store.close();
      store = await openEmbeddedStore(dir, quietOptions());
      subject.store = store;
      return store;
    },
    cleanup: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return subject;
});

/** Each test's data folders and stores, closed and removed afterwards. */
const opened: Store[] = [];
const dataDirs: string[] = [];
afterEach(async () => {
  await Promise.allSettled(opened.splice(0).map((s) => s.close()));
  await Promise.all(dataDirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function newDataDir(): Promise<string> {
  const dir = await makeDataDir();
  dataDirs.push(dir);
  return dir;
}

async function openStore(dir: string, extra: Partial<EmbeddedStoreOptions> = {}): Promise<Store> {
  const store = await openEmbeddedStore(dir, quietOptions(extra));
  opened.push(store);
  return store;
}

function journalFile(dir: string, hallId = 'hall-a', day = DAY): string {
  return path.join(dir, 'journal', hallId, `${day}.jsonl`);
}

function lines(events: RevEvent[]): string {
  return events.map((e) => `${JSON.stringify(e)}\n`).join('');
}

/** A journal file system over the real one that counts handles and fails when told to. */
function instrumentedFileSystem() {
  const faults = {
    failDatasync: 0,
    failWriteHalfway: 0,
    failTruncate: 0,
    beforeDatasync: undefined as (() => Promise<void>) | undefined,
  };
  const handles = { opened: 0, closed: 0 };
  const injected = (op: string) =>
    Object.assign(new Error(`EIO: injected ${op} failure`), { code: 'EIO' });
  const fs: JournalFileSystem = {
    async open(file, flags) {
      const real = await open(file, flags);
      handles.opened++;
      return {
        async write(data) {
          if (faults.failWriteHalfway > 0) {
            faults.failWriteHalfway--;
            await real.write(data.subarray(0, Math.floor(data.length / 2)));
            throw injected('write');
          }
          return real.write(data);
        },
        async datasync() {
          await faults.beforeDatasync?.();
          if (faults.failDatasync > 0) {
            faults.failDatasync--;
            throw injected('datasync');
          }
          return real.datasync();
        },
        async truncate(length) {
          if (faults.failTruncate > 0) {
            faults.failTruncate--;
            throw injected('truncate');
          }
          return real.truncate(length);
        },
        async close() {
          handles.closed++;
          return real.close();
        },
      };
    },
  };
  return { fs, faults, handles };
}

describe('embedded store: data folder', () => {
  it('when the data folder is empty, then config.json is written from initialConfig, called once', async () => {
    const dir = await newDataDir();
    let calls = 0;

    const store = await openStore(dir, { initialConfig: () => (calls++, makeConfig()) });

    expect(calls).toBe(1);
    expect(JSON.parse(await readFile(path.join(dir, 'config.json'), 'utf8'))).toEqual(makeConfig());
    expect(store.config.read()).toEqual(makeConfig());
  });

  it('when config.json exists, then initialConfig is not called again', async () => {
    const dir = await newDataDir();
    const first = await openStore(dir);
    await first.config.update((draft) => {
      draft.halls[0]!.name = 'Kept';
    });
    await first.close();
    let calls = 0;

    const second = await openStore(dir, { initialConfig: () => (calls++, makeConfig()) });

    expect(calls).toBe(0);
    expect(second.config.read().halls[0]!.name).toBe('Kept');
  });

  it('when config.json is not valid JSON, then open fails naming the file and releases the lock', async () => {
    const dir = await newDataDir();
    await writeFile(path.join(dir, 'config.json'), '{"version": 1, "halls": [');

    await expect(openStore(dir)).rejects.toThrow(path.join(dir, 'config.json'));
    await rm(path.join(dir, 'config.json'));
    await expect(openStore(dir)).resolves.toBeDefined();
  });

  it('when sessions expired while the server was down, then open drops them from sessions.json', async () => {
    const dir = await newDataDir();
    const first = await openStore(dir, { now: () => 1_000 });
    await first.sessions.put(makeSession('hash-short', 'usr-1', 2_000));
    await first.sessions.put(makeSession('hash-long', 'usr-1', 9_000));
    await first.close();

    const second = await openStore(dir, { now: () => 5_000 });

    const file = JSON.parse(await readFile(path.join(dir, 'sessions.json'), 'utf8'));
    expect(file.sessions.map((s: { idHash: string }) => s.idHash)).toEqual(['hash-long']);
    expect(second.sessions.get('hash-long')).toBeDefined();
  });

  it('when a session passes its expiry while the server runs, then get stops returning it', async () => {
    const dir = await newDataDir();
    let now = 1_000;
    const store = await openStore(dir, { now: () => now });
    await store.sessions.put(makeSession('hash-1', 'usr-1', 2_000));
    const beforeExpiry = store.sessions.get('hash-1');

    now = 2_000;

    expect(beforeExpiry).toBeDefined();
    expect(store.sessions.get('hash-1')).toBeUndefined();
  });

  it('when events and a summary are stored, then they sit at the documented paths, with no temp files', async () => {
    const dir = await newDataDir();
    const store = await openStore(dir);

    await store.journal.append('hall-a', DAY, [issued(1), issued(2)]);
    await store.summaries.write({
      version: 1,
      hallId: 'hall-a',
      day: DAY,
      closedAt: 1,
      lastRev: 2,
      tickets: [],
    });

    expect(await readFile(journalFile(dir), 'utf8')).toBe(lines([issued(1), issued(2)]));
    expect(await readdir(path.join(dir, 'days', 'hall-a'))).toEqual([`${DAY}.json`]);
  });

  it.each([
    ['config.json', (store: Store) => store.config.update((d) => void (d.halls[0]!.name = 'X'))],
    [
      'sessions.json',
      (store: Store) => store.sessions.put(makeSession('h', 'usr-1', Date.now() + 1e6)),
    ],
  ])(
    'when writing %s fails, then the change is rejected, not applied, and later changes work',
    async (name, change) => {
      const dir = await newDataDir();
      // The temp file that each write starts with cannot be created (a full or read-only disk).
      let failing = false;
      const documentFileSystem: DurableFileSystem = {
        ...nodeDurableFileSystem,
        create: (file, mode) =>
          failing
            ? Promise.reject(
                Object.assign(new Error(`EIO: injected, open '${file}'`), { code: 'EIO' }),
              )
            : nodeDurableFileSystem.create(file, mode),
      };
      const store = await openStore(dir, { documentFileSystem });
      const before = { config: store.config.read(), session: store.sessions.get('h') };
      failing = true;

      await expect(change(store)).rejects.toThrow();
      const after = { config: store.config.read(), session: store.sessions.get('h') };
      failing = false;
      await change(store);

      expect(after).toEqual(before);
      const stored = JSON.parse(await readFile(path.join(dir, name), 'utf8'));
      expect(JSON.stringify(stored)).toMatch(
        name === 'config.json' ? '"name":"X"' : '"idHash":"h"',
      );
    },
  );
});

describe('embedded store: journal recovery', () => {
  it.each([
    ['a line cut before its newline', '{"type":"ticket:issued","rev":4,"hallId":"ha'],
    ['an unreadable line with a newline', '\u0000\u0000\u0000\n'],
    ['a complete event without its newline', JSON.stringify(issued(4))],
  ])(
    'when the last line is %s, then it is skipped, reported and cut before the next append',
    async (_case, tail) => {
      const dir = await newDataDir();
      await mkdir(path.dirname(journalFile(dir)), { recursive: true });
      await writeFile(journalFile(dir), lines([issued(1), issued(2), issued(3)]) + tail);
      const log: string[] = [];
      const store = await openStore(dir, { log: (msg) => log.push(msg) });

      const read = await store.journal.read('hall-a', DAY);
      await store.journal.append('hall-a', DAY, [issued(4)]);

      expect(read).toEqual({ events: [issued(1), issued(2), issued(3)], tornTail: true });
      expect(log.some((msg) => msg.includes('torn last line'))).toBe(true);
      const expected = [issued(1), issued(2), issued(3), issued(4)];
      expect(await readFile(journalFile(dir), 'utf8')).toBe(lines(expected));
      expect(await store.journal.read('hall-a', DAY)).toEqual({
        events: expected,
        tornTail: false,
      });
    },
  );

  it('when a line in the middle is damaged, then read and append fail naming file and line', async () => {
    const dir = await newDataDir();
    await mkdir(path.dirname(journalFile(dir)), { recursive: true });
    const content = `${JSON.stringify(issued(1))}\n{"type":"ticket:iss\n${JSON.stringify(issued(3))}\n`;
    await writeFile(journalFile(dir), content);
    const store = await openStore(dir);

    await expect(store.journal.read('hall-a', DAY)).rejects.toThrow(
      `${journalFile(dir)} is damaged at line 2`,
    );
    await expect(store.journal.append('hall-a', DAY, [issued(4)])).rejects.toThrow('line 2');
    expect(await readFile(journalFile(dir), 'utf8')).toBe(content);
  });

  it.each([
    [
      'a revision written twice (two servers on one folder)',
      [1, 2, 2, 3],
      3,
      'revision 2 is written twice',
    ],
    ['a missing revision', [1, 2, 4, 5], 3, 'revision 4 follows revision 2'],
    ['a revision out of order', [1, 3, 2], 2, 'revision 3 follows revision 1'],
  ])(
    'when the journal holds %s, then read and append refuse naming the file and line',
    async (_case, revs, line, problem) => {
      const dir = await newDataDir();
      await mkdir(path.dirname(journalFile(dir)), { recursive: true });
      const content = lines(revs.map((rev) => issued(rev)));
      await writeFile(journalFile(dir), content);
      const store = await openStore(dir);

      const read = store.journal.read('hall-a', DAY);

      await expect(read).rejects.toThrow(`${journalFile(dir)} is inconsistent at line ${line}`);
      await expect(read).rejects.toThrow(problem);
      await expect(store.journal.append('hall-a', DAY, [issued(9)])).rejects.toThrow(
        `line ${line}`,
      );
      expect(await readFile(journalFile(dir), 'utf8')).toBe(content);
    },
  );

  it.each([
    ['../etc', DAY],
    ['Hall-A', DAY],
    ['hall/a', DAY],
    ['hall.a', DAY],
    ['', DAY],
    ['h'.repeat(41), DAY],
    ['hall-a', '2025-02-30'],
    ['hall-a', '2025-3-14'],
    ['hall-a', '../2025-03-14'],
    ['hall-a', '2025-03-14/../../x'],
  ])(
    'when hall id %j or day %j is not a safe name, then the journal refuses it',
    async (hallId, day) => {
      const dir = await newDataDir();
      const store = await openStore(dir);

      await expect(store.journal.append(hallId, day, [issued(1)])).rejects.toThrow(/Invalid/);
      await expect(store.journal.read(hallId, day)).rejects.toThrow(/Invalid/);
      await expect(store.summaries.read(hallId, day)).rejects.toThrow(/Invalid/);
      expect((await readdir(dir)).sort()).toEqual(['.lock', 'config.json', 'sessions.json']);
    },
  );
});

describe('embedded store: group commit', () => {
  it('when 50 appends are made in one tick, then they share one write and one datasync', async () => {
    const dir = await newDataDir();
    const flushes: JournalFlush[] = [];
    const store = await openStore(dir, { onJournalFlush: (f) => flushes.push(f) });
    const events = Array.from({ length: 50 }, (_, i) => issued(i + 1));

    await Promise.all(events.map((e) => store.journal.append('hall-a', DAY, [e])));

    expect(flushes.length).toBeLessThan(50);
    expect(flushes).toEqual([
      {
        hallId: 'hall-a',
        day: DAY,
        appends: 50,
        events: 50,
        bytes: Buffer.byteLength(lines(events)),
      },
    ]);
    expect((await store.journal.read('hall-a', DAY)).events).toEqual(events);
  });

  it('when appends arrive while a flush is running, then they share the next flush', async () => {
    const dir = await newDataDir();
    const { fs, faults } = instrumentedFileSystem();
    const flushes: JournalFlush[] = [];
    const store = await openStore(dir, {
      journalFileSystem: fs,
      onJournalFlush: (f) => flushes.push(f),
    });
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const inFlush = new Promise<void>((entered) => {
      faults.beforeDatasync = async () => {
        faults.beforeDatasync = undefined;
        entered();
        await gate;
      };
    });

    const first = store.journal.append('hall-a', DAY, [issued(1)]);
    await inFlush;
    const later: Promise<void>[] = [];
    for (let rev = 2; rev <= 31; rev++) {
      later.push(store.journal.append('hall-a', DAY, [issued(rev)]));
      await new Promise((resolve) => setImmediate(resolve));
    }
    release();
    await Promise.all([first, ...later]);

    expect(flushes.map((f) => f.appends)).toEqual([1, 30]);
    const revs = (await store.journal.read('hall-a', DAY)).events.map((e) => e.rev);
    expect(revs).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
  });
});

describe('embedded store: write failures', () => {
  it('when datasync fails, then that batch is rejected and cut away, and later appends work', async () => {
    const dir = await newDataDir();
    const { fs, faults } = instrumentedFileSystem();
    const store = await openStore(dir, { journalFileSystem: fs });
    await store.journal.append('hall-a', DAY, [issued(1)]);
    faults.failDatasync = 1;

    const failed = [
      store.journal.append('hall-a', DAY, [issued(2)]),
      store.journal.append('hall-a', DAY, [issued(3)]),
    ];

    for (const append of failed) await expect(append).rejects.toThrow('injected datasync failure');
    expect(await readFile(journalFile(dir), 'utf8')).toBe(lines([issued(1)]));
    await store.journal.append('hall-a', DAY, [issued(2)]);
    expect(await readFile(journalFile(dir), 'utf8')).toBe(lines([issued(1), issued(2)]));
    await store.close();
    const reopened = await openStore(dir);
    expect(await reopened.journal.read('hall-a', DAY)).toEqual({
      events: [issued(1), issued(2)],
      tornTail: false,
    });
  });

  it('when a write stops halfway, then no partial line is left and the next append is clean', async () => {
    const dir = await newDataDir();
    const { fs, faults } = instrumentedFileSystem();
    const store = await openStore(dir, { journalFileSystem: fs });
    await store.journal.append('hall-a', DAY, [issued(1)]);
    faults.failWriteHalfway = 1;

    await expect(store.journal.append('hall-a', DAY, [issued(2), issued(3)])).rejects.toThrow(
      'injected write failure',
    );
    await store.journal.append('hall-a', DAY, [issued(2)]);

    expect(await readFile(journalFile(dir), 'utf8')).toBe(lines([issued(1), issued(2)]));
  });

  it('when the cut-back after a failure fails too, then reads hide the debris and the next append cuts it', async () => {
    const dir = await newDataDir();
    const { fs, faults } = instrumentedFileSystem();
    const store = await openStore(dir, { journalFileSystem: fs });
    await store.journal.append('hall-a', DAY, [issued(1)]);
    faults.failWriteHalfway = 1;
    faults.failTruncate = 1;

    await expect(store.journal.append('hall-a', DAY, [issued(2), issued(3)])).rejects.toThrow();
    const afterFailure = await store.journal.read('hall-a', DAY);
    await store.journal.append('hall-a', DAY, [issued(2)]);

    expect(afterFailure).toEqual({ events: [issued(1)], tornTail: false });
    expect(await readFile(journalFile(dir), 'utf8')).toBe(lines([issued(1), issued(2)]));
  });

  it('when the very first write of a new file fails, then the file is left empty and can be written later', async () => {
    const dir = await newDataDir();
    const { fs, faults } = instrumentedFileSystem();
    const store = await openStore(dir, { journalFileSystem: fs });
    faults.failDatasync = 1;

    await expect(store.journal.append('hall-a', DAY, [issued(1)])).rejects.toThrow();
    await store.journal.append('hall-a', DAY, [issued(1)]);

    expect(await readFile(journalFile(dir), 'utf8')).toBe(lines([issued(1)]));
  });
});

describe('embedded store: closing and file handles', () => {
  it('when the store closes with appends queued, then they are written first and later appends fail', async () => {
    const dir = await newDataDir();
    const store = await openStore(dir);
    const settled: number[] = [];
    const queued = [1, 2, 3].map((rev) =>
      store.journal.append('hall-a', DAY, [issued(rev)]).then(() => settled.push(rev)),
    );

    await store.close();

    expect(settled).toEqual([1, 2, 3]);
    await Promise.all(queued);
    await expect(store.journal.append('hall-a', DAY, [issued(4)])).rejects.toThrow('closed');
    const reopened = await openStore(dir);
    expect((await reopened.journal.read('hall-a', DAY)).events).toEqual([
      issued(1),
      issued(2),
      issued(3),
    ]);
  });

  it('when a hall moves on to a new day, then the older day file is closed and close() closes the rest', async () => {
    const dir = await newDataDir();
    const { fs, handles } = instrumentedFileSystem();
    const store = await openStore(dir, { journalFileSystem: fs });

    await store.journal.append('hall-a', '2025-03-14', [issued(1)]);
    await store.journal.append('hall-b', '2025-03-14', [issued(1, 'hall-b')]);
    await store.journal.append('hall-a', '2025-03-15', [issued(1)]);
    await store.journal.read('hall-a', '2025-03-14');
    const beforeClose = { ...handles };
    await store.close();

    expect(beforeClose).toEqual({ opened: 3, closed: 1 });
    expect(handles).toEqual({ opened: 3, closed: 3 });
  });
});
