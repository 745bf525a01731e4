import { monitorEventLoopDelay } from 'node:perf_hooks';

/** Event-loop delay over a window, in ms (the timer's own interval already taken out). */
export interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
  /** Resident set size when read, in MB. */
  rssMb: number;
  /** CPU time (user + system) the process used in the window, ms. */
  cpuMs: number;
}

const RESOLUTION_MS = 10;

export interface LoopProbe {
  /** Starts a new measuring window. */
  reset(): void;
  read(): LoopDelay;
}

/**
 * Samples this process's event-loop delay with `monitorEventLoopDelay`. The histogram records
 * the whole interval between timer runs, so the resolution is subtracted to give the delay.
 */
export function loopDelayProbe(): LoopProbe {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  const delayMs = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
  let cpuAtReset = process.cpuUsage();
  return {
    reset: () => {
      histogram.reset();
      cpuAtReset = process.cpuUsage();
    },
    read: () => {
      const cpu = process.cpuUsage(cpuAtReset);
      return {
        p50: delayMs(histogram.percentile(50)),
        p99: delayMs(histogram.percentile(99)),
        max: delayMs(histogram.max),
        rssMb: process.memoryUsage.rss() / 2 ** 20,
        cpuMs: (cpu.user + cpu.system) / 1000,
      };
    },
  };
}
