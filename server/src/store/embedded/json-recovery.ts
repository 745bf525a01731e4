import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DurableFileSystem } from './durable-fs.js';
import { errorCode, isTempNameOf } from './durable-fs.js';
import { backupOf } from './durable-json-adapter.js';

/** What to do when neither the file nor its backup can be read. */
export type WhenUnreadable =
  /** Refuse to start: starting afresh would lose every user and device and make a new admin. */
  | 'refuse'
  /** Start from `makeInitial()`, saying so: for data the users can recreate (sessions). */
  | 'start-afresh';

export interface LoadOptions<T> {
  makeInitial: () => T;
  /** Why `value` is not a valid document, or undefined when it is. */
  check: (value: unknown) => string | undefined;
  whenUnreadable: WhenUnreadable;
  /** What starting afresh means for the users, for the log (`everyone signs in again`). */
  afreshMeans?: string;
  /**
   * False: a damaged file is never replaced by its backup (sessions: the version before a
   * sign-out, a password change or a deactivation would bring ended sessions back); the backup
   * is still written, for a write to undo itself when the folder's fsync fails. Default true.
   */
  restoreFromBackup?: boolean;
  log: (msg: string) => void;
  fs: DurableFileSystem;
}

export interface Loaded<T> {
  value: T;
  /** `value` is not what the file holds yet (first start, restored backup): write it now. */
  mustWrite: boolean;
}

type Inspected<T> =
  { kind: 'missing' } | { kind: 'ok'; value: T } | { kind: 'damaged'; reason: string };

/**
 * Reads a JSON document written by `DurableJsonFile`, falling back to its backup (unless told
 * not to) when the file is missing, empty, not JSON or not valid, and saying so loudly. Starts
 * afresh only on a first start (neither file exists) or as `whenUnreadable` allows; never over
 * a damaged file silently. A damaged file is kept beside, renamed `<file>.damaged-<time>`.
 * Removes the temp files of writes a crash interrupted.
 */
export async function loadJsonDocument<T>(file: string, opts: LoadOptions<T>): Promise<Loaded<T>> {
  await removeStaleTemps(file, opts);
  const main = await inspect<T>(file, opts.check);
  if (main.kind === 'ok') return { value: main.value, mustWrite: false };
  const backup = backupOf(file);
  const saved: Inspected<T> =
    opts.restoreFromBackup === false ? { kind: 'missing' } : await inspect<T>(backup, opts.check);
  if (main.kind === 'missing' && saved.kind === 'missing') {
    return { value: opts.makeInitial(), mustWrite: true };
  }
  const mainState = describe(main);
  if (saved.kind === 'ok') {
    const aside = await moveAside(file, main, opts.fs);
    opts.log(
      `WARNING: ${file} is ${mainState}; starting from its backup ${backup}, the version ` +
        `before the last change (that change may be undone: check it).${aside}`,
    );
    return { value: saved.value, mustWrite: true };
  }
  const savedState = describe(saved);
  if (opts.whenUnreadable === 'refuse') {
    throw new Error(
      `Cannot start: ${file} is ${mainState} and its backup ${backup} is ${savedState}. ` +
        `Nothing was changed. Restore ${file} from a backup of the data folder, or repair it by ` +
        `hand; only to start afresh (a new admin, no users or devices) move both files away.`,
    );
  }
  const aside = await moveAside(file, main, opts.fs);
  const why =
    opts.restoreFromBackup === false
      ? `${mainState} (its backup is never restored)`
      : `${mainState} and its backup ${backup} is ${savedState}`;
  opts.log(
    `WARNING: ${file} is ${why}; starting afresh: ${opts.afreshMeans ?? 'its content is lost'}.` +
      aside,
  );
  return { value: opts.makeInitial(), mustWrite: true };
}

async function inspect<T>(file: string, check: LoadOptions<T>['check']): Promise<Inspected<T>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return { kind: 'missing' };
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`Cannot read ${file}: ${reason}. Fix or restore the file.`, { cause: err });
  }
  if (text.trim() === '') return { kind: 'damaged', reason: 'empty' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { kind: 'damaged', reason: `not valid JSON (${(err as Error).message})` };
  }
  const invalid = check(value);
  return invalid
    ? { kind: 'damaged', reason: `not valid (${invalid})` }
    : { kind: 'ok', value: value as T };
}

function describe(state: Inspected<unknown>): string {
  return state.kind === 'missing' ? 'missing' : state.kind === 'damaged' ? state.reason : 'fine';
}

/** Renames a damaged file out of the way, for a human to look at; returns what to log. */
async function moveAside(
  file: string,
  state: Inspected<unknown>,
  fs: DurableFileSystem,
): Promise<string> {
  if (state.kind !== 'damaged') return '';
  const aside = `${file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  await fs.rename(file, aside);
  return ` The damaged file is kept as ${aside}.`;
}

/** Temp files of writes that a crash interrupted: never renamed into place, so never data. */
async function removeStaleTemps(file: string, opts: LoadOptions<unknown>): Promise<void> {
  let names: string[];
  try {
    names = await readdir(path.dirname(file));
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return;
    throw err;
  }
  for (const name of names) {
    if (!isTempNameOf(file, name)) continue;
    const temp = path.join(path.dirname(file), name);
    await opts.fs.unlink(temp).catch((err: unknown) => {
      opts.log(`Could not remove the stale temp file ${temp}: ${err}`);
    });
  }
}
