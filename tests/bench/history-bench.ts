import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultConfig } from '../../server/src/config/default-config.js';
import { localDay } from '../../server/src/domain/index.js';
import { BenchChild } from './child.js';
import { benchScript, type BenchContext } from './context.js';
import { figure, type Figure } from './figures.js';
import { writeHistory } from './history-data.js';
import type { HistoryJob, HistoryJobResult, HistoryWorkerOptions } from './history-worker.js';

interface HistoryScale {
  days: number;
  ticketsPerDay: number;
}

// A million tickets: about five years of a 560-a-day hall.
const FULL: HistoryScale = { days: 1786, ticketsPerDay: 560 };
const QUICK: HistoryScale = { days: 20, ticketsPerDay: 560 };

/** Runs one job in a fresh process, so its peak RSS is its own. */
async function runJob(job: HistoryJob, options: HistoryWorkerOptions, ctx: BenchContext) {
  const worker = await BenchChild.start(benchScript('history-worker.ts'), {
    label: `history ${job}`,
    options,
    cpuProfDir: ctx.cpuProfDir,
  });
  try {
    return await worker.request<HistoryJobResult>('run', job);
  } finally {
    await worker.stop();
  }
}

/** Part 3: stats and exports over a long history, beside reading and parsing it bare. */
export async function historyBench(ctx: BenchContext): Promise<Figure[]> {
  const scale = ctx.quick ? QUICK : FULL;
  const tickets = scale.days * scale.ticketsPerDay;
  const dataDir = await mkdtemp(path.join(tmpdir(), 'siramatik-stats-'));
  try {
    ctx.log(`history: writing ${tickets} tickets (${scale.days} days)`);
    const now = Date.now();
    const written = await writeHistory({
      dataDir,
      days: scale.days,
      ticketsPerDay: scale.ticketsPerDay,
      journals: false,
      today: false,
      now,
    });
    const hall = defaultConfig().halls[0]!;
    const options: HistoryWorkerOptions = {
      dataDir,
      hallId: hall.id,
      from: '2000-01-01',
      to: localDay(now, hall.timeZone),
    };
    const results = {} as Record<HistoryJob, HistoryJobResult>;
    for (const job of ['floor-read', 'aggregate', 'floor-csv', 'csv', 'xlsx'] as const) {
      ctx.log(`history: ${job}`);
      results[job] = await runJob(job, options, ctx);
    }
    const size = `${(written.bytes / 2 ** 20).toFixed(0)} MB of day summaries`;
    const peak = Math.max(
      results.aggregate.peakRssMb,
      results.csv.peakRssMb,
      results.xlsx.peakRssMb,
    );
    const full = !ctx.quick;
    return [
      figure({
        id: 'history.aggregate',
        name: `stats aggregate over ${tickets} tickets (full range)`,
        unit: 'ms',
        value: results.aggregate.ms,
        floor: results['floor-read'].ms,
        target: full ? { max: 1000 } : undefined,
        note: `floor: read + JSON.parse of ${size}`,
      }),
      figure({
        id: 'history.csv',
        name: 'CSV export to /dev/null',
        unit: 'ms',
        value: results.csv.ms,
        floor: results['floor-csv'].ms,
        target: full ? { max: 5000 } : undefined,
        note: `${(results.csv.count / 2 ** 20).toFixed(0)} MB; floor: read + parse + naive CSV`,
      }),
      figure({
        id: 'history.xlsx',
        name: 'XLSX export to /dev/null',
        unit: 'ms',
        value: results.xlsx.ms,
        floor: results['floor-csv'].ms,
        target: full ? { max: 15_000 } : undefined,
        note: `${(results.xlsx.count / 2 ** 20).toFixed(0)} MB`,
      }),
      figure({
        id: 'history.rss',
        name: 'peak RSS of stats and exports',
        unit: 'MB',
        value: peak,
        floor: results['floor-read'].peakRssMb,
        target: { max: 150 },
        note: `aggregate ${results.aggregate.peakRssMb.toFixed(0)}, CSV ${results.csv.peakRssMb.toFixed(0)}, XLSX ${results.xlsx.peakRssMb.toFixed(0)} MB`,
      }),
    ];
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
