import path from 'node:path';
import type { BookingRevEvent } from '../../../../contract/booking-events.js';
import { JournalConflictError } from '../journal-conflict.js';
import type { BookingLedger } from '../store.js';
import { blankBookingContacts, checkLedgerBatch, LEDGER } from '../booking-ledger-rules.js';
import { assertHallId } from './hall-day-paths.js';
import type { JournalFileDeps } from './journal-file.js';
import { JournalFile } from './journal-file.js';
import { readJournalBytes } from './journal-fs.js';
import { parseJournal } from './journal-parse.js';
import { rewriteJournalFile } from './journal-rewrite.js';

interface HallLedger {
  /** Operations on the hall's file, one after the other (appends, erasures). */
  tail: Promise<unknown>;
  /** The last durable revision, once read from the file. */
  lastRev: number | undefined;
  writer: JournalFile | undefined;
}

/**
 * The booking ledgers as files: `<root>/<hallId>.jsonl`, one JSON event per line, written like
 * the hall-day journal (appended, fdatasynced before an append resolves, a torn last line cut,
 * revisions out of sequence refused at reading with the file and line). Appends of a hall are
 * written one after the other, each checked against the last durable revision, so a revision
 * written twice is refused with `JournalConflictError` before anything of its batch is written.
 * (Bookings come a few a minute, so they do not share flushes: each append is one fdatasync.)
 */
export class FileBookingLedger implements BookingLedger {
  /** The data folder is locked to one server process (data-folder-lock.ts). */
  readonly exclusive = true;
  private readonly halls = new Map<string, HallLedger>();
  private closed = false;

  constructor(
    private readonly root: string,
    private readonly deps: JournalFileDeps,
  ) {}

  async read(hallId: string): Promise<BookingRevEvent[]> {
    return this.readAfter(hallId, 0);
  }

  async readAfter(hallId: string, afterRev: number): Promise<BookingRevEvent[]> {
    const file = this.fileOf(hallId);
    const hall = this.halls.get(hallId);
    // While this process writes the file, only its durable part is the ledger.
    const durable = hall?.writer?.durableLength;
    const bytes = await readJournalBytes(file);
    if (bytes === null) return [];
    const parsed = parseJournal<BookingRevEvent>(
      durable === undefined ? bytes : bytes.subarray(0, durable),
      file,
    );
    if (parsed.tornTail) {
      const cut = bytes.length - parsed.cleanLength;
      this.deps.log(`Ledger ${file}: skipped a torn last line (${cut} bytes), cut by a crash.`);
    }
    return afterRev <= 0 ? parsed.events : parsed.events.filter((e) => e.rev > afterRev);
  }

  // Async so that a refused batch rejects rather than throws; its body up to `queue` runs at
  // once, so appends keep the order they were called in.
  async append(hallId: string, events: BookingRevEvent[]): Promise<void> {
    if (this.closed) throw new Error('The booking ledger is closed.');
    const file = this.fileOf(hallId);
    checkLedgerBatch(hallId, events);
    if (events.length === 0) return;
    const copy = structuredClone(events);
    return this.queue(hallId, async (hall) => {
      hall.lastRev ??= await this.lastRevOf(file);
      if (copy[0]!.rev !== hall.lastRev + 1) {
        if (copy[0]!.rev <= hall.lastRev)
          throw new JournalConflictError(hallId, LEDGER, copy[0]!.rev);
        throw new Error(
          `Booking ledger ${hallId}: revision ${copy[0]!.rev} would leave a gap after revision ${hall.lastRev}; nothing was written.`,
        );
      }
      hall.writer ??= new JournalFile(hallId, LEDGER, file, this.deps, Promise.resolve());
      const text = copy.map((event) => `${JSON.stringify(event)}\n`).join('');
      await hall.writer.append(Buffer.from(text, 'utf8'), copy.length);
      hall.lastRev = copy.at(-1)!.rev;
    });
  }

  async erase(hallId: string, bookingIds: string[]): Promise<number> {
    if (this.closed) throw new Error('The booking ledger is closed.');
    const file = this.fileOf(hallId);
    if (bookingIds.length === 0) return 0;
    const ids = new Set(bookingIds);
    return this.queue(hallId, async (hall) => {
      // The rewrite replaces the file: the writer's handle would append to the old one.
      const writer = hall.writer;
      hall.writer = undefined;
      await writer?.close();
      let blanked = 0;
      await rewriteJournalFile<BookingRevEvent>(file, '"type":"booking:made"', (event) => {
        const edited = blankBookingContacts(event, ids);
        if (edited !== event) blanked += 1;
        return edited;
      });
      return blanked;
    });
  }

  /** Waits for what is queued, then closes every file. */
  async close(): Promise<void> {
    this.closed = true;
    const halls = [...this.halls.values()];
    await Promise.allSettled(halls.map((h) => h.tail));
    const results = await Promise.allSettled(halls.map((h) => h.writer?.close()));
    const failure = results.find((r) => r.status === 'rejected');
    if (failure) throw failure.reason;
  }

  private fileOf(hallId: string): string {
    assertHallId(hallId);
    return path.join(this.root, `${hallId}.jsonl`);
  }

  /** Runs `op` after every earlier operation on the hall's ledger has settled. */
  private queue<T>(hallId: string, op: (hall: HallLedger) => Promise<T>): Promise<T> {
    let hall = this.halls.get(hallId);
    if (!hall) {
      hall = { tail: Promise.resolve(), lastRev: undefined, writer: undefined };
      this.halls.set(hallId, hall);
    }
    const current = hall;
    const done = current.tail.then(() => op(current));
    current.tail = done.catch(() => undefined);
    return done;
  }

  private async lastRevOf(file: string): Promise<number> {
    const bytes = await readJournalBytes(file);
    if (bytes === null) return 0;
    return parseJournal<BookingRevEvent>(bytes, file).events.at(-1)?.rev ?? 0;
  }
}
