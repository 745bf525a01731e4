import type { Lang } from '../../contract/domain.js';

const VOICE_LANG: Record<Lang, string> = { tr: 'tr-TR', en: 'en-GB' };

/**
 * Speaks the audio guide through the browser's speech synthesis (the kiosk's speaker or
 * headphone jack). A new sentence cuts the one being said, so a visitor who moves on is never
 * made to wait for the old one; `queue` lets a short follow-up (the print result) wait its turn.
 */
export class KioskSpeaker {
  /** Held so Chrome does not garbage-collect a speaking utterance. */
  private _speaking: SpeechSynthesisUtterance | null = null;

  /** `true` when this browser can speak at all (the guide's button is shown only then). */
  get available(): boolean {
    return (
      typeof speechSynthesis !== 'undefined' && typeof SpeechSynthesisUtterance !== 'undefined'
    );
  }

  say(text: string, lang: Lang, queue = false): void {
    if (!this.available || !text) return;
    if (!queue) speechSynthesis.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = VOICE_LANG[lang];
    utterance.rate = 0.9;
    const voice = speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith(lang));
    if (voice) utterance.voice = voice;
    this._speaking = utterance;
    speechSynthesis.speak(utterance);
  }

  stop(): void {
    if (this.available) speechSynthesis.cancel();
    this._speaking = null;
  }
}
