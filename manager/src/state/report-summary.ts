import type { Lang } from '../../../contract/domain.js';
import type { DayRange } from './date-range.js';
import {
  formatCount,
  formatDecimal,
  formatSeconds,
  formatShare,
  shareMeetsGoal,
} from './format.js';
import { RESOLVED_GOAL, ratingHeadline } from './kpi.js';
import type { Comparison } from './report-model.js';
import { periodPhrase, periodTitle, turkishSuffix } from './report-period.js';
import type { GroupStats } from './stats-report.js';

export interface SummaryInput {
  range: DayRange;
  total: GroupStats;
  /** The target the mean service time is held against, in minutes. */
  targetMinutes: number;
  byHour: GroupStats[];
  previous: Comparison;
}

/** A number written with its Turkish suffix after an apostrophe: `%97,9'u`, `2026'da`. */
const withSuffix = (written: string, kind: Parameters<typeof turkishSuffix>[1]) =>
  `${written}'${turkishSuffix(written, kind)}`;

/** `4 saniye`, `1 dakika 5 saniye`; `4 seconds`, `1 minute 5 seconds`. */
export function durationWords(lang: Lang, seconds: number): string {
  const s = Math.abs(Math.round(seconds));
  const min = Math.floor(s / 60);
  const sec = s % 60;
  const part = (n: number, tr: string, en: string) =>
    lang === 'tr'
      ? `${formatCount(lang, n)} ${tr}`
      : `${formatCount(lang, n)} ${en}${n === 1 ? '' : 's'}`;
  const parts = [];
  if (min > 0) parts.push(part(min, 'dakika', 'minute'));
  if (sec > 0 || min === 0) parts.push(part(sec, 'saniye', 'second'));
  return parts.join(' ');
}

/** `hedefin 4 saniye üzerinde` and its like: how far a shown mean is from its target. */
function againstTarget(lang: Lang, meanSeconds: number, targetMinutes: number): string {
  const diff = Math.round(meanSeconds) - Math.round(targetMinutes * 60);
  const target = formatDecimal(lang, targetMinutes, 2);
  if (lang === 'tr') {
    if (diff === 0) return `${target} dakikalık hedefle tam eşit`;
    return `${target} dakikalık hedefin ${durationWords(lang, diff)} ${diff > 0 ? 'üzerinde' : 'altında'}`;
  }
  const goal = `the ${target}-minute target`;
  if (diff === 0) return `exactly ${goal}`;
  return `${durationWords(lang, diff)} ${diff > 0 ? 'above' : 'below'} ${goal}`;
}

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase('tr') + s.slice(1);

/**
 * The report's summary as sentences in the page's language, from the figures the report
 * shows: served and the mean against its target, resolved at the desk, waits and the busiest
 * hour, no-shows, satisfaction (from `MIN_RATINGS` ratings on), and the change since the
 * previous period. A figure that is missing gets no sentence.
 */
