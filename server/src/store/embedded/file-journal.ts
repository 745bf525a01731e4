import type { RevEvent } from '../../../../contract/events.js';
import type { EventJournal, JournalRead } from '../store.js';
import { hallDayFile, listDays } from './hall-day-paths.js';
import type { JournalFileDeps } from './journal-file.js';
import { JournalFile } from './journal-file.js';
import { readJournalBytes } from './journal-fs.js';
import { parseJournal } from './journal-parse.js';
import { rewriteJournalFile } from './journal-rewrite.js';

const EXTENSION = '.jsonl';

/** The event journal as files: `<root>/<hallId>/<YYYY-MM-DD>.jsonl`, one JSON event per line. */
export class FileJournal implements EventJournal {
  /** Open writers by `hallId/day`. */
  private readonly writers = new Map<string, JournalFile>();
  /** Writers of past days still finishing their last flush. */
  private readonly closing = new Map<string, Promise<void>>();
  private closed = false;

  constructor(
    private readonly root: string,
    private readonly deps: JournalFileDeps,
  ) {}

  async read(hallId: string, day: string): Promise<JournalRead> {
    const file = hallDayFile(this.root, hallId, day, EXTENSION);
    const key = `${hallId}/${day}`;
    await this.closing.get(key);
    // While this process writes the file, only its durable part is the journal.
    const durable = this.writers.get(key)?.durableLength;
    const bytes = await readJournalBytes(file);
    if (bytes === null) return { events: [], tornTail: false };
    const parsed = parseJournal(durable === undefined ? bytes : bytes.subarray(0, durable), file);
    if (parsed.tornTail) {
      const cut = bytes.length - parsed.cleanLength;
      this.deps.log(`Journal ${file}: skipped a torn last line (${cut} bytes), cut by a crash.`);
    }
    return { events: parsed.events, tornTail: parsed.tornTail };
  }

  async append(hallId: string, day: string, events: RevEvent[]): Promise<void> {
    // No await before the writer has the lines: appends keep the order they were called in.
    if (this.closed) throw new Error('The journal is closed.');
    const writer = this.writerFor(hallId, day);
    if (events.length === 0) return;
    const text = events.map((event) => `${JSON.stringify(event)}\n`).join('');
    return writer.append(Buffer.from(text, 'utf8'), events.length);
  }

  days(hallId: string): Promise<string[]> {
    return listDays(this.root, hallId, EXTENSION);
  }

  async blankNotes(hallId: string, day: string): Promise<number> {
    const key = `${hallId}/${day}`;
    if (this.writers.has(key))
      throw new Error(`The journal ${key} is still being written; only closed days are rewritten.`);
    await this.closing.get(key);
    let blanked = 0;
    const file = hallDayFile(this.root, hallId, day, EXTENSION);
    // JSON.stringify writes a note as `"note":"…"` and a blank one as `"note":null`.
    await rewriteJournalFile(file, '"note":"', (event) => {
      if (
        (event.type !== 'ticket:completed' && event.type !== 'ticket:rated') ||
        event.note === null
      )
        return event;
      blanked += 1;
      return { ...event, note: null };
    });
    return blanked;
  }

  /**
   * Only for a closed day (its summary written; retention checks): a writer the day still has
   * open (a hall keeps it until its next day's first event, often the next morning) is closed
   * first, so the numbers go within the hour after midnight, not the morning after.
   */
  async blankPhones(hallId: string, day: string): Promise<number> {
    const key = `${hallId}/${day}`;
    this.retireDay(key);
    await this.closing.get(key);
    let blanked = 0;
    const file = hallDayFile(this.root, hallId, day, EXTENSION);
    await rewriteJournalFile(file, '"type":"ticket:sms-requested"', (event) => {
      if (event.type !== 'ticket:sms-requested' || event.phone === '') return event;
      blanked += 1;
      return { ...event, phone: '' };
    });
    return blanked;
  }

  /** Flushes every queued append, then closes all files. */
  async close(): Promise<void> {
    this.closed = true;
    const writers = [...this.writers.values()];
    this.writers.clear();
    const results = await Promise.allSettled([
      ...writers.map((w) => w.close()),
      ...this.closing.values(),
    ]);
    const failure = results.find((r) => r.status === 'rejected');
    if (failure) throw failure.reason;
  }

  private writerFor(hallId: string, day: string): JournalFile {
    const key = `${hallId}/${day}`;
    let writer = this.writers.get(key);
    if (!writer) {
      const file = hallDayFile(this.root, hallId, day, EXTENSION);
      const previous = this.closing.get(key) ?? Promise.resolve();
      writer = new JournalFile(hallId, day, file, this.deps, previous);
      this.writers.set(key, writer);
      this.retireDaysBefore(hallId, day);
    }
    return writer;
  }

  /** A hall writes one day at a time: once it starts a new day, the older files are closed. */
  private retireDaysBefore(hallId: string, day: string): void {
    for (const [key, writer] of this.writers) {
      if (writer.hallId !== hallId || writer.day >= day) continue;
      this.retireDay(key);
    }
  }

  /** Closes a hall-day's writer, if open (after its queued appends); `closing` tracks it. */
  private retireDay(key: string): void {
    const writer = this.writers.get(key);
    if (!writer) return;
    this.writers.delete(key);
    const done: Promise<void> = writer
      .close()
      .catch((err: unknown) => this.deps.log(`Journal ${writer.file}: close failed: ${err}`))
      .finally(() => {
        if (this.closing.get(key) === done) this.closing.delete(key);
      });
    this.closing.set(key, done);
  }
}
