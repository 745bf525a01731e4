import { link, open, stat, unlink } from 'node:fs/promises';
import { errorCode, OWNER_ONLY_FILE, tempNameFor } from './durable-fs.js';
import type { LockHolder } from './lock-holder.js';
import {
  describeHolder,
  folderInUseError,
  holderText,
  isThisProcess,
  mayStillRun,
  readHolder,
  thisProcess,
} from './lock-holder.js';

/**
 * How long an empty or cut lock file counts as one another process is writing right now (a
 * server with `flock` writes its pid after locking) rather than one a crash left behind.
 */
const WRITING_GRACE_MS = 10_000;

/** This process as a pid-file holder: marked, so a process with `flock` will not take it over. */
const thisPidFileHolder: LockHolder = { ...thisProcess, pidFileOnly: true };

/**
 * Creates `file` naming this process, complete or not at all: written and fsynced under a temp
 * name, then hard-linked to `file`, which fails atomically when `file` exists. Another process
 * never sees it empty, which it could not tell from a holder that crashed while writing.
 */
async function tryCreate(file: string): Promise<boolean> {
  const temp = tempNameFor(file);
  try {
    const handle = await open(temp, 'wx', OWNER_ONLY_FILE);
    try {
      await handle.writeFile(holderText(thisPidFileHolder), 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await link(temp, file);
    return true;
  } catch (err) {
    if (errorCode(err) === 'EEXIST') return false;
    throw err;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/** Whether `file`, naming no holder, is older than a write in progress could be. */
async function leftBehind(file: string): Promise<boolean> {
  const stats = await stat(file).catch((err: unknown) => {
    if (errorCode(err) === 'ENOENT') return undefined;
    throw err;
  });
  return stats === undefined || Date.now() - stats.mtimeMs > WRITING_GRACE_MS;
}

/**
 * The fallback lock where no `flock` command exists (Windows, a bare macOS): `file` created
 * complete and atomically, holding the pid and host. A lock whose process is gone is taken
 * over and logged; one naming another host is left to the operator; an empty one is taken
 * over only once it is too old to be another process's lock being written. It sees only
 * processes of this host and PID namespace, so it cannot keep out a server in another
 * container with the same host name; nor two processes racing to take over the same stale
 * lock.
 */
export async function lockWithPidFile(
  dataDir: string,
  file: string,
  log: (msg: string) => void,
): Promise<() => Promise<void>> {
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await tryCreate(file)) return () => releasePidFile(file);
    const holder = await readHolder(file);
    if (holder ? mayStillRun(holder) : !(await leftBehind(file))) {
      const advice = holder
        ? `If no Sıramatik process is running, delete ${file}.`
        : `Its holder is still writing it or stopped a moment ago: try again in a few seconds.`;
      throw folderInUseError(dataDir, file, holder, advice);
    }
    log(`Taking over the stale lock ${file} (${describeHolder(holder)} is no longer running).`);
    await unlink(file).catch((err: unknown) => {
      if (errorCode(err) !== 'ENOENT') throw err;
    });
  }
  throw new Error(`Could not lock the data folder ${dataDir}: ${file} keeps reappearing.`);
}

async function releasePidFile(file: string): Promise<void> {
  // Never delete a lock that another process has taken over meanwhile.
  if (!isThisProcess(await readHolder(file))) return;
  await unlink(file).catch((err: unknown) => {
    if (errorCode(err) !== 'ENOENT') throw err;
  });
}
