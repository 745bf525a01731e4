// `npm run bench [-- --quick] [--only issue,push,…|login-flood] [--json FILE] [--cpu-prof DIR]`: runs each bench, prints one
// table (figure | value | floor | ratio | target | met?) and optionally writes it as JSON.
// A benchmark, not a test: a missed target never fails the run; a broken bench does.
import { statfsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchContext } from './context.js';
import { table, type Figure } from './figures.js';
import { estimateBench } from './estimate-accuracy.js';
import { historyBench } from './history-bench.js';
import { issueBench } from './issue-bench.js';
import { loginFloodBench } from './login-flood.js';
import { pushBench } from './push-bench.js';
import { startupBench } from './startup-bench.js';

type Bench = (ctx: BenchContext) => Promise<Figure[]>;

const BENCHES: Record<string, Bench> = {
  issue: issueBench,
  push: pushBench,
  history: historyBench,
  startup: startupBench,
  estimates: estimateBench,
};
/** Parts of a bench that `--only` may also run alone (e.g. `--only login-flood`). */
const PARTS: Record<string, Bench> = { 'login-flood': loginFloodBench };

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    json: { type: 'string' },
    'cpu-prof': { type: 'string' },
    only: { type: 'string' },
  },
});

// statfs magic numbers of the usual Linux file systems.
const FILE_SYSTEMS: Record<number, string> = {
  0xef53: 'ext4',
  0x01021994: 'tmpfs',
  0x58465342: 'xfs',
  0x9123683e: 'btrfs',
  0x794c7630: 'overlayfs',
};

function machine() {
  const cpus = os.cpus();
  const fsType = statfsSync(os.tmpdir()).type;
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    /** Where the data folders and the floor's file live. */
    dataFileSystem: `${os.tmpdir()} (${FILE_SYSTEMS[fsType] ?? `0x${fsType.toString(16)}`})`,
    loadAverage: os.loadavg().map((n) => Number(n.toFixed(2))),
  };
}

async function main(): Promise<void> {
  const cpuProfDir = values['cpu-prof'] ? path.resolve(values['cpu-prof']) : undefined;
  if (cpuProfDir) await mkdir(cpuProfDir, { recursive: true });
  const ctx: BenchContext = {
    quick: values.quick,
    cpuProfDir,
    log: (msg) =>
      process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(1)} s] ${msg}\n`),
  };
  const started = Date.now();
  const selected = values.only ? values.only.split(',') : Object.keys(BENCHES);
  const before = machine();
  const figures: Figure[] = [];
  const durations: Record<string, number> = {};
  for (const name of selected) {
    const bench = BENCHES[name] ?? PARTS[name];
    if (!bench)
      throw new Error(
        `No bench ${name}; there are: ${[...Object.keys(BENCHES), ...Object.keys(PARTS)].join(', ')}`,
      );
    const t = performance.now();
    figures.push(...(await bench(ctx)));
    durations[name] = Math.round(performance.now() - t) / 1000;
  }
  const after = machine().loadAverage;
  console.log(table(figures));
  console.log(
    `\n${values.quick ? 'quick' : 'full'} run, ${((Date.now() - started) / 1000).toFixed(0)} s; ` +
      `${before.cores} × ${before.cpu}; load average ${before.loadAverage.join(' ')} before, ${after.join(' ')} after.`,
  );
  if (values.json) {
    const report = {
      date: new Date(started).toISOString(),
      mode: values.quick ? 'quick' : 'full',
      machine: { ...before, loadAverageAfter: after },
      durationsS: durations,
      figures,
    };
    await mkdir(path.dirname(path.resolve(values.json)), { recursive: true });
    await writeFile(values.json, `${JSON.stringify(report, null, 2)}\n`);
  }
}

main().catch((err: Error) => {
  console.error(err.stack ?? err.message);
  process.exit(1);
});