export function summarySentences(lang: Lang, input: SummaryInput): string[] {
  const { total, range } = input;
  const tr = lang === 'tr';
  const out: string[] = [];
  const when = periodPhrase(lang, range);
  if (total.issued === 0) {
    out.push(tr ? `${when} kayıtlı ziyaret yok.` : `${when}, no visits were recorded.`);
    return out;
  }
  const served = formatCount(lang, total.served);
  const mean = total.serviceTime.meanSeconds;
  if (tr) {
    const first = `${when} ${served} vatandaşa hizmet verildi`;
    out.push(
      mean === null
        ? `${first}.`
        : `${first}; ortalama hizmet süresi ${formatSeconds(mean)}, ${againstTarget(lang, mean, input.targetMinutes)}.`,
    );
  } else {
    const first = `${when}, ${served} ${total.served === 1 ? 'citizen was' : 'citizens were'} served`;
    out.push(
      mean === null
        ? `${first}.`
        : `${first}; the mean service time was ${formatSeconds(mean)}, ${againstTarget(lang, mean, input.targetMinutes)}.`,
    );
  }
  if (total.resolvedShare !== null) {
    const share = formatShare(lang, total.resolvedShare);
    const goal = formatShare(lang, RESOLVED_GOAL);
    const met = shareMeetsGoal(total.resolvedShare, RESOLVED_GOAL);
    out.push(
      tr
        ? `İşlerin ${withSuffix(share, 'possessive')} bankoda çözüldü; ${goal} hedefi ${met ? 'tutturuldu' : 'tutturulamadı'}.`
        : `${share} of visits were resolved at the desk; the ${goal} target was ${met ? 'met' : 'missed'}.`,
    );
  }
  const wait = total.wait.meanSeconds;
  if (wait !== null) {
    const busiest = [...input.byHour].sort((a, b) => b.issued - a.issued)[0];
    const base = tr
      ? `Ortalama bekleme süresi ${formatSeconds(wait)}`
      : `The mean wait was ${formatSeconds(wait)}`;
    out.push(
      busiest && busiest.issued > 0
        ? tr
          ? `${base}; en yoğun saat ${hourRange(busiest.key)} (${formatCount(lang, busiest.issued)} bilet, ortalama bekleme ${formatSeconds(busiest.wait.meanSeconds)}).`
          : `${base}; the busiest hour was ${hourRange(busiest.key)} (${formatCount(lang, busiest.issued)} ${busiest.issued === 1 ? 'ticket' : 'tickets'}, mean wait ${formatSeconds(busiest.wait.meanSeconds)}).`
        : `${base}.`,
    );
  }
  if (total.noShows > 0) {
    const share = formatShare(lang, total.noShows / total.issued);
    out.push(
      tr
        ? `Çağrıldığında gelmeyen ${formatCount(lang, total.noShows)} bilet oldu (alınan biletlerin ${withSuffix(share, 'possessive')}).`
        : `${formatCount(lang, total.noShows)} ${total.noShows === 1 ? 'ticket was' : 'tickets were'} not answered when called (${share} of tickets issued).`,
    );
  }
  const rating = ratingHeadline(total);
  if (rating !== null) {
    const n = formatCount(lang, total.ratings);
    out.push(
      tr
        ? `Ziyaretini değerlendiren ${n} vatandaşın verdiği ortalama puan 5 üzerinden ${formatDecimal(lang, rating, 1)}.`
        : `${n} citizens rated their visit, ${formatDecimal(lang, rating, 1)} out of 5 on average.`,
    );
  }
  const change = changeSentence(lang, input.previous);
  if (change) out.push(change);
  return out.map(capitalise);
}

/** `12:00–13:00` from an hour key `12`. */
function hourRange(key: string | null): string {
  const h = Number(key ?? 0);
  return `${String(h).padStart(2, '0')}:00–${String(h + 1).padStart(2, '0')}:00`;
}

/** How served and the mean service time moved since the previous period; null without data. */
function changeSentence(lang: Lang, c: Comparison): string | null {
  if (c.kind !== 'ready') return null;
  const tr = lang === 'tr';
  const served = c.rows.find((r) => r.id === 'served');
  const mean = c.rows.find((r) => r.id === 'mean-service');
  const parts: string[] = [];
  if (served && served.current !== null && served.other !== null && served.other > 0) {
    const change = (served.current - served.other) / served.other;
    const pct = formatShare(lang, Math.abs(change));
    if (Math.abs(change) < 0.0005)
      parts.push(
        tr ? 'hizmet verilen vatandaş sayısı değişmedi' : 'citizens served were unchanged',
      );
    else
      parts.push(
        tr
          ? `hizmet verilen vatandaş sayısı ${pct} ${change > 0 ? 'arttı' : 'azaldı'}`
          : `citizens served ${change > 0 ? 'rose' : 'fell'} by ${pct}`,
      );
  }
  if (mean && mean.current !== null && mean.other !== null) {
    const diff = Math.round(mean.current) - Math.round(mean.other);
    parts.push(
      diff === 0
        ? tr
          ? 'ortalama hizmet süresi aynı kaldı'
          : 'the mean service time stayed the same'
        : tr
          ? `ortalama hizmet süresi ${durationWords(lang, diff)} ${diff > 0 ? 'uzadı' : 'kısaldı'}`
          : `the mean service time was ${durationWords(lang, diff)} ${diff > 0 ? 'longer' : 'shorter'}`,
    );
  }
  if (parts.length === 0) return null;
  const days = c.fewerDays === null ? '' : fewerDaysNote(lang, c.fewerDays);
  const other = `${periodTitle(lang, c.range)}${days}`;
  return tr
    ? `Bir önceki döneme (${other}) göre ${parts.join('; ')}.`
    : `Compared with the previous period (${other}), ${parts.join(' and ')}.`;
}

/** `; yalnız 3 günün verisi var`: the other period's totals cover fewer days than these. */
export function fewerDaysNote(lang: Lang, days: number): string {
  const n = formatCount(lang, days);
  return lang === 'tr'
    ? `; yalnız ${n} günün verisi var`
    : `; data on ${n} ${days === 1 ? 'day' : 'days'} only`;
}
