import { DEFAULT_NOTE_RETENTION_DAYS } from '../config/default-config.js';
import { localDay } from '../domain/index.js';
import { decodeRecords, encodeRecords } from '../stats/record-columns.js';
import type { DaySummary } from '../stats/day-summary.js';
import type { ConfigStore, DaySummaryStore, EventJournal } from '../store/store.js';
import { eraseClosedDayPhones } from './phone-erasure.js';

export interface NoteRetentionDeps {
  config: ConfigStore;
  journal: EventJournal;
  summaries: DaySummaryStore;
  now: () => number;
  log: (msg: string) => void;
}

/** What one pass did for one hall. */
export interface NoteRetentionReport {
  hallId: string;
  /** Notes of days before this local day are blanked. */
  cutoff: string;
  /** Notes blanked in day summaries and in journals. */
  summaryNotes: number;
  journalNotes: number;
  /** Days that could not be processed (logged); the next pass tries them again. */
  failedDays: string[];
  /** SMS numbers blanked in closed days' journals (`createNoteRetention` passes only). */
  journalPhones?: number;
}

/** `day` (`YYYY-MM-DD`) moved by `days` calendar days. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The first local day whose notes are still kept: a note written on day D is kept while
 * today − D ≤ retention days, and blanked from the day after. With retention ≥ 1 the cutoff is
 * never later than yesterday, so the live day (and a day still closing) is never touched.
 */
export function noteCutoffDay(now: number, timeZone: string, retentionDays: number): string {
  return addDays(localDay(now, timeZone), -retentionDays);
}

type WithNote = { note?: unknown };

/** Blanks the notes of rows in place; returns how many. */
function blankNotes(rows: WithNote[]): number {
  let blanked = 0;
  for (const row of rows) {
    if (typeof row.note === 'string') {
      row.note = null;
      blanked += 1;
    }
  }
  return blanked;
}

/** Blanks the notes of one summary; returns the summary to write back and how many. */
function blankSummaryNotes(summary: DaySummary): { summary: DaySummary; blanked: number } {
  switch (summary.version) {
    case 1:
      return { summary, blanked: blankNotes(summary.tickets) };
    case 2:
      return { summary, blanked: blankNotes(summary.records) };
    case 3: {
      // Re-encoded, so the texts leave the summary's string table too.
      const records = decodeRecords(summary.records);
      const blanked = blankNotes(records);
      return { summary: { ...summary, records: encodeRecords(records) }, blanked };
    }
    default:
      throw new Error(`unknown day summary version ${String((summary as DaySummary).version)}`);
  }
}

/**
 * Blanks the free-text notes of completed visits older than the hall's `noteRetentionDays`
 * (KVKK: kept no longer than needed), in the day summaries and in the closed days' journals,
 * for the days from `since` (inclusive, default: all) up to the cutoff. Each file is replaced
 * atomically; a day that fails is logged and reported, the others go on.
 */
export async function blankExpiredNotes(
  deps: NoteRetentionDeps,
  hallId: string,
  since = '',
): Promise<NoteRetentionReport> {
  const hall = deps.config.read().halls.find((h) => h.id === hallId);
  if (!hall) throw new Error(`No hall ${hallId}.`);
  // config.json files from before note retention lack the setting.
  const retention = hall.noteRetentionDays ?? DEFAULT_NOTE_RETENTION_DAYS;
  const cutoff = noteCutoffDay(deps.now(), hall.timeZone, retention);
  const report: NoteRetentionReport = {
    hallId,
    cutoff,
    summaryNotes: 0,
    journalNotes: 0,
    failedDays: [],
  };
  const inWindow = (day: string) => day >= since && day < cutoff;
  const summaryDays = (await deps.summaries.days(hallId)).filter(inWindow);
  const journalDays = deps.journal.blankNotes
    ? (await deps.journal.days(hallId)).filter(inWindow)
    : [];
  const days = [...new Set([...summaryDays, ...journalDays])].sort();
  const hasSummary = new Set(summaryDays);
  const hasJournal = new Set(journalDays);
  for (const day of days) {
    try {
      if (hasSummary.has(day)) {
        const read = await deps.summaries.read(hallId, day);
        const { summary, blanked } = read ? blankSummaryNotes(read) : { blanked: 0 };
        if (summary && blanked > 0) await deps.summaries.write(summary);
        report.summaryNotes += blanked;
      }
      if (hasJournal.has(day)) report.journalNotes += await deps.journal.blankNotes!(hallId, day);
    } catch (err) {
      report.failedDays.push(day);
      deps.log(
        `note retention: hall ${hallId}, day ${day} failed: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
  const total = report.summaryNotes + report.journalNotes;
  if (total > 0)
    deps.log(
      `note retention: hall ${hallId}: blanked ${report.summaryNotes} summary and ${report.journalNotes} journal notes of days before ${cutoff}`,
    );
  return report;
}

/**
 * Note retention for every hall, to run at start and then daily (or hourly: a pass whose
 * cutoff has not moved reads nothing). The first pass reads all history; later passes only
 * the days that fell past the cutoff since the last one. A shorter retention moves the cutoff
 * later, so it is covered; a longer one cannot bring blanked notes back. Each pass also blanks
 * the SMS numbers of the days closed since the last one (`phone-erasure.ts`).
 */
export function createNoteRetention(deps: NoteRetentionDeps): {
  run: () => Promise<NoteRetentionReport[]>;
} {
  /** Per hall: every day before this one has been processed. */
  const done = new Map<string, string>();
  /** Per hall: every day before this one has had its SMS numbers blanked. */
  const phonesDone = new Map<string, string>();
  let running: Promise<NoteRetentionReport[]> | null = null;
  const pass = async (): Promise<NoteRetentionReport[]> => {
    const reports: NoteRetentionReport[] = [];
    for (const { id } of deps.config.read().halls) {
      const report = await blankExpiredNotes(deps, id, done.get(id) ?? '');
      // A failed day is tried again next time (and every day after it).
      const reached = report.failedDays[0] ?? report.cutoff;
      if (reached > (done.get(id) ?? '')) done.set(id, reached);
      const phones = await eraseClosedDayPhones(deps, id, phonesDone.get(id) ?? '');
      phonesDone.set(id, phones.reached);
      reports.push({ ...report, journalPhones: phones.phones });
    }
    return reports;
  };
  return {
    // Passes never overlap: a timer firing during a long first pass joins it.
    run: () => (running ??= pass().finally(() => (running = null))),
  };
}
