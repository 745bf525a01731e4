import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PollController } from '../../../manager/src/poll-controller.js';

/** A stand-in for a Lit element: keeps its controllers and connects or removes them on demand. */
function fakeHost() {
  const controllers: ReactiveController[] = [];
  const host = {
    addController: (c: ReactiveController) => controllers.push(c),
    connect: () => controllers.forEach((c) => c.hostConnected?.()),
    disconnect: () => controllers.forEach((c) => c.hostDisconnected?.()),
  };
  return host as typeof host & ReactiveControllerHost;
}

describe('reading again while shown (manager PollController)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('when the element is shown, then it reads at once and every period until removed', () => {
    const host = fakeHost();
    const read = vi.fn(async () => undefined);
    new PollController(host, 5_000, read);
    expect(read).not.toHaveBeenCalled();
    host.connect();
    expect(read).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10_000);
    expect(read).toHaveBeenCalledTimes(3);
    host.disconnect();
    vi.advanceTimersByTime(60_000);
    expect(read).toHaveBeenCalledTimes(3);
  });

  it('when told not to read at once, then the first read waits a period', () => {
    const host = fakeHost();
    const read = vi.fn(async () => undefined);
    new PollController(host, 5_000, read, false);
    host.connect();
    expect(read).not.toHaveBeenCalled();
    vi.advanceTimersByTime(5_000);
    expect(read).toHaveBeenCalledTimes(1);
    host.disconnect();
  });
});
