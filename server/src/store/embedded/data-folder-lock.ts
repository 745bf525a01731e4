import { spawn } from 'node:child_process';
import { close, constants, fstat, ftruncate, open, write } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { errorCode } from './durable-fs.js';
import {
  describeHolder,
  folderInUseError,
  holderText,
  mayStillRun,
  readHolder,
  thisProcess,
} from './lock-holder.js';
import { lockWithPidFile } from './pid-file-lock.js';

const openFd = promisify(open);
const closeFd = promisify(close);
const fstatFd = promisify(fstat);
const truncateFd = promisify(ftruncate);
const writeFd = promisify(write);

/** Held while a process uses a data folder; `release` lets the next process in. */
export interface DataFolderLock {
  release(): Promise<void>;
}

export interface DataFolderLockOptions {
  /** The `flock` command (util-linux or BusyBox); tests name a missing one to get the fallback. */
  flockCommand?: string;
}

type FlockResult = 'locked' | 'held' | 'missing';

/**
 * Takes an exclusive flock(2) on the open file `fd` through the `flock` command (Node has no
 * flock of its own, and native addons are not an option). The child gets `fd` as its fd 3,
 * the same open file description as ours, so the lock stays with this process after `flock`
 * exits, until this process closes `fd` or ends in any way, SIGKILL included.
 */
function flock(fd: number, command: string, file: string): Promise<FlockResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, ['-x', '-n', '3'], {
      stdio: ['ignore', 'ignore', 'pipe', fd],
      windowsHide: true,
    });
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.once('error', (err) => {
      if (errorCode(err) === 'ENOENT') resolve('missing');
      else reject(new Error(`Could not lock ${file}: ${command} did not run: ${err.message}`));
    });
    child.once('close', (code, signal) => {
      // With -n, a lock held elsewhere is a silent exit 1 (util-linux and BusyBox alike).
      if (code === 0) resolve('locked');
      else if (code === 1 && stderr.trim() === '') resolve('held');
      else
        reject(
          new Error(
            `Could not lock ${file}: ${command} ended with ${code ?? signal}: ${stderr.trim()}. ` +
              'The data folder must be on a file system with file locks (on NFS, with lockd).',
          ),
        );
    });
  });
}

/** Whether `command` exists, found as the lock itself would find it. */
function commandExists(command: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [], { stdio: 'ignore', windowsHide: true });
    child.once('spawn', () => resolve(true));
    child.once('error', (err) => {
      if (errorCode(err) === 'ENOENT') resolve(false);
      else reject(new Error(`Could not run ${command}: ${err.message}`));
    });
  });
}

/**
 * Opens `file` for the flock, or says there is no `flock`. The file is created only once the
 * command is known to exist: on the pid-file path an empty `.lock` made here would read as
 * another process's lock being written (and deleting it could delete a real one).
 */
async function openLockFile(file: string, command: string): Promise<number | 'missing'> {
  // O_RDWR because NFS needs it for a write lock.
  const existing = await openFd(file, constants.O_RDWR).catch((err: unknown) => {
    if (errorCode(err) === 'ENOENT') return undefined;
    throw err;
  });
  if (existing !== undefined) return existing;
  if (!(await commandExists(command))) return 'missing';
  // Owner-only like the rest of the data folder.
  return openFd(file, constants.O_RDWR | constants.O_CREAT, 0o600);
}

/** Whether `file` is still the file `fd` locked, not removed or replaced before the lock. */
async function stillNamed(fd: number, file: string): Promise<boolean> {
  const locked = await fstatFd(fd);
  const named = await stat(file).catch((err: unknown) => {
    if (errorCode(err) === 'ENOENT') return undefined;
    throw err;
  });
  return named?.ino === locked.ino && named.dev === locked.dev;
}

/**
 * Notes the previous holder if it did not stop cleanly, then writes this process in the file;
 * undefined when a process without `flock` holds the folder through the file alone.
 */
async function holdLock(fd: number, file: string, log: (msg: string) => void) {
  const previous = await readHolder(file);
  // The free OS lock proves a flock holder gone, whatever its pid now names (another PID
  // namespace may reuse it); a pid-file holder takes no OS lock, so only its pid can tell.
  if (previous?.pidFileOnly && mayStillRun(previous)) return undefined;
  if (previous) {
    log(
      `The previous holder of the data folder lock ${file} (${describeHolder(previous)}) ended ` +
        'without releasing it (a crash or a kill); the operating system freed the stale lock.',
    );
  }
  const text = Buffer.from(holderText(thisProcess), 'utf8');
  // Written over the old text, then cut to length: never empty, which a process without
  // `flock` would have to read as a lock being written.
  await writeFd(fd, text, 0, text.length, 0);
  await truncateFd(fd, text.length);
  let released: Promise<void> | undefined;
  const release = async (): Promise<void> => {
    // An empty file tells the next process that this one stopped cleanly.
    await truncateFd(fd, 0).catch(() => undefined);
    await closeFd(fd);
  };
  return { release: () => (released ??= release()) };
}

/**
 * Makes this process the only user of `dataDir` through an exclusive OS lock (flock) on
 * `dataDir/.lock`, held for as long as the process lives: it holds across PID namespaces
 * (containers) and, on NFS, across hosts, and no process can take it over while its holder
 * runs. The file is never deleted (that would defeat the lock); the pid, start time and host
 * in it are information for messages only. Where no `flock` command exists, falls back to
 * a pid file, with a warning.
 */
export async function lockDataFolder(
  dataDir: string,
  log: (msg: string) => void,
  opts: DataFolderLockOptions = {},
): Promise<DataFolderLock> {
  const file = path.join(dataDir, '.lock');
  const command = opts.flockCommand ?? 'flock';
  for (let attempt = 0; attempt < 3; attempt++) {
    const fd = await openLockFile(file, command);
    let result: FlockResult | 'replaced' | 'pid-file held' = 'missing';
    if (fd !== 'missing') {
      try {
        result = await flock(fd, command, file);
        if (result === 'locked' && !(await stillNamed(fd, file))) result = 'replaced';
        if (result === 'locked') {
          const held = await holdLock(fd, file, log);
          if (held) return held;
          result = 'pid-file held';
        }
      } catch (err) {
        await closeFd(fd);
        throw err;
      }
      await closeFd(fd);
    }
    if (result === 'pid-file held') {
      const advice = `It has no flock command and locks with this file alone; stop it first.`;
      throw folderInUseError(dataDir, file, await readHolder(file), advice);
    }
    if (result === 'held') {
      const advice = `The lock is freed when that process ends; deleting ${file} does not help.`;
      throw folderInUseError(dataDir, file, await readHolder(file), advice);
    }
    if (result === 'missing') {
      log(
        `WARNING: no "${command}" command (util-linux) on ${process.platform}, so the data folder ` +
          `lock ${file} falls back to a pid file, which cannot see a server in another container ` +
          `or on another host: never share ${dataDir} between them here. Install util-linux for the OS lock.`,
      );
      // Never delete `.lock` here: even empty, it may be another process's lock being written.
      return { release: await lockWithPidFile(dataDir, file, log) };
    }
  }
  throw new Error(`Could not lock the data folder ${dataDir}: ${file} keeps being replaced.`);
}
