import type { Pool } from 'pg';
import type { DayStatsSummary, DaySummary } from '../../stats/day-summary.js';
import type { DaySummaryStore } from '../store.js';
import { checkDay } from './pg-errors.js';

/** Day summaries in `day_summaries`, one row per hall-day, found through the primary key. */
export class PgSummaries implements DaySummaryStore {
  constructor(private readonly pool: Pool) {}

  async write(summary: DaySummary): Promise<void> {
    checkDay(summary.day);
    await this.pool.query(
      `INSERT INTO day_summaries (hall_id, day, version, closed_at, last_rev, summary)
       VALUES ($1, $2::date, $3, $4, $5, $6::jsonb)
       ON CONFLICT (hall_id, day) DO UPDATE SET version = EXCLUDED.version,
         closed_at = EXCLUDED.closed_at, last_rev = EXCLUDED.last_rev, summary = EXCLUDED.summary`,
      [
        summary.hallId,
        summary.day,
        summary.version,
        summary.closedAt,
        summary.lastRev,
        JSON.stringify(summary),
      ],
    );
  }

  async read(hallId: string, day: string): Promise<DaySummary | undefined> {
    checkDay(day);
    const { rows } = await this.pool.query<{ summary: DaySummary }>(
      'SELECT summary FROM day_summaries WHERE hall_id = $1 AND day = $2::date',
      [hallId, day],
    );
    return rows[0]?.summary;
  }

  async readStats(hallId: string, day: string): Promise<DayStatsSummary | undefined> {
    checkDay(day);
    // Leaves out the detail columns of a version 3 summary; older versions come whole.
    const { rows } = await this.pool.query<{ summary: DayStatsSummary }>(
      "SELECT summary #- '{records,detail}' AS summary FROM day_summaries WHERE hall_id = $1 AND day = $2::date",
      [hallId, day],
    );
    return rows[0]?.summary;
  }

  async days(hallId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ day: string }>(
      "SELECT to_char(day, 'YYYY-MM-DD') AS day FROM day_summaries WHERE hall_id = $1 ORDER BY day",
      [hallId],
    );
    return rows.map((r) => r.day);
  }
}
