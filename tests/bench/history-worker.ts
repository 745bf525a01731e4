// A bench child: one history job over a data folder, alone in its process so its peak RSS is
// its own. The product's StatsService over the embedded store (aggregate, CSV, XLSX), or a
// floor: reading and parsing every day summary, optionally writing a naive CSV line per record.
import { createWriteStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { defaultConfig } from '../../server/src/config/default-config.js';
import { hallConfig, localDay } from '../../server/src/domain/index.js';
import { StatsService } from '../../server/src/stats/stats-service.js';
import { openEmbeddedStore } from '../../server/src/store/embedded/open-embedded-store.js';
import { childOptions, serveParent } from './child-ipc.js';

export type HistoryJob = 'aggregate' | 'csv' | 'xlsx' | 'floor-read' | 'floor-csv';

export interface HistoryWorkerOptions {
  dataDir: string;
  hallId: string;
  from: string;
  to: string;
}

export interface HistoryJobResult {
  ms: number;
  /** Records seen (floors) or groups returned (aggregate); bytes written (exports). */
  count: number;
  peakRssMb: number;
}

const opts = childOptions<HistoryWorkerOptions>();
const log = (msg: string) => console.error(`[history-worker] ${msg}`);

function devNull(): Writable & { bytesWritten: number } {
  return createWriteStream('/dev/null');
}

function finished(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    if (out.closed) return resolve();
    out.once('close', () => resolve());
    out.once('error', reject);
  });
}

/** The floor: every summary read and parsed, day by day (and a naive CSV line per record). */
async function floor(csv: boolean): Promise<number> {
  const dir = path.join(opts.dataDir, 'days', opts.hallId);
  const out = csv ? devNull() : undefined;
  let records = 0;
  for (const name of (await readdir(dir)).sort()) {
    const summary = JSON.parse(await readFile(path.join(dir, name), 'utf8')) as {
      records: Record<string, unknown>[];
    };
    records += summary.records.length;
    if (out) {
      out.write(summary.records.map((r) => Object.values(r).join(',')).join('\r\n'));
    }
  }
  if (out) {
    out.end();
    await finished(out);
  }
  return records;
}

async function product(job: 'aggregate' | 'csv' | 'xlsx'): Promise<number> {
  const store = await openEmbeddedStore(opts.dataDir, { log, initialConfig: defaultConfig });
  try {
    const data = store.config.read();
    const halls = new Map(
      data.halls.map((h) => [h.id, hallConfig(h, data.services, data.counters)]),
    );
    const stats = new StatsService({
      journal: store.journal,
      summaries: store.summaries,
      hallConfig: (id) => halls.get(id),
      liveDay: (id) => localDay(Date.now(), halls.get(id)?.hall.timeZone ?? 'Europe/Istanbul'),
      clerkName: (id) => data.users.find((u) => u.id === id)?.displayName ?? null,
      now: Date.now,
      log,
    });
    const range = { from: opts.from, to: opts.to };
    if (job === 'aggregate') {
      const report = await stats.stats(opts.hallId, range, 'service');
      return report?.groups.length ?? 0;
    }
    const out = devNull();
    await stats.exportTickets(opts.hallId, range, job, out);
    await finished(out);
    return out.bytesWritten;
  } finally {
    await store.close();
  }
}

serveParent(
  {},
  {
    run: async (job) => {
      const start = performance.now();
      const count =
        job === 'floor-read' || job === 'floor-csv'
          ? await floor(job === 'floor-csv')
          : await product(job as 'aggregate' | 'csv' | 'xlsx');
      const result: HistoryJobResult = {
        ms: performance.now() - start,
        count,
        peakRssMb: process.resourceUsage().maxRSS / 1024,
      };
      return result;
    },
  },
  () => undefined,
);
