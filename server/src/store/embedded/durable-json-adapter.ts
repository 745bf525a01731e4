import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import type { DurableFileSystem } from './durable-fs.js';
import { errorCode, nodeDurableFileSystem, writeFileAtomic } from './durable-fs.js';

/**
 * A lowdb adapter that writes durably, unlike lowdb's own `JSONFile` (steno: write a fixed
 * temp name, rename, no fsync; after a power cut the rename may be on disk and the data not,
 * leaving an empty `config.json`). Each write: a unique temp file, fsync, the replaced
 * version kept as `<file>.bak`, rename, fsync of the folder. Reading at start, with the
 * fallback to the backup, is `loadJsonDocument`'s job.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    readonly file: string,
    private readonly fs: DurableFileSystem = nodeDurableFileSystem,
  ) {}

  /** The backup beside `file`: the version before the last write. */
  get backup(): string {
    return backupOf(this.file);
  }

  /** The file's content, or null when it does not exist. At start, `loadJsonDocument` reads instead: it also weighs the backup. */
  async read(): Promise<T | null> {
    try {
      return JSON.parse(await readFile(this.file, 'utf8')) as T;
    } catch (err) {
      if (errorCode(err) === 'ENOENT') return null;
      throw err;
    }
  }

  write(data: T): Promise<void> {
    // The same layout as lowdb's JSONFile, so files written before stay byte-comparable.
    return writeFileAtomic(this.file, JSON.stringify(data, null, 2), {
      fs: this.fs,
      backup: this.backup,
    });
  }
}

/** `config.json` → `config.json.bak`. */
export function backupOf(file: string): string {
  return `${file}.bak`;
}
