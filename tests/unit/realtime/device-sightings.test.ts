import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConfigData } from '../../../server/src/config/config-data.js';
import { defaultConfig } from '../../../server/src/config/default-config.js';
import { DeviceSightings } from '../../../server/src/realtime/device-sightings.js';
import type { ConfigStore } from '../../../server/src/store/store.js';

/** A config store in memory that counts its writes. */
function memoryConfig(deviceIds: string[]) {
  let data: ConfigData = defaultConfig();
  data.devices = deviceIds.map((id) => ({
    id,
    kind: 'display',
    hallId: data.halls[0]!.id,
    name: id,
    keyHash: 'x',
    printerId: null,
    createdAt: 0,
    revokedAt: null,
  }));
  const store = {
    writes: 0,
    read: () => data,
    update: async (mutate: (d: ConfigData) => void) => {
      const draft = structuredClone(data);
      mutate(draft);
      data = draft;
      store.writes += 1;
      return data;
    },
  };
  return store satisfies ConfigStore & { writes: number };
}

describe('DeviceSightings', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it('when devices come and go within a period, then the configuration is written once for all of them', async () => {
    const config = memoryConfig(['a', 'b']);
    const sightings = new DeviceSightings(
      { config, now: () => Date.now(), log: () => undefined, saveEveryMs: 60_000 },
      () => [],
    );

    sightings.saw('a');
    vi.advanceTimersByTime(10_000);
    sightings.saw('b');
    sightings.saw('a');
    expect(config.writes).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);

    expect(config.writes).toBe(1);
    expect(config.read().devices.map((d) => d.lastSeenAt)).toEqual([1_010_000, 1_010_000]);
  });

  it('when a device stays connected, then its time is saved again every period (a crash loses one period at most)', async () => {
    const config = memoryConfig(['a']);
    const sightings = new DeviceSightings(
      { config, now: () => Date.now(), log: () => undefined, saveEveryMs: 60_000 },
      () => ['a'],
    );

    sightings.saw('a');
    await vi.advanceTimersByTimeAsync(60_000);
    await vi.advanceTimersByTimeAsync(60_000);

    expect(config.writes).toBe(2);
    expect(config.read().devices[0]!.lastSeenAt).toBe(1_120_000);
    expect(sightings.lastSeen('a')).toBe(1_120_000);
  });

  it('when closed, then what is unsaved is written at once and nothing is scheduled after', async () => {
    const config = memoryConfig(['a']);
    const sightings = new DeviceSightings(
      { config, now: () => Date.now(), log: () => undefined, saveEveryMs: 60_000 },
      () => [],
    );

    sightings.saw('a');
    await sightings.close();
    sightings.saw('a');
    await vi.advanceTimersByTimeAsync(600_000);

    expect(config.writes).toBe(1);
    expect(config.read().devices[0]!.lastSeenAt).toBe(1_000_000);
  });
});
