import { open, unlink } from 'node:fs/promises';
import { errorCode } from './durable-fs.js';
import type { LockHolder } from './lock-holder.js';
import {
  describeHolder,
  folderInUseError,
  holderText,
  isThisProcess,
  readHolder,
  thisProcess,
} from './lock-holder.js';

function isAlive(holder: LockHolder): boolean {
  // A pid of another host (or container: its host name differs) cannot be checked from here;
  // taking its lock over would let two servers run, so only the operator may remove it.
  if (holder.host !== undefined && holder.host !== thisProcess.host) return true;
  if (holder.pid === thisProcess.pid) return holder.startedAt === thisProcess.startedAt;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return errorCode(err) === 'EPERM';
  }
}

async function tryCreate(file: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'wx', 0o600);
  } catch (err) {
    if (errorCode(err) === 'EEXIST') return false;
    throw err;
  }
  try {
    await handle.writeFile(holderText(thisProcess), 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

/**
 * The fallback lock where no `flock` command exists (Windows, a bare macOS): `file` created
 * with O_EXCL, holding the pid and host. A lock whose process is gone is taken over and
 * logged; one naming another host is left to the operator. It sees only processes of this
 * host and PID namespace, so it cannot keep out a server in another container with the same
 * host name; nor two processes racing to take over the same stale lock.
 */
export async function lockWithPidFile(
  dataDir: string,
  file: string,
  log: (msg: string) => void,
): Promise<() => Promise<void>> {
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await tryCreate(file)) return () => releasePidFile(file);
    const holder = await readHolder(file);
    if (holder && isAlive(holder)) {
      throw folderInUseError(
        dataDir,
        file,
        holder,
        `If no Sıramatik process is running, delete ${file}.`,
      );
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
