/**
 * A sleep that a poke ends early. A poke while nobody sleeps is kept, so the next sleep returns
 * at once: news that came during a delivery is not missed.
 */
export class Wakeup {
  private poked = false;
  private end: (() => void) | null = null;

  poke(): void {
    this.poked = true;
    this.end?.();
  }

  /** Resolves on a poke, or after `ms` (never without one when `ms` is undefined). */
  sleep(ms?: number): Promise<void> {
    if (this.poked) {
      this.poked = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const done = () => {
        clearTimeout(timer);
        this.end = null;
        this.poked = false;
        resolve();
      };
      if (ms !== undefined) timer = setTimeout(done, Math.max(0, ms));
      this.end = done;
    });
  }
}
