// A bench child: one history job over a data folder, alone in its process so its peak RSS is
// its own. The product's StatsService over the embedded store (aggregate, CSV, XLSX), or a
// floor: reading and parsing every day summary file, optionally writing a naive CSV line per
// record.
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
  /** JSON lines parsed (floors) or groups returned (aggregate); bytes written (exports). */
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

/** A naive CSV text of one parsed summary line: a line per record, its values joined. */
function naiveCsv(part: Record<string, unknown>): string {
  if (Array.isArray(part.records)) {
    // Version 2: records as objects.
    return (part.records as Record<string, unknown>[])
      .map((r) => Object.values(r).join(','))
      .join('\r\n');
  }
  // A part of a version 3 summary: columns of `count` values, or one value for all.
  const columns = Object.values(
    (part.columns ?? (part.records as { stats: { columns: object } }).stats.columns) as Record<
      string,
      unknown
    >,
  );
  const count = columns.reduce<number>((n, c) => Math.max(n, Array.isArray(c) ? c.length : 0), 0);
  const lines: string[] = [];
  for (let i = 0; i < count; i++)
    lines.push(columns.map((c) => (Array.isArray(c) ? c[i] : c)).join(','));
  return lines.join('\r\n');
}

/**
 * The floor: every summary file read and each of its JSON lines parsed, day by day (and a
 * naive CSV line per record of each part).
 */
async function floor(csv: boolean): Promise<number> {
  const dir = path.join(opts.dataDir, 'days', opts.hallId);
  const out = csv ? devNull() : undefined;
  let lines = 0;
  for (const name of (await readdir(dir)).sort()) {
    const text = await readFile(path.join(dir, name), 'utf8');
    for (const line of text.split('\n')) {
      if (!line) continue;
      const part = JSON.parse(line) as Record<string, unknown>;
      lines += 1;
      if (out) out.write(naiveCsv(part));
    }
  }
  if (out) {
    out.end();
    await finished(out);
  }
  return lines;
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
