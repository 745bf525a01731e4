import { appendFile, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WEBHOOK_LIMITS } from '../../contract/webhooks.js';
import type {
  EmbeddedStoreOptions,
  JournalFileSystem,
} from '../../server/src/store/embedded/open-embedded-store.js';
import { openEmbeddedStore } from '../../server/src/store/embedded/open-embedded-store.js';
import { nodeJournalFileSystem } from '../../server/src/store/embedded/journal-fs.js';
import type { Store } from '../../server/src/store/store.js';
import { makeConfig } from './store-fixtures.js';
import {
  BAD_ENDPOINT_IDS,
  describeWebhookStoreContract,
  logEntry,
  webhookState,
} from './webhook-store-contract.js';

// The webhook state and log of the data folder, where the files themselves matter: their
// places and modes, a crash's torn last line, a failing disk, ids that would leave the folder.
// The behaviour both stores share is in webhook-store-contract.ts.

const quiet = (extra: Partial<EmbeddedStoreOptions> = {}): EmbeddedStoreOptions => ({
  log: () => undefined,
  initialConfig: makeConfig,
  ...extra,
});

describeWebhookStoreContract('embedded', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'siramatik-webhooks-'));
  let store = await openEmbeddedStore(dir, quiet());
  const subject = {
    store,
    reopen: async () => {
      await store.close();
      store = await openEmbeddedStore(dir, quiet());
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

const opened: Store[] = [];
const dataDirs: string[] = [];
let savedUmask: number | undefined;
afterEach(async () => {
  if (savedUmask !== undefined) process.umask(savedUmask);
  savedUmask = undefined;
  await Promise.allSettled(opened.splice(0).map((s) => s.close()));
  await Promise.all(dataDirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function newDataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'siramatik-webhooks-'));
  dataDirs.push(dir);
  return dir;
}

async function openStore(dir: string, extra: Partial<EmbeddedStoreOptions> = {}): Promise<Store> {
  const store = await openEmbeddedStore(dir, quiet(extra));
  opened.push(store);
  return store;
}

const logFile = (dir: string, id = 'wh-1') => path.join(dir, 'webhooks', `${id}.log.jsonl`);
const stateFile = (dir: string, id = 'wh-1') => path.join(dir, 'webhooks', `${id}.json`);
const mode = async (file: string) => ((await stat(file)).mode & 0o777).toString(8);

describe('embedded webhook files', () => {
  it('when state and log are written under a umask that lets everyone read, then the folder is 0700 and both files 0600', async () => {
    const dir = await newDataDir();
    savedUmask = process.umask(0o000);
    const store = await openStore(dir);

    await store.webhooks.writeState(webhookState('wh-1', 1));
    await store.webhooks.appendLog('wh-1', logEntry(1));

    expect(await mode(path.join(dir, 'webhooks'))).toBe('700');
    expect(await mode(stateFile(dir))).toBe('600');
    expect(await mode(logFile(dir))).toBe('600');
    expect(JSON.parse(await readFile(stateFile(dir), 'utf8'))).toEqual(webhookState('wh-1', 1));
  });

  it('when the log ends in a line cut by a crash, then it is skipped, and the next append cuts it first', async () => {
    const dir = await newDataDir();
    let store = await openStore(dir);
    await store.webhooks.appendLog('wh-1', logEntry(1));
    await store.webhooks.appendLog('wh-1', logEntry(2));
    await store.close();
    await appendFile(logFile(dir), JSON.stringify(logEntry(3)).slice(0, 25));
    const logs: string[] = [];
    store = await openStore(dir, { log: (m) => logs.push(m) });

    expect(await store.webhooks.readLog('wh-1', 10)).toEqual([logEntry(2), logEntry(1)]);
    await store.webhooks.appendLog('wh-1', logEntry(4));

    expect(await store.webhooks.readLog('wh-1', 10)).toEqual([
      logEntry(4),
      logEntry(2),
      logEntry(1),
    ]);
    const lines = (await readFile(logFile(dir), 'utf8')).split('\n');
    expect(lines.slice(0, -1).map((l) => JSON.parse(l))).toEqual([
      logEntry(1),
      logEntry(2),
      logEntry(4),
    ]);
    expect(logs.join('\n')).toMatch(/torn last line/);
  });

  it('when many tries are logged, then the file never holds more than twice the kept entries', async () => {
    const dir = await newDataDir();
    const store = await openStore(dir);
    let most = 0;

    for (let i = 1; i <= 3 * WEBHOOK_LIMITS.logEntries; i++) {
      await store.webhooks.appendLog('wh-1', logEntry(i));
      const lines = (await readFile(logFile(dir), 'utf8')).split('\n').length - 1;
      most = Math.max(most, lines);
    }

    expect(most).toBe(2 * WEBHOOK_LIMITS.logEntries);
    expect(await readdir(path.join(dir, 'webhooks'))).toEqual(['wh-1.log.jsonl']);
  });

  it('when the disk fails in the middle of an append, then it rejects, the file is cut back, and the next append works', async () => {
    const dir = await newDataDir();
    let failNext = false;
    const journalFileSystem: JournalFileSystem = {
      open: async (file, flags) => {
        const handle = await nodeJournalFileSystem.open(file, flags);
        if (!file.endsWith('.log.jsonl')) return handle;
        return {
          write: async (data) => {
            if (!failNext) return handle.write(data);
            failNext = false;
            await handle.write(data.subarray(0, 10));
            throw new Error('EIO: simulated disk failure');
          },
          datasync: () => handle.datasync(),
          truncate: (length) => handle.truncate(length),
          close: () => handle.close(),
        };
      },
    };
    const store = await openStore(dir, { journalFileSystem });
    await store.webhooks.appendLog('wh-1', logEntry(1));

    failNext = true;
    await expect(store.webhooks.appendLog('wh-1', logEntry(2))).rejects.toThrow(/EIO/);
    await store.webhooks.appendLog('wh-1', logEntry(3));

    expect(await store.webhooks.readLog('wh-1', 10)).toEqual([logEntry(3), logEntry(1)]);
    expect(await readFile(logFile(dir), 'utf8')).toBe(
      `${JSON.stringify(logEntry(1))}\n${JSON.stringify(logEntry(3))}\n`,
    );
  });

  it('when ids that would leave the folder are given, then nothing is created anywhere', async () => {
    const dir = await newDataDir();
    const store = await openStore(dir);

    for (const bad of BAD_ENDPOINT_IDS) {
      await store.webhooks.writeState(webhookState(bad, 1)).catch(() => undefined);
      await store.webhooks.appendLog(bad, logEntry(1)).catch(() => undefined);
    }

    const names = await readdir(dir);
    expect(names).not.toContain('webhooks');
    expect(names.filter((n) => n.startsWith('escape'))).toEqual([]);
  });

  it('when an endpoint is forgotten, then both of its files are removed', async () => {
    const dir = await newDataDir();
    const store = await openStore(dir);
    await store.webhooks.writeState(webhookState('wh-1', 1));
    await store.webhooks.appendLog('wh-1', logEntry(1));
    await store.webhooks.writeState(webhookState('wh-2', 1));

    await store.webhooks.forget('wh-1');

    expect(await readdir(path.join(dir, 'webhooks'))).toEqual(['wh-2.json']);
  });

  it('when the state file is damaged, then reading it fails naming the file', async () => {
    const dir = await newDataDir();
    const store = await openStore(dir);
    await store.webhooks.writeState(webhookState('wh-1', 1));
    await appendFile(stateFile(dir), '}{');

    await expect(store.webhooks.readState('wh-1')).rejects.toThrow(/wh-1\.json is damaged/);
  });
});
