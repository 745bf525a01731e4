import path from 'node:path';

/** What every bench gets from the runner. */
export interface BenchContext {
  /** CI mode: fewer clients and shorter phases, the whole run under a minute. */
  quick: boolean;
  /** When set, every server under test writes a `--cpu-prof` profile here. */
  cpuProfDir: string | undefined;
  /** Progress lines (to stderr, so the table stays clean). */
  log: (msg: string) => void;
}

/** A bench child script, by its path relative to `tests/bench/`. */
export const benchScript = (relative: string) => path.join(import.meta.dirname, relative);

export const repoRoot = path.resolve(import.meta.dirname, '../..');
