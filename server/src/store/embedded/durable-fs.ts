import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * Modes of everything in the data folder: it holds password hashes, sessions, notes and
 * priority groups, so only the server's own user may read it. Passed explicitly at every
 * create, so a permissive umask cannot loosen them.
 */
export const OWNER_ONLY_FILE = 0o600;
export const OWNER_ONLY_DIR = 0o700;

/** The `code` of a Node.js system error (`ENOENT`, `EEXIST`, …), if it has one. */
export function errorCode(err: unknown): string | undefined {
  if (err instanceof Error && 'code' in err && typeof err.code === 'string') return err.code;
  return undefined;
}

/** A file opened for writing by `DurableFileSystem.create`. */
export interface DurableHandle {
  writeFile(data: string): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The file operations of a durable whole-file write; tests pass one that fails or records. */
export interface DurableFileSystem {
  /** Creates `file`, which must not exist yet (`wx`), with `mode`. */
  create(file: string, mode: number): Promise<DurableHandle>;
  link(existing: string, newPath: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  /** Makes the directory's entries (files created or renamed into it) durable. */
  syncDirectory(dir: string): Promise<void>;
}

export const nodeDurableFileSystem: DurableFileSystem = {
  create: (file, mode) => open(file, 'wx', mode),
  link,
  rename,
  unlink,
  syncDirectory: fsyncDirectory,
};

/** Makes a directory's entries (a file just created or renamed into it) durable. */
export async function fsyncDirectory(dir: string): Promise<void> {
  // Windows cannot open a directory for syncing; NTFS journals its metadata itself.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Creates `dir` and its missing parents, owner-only. Returns the directories that gained an
 * entry and so need an fsync before anything created inside them can be called durable.
 */
export async function createDirectories(dir: string): Promise<string[]> {
  const first = await mkdir(dir, { recursive: true, mode: OWNER_ONLY_DIR });
  if (first === undefined) return [];
  const changed: string[] = [];
  for (let d = dir; ; d = path.dirname(d)) {
    changed.push(path.dirname(d));
    if (d === first || path.dirname(d) === d) return changed;
  }
}

/** `.<name>.<random>.tmp` beside `file`: unique per write, so two writes never share one. */
export function tempNameFor(file: string): string {
  const name = `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`;
  return path.join(path.dirname(file), name);
}

/** True for a temp file name that `tempNameFor(file)` (or lowdb's steno) made for `file`. */
export function isTempNameOf(file: string, name: string): boolean {
  return name.startsWith(`.${path.basename(file)}.`) && name.endsWith('.tmp');
}

export interface AtomicWriteOptions {
  fs?: DurableFileSystem;
  /**
   * Keep the content being replaced as this file (`config.json.bak`): hard-linked, so it costs
   * no copy, and renamed into place, so a crash leaves the old backup or the new one.
   */
  backup?: string;
}

/**
 * Writes a whole file so that a crash leaves either the old or the new content, never a mix:
 * a unique temp file, written and fsynced, renamed over `file`, then the directory fsynced.
 * The file is owner-only. On failure the temp file is removed and `file` is untouched.
 */
export async function writeFileAtomic(
  file: string,
  content: string,
  opts: AtomicWriteOptions = {},
): Promise<void> {
  const fs = opts.fs ?? nodeDurableFileSystem;
  const dir = path.dirname(file);
  for (const changed of await createDirectories(dir)) await fs.syncDirectory(changed);
  const temp = tempNameFor(file);
  let hadPrevious = false;
  try {
    const handle = await fs.create(temp, OWNER_ONLY_FILE);
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (opts.backup) hadPrevious = await keepPrevious(fs, file, opts.backup);
    await fs.rename(temp, file);
  } catch (err) {
    await fs.unlink(temp).catch(() => undefined);
    throw err;
  }
  try {
    // Also makes the backup's new entry durable: it sits in the same folder.
    await fs.syncDirectory(dir);
  } catch (err) {
    // The caller hears that the write failed and keeps the old content in memory: so must the
    // file, or a refused change would come back at the next start.
    if (opts.backup) await putBack(fs, file, hadPrevious ? opts.backup : null);
    throw err;
  }
}

/** Best effort: `file` gets the content of `previous` again, or goes when there was none. */
async function putBack(
  fs: DurableFileSystem,
  file: string,
  previous: string | null,
): Promise<void> {
  try {
    if (previous === null) await fs.unlink(file);
    else await writeFileAtomic(file, await readFile(previous, 'utf8'), { fs });
  } catch {
    // The folder cannot be synced (a failing disk): the next start reads what is there.
  }
}

/** File systems without hard links (FAT, some network shares) answer with one of these. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/**
 * Makes `backup` hold what `file` holds now. Resolves to false when `file` does not exist yet
 * (the first write).
 */
async function keepPrevious(fs: DurableFileSystem, file: string, backup: string): Promise<boolean> {
  const temp = tempNameFor(backup);
  try {
    await fs.link(file, temp);
  } catch (err) {
    const code = errorCode(err);
    if (code === 'ENOENT') return false;
    if (!code || !NO_HARD_LINKS.has(code)) throw err;
    // The content was fsynced when it was written; a copy must be fsynced itself.
    let previous: string;
    try {
      previous = await readFile(file, 'utf8');
    } catch (readErr) {
      if (errorCode(readErr) === 'ENOENT') return false;
      throw readErr;
    }
    await writeFileAtomic(backup, previous, { fs });
    return true;
  }
  try {
    await fs.rename(temp, backup);
  } catch (err) {
    await fs.unlink(temp).catch(() => undefined);
    throw err;
  }
  return true;
}
