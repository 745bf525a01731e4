import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  Announcer,
  pickTurkishVoice,
  safetyTimeoutMs,
  type AudioLike,
  type SpeechLike,
} from '../../../display/src/announcer.js';
import { announcementFor } from '../../../display/src/state/announcements.js';
import { call } from './fixtures.js';

type FakeUtterance = {
  text: string;
  lang?: string;
  voice?: unknown;
  rate?: number;
  onend: (() => void) | null;
  onerror: ((e: { error: string }) => void) | null;
};

/** A speech engine that records what it says and when, and ends each utterance on demand. */
function fakeSpeech() {
  const log: string[] = [];
  const pending: FakeUtterance[] = [];
  let speaking = 0;
  let overlaps = 0;
  const speech: SpeechLike = {
    speak: (u) => {
      const f = u as unknown as FakeUtterance;
      if (speaking > 0) overlaps++;
      speaking++;
      log.push(`speak ${f.text}`);
      pending.push(f);
    },
    cancel: () => {
      log.push('cancel');
      speaking = 0;
      pending.length = 0;
    },
    getVoices: () => [],
  };
  const end = () => {
    const u = pending.shift();
    speaking--;
    u?.onend?.();
  };
  return { speech, log, end, pending, overlaps: () => overlaps };
}

/**
 * An AudioContext. `allowed`: the browser lets it start without a gesture (a kiosk browser's
 * autoplay flag), so resume() starts it; otherwise resume() waits for `tap()`, as Chromium's does.
 */
function fakeAudio(state: AudioContextState, allowed = false) {
  const tones: number[] = [];
  const node = () => ({
    connect: (n: unknown) => n,
    start: () => undefined,
    stop: () => undefined,
    type: 'sine',
    frequency: { value: 0 },
    gain: { setValueAtTime: () => undefined, exponentialRampToValueAtTime: () => undefined },
  });
  let gesture = allowed;
  const waiting: Array<() => void> = [];
  const start = () => {
    ctx.state = 'running';
    ctx.onstatechange?.();
    for (const resolve of waiting.splice(0)) resolve();
  };
  const ctx = {
    state,
    currentTime: 0,
    destination: {},
    onstatechange: null as (() => void) | null,
    createOscillator: () => {
      const osc = node();
      const begin = osc.start;
      osc.start = () => {
        tones.push(osc.frequency.value);
        begin();
      };
      return osc;
    },
    createGain: node,
    resume: () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        if (gesture) start();
      }),
  };
  const tap = () => {
    gesture = true;
  };
  return { ctx: ctx as unknown as AudioLike, tones, tap };
}

const utterance = (text: string) =>
  ({ text, onend: null, onerror: null }) as unknown as SpeechSynthesisUtterance;
