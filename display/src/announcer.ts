import type { Announcement } from './state/announcements.js';

/** The parts of `speechSynthesis` the announcer uses (tests pass a fake). */
export interface SpeechLike {
  speak(utterance: SpeechSynthesisUtterance): void;
  cancel(): void;
  getVoices(): SpeechSynthesisVoice[];
}

/** The parts of `AudioContext` the chime uses. */
export type AudioLike = Pick<
  AudioContext,
  'state' | 'currentTime' | 'destination' | 'createOscillator' | 'createGain' | 'resume'
> & { onstatechange: ((this: AudioContext, ev: Event) => unknown) | null };

export interface AnnouncerOptions {
  speech?: SpeechLike | null;
  createUtterance?: (text: string) => SpeechSynthesisUtterance;
  createAudioContext?: () => AudioLike | null;
  /** Called when sound becomes blocked (show the tap overlay) or unblocked. */
  onBlockedChange?: (blocked: boolean) => void;
  /**
   * What the browser says of audio without a gesture (`navigator.getAutoplayPolicy`, where it
   * exists); `undefined` when it cannot tell, and the probe decides.
   */
  autoplayPolicy?: () => AutoplayVerdict | undefined;
  /** How long to wait for the audio to start without a tap before asking for one. */
  probeMs?: number;
  /** Called as each announcement starts (after its chime). */
  onSpeak?: (announcement: Announcement) => void;
  wait?: (ms: number) => Promise<void>;
  chimeMs?: number;
  gapMs?: number;
}

/** Two-tone ding-dong: E5 then C5. */
const CHIME_TONES = [
  { hz: 659.25, at: 0, length: 0.9 },
  { hz: 523.25, at: 0.55, length: 1.1 },
];
const CHIME_MS = 1_500;
const GAP_MS = 600;
/** Chromium starts an allowed AudioContext within a few frames; a blocked one never starts. */
const PROBE_MS = 1_500;

/** `navigator.getAutoplayPolicy()`'s answers. */
export type AutoplayVerdict = 'allowed' | 'allowed-muted' | 'disallowed';

/**
 * A Turkish voice when the system has one: the exact `tr-TR` first, then any Turkish; otherwise
 * `null` and the utterance's `lang` lets the browser choose.
 */
export function pickTurkishVoice(voices: SpeechSynthesisVoice[]): SpeechSynthesisVoice | null {
  const lang = (v: SpeechSynthesisVoice) => v.lang.replace('_', '-').toLowerCase();
  return (
    voices.find((v) => lang(v) === 'tr-tr' && v.localService) ??
    voices.find((v) => lang(v) === 'tr-tr') ??
    voices.find((v) => lang(v).startsWith('tr')) ??
    null
  );
}

/** A voice that hangs (no end event) must not stop the queue: give up after this long. */
export function safetyTimeoutMs(text: string): number {
  return Math.max(8_000, text.length * 200);
}

/**
 * Speaks calls one at a time: chime, sentence, short pause, next. Never two at once: the next
 * starts only after the utterance's end (or error) event, or after a safety timeout.
 */
export class Announcer {
  private readonly queue: Announcement[] = [];
  private busy = false;
  private disposed = false;
  private readonly speech: SpeechLike | null;
  private readonly audio: AudioLike | null;
  private readonly opts: AnnouncerOptions;
  private _blocked = false;
  private probing = false;
  /** Held so Chrome does not garbage-collect a speaking utterance (and lose its end event). */
  private speaking: SpeechSynthesisUtterance | null = null;

  constructor(opts: AnnouncerOptions = {}) {
    this.opts = opts;
    this.speech =
      opts.speech !== undefined
        ? opts.speech
        : typeof speechSynthesis === 'undefined'
          ? null
          : speechSynthesis;
    this.audio = (opts.createAudioContext ?? defaultAudioContext)();
    if (this.audio) {
      this.audio.onstatechange = () => {
        // While the probe runs, a suspended state is not yet a verdict.
        if (this.audio?.state === 'running') this.setBlocked(false);
        else if (!this.probing) this.setBlocked(true);
      };
      if (this.audio.state === 'suspended') void this.probe(this.audio);
    }
  }

  /** `true` while the browser blocks sound until someone taps the screen. */
  get blocked(): boolean {
    return this._blocked;
  }

