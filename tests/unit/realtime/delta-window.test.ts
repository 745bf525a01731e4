import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeltaWindow } from '../../../server/src/realtime/delta-window.js';

describe('DeltaWindow', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const windowOf = (ms: number) => {
    const sent: number[][] = [];
    return { sent, window: new DeltaWindow<number>(ms, (b) => sent.push(b)) };
  };

  it('when items are added within the window, then they are sent together when it ends, in order', () => {
    const { sent, window } = windowOf(50);
    window.add(1);
    vi.advanceTimersByTime(30);
    window.add(2);
    window.endOfBatch();
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(20);
    expect(sent).toEqual([[1, 2]]);
    window.add(3);
    vi.advanceTimersByTime(50);
    expect(sent).toEqual([[1, 2], [3]]);
  });

  it('when flushed early, then what waits goes at once and the window starts afresh', () => {
    const { sent, window } = windowOf(50);
    window.add(1);
    window.flush();
    window.flush();
    expect(sent).toEqual([[1]]);
    vi.advanceTimersByTime(100);
    expect(sent).toEqual([[1]]);
  });

  it('when the window is 0, then each batch goes out at its end', () => {
    const { sent, window } = windowOf(0);
    window.add(1);
    window.add(2);
    expect(sent).toEqual([]);
    window.endOfBatch();
    window.add(3);
    window.endOfBatch();
    expect(sent).toEqual([[1, 2], [3]]);
  });

  it('when stopped, then what waits is dropped and no timer fires', () => {
    const { sent, window } = windowOf(50);
    window.add(1);
    window.stop();
    vi.advanceTimersByTime(100);
    expect(sent).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