const v012 = announcementFor(call('V012', 3));
const v013 = announcementFor(call('V013', 1));

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('Announcer', () => {
  it('when a call is queued, then the chime plays first and the sentence follows in Turkish', async () => {
    const s = fakeSpeech();
    const audio = fakeAudio('running');
    const a = new Announcer({
      speech: s.speech,
      createUtterance: utterance,
      createAudioContext: () => audio.ctx,
    });
    a.enqueue(v012);
    expect(audio.tones).toHaveLength(2);
    expect(s.log).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_500);
    expect(s.log).toEqual([`speak ${v012.text}`]);
    expect((s.pending[0] as FakeUtterance).lang).toBe('tr-TR');
  });

  it('when two calls come at once, then the second waits for the first to end', async () => {
    const s = fakeSpeech();
    const a = new Announcer({
      speech: s.speech,
      createUtterance: utterance,
      createAudioContext: () => null,
    });
    a.enqueue(v012);
    a.enqueue(v013);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(s.log).toEqual([`speak ${v012.text}`]);
    s.end();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(s.log).toEqual([`speak ${v012.text}`, `speak ${v013.text}`]);
    expect(s.overlaps()).toBe(0);
  });

  it('when a voice never reports its end, then it is cancelled after the safety timeout and the queue goes on', async () => {
    const s = fakeSpeech();
    const a = new Announcer({
      speech: s.speech,
      createUtterance: utterance,
      createAudioContext: () => null,
    });
    a.enqueue(v012);
    a.enqueue(v013);
    await vi.advanceTimersByTimeAsync(safetyTimeoutMs(v012.text) + 1_000);
    expect(s.log).toEqual([`speak ${v012.text}`, 'cancel', `speak ${v013.text}`]);
    expect(s.overlaps()).toBe(0);
  });

  it('when the browser refuses speech before a tap, then sound is reported blocked and the queue goes on', async () => {
    const s = fakeSpeech();
    const changes: boolean[] = [];
    const a = new Announcer({
      speech: s.speech,
      createUtterance: utterance,
      createAudioContext: () => null,
      onBlockedChange: (b) => changes.push(b),
    });
    a.enqueue(v012);
    a.enqueue(v013);
    await vi.advanceTimersByTimeAsync(0);
    s.pending.shift()?.onerror?.({ error: 'not-allowed' });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(changes).toEqual([true]);
    expect(s.log.at(-1)).toBe(`speak ${v013.text}`);
  });

  it('when the browser allows sound without a gesture, then the audio starts by itself and sound is never reported blocked', async () => {
    const audio = fakeAudio('suspended', true);
    const changes: boolean[] = [];
    const a = new Announcer({
      speech: null,
      createAudioContext: () => audio.ctx,
      onBlockedChange: (b) => changes.push(b),
      autoplayPolicy: () => undefined,
    });
    expect(a.blocked).toBe(false);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(a.blocked).toBe(false);
    expect(changes).toEqual([]);
    expect(audio.ctx.state).toBe('running');
  });

  it('when the audio stays suspended without a tap, then it is blocked after the probe until a tap unlocks it', async () => {
    const audio = fakeAudio('suspended');
    const changes: boolean[] = [];
    const a = new Announcer({
      speech: null,
      createAudioContext: () => audio.ctx,
      onBlockedChange: (b) => changes.push(b),
      autoplayPolicy: () => undefined,
    });
    expect(a.blocked).toBe(false);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(a.blocked).toBe(true);
    audio.tap();
    await a.unlock();
    expect(a.blocked).toBe(false);
    expect(changes).toEqual([true, false]);
  });

  it('when the browser says audio is disallowed, then sound is blocked at once', () => {
    const audio = fakeAudio('suspended');
    const a = new Announcer({
      speech: null,
      createAudioContext: () => audio.ctx,
      autoplayPolicy: () => 'disallowed',
    });
    expect(a.blocked).toBe(true);
  });

  it('when the audio is suspended, then no chime is played but the sentence is still tried', async () => {
    const s = fakeSpeech();
    const audio = fakeAudio('suspended');
    const a = new Announcer({
      speech: s.speech,
      createUtterance: utterance,
      createAudioContext: () => audio.ctx,
    });
    a.enqueue(v012);
    await vi.advanceTimersByTimeAsync(0);
    expect(audio.tones).toEqual([]);
    expect(s.log).toHaveLength(1);
  });
});

describe('pickTurkishVoice', () => {
  const voice = (lang: string, name: string, localService = false) =>
    ({ lang, name, localService }) as SpeechSynthesisVoice;

  it('when a tr-TR voice exists among others, then it is chosen', () => {
    const voices = [voice('en-US', 'a'), voice('tr_TR', 'b'), voice('tr-TR', 'c', true)];
    expect(pickTurkishVoice(voices)?.name).toBe('c');
  });

  it('when only a generic Turkish voice exists, then it is chosen', () => {
    expect(pickTurkishVoice([voice('en-GB', 'a'), voice('tr', 'b')])?.name).toBe('b');
  });

  it('when no Turkish voice exists, then none is chosen', () => {
    expect(pickTurkishVoice([voice('en-US', 'a')])).toBeNull();
  });
});
