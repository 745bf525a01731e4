import type { RevEvent } from '../../../../contract/events.js';
import { writeFileAtomic } from './durable-fs.js';
import { readJournalBytes } from './journal-fs.js';
import type { JournalLine } from './journal-parse.js';
import { parseJournal } from './journal-parse.js';

/**
 * Rewrites a journal file that nobody appends to any more, each event through `edit`: a new
 * file is written beside it, fsynced and renamed over it, so a crash leaves the old or the new
 * journal, never a mix. Untouched when no event changes, or when the file does not contain
 * `mustContain` (a cheap byte check that spares parsing the file). A torn last line is not carried
 * over: it was cut by a crash before it was acknowledged. Resolves to true when it rewrote.
 */
export async function rewriteJournalFile<E extends JournalLine = RevEvent>(
  file: string,
  mustContain: string,
  edit: (event: E) => E,
): Promise<boolean> {
  const bytes = await readJournalBytes(file);
  if (bytes === null || !bytes.includes(mustContain)) return false;
  const { events } = parseJournal<E>(bytes, file);
  let changed = false;
  const lines = events.map((event) => {
    const edited = edit(event);
    if (edited !== event) changed = true;
    return `${JSON.stringify(edited)}\n`;
  });
  if (!changed) return false;
  await writeFileAtomic(file, lines.join(''));
  return true;
}
