import type { ConfigStore } from '../store/store.js';

/** How often the last-seen times of devices are written: at most one config write per period. */
export const SIGHTINGS_SAVE_MS = 5 * 60_000;

export interface DeviceSightingsDeps {
  /** Where the times are kept: each device's record (`lastSeenAt`), so every backend has them. */
  config?: ConfigStore;
  now: () => number;
  log: (msg: string) => void;
  saveEveryMs?: number;
}

/**
 * When each kiosk and display was last seen, kept across restarts. A connection or a
 * disconnection is remembered at once in memory; the configuration is written at most once per
 * `saveEveryMs` for all devices together (refreshing those still connected), and at shutdown.
 * After a crash a time is at most one period old; a clean stop loses nothing.
 */
export class DeviceSightings {
  private readonly seen = new Map<string, number>();
  private readonly unsaved = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: DeviceSightingsDeps,
    /** Devices connected right now: they are seen at every save. */
    private readonly connectedNow: () => Iterable<string>,
  ) {}

  /** The last time `deviceId` was seen, in memory or from before the restart; null if never. */
  lastSeen(deviceId: string): number | null {
    return (
      this.seen.get(deviceId) ??
      this.deps.config?.read().devices.find((d) => d.id === deviceId)?.lastSeenAt ??
      null
    );
  }

  /** Remembers that `deviceId` was seen now; saved within a period. */
  saw(deviceId: string): void {
    this.seen.set(deviceId, this.deps.now());
    this.unsaved.add(deviceId);
    this.schedule();
  }

  private schedule(): void {
    if (this.timer !== null || this.closed || !this.deps.config) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      // While a device stays connected its time moves on: save it again next period.
      void this.save().then(() => {
        if (![...this.connectedNow()].length) return;
        this.schedule();
      });
    }, this.deps.saveEveryMs ?? SIGHTINGS_SAVE_MS);
    this.timer.unref();
  }

  /** The last save, at shutdown after the sockets closed (their disconnections are sightings). */
  close(): Promise<void> {
    this.closed = true;
    return this.save();
  }

  /** Writes what is unsaved, with the devices connected now seen now. */
  save(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const now = this.deps.now();
    for (const id of this.connectedNow()) {
      this.seen.set(id, now);
      this.unsaved.add(id);
    }
    const config = this.deps.config;
    if (!config || this.unsaved.size === 0) return this.saving;
    const batch = new Map([...this.unsaved].map((id) => [id, this.seen.get(id)!]));
    this.unsaved.clear();
    this.saving = this.saving.then(async () => {
      try {
        await config.update((draft) => {
          for (const d of draft.devices) {
            const at = batch.get(d.id);
            if (at !== undefined && at > (d.lastSeenAt ?? 0)) d.lastSeenAt = at;
          }
        });
      } catch (err) {
        // A last-seen time is not worth failing anything for; the next save tries again.
        for (const id of batch.keys()) this.unsaved.add(id);
        this.deps.log(`device last-seen times not saved: ${(err as Error).message}`);
      }
    });
    return this.saving;
  }
}
