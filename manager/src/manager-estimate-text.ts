import type { Lang, Service } from '../../contract/domain.js';
import type { EstimateAccuracy, EstimateAccuracyGroup } from '../../contract/estimate-accuracy.js';
import { formatCount, formatDecimal, formatShare } from './state/format.js';

/** A median signed error within this (minutes) reads as balanced. */
const BALANCED_MINUTES = 0.5;

export const ESTIMATE_TEXT = {
  tr: {
    heading: 'Bekleme tahminleri tuttu mu?',
    lead: 'Bilet alınırken söylenen bekleme süresi, gerçekleşen bekleme (bilet alma → ilk çağrı) ile karşılaştırılır. Çağrılmadan ayrılanlar ve açık banko yokken alınan biletler ölçülmez.',
    loading: 'Tahminler yükleniyor…',
    failed: 'Tahmin tutarlılığı yüklenemedi.',
    none: 'Bu aralıkta tahmin kaydı olan bilet yok.',
    measured: 'Ölçülen bilet',
    ofPromised: (n: string) => `(tahmin verilen ${n})`,
    mae: 'Ortanca sapma',
    within2: '±2 dk içinde',
    within5: '±5 dk içinde',
    tendency: 'Eğilim',
    minutes: (n: string) => `${n} dk`,
    tooLittle: (n: string) => `Söylenenden uzun bekletiyor (ortanca +${n} dk)`,
    tooMuch: (n: string) => `Söylenenden erken çağırıyor (ortanca −${n} dk)`,
    balanced: 'Dengeli',
    longerLess: (longer: string, less: string) =>
      `2 dk'dan fazla uzun bekleyen: ${longer} · 2 dk'dan fazla erken çağrılan: ${less}`,
    byService: 'Hizmete göre',
    byHour: 'Bilet saatine göre',
    service: 'Hizmet',
    hour: 'Saat',
    longer: 'Uzun bekleyen',
    less: 'Erken çağrılan',
  },
  en: {
    heading: 'Did the wait estimates come true?',
    lead: 'The wait told when the ticket was taken, against the wait that followed (ticket → first call). Visitors who left before a call and tickets taken while no counter was open are not measured.',
    loading: 'Loading the estimates…',
    failed: 'The estimate accuracy could not be loaded.',
    none: 'No ticket in this range has a recorded estimate.',
    measured: 'Tickets measured',
    ofPromised: (n: string) => `(of ${n} given an estimate)`,
    mae: 'Median error',
    within2: 'Within ±2 min',
    within5: 'Within ±5 min',
    tendency: 'Tendency',
    minutes: (n: string) => `${n} min`,
    tooLittle: (n: string) => `Promises too little (median +${n} min)`,
    tooMuch: (n: string) => `Promises too much (median −${n} min)`,
    balanced: 'Balanced',
    longerLess: (longer: string, less: string) =>
      `Waited over 2 min longer: ${longer} · called over 2 min sooner: ${less}`,
    byService: 'By service',
    byHour: 'By hour of the ticket',
    service: 'Service',
    hour: 'Hour',
    longer: 'Waited longer',
    less: 'Called sooner',
  },
} satisfies Record<Lang, unknown>;

/** Whether the estimates tend to promise too little, too much, or neither, in words. */
export function tendencyText(lang: Lang, a: EstimateAccuracy): string {
  const t = ESTIMATE_TEXT[lang];
  const m = a.medianErrorMinutes;
  if (m === null) return '—';
  if (m >= BALANCED_MINUTES) return t.tooLittle(formatDecimal(lang, m));
  if (m <= -BALANCED_MINUTES) return t.tooMuch(formatDecimal(lang, -m));
  return t.balanced;
}

/** One table row of a group: its label and the figures as shown. */
export interface EstimateRowText {
  key: string;
  label: string;
  cells: string[];
}

export function groupRows(
  lang: Lang,
  groups: EstimateAccuracyGroup[],
  labelOf: (key: string) => string,
): EstimateRowText[] {
  const t = ESTIMATE_TEXT[lang];
  return groups
    .filter((g) => g.called > 0)
    .map((g) => ({
      key: g.key,
      label: labelOf(g.key),
      cells: [
        formatCount(lang, g.called),
        t.minutes(formatDecimal(lang, g.medianAbsErrorMinutes)),
        formatShare(lang, g.within2),
        formatShare(lang, g.within5),
        formatShare(lang, g.waitedLonger),
        formatShare(lang, g.waitedLess),
      ],
    }));
}

export const serviceLabel = (lang: Lang, services: Service[]) => (key: string) =>
  services.find((s) => s.id === key)?.name[lang] ?? key;

/** "09:00–10:00". */
export const hourLabel = (key: string) => {
  const h = Number(key);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(h)}:00–${two((h + 1) % 24)}:00`;
};
