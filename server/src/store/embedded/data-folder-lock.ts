import { open, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { errorCode } from './durable-fs.js';

/** Held while a process uses a data folder; `release` lets the next process in. */
export interface DataFolderLock {
  release(): Promise<void>;
}

interface LockOwner {
  pid: number;
  /** Start of the owning process (ms since epoch), to tell this process from an earlier one with the same pid. */
  startedAt: number | undefined;
}

// Under Docker the server is often pid 1 on every start, so after a crash the stale lock holds
// our own pid: the start time tells a restarted process from this one.
const self: LockOwner = { pid: process.pid, startedAt: Math.round(performance.timeOrigin) };

function lockText(owner: LockOwner): string {
  return `${owner.pid}\n${owner.startedAt}\n`;
}

async function readOwner(file: string): Promise<LockOwner | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return undefined;
    throw err;
  }
  const [pidLine = '', startLine = ''] = text.split('\n');
  if (!/^\d+$/.test(pidLine) || Number(pidLine) <= 0) return undefined;
  return {
    pid: Number(pidLine),
    startedAt: /^\d+$/.test(startLine) ? Number(startLine) : undefined,
  };
}

function isAlive(owner: LockOwner): boolean {
  if (owner.pid === self.pid) return owner.startedAt === self.startedAt;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return errorCode(err) === 'EPERM';
  }
}

async function tryCreate(file: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'wx');
  } catch (err) {
    if (errorCode(err) === 'EEXIST') return false;
    throw err;
  }
  try {
    await handle.writeFile(lockText(self), 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

/**
 * Makes this process the only writer of `dataDir` through `dataDir/.lock` (created with
 * O_EXCL, holding the pid). A lock whose process is gone (a crash) is taken over and logged.
 * Two processes racing to take over the same stale lock are not excluded: the lock guards
 * against starting a second server by mistake.
 */
export async function lockDataFolder(
  dataDir: string,
  log: (msg: string) => void,
): Promise<DataFolderLock> {
  const file = path.join(dataDir, '.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await tryCreate(file)) return { release: () => releaseLock(file) };
    const owner = await readOwner(file);
    if (owner && isAlive(owner)) {
      throw new Error(
        `Another Sıramatik process (pid ${owner.pid}) already uses the data folder ${dataDir}. ` +
          `Stop it before starting this one. If no Sıramatik process is running, delete ${file}.`,
      );
    }
    log(
      `Taking over the stale lock ${file} (pid ${owner?.pid ?? 'unknown'} is no longer running).`,
    );
    await unlink(file).catch((err: unknown) => {
      if (errorCode(err) !== 'ENOENT') throw err;
    });
  }
  throw new Error(`Could not lock the data folder ${dataDir}: ${file} keeps reappearing.`);
}

async function releaseLock(file: string): Promise<void> {
  const owner = await readOwner(file);
  // Never delete a lock that another process has taken over meanwhile.
  if (owner?.pid !== self.pid || owner.startedAt !== self.startedAt) return;
  await unlink(file).catch((err: unknown) => {
    if (errorCode(err) !== 'ENOENT') throw err;
  });
}
