import type { Lang, WaitEstimate } from '../../../contract/domain.js';
import { t } from '../i18n.js';

/** "yaklaşık 5 dk" / "about 5 min"; a zero or negative estimate reads "Beklemeden" / "No wait". */
export function formatWait(minutes: number, lang: Lang): string {
  return t(lang).wait(Math.max(0, Math.round(minutes)));
}

/**
 * What a visitor is told of their wait: the minutes, or "Şu an açık banko yok" when no open
 * counter serves the line, which must never read as "Beklemeden" (no wait).
 */
export function formatEstimate(estimate: WaitEstimate, lang: Lang): string {
  switch (estimate.kind) {
    case 'minutes':
      return formatWait(estimate.minutes, lang);
    case 'range':
      return t(lang).waitRange(estimate.min, estimate.max);
    case 'no-open-counter':
      return t(lang).noOpenCounter;
  }
}

/** "3 kişi bekliyor" / "3 people waiting". */
export function formatWaiting(count: number, lang: Lang): string {
  return t(lang).waiting(Math.max(0, count));
}

/** "Önünüzde 3 kişi var" / "3 people ahead of you"; zero reads "Sıradaki sizsiniz". */
export function formatAhead(count: number, lang: Lang): string {
  return t(lang).ahead(Math.max(0, count));
}

/** Whole seconds left until `deadline`, never negative. */
export function secondsLeft(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}
