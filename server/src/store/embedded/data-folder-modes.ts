import type { Dirent, Stats } from 'node:fs';
import { chmod, lstat, mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { errorCode, OWNER_ONLY_DIR } from './durable-fs.js';

/** Group and other permission bits: none of them belong on the data folder. */
const NOT_OWNER = 0o077;

/**
 * Creates the data folder owner-only when missing. An existing folder keeps its mode here;
 * `tightenDataFolder` takes care of it.
 */
export async function createDataFolder(dataDir: string): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: OWNER_ONLY_DIR });
}

/**
 * Takes every group and other permission off the data folder and everything in it (a folder
 * from before this rule was created 0755 with 0644 files holding password hashes). The folder
 * itself goes first: from then on other users can reach nothing inside it, so the walk over
 * the rest (a year of history is ~740 files) may run beside the start. A folder found
 * owner-only already was tightened by an earlier start (or made by this version): nothing
 * inside is reachable by others, so it is not walked again — five years of history would
 * otherwise be walked at every start. Symbolic links are not followed, except the data folder
 * itself. Logs one line when it changed anything; what it may not change is logged and left.
 * Never rejects; resolves to how many it changed.
 */
export async function tightenDataFolder(
  dataDir: string,
  log: (msg: string) => void,
): Promise<number> {
  // Windows has no such mode bits: access is by ACL, inherited from the parent folder.
  if (process.platform === 'win32') return 0;
  const tally = { tightened: 0, log };
  try {
    const folder = await stat(dataDir);
    if ((folder.mode & NOT_OWNER) === 0) return 0;
    await tighten(dataDir, folder, tally);
    await walk(dataDir, tally);
  } catch (err) {
    log(`WARNING: could not make everything under ${dataDir} owner-only: ${err}`);
  }
  if (tally.tightened > 0) {
    log(`Tightened ${tally.tightened} files/folders under ${dataDir} to owner-only.`);
  }
  return tally.tightened;
}

interface Tally {
  tightened: number;
  log: (msg: string) => void;
}

async function walk(dir: string, tally: Tally): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return; // removed meanwhile
    throw err;
  }
  // In parallel: a year of history is two folders of ~365 files per hall.
  await Promise.all(entries.map((entry) => visit(dir, entry, tally)));
}

async function visit(dir: string, entry: Dirent, tally: Tally): Promise<void> {
  if (entry.isSymbolicLink()) return;
  const file = path.join(dir, entry.name);
  let stats: Stats;
  try {
    stats = await lstat(file);
  } catch {
    return; // removed meanwhile (a temp file)
  }
  await tighten(file, stats, tally);
  if (stats.isDirectory()) await walk(file, tally);
}

async function tighten(file: string, stats: Stats, tally: Tally): Promise<void> {
  if ((stats.mode & NOT_OWNER) === 0) return;
  try {
    await chmod(file, stats.mode & 0o7777 & ~NOT_OWNER);
    tally.tightened++;
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return; // a temp file, renamed or removed meanwhile
    tally.log(`WARNING: could not make ${file} owner-only: ${err}`);
  }
}