  /** Queues a call; it is spoken after those before it. */
  enqueue(announcement: Announcement): void {
    if (this.disposed) return;
    this.queue.push(announcement);
    if (!this.busy) void this.drain();
  }

  /**
   * An unattended TV has nobody to tap: when the browser allows sound without a gesture (a
   * kiosk browser started with `--autoplay-policy=no-user-gesture-required`), the audio starts
   * by itself and the tap overlay never shows. Only when it stays suspended is sound blocked.
   */
  private async probe(audio: AudioLike): Promise<void> {
    const policy = (this.opts.autoplayPolicy ?? defaultAutoplayPolicy)();
    if (policy === 'disallowed') return this.setBlocked(true);
    this.probing = true;
    const wait = this.opts.wait ?? defaultWait;
    // A blocked context's resume() stays pending until a gesture: race it against a timeout.
    await Promise.race([
      audio.resume().catch(() => undefined),
      wait(this.opts.probeMs ?? PROBE_MS),
    ]);
    this.probing = false;
    if (!this.disposed) this.setBlocked(audio.state !== 'running');
  }

  /** Called from the tap on the overlay: a user gesture lets the audio start. */
  async unlock(): Promise<void> {
    if (this.audio?.state === 'suspended') await this.audio.resume().catch(() => undefined);
    this.setBlocked(this.audio?.state === 'suspended');
  }

  dispose(): void {
    this.disposed = true;
    this.queue.length = 0;
    if (this.audio) this.audio.onstatechange = null;
  }

  private async drain(): Promise<void> {
    this.busy = true;
    const wait = this.opts.wait ?? defaultWait;
    for (let next = this.queue.shift(); next && !this.disposed; next = this.queue.shift()) {
      if (this.chime()) await wait(this.opts.chimeMs ?? CHIME_MS);
      this.opts.onSpeak?.(next);
      await this.speak(next.text);
      await wait(this.opts.gapMs ?? GAP_MS);
    }
    this.busy = false;
  }

  /** Plays the ding-dong; `false` when there is no sound to wait for. */
  private chime(): boolean {
    const ctx = this.audio;
    if (!ctx || ctx.state !== 'running') return false;
    const t0 = ctx.currentTime + 0.05;
    for (const tone of CHIME_TONES) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = tone.hz;
      const start = t0 + tone.at;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.5, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + tone.length);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start);
      osc.stop(start + tone.length + 0.05);
    }
    return true;
  }

  private speak(text: string): Promise<void> {
    const speech = this.speech;
    if (!speech) return Promise.resolve();
    return new Promise((resolve) => {
      const utterance = (this.opts.createUtterance ?? defaultUtterance)(text);
      utterance.lang = 'tr-TR';
      utterance.rate = 0.9;
      const voice = pickTurkishVoice(speech.getVoices());
      if (voice) utterance.voice = voice;
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        this.speaking = null;
        clearTimeout(safety);
        resolve();
      };
      const safety = setTimeout(() => {
        speech.cancel();
        finish();
      }, safetyTimeoutMs(text));
      utterance.onend = finish;
      utterance.onerror = (e: SpeechSynthesisErrorEvent) => {
        // Chrome refuses speech before the page was touched: ask for the tap.
        if (e.error === 'not-allowed') this.setBlocked(true);
        finish();
      };
      this.speaking = utterance;
      speech.speak(utterance);
    });
  }

  private setBlocked(blocked: boolean): void {
    if (blocked === this._blocked) return;
    this._blocked = blocked;
    this.opts.onBlockedChange?.(blocked);
  }
}

function defaultWait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function defaultUtterance(text: string): SpeechSynthesisUtterance {
  return new SpeechSynthesisUtterance(text);
}

function defaultAutoplayPolicy(): AutoplayVerdict | undefined {
  const nav = (typeof navigator === 'undefined' ? undefined : navigator) as
    { getAutoplayPolicy?: (type: 'audiocontext') => AutoplayVerdict } | undefined;
  try {
    return nav?.getAutoplayPolicy?.('audiocontext');
  } catch {
    return undefined;
  }
}

function defaultAudioContext(): AudioLike | null {
  if (typeof AudioContext === 'undefined') return null;
  try {
    return new AudioContext();
  } catch {
    return null;
  }
}
