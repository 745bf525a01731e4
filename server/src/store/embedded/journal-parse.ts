import type { RevEvent } from '../../../../contract/events.js';

/** What every journal line holds: the hall-day journal's events and the booking ledger's. */
export interface JournalLine {
  rev: number;
  type: string;
}

export interface ParsedJournal<E extends JournalLine = RevEvent> {
  events: E[];
  /** The last line was cut (no newline) or unreadable, and was skipped. */
  tornTail: boolean;
  /** Bytes up to the end of the last good line: where the next append must start. */
  cleanLength: number;
}

type Decoded<E> = { event: E } | { problem: string };

function decode<E extends JournalLine>(line: string): Decoded<E> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return { problem: err instanceof Error ? err.message : String(err) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { problem: 'not a JSON object' };
  }
  const fields = value as Record<string, unknown>;
  if (!Number.isInteger(fields.rev) || typeof fields.type !== 'string') {
    return { problem: 'not an event (needs an integer "rev" and a string "type")' };
  }
  return { event: value as E };
}

/**
 * Why `rev` (line `lineNumber`) cannot follow `previous`, or undefined when it can. A revision
 * written twice is what two servers writing one data folder at once leave (each handed out
 * the same ticket number); replaying it would hide that.
 */
function revisionProblem(rev: number, previous: number | undefined): string | undefined {
  if (previous === undefined || rev === previous + 1) return undefined;
  if (rev === previous) return `revision ${rev} is written twice`;
  if (rev < previous) return `revision ${rev} comes after revision ${previous}`;
  return `revision ${rev} follows revision ${previous}: ${rev - previous - 1} revision(s) missing`;
}

/**
 * Parses a journal, one JSON event per line, each revision one more than the line before. A
 * bad last line is what a crash in the middle of a write leaves, so it is skipped and
 * reported; a bad line before it, or a revision out of sequence, means the file was damaged
 * some other way (or written by two servers at once), so it throws rather than hide it.
 */
export function parseJournal<E extends JournalLine = RevEvent>(
  bytes: Buffer,
  file: string,
): ParsedJournal<E> {
  const events: E[] = [];
  let start = 0;
  for (let lineNumber = 1; start < bytes.length; lineNumber++) {
    const newline = bytes.indexOf(0x0a, start);
    const isLast = newline === -1 || newline === bytes.length - 1;
    const decoded: Decoded<E> =
      newline === -1
        ? { problem: 'no newline at the end' }
        : decode<E>(bytes.toString('utf8', start, newline));
    if ('problem' in decoded) {
      if (isLast) return { events, tornTail: true, cleanLength: start };
      throw new Error(
        `The journal ${file} is damaged at line ${lineNumber} (${decoded.problem}). ` +
          'Only a cut last line is skipped; restore the file from a backup or repair it by hand.',
      );
    }
    const problem = revisionProblem(decoded.event.rev, events.at(-1)?.rev);
    if (problem) {
      throw new Error(
        `The journal ${file} is inconsistent at line ${lineNumber}: ${problem}. ` +
          'Two servers may have used the data folder at once. Repair the file by hand (one line ' +
          'per revision, in order) or restore it from a backup before starting the server.',
      );
    }
    events.push(decoded.event);
    start = newline + 1;
  }
  return { events, tornTail: false, cleanLength: start };
}
