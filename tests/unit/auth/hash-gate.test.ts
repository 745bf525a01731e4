import { afterEach, describe, expect, it, vi } from 'vitest';
import { HashGate, HashGateFullError } from '../../../server/src/auth/hash-gate.js';

/** A fake hash that finishes when the test says so, and counts how many run at once. */
function fakeHashes() {
  let running = 0;
  let most = 0;
  const pending: Array<() => void> = [];
  const hash = () =>
    new Promise<string>((resolve) => {
      running += 1;
      most = Math.max(most, running);
      pending.push(() => {
        running -= 1;
        resolve('hash');
      });
    });
  const finishOne = async () => {
    pending.shift()?.();
    // Let the gate hand the slot over before the next step looks.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { hash, finishOne, most: () => most, running: () => running };
}

describe('hash gate', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('when many hashes are asked for at once, then no more than the bound run together, and all finish', async () => {
    const gate = new HashGate({ concurrent: 2, queued: 50, rest: 0 });
    const fake = fakeHashes();
    const all = Promise.all(Array.from({ length: 20 }, () => gate.run(fake.hash)));
    await Promise.resolve();
    expect(fake.running()).toBe(2);
    for (let i = 0; i < 20; i++) {
      expect(fake.running()).toBeLessThanOrEqual(2);
      await fake.finishOne();
    }
    expect(await all).toHaveLength(20);
    expect(fake.most()).toBe(2);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('when the queue is full, then a refusable hash is refused at once and a staff one waits', async () => {
    const gate = new HashGate({ concurrent: 1, queued: 2, rest: 0 });
    const fake = fakeHashes();
    const admitted = [gate.run(fake.hash), gate.run(fake.hash), gate.run(fake.hash)];
    await expect(gate.run(fake.hash)).rejects.toBeInstanceOf(HashGateFullError);
    const staff = gate.run(fake.hash, { whenFull: 'wait' });
    expect(gate.load).toEqual({ running: 1, waiting: 3 });
    for (let i = 0; i < 4; i++) await fake.finishOne();
    await expect(Promise.all([...admitted, staff])).resolves.toHaveLength(4);
    expect(fake.most()).toBe(1);
  });

  it('when a hash finishes and another waits, then the slot rests as long as the hash took, but the caller does not', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
    const gate = new HashGate({ concurrent: 1, queued: 5, rest: 1 });
    const fake = fakeHashes();
    let firstDone = false;
    void gate.run(fake.hash).then(() => (firstDone = true));
    const second = gate.run(fake.hash);
    vi.advanceTimersByTime(100);
    await fake.finishOne();
    expect(firstDone).toBe(true);
    expect(fake.running()).toBe(0);
    vi.advanceTimersByTime(99);
    await fake.finishOne();
    expect(fake.running()).toBe(0);
    vi.advanceTimersByTime(1);
    await fake.finishOne();
    expect(fake.running()).toBe(1);
    await fake.finishOne();
    await expect(second).resolves.toBe('hash');
  });

  it('when a hash fails, then its slot is freed for the next', async () => {
    const gate = new HashGate({ concurrent: 1, queued: 1, rest: 0 });
    const failing = gate.run(() => Promise.reject(new Error('scrypt failed')));
    const next = gate.run(() => Promise.resolve('ok'));
    await expect(failing).rejects.toThrow('scrypt failed');
    await expect(next).resolves.toBe('ok');
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });
});
