import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

/** The `code` of a Node.js system error (`ENOENT`, `EEXIST`, …), if it has one. */
export function errorCode(err: unknown): string | undefined {
  if (err instanceof Error && 'code' in err && typeof err.code === 'string') return err.code;
  return undefined;
}

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
 * Creates `dir` and its missing parents. Returns the directories that gained an entry and
 * so need an fsync before anything created inside them can be called durable.
 */
export async function createDirectories(dir: string): Promise<string[]> {
  const first = await mkdir(dir, { recursive: true });
  if (first === undefined) return [];
  const changed: string[] = [];
  for (let d = dir; ; d = path.dirname(d)) {
    changed.push(path.dirname(d));
    if (d === first || path.dirname(d) === d) return changed;
  }
}

/** Writes a whole file so that a crash leaves either the old or the new content, never a mix. */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const dir = path.dirname(file);
  for (const changed of await createDirectories(dir)) await fsyncDirectory(changed);
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  await fsyncDirectory(dir);
}
