import { summarize, type Summary } from './stats.js';

/** Times every fdatasync of a bench server, to tell the disk's share of a request's latency. */
export class FsyncTimer {
  private durations: number[] = [];

  /** Runs `sync` (an fdatasync) and records how long it took. */
  async time(sync: () => Promise<void>): Promise<void> {
    const start = performance.now();
    await sync();
    this.durations.push(performance.now() - start);
  }

  /** The IPC handlers `fsync:reset` and `fsync:read` (durations in ms, since the reset). */
  handlers() {
    return {
      'fsync:reset': () => {
        this.durations = [];
      },
      'fsync:read': (): Summary => summarize(this.durations),
    };
  }
}
