import { readFile } from 'node:fs/promises';
import type { DaySummary, DaySummaryStore } from '../store.js';
import { errorCode, writeFileAtomic } from './durable-fs.js';
import { hallDayFile, listDays } from './hall-day-paths.js';

const EXTENSION = '.json';

/** Day summaries as files: `<root>/<hallId>/<YYYY-MM-DD>.json`, each replaced atomically. */
export class DaySummaryFiles implements DaySummaryStore {
  constructor(private readonly root: string) {}

  async write(summary: DaySummary): Promise<void> {
    const file = hallDayFile(this.root, summary.hallId, summary.day, EXTENSION);
    await writeFileAtomic(file, JSON.stringify(summary));
  }

  async read(hallId: string, day: string): Promise<DaySummary | undefined> {
    const file = hallDayFile(this.root, hallId, day, EXTENSION);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if (errorCode(err) === 'ENOENT') return undefined;
      throw err;
    }
    try {
      return JSON.parse(text) as DaySummary;
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new Error(`The day summary ${file} is damaged: ${reason}.`, { cause: err });
    }
  }

  days(hallId: string): Promise<string[]> {
    return listDays(this.root, hallId, EXTENSION);
  }
}
