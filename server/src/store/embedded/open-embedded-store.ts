import path from 'node:path';
import type { ConfigData } from '../../config/config-data.js';
import type { Store } from '../store.js';
import { ConfigFile } from './config-file.js';
import { lockDataFolder } from './data-folder-lock.js';
import { FileBookingLedger } from './booking-ledger-file.js';
import { createDataFolder, tightenDataFolder } from './data-folder-modes.js';
import { DaySummaryFiles } from './day-summary-files.js';
import type { DurableFileSystem } from './durable-fs.js';
import { FileJournal } from './file-journal.js';
import type { JournalFileSystem } from './journal-fs.js';
import { nodeJournalFileSystem } from './journal-fs.js';
import type { JournalFlush } from './journal-file.js';
import { SessionFile } from './session-file.js';
import { WebhookFiles } from './webhook-files.js';

export type { DurableFileSystem, DurableHandle } from './durable-fs.js';
export type { JournalFileSystem, JournalHandle } from './journal-fs.js';
export type { JournalFlush } from './journal-file.js';

export interface EmbeddedStoreOptions {
  log: (msg: string) => void;
  /** The configuration of a first start; called only when `config.json` does not exist. */
  initialConfig: () => ConfigData;
  /** Clock for session expiry; defaults to `Date.now`. */
  now?: () => number;
  /** Called after each durable journal write (for metrics and tests of group commit). */
  onJournalFlush?: (flush: JournalFlush) => void;
  /** File operations of the journal writer; tests inject failures here. */
  journalFileSystem?: JournalFileSystem;
  /** File operations of the `config.json` and `sessions.json` writes; tests inject failures here. */
  documentFileSystem?: DurableFileSystem;
}

/**
 * Opens the embedded store in `dataDir` (created if missing): `config.json` and
 * `sessions.json` through lowdb, `journal/<hallId>/<day>.jsonl` with group-committed
 * fdatasync, `days/<hallId>/<day>.json` summaries, `bookings/<hallId>.jsonl` booking ledgers,
 * `webhooks/<endpointId>.json` and `.log.jsonl` webhook delivery state and log. Refuses a folder
 * another process uses.
 */
export async function openEmbeddedStore(
  dataDir: string,
  opts: EmbeddedStoreOptions,
): Promise<Store> {
  await createDataFolder(dataDir);
  const lock = await lockDataFolder(dataDir, opts.log);
  // After the lock, so the lock file is covered too; beside the rest of the start (it never
  // rejects), as the folder itself is made owner-only first.
  const tightening = tightenDataFolder(dataDir, opts.log);
  let config: ConfigFile | undefined;
  try {
    const fs = opts.documentFileSystem;
    config = await ConfigFile.open(path.join(dataDir, 'config.json'), opts.initialConfig, {
      log: opts.log,
      fs,
    });
    const sessionsFile = path.join(dataDir, 'sessions.json');
    const sessions = await SessionFile.open(sessionsFile, {
      now: opts.now ?? Date.now,
      log: opts.log,
      fs,
    });
    const journal = new FileJournal(path.join(dataDir, 'journal'), {
      fs: opts.journalFileSystem ?? nodeJournalFileSystem,
      log: opts.log,
      onFlush: opts.onJournalFlush,
    });
    const summaries = new DaySummaryFiles(path.join(dataDir, 'days'));
    const bookings = new FileBookingLedger(path.join(dataDir, 'bookings'), {
      fs: opts.journalFileSystem ?? nodeJournalFileSystem,
      log: opts.log,
      // The journal's flush reports are about hall-days; the ledger's writes are not counted.
      onFlush: undefined,
    });
    const webhooks = new WebhookFiles(path.join(dataDir, 'webhooks'), {
      fs: opts.journalFileSystem ?? nodeJournalFileSystem,
      log: opts.log,
    });
    const openConfig = config;
    let closing: Promise<void> | undefined;
    const closeAll = async (): Promise<void> => {
      try {
        await Promise.all([
          journal.close(),
          bookings.close(),
          webhooks.close(),
          openConfig.close(),
          sessions.close(),
          tightening,
        ]);
      } finally {
        await lock.release();
      }
    };
    return {
      config,
      sessions,
      journal,
      summaries,
      bookings,
      webhooks,
      close: () => (closing ??= closeAll()),
    };
  } catch (err) {
    await config?.close();
    await tightening;
    await lock.release();
    throw err;
  }
}
