import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../server/src/config/default-config.js';
import { openEmbeddedStore } from '../../server/src/store/embedded/open-embedded-store.js';

/** Kills per run: a few in `npm test`, more with CRASH_KILLS=100. */
const KILLS = Number(process.env.CRASH_KILLS ?? 4);
const root = path.resolve(import.meta.dirname, '../..');
const HALL = 'cankaya';

interface Acknowledged {
  lastRev: number;
  erased: Set<string>;
}

/**
 * Runs the writer on `dataDir` until it has acknowledged a few appends and a random while more,
 * then kills it with SIGKILL; resolves with what it acknowledged before dying.
 */
async function writeThenKill(dataDir: string, acknowledged: Acknowledged): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'tests/reliability/booking-ledger-crash-writer.ts')],
    { cwd: root, env: { ...process.env, DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  let pending = '';
  let acksThisRun = 0;
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const enough = new Promise<void>((resolve) => {
    child.stdout.on('data', (d: Buffer) => {
      pending += d.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        const ack = /^ack=(\d+)$/.exec(line);
        if (ack) {
          acknowledged.lastRev = Number(ack[1]);
          if (++acksThisRun === 5) resolve();
        }
        const erased = /^erased=(.+)$/.exec(line);
        if (erased) acknowledged.erased.add(erased[1]!);
      }
    });
  });
  await Promise.race([enough, exited]);
  await new Promise((r) => setTimeout(r, Math.random() * 200));
  child.kill('SIGKILL');
  const code = await exited;
  if (code !== null) throw new Error(`the writer exited by itself (${code}): ${stderr}`);
}

describe('crash safety: the booking ledger under SIGKILL', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it(`when the writer is killed ${KILLS} times mid-append, then every acknowledged revision and erasure is there and the ledger reads in sequence`, async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'siramatik-ledger-crash-'));
    dirs.push(dataDir);
    const acknowledged: Acknowledged = { lastRev: 0, erased: new Set() };

    for (let kill = 0; kill < KILLS; kill++) {
      const before = acknowledged.lastRev;
      await writeThenKill(dataDir, acknowledged);
      expect(acknowledged.lastRev).toBeGreaterThan(before);
    }

    const store = await openEmbeddedStore(dataDir, {
      log: () => undefined,
      initialConfig: defaultConfig,
    });
    try {
      const events = await store.bookings.read(HALL);
      // Revisions 1, 2, 3… with none missing (the reader would refuse a gap or a repeat).
      expect(events.map((e) => e.rev)).toEqual(events.map((_, i) => i + 1));
      expect(events.length).toBeGreaterThanOrEqual(acknowledged.lastRev);
      for (const event of events) {
        if (event.type !== 'booking:made' || !acknowledged.erased.has(event.bookingId)) continue;
        expect(event).toMatchObject({ name: '', phone: null });
      }
      expect(acknowledged.erased.size).toBeGreaterThan(0);
      // The next append continues after whatever the last kill left.
      const next = events.length + 1;
      await store.bookings.append(HALL, [
        { type: 'bookings:erased', rev: next, hallId: HALL, at: 1, bookingIds: [] },
      ]);
      expect((await store.bookings.readAfter(HALL, next - 1)).map((e) => e.rev)).toEqual([next]);
    } finally {
      await store.close();
    }
  });
});
