import type { Lang } from '../../../contract/domain.js';
import { addDays, daysIn, isDay, quickRange, type DayRange } from './date-range.js';
import { formatDay, formatDayRange, localeOf } from './format.js';

/** The report's range when the tab opens: the last full month, seen from the hall's `today`. */
export function defaultReportRange(today: string): DayRange {
  return quickRange('last-month', today);
}

const lastOfMonth = (day: string) => {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return addDays(`${m === 12 ? y + 1 : y}-${String((m % 12) + 1).padStart(2, '0')}-01`, -1);
};

/** Whether the range is one whole calendar month (1st to last day). */
export function isWholeMonth(range: DayRange): boolean {
  return (
    range.from.endsWith('-01') &&
    range.from.slice(0, 7) === range.to.slice(0, 7) &&
    range.to === lastOfMonth(range.from)
  );
}

/** Whether the range is one whole calendar year. */
export function isWholeYear(range: DayRange): boolean {
  const y = range.from.slice(0, 4);
  return range.from === `${y}-01-01` && range.to === `${y}-12-31`;
}

/**
 * The period just before: the previous calendar month for a whole month, else as many days
 * ending the day before `from`.
 */
export function previousRange(range: DayRange): DayRange {
  if (isWholeMonth(range)) {
    const to = addDays(range.from, -1);
    return { from: `${to.slice(0, 8)}01`, to };
  }
  const to = addDays(range.from, -1);
  return { from: addDays(to, 1 - daysIn(range)), to };
}

/** The same days a year before (29 February becomes the 28th; a whole month stays whole). */
export function lastYearRange(range: DayRange): DayRange {
  const back = (day: string) => {
    const d = `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`;
    return isDay(d) ? d : addDays(`${d.slice(0, 8)}01`, 27);
  };
  if (isWholeMonth(range)) {
    const from = back(range.from);
    return { from, to: lastOfMonth(from) };
  }
  return { from: back(range.from), to: back(range.to) };
}

/** `Kasım 2026` / `November 2026` for a whole month, or null. */
function monthName(lang: Lang, range: DayRange): string | null {
  if (!isWholeMonth(range)) return null;
  const [y, m] = range.from.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(localeOf(lang), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(y, m - 1, 1));
}

/** The period as a title: `Kasım 2026`, `2026`, `1–15 Kasım 2026`, `3 Kasım 2026`. */
export function periodTitle(lang: Lang, range: DayRange): string {
  if (isWholeYear(range)) return range.from.slice(0, 4);
  return monthName(lang, range) ?? formatDayRange(lang, range.from, range.to);
}

/**
 * The period as the start of a sentence, with its Turkish suffix: `Kasım 2026'da`,
 * `2026 yılında`, `3 Kasım 2026 günü`, `1–15 Kasım 2026 döneminde`; in English `In November
 * 2026`, `In 2026`, `On 3 November 2026`, `From 1 to 15 November 2026`.
 */
export function periodPhrase(lang: Lang, range: DayRange): string {
  const title = periodTitle(lang, range);
  if (lang === 'en') {
    if (range.from === range.to) return `On ${formatDay(lang, range.from)}`;
    if (isWholeMonth(range) || isWholeYear(range)) return `In ${title}`;
    return `Between ${formatDay(lang, range.from)} and ${formatDay(lang, range.to)}`;
  }
  if (isWholeYear(range)) return `${title} yılında`;
  if (isWholeMonth(range)) return `${title}'${turkishSuffix(title, 'locative')}`;
  if (range.from === range.to) return `${title} günü`;
  return `${title} döneminde`;
}

/** Digits as spoken, last word only: what a Turkish suffix after a number harmonises with. */
const ONES = ['', 'bir', 'iki', 'üç', 'dört', 'beş', 'altı', 'yedi', 'sekiz', 'dokuz'];
const TENS = ['', 'on', 'yirmi', 'otuz', 'kırk', 'elli', 'altmış', 'yetmiş', 'seksen', 'doksan'];
const POWERS = ['', 'bin', 'milyon', 'milyar', 'trilyon'];

/** The last word of a whole number read aloud in Turkish (`2026` → `altı`, `1000` → `bin`). */
export function lastSpokenWord(digits: string): string {
  const n = digits.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  if (/^0*$/.test(n)) return 'sıfır';
  const last = n[n.length - 1]!;
  if (last !== '0') return ONES[Number(last)]!;
  const tens = n[n.length - 2];
  if (tens !== undefined && tens !== '0') return TENS[Number(tens)]!;
  const hundreds = n[n.length - 3];
  if (hundreds !== undefined && hundreds !== '0') return 'yüz';
  // The last non-zero group of three names its power (bin, milyon, …).
  const zeros = n.length - n.replace(/0+$/, '').length;
  return POWERS[Math.floor(zeros / 3)] ?? 'trilyon';
}

export type TurkishCase = 'locative' | 'dative' | 'possessive' | 'genitive' | 'ablative';

const BACK = 'aıou';
const VOWELS = 'aeıioöuü';
const HARD = 'çfhkpsşt';

/**
 * The suffix a Turkish word or a written number takes, after the apostrophe for a number
 * (`2026'da`, `%97,9'u`, `9'a`), by vowel harmony and the last sound of the word as spoken.
 * A number is read by its last spoken word: the decimals when it has any (`97,9` → `dokuz`).
 */
export function turkishSuffix(word: string, kind: TurkishCase): string {
  const trimmed = word.trim().replace(/[%.]/g, '');
  const numeric = /\d$/.test(trimmed);
  const spoken = numeric
    ? lastSpokenWord(trimmed.split(/[,\s]/).pop() ?? trimmed)
    : trimmed.toLocaleLowerCase('tr');
  const vowels = [...spoken].filter((c) => VOWELS.includes(c));
  const v = vowels[vowels.length - 1] ?? 'e';
  const back = BACK.includes(v);
  const round = 'ouöü'.includes(v);
  const endsVowel = VOWELS.includes(spoken[spoken.length - 1] ?? '');
  const hard = HARD.includes(spoken[spoken.length - 1] ?? '');
  const a = back ? 'a' : 'e';
  const i = back ? (round ? 'u' : 'ı') : round ? 'ü' : 'i';
  switch (kind) {
    case 'locative':
      return `${hard ? 't' : 'd'}${a}`;
    case 'ablative':
      return `${hard ? 't' : 'd'}${a}n`;
    case 'dative':
      return endsVowel ? `y${a}` : a;
    case 'possessive':
      return endsVowel ? `s${i}` : i;
    case 'genitive':
      return endsVowel ? `n${i}n` : `${i}n`;
  }
}
