import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { errorCode } from './durable-fs.js';

/** Who holds (or last held) a data folder lock, as written in its `.lock` file. */
export interface LockHolder {
  pid: number;
  /** Start of the holding process (ms since epoch), to tell this process from an earlier one with the same pid. */
  startedAt: number | undefined;
  /** The holder's host name: in a container, the container's id. */
  host: string | undefined;
  /**
   * Whether the holder had no `flock` command, so the file itself is its only lock: then a free
   * OS lock proves nothing and only the holder's pid can tell whether it still runs.
   */
  pidFileOnly?: boolean;
}

// Under Docker the server is often pid 1 on every start, so a pid alone cannot tell this
// process from the one before it: the start time can.
export const thisProcess: LockHolder = {
  pid: process.pid,
  startedAt: Math.round(performance.timeOrigin),
  host: hostname(),
};

const PID_FILE_ONLY = 'pid-file';

/**
 * The `.lock` file's text: pid, start time and host, one a line (older versions wrote the first
 * two), then `pid-file` when the holder has no OS lock.
 */
export function holderText(holder: LockHolder): string {
  const mark = holder.pidFileOnly ? `${PID_FILE_ONLY}\n` : '';
  return `${holder.pid}\n${holder.startedAt ?? ''}\n${holder.host ?? ''}\n${mark}`;
}

/** The holder named in `text`, or undefined when it names none (empty, or cut by a crash). */
export function parseHolder(text: string): LockHolder | undefined {
  const [pidLine = '', startLine = '', hostLine = '', markLine = ''] = text.split('\n');
  if (!/^\d+$/.test(pidLine) || Number(pidLine) <= 0) return undefined;
  return {
    pid: Number(pidLine),
    startedAt: /^\d+$/.test(startLine) ? Number(startLine) : undefined,
    host: hostLine.trim() || undefined,
    pidFileOnly: markLine.trim() === PID_FILE_ONLY,
  };
}

/** The holder named in the lock file `file`, or undefined when there is none. */
export async function readHolder(file: string): Promise<LockHolder | undefined> {
  try {
    return parseHolder(await readFile(file, 'utf8'));
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return undefined;
    throw err;
  }
}

/**
 * Whether `holder` may still run, as far as this process can tell from its pid: a holder of
 * another host (or container: its host name differs) cannot be checked, so it counts as running.
 */
export function mayStillRun(holder: LockHolder): boolean {
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

export function isThisProcess(holder: LockHolder | undefined): boolean {
  return holder?.pid === thisProcess.pid && holder.startedAt === thisProcess.startedAt;
}

/** "pid 12 on host web-1", for messages; the pid is as the holder's own container sees it. */
export function describeHolder(holder: LockHolder | undefined): string {
  if (!holder) return 'pid unknown';
  return holder.host ? `pid ${holder.pid} on host ${holder.host}` : `pid ${holder.pid}`;
}

/** The refusal of a second process: names the folder, the holder and where it may run. */
export function folderInUseError(
  dataDir: string,
  file: string,
  holder: LockHolder | undefined,
  advice: string,
): Error {
  return new Error(
    `Another Sıramatik process (${describeHolder(holder)}) already uses the data folder ${dataDir}: ` +
      `it holds the lock ${file}, possibly from another container or host sharing this folder. ` +
      `Stop it before starting this one. ${advice}`,
  );
}
