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
    atIssue: 'Bilet alınırken söylenen',
    shownHeading: 'Sırada beklerken telefonda gösterilen',
    shownLead:
      'Bekleyen her bilet için telefonda o an gösterilen süre 5 dakikada bir kaydedilir ve kalan gerçek bekleme (kayıt → ilk çağrı) ile karşılaştırılır.',
    shownNone: 'Bu aralıkta sırada beklerken kaydedilmiş tahmin yok.',
    shownMeasured: 'Ölçülen kayıt',
    ofShown: (n: string) => `(kaydedilen ${n})`,
    shownMae: 'Telefonda ortanca sapma',
    shownWithin5: 'Telefonda ±5 dk içinde',
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
    atIssue: 'Told at the kiosk',
    shownHeading: 'Shown on the phone while waiting',
    shownLead:
      'Every 5 minutes the wait each waiting ticket’s phone page shows is recorded, and set against the wait that was still ahead (record → first call).',
    shownNone: 'No estimate was recorded while visitors waited in this range.',
    shownMeasured: 'Records measured',
    ofShown: (n: string) => `(of ${n} recorded)`,
    shownMae: 'Median error on the phone',
    shownWithin5: 'Within ±5 min on the phone',
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

/**
 * The rows of a group table: the promise at issue, and beside it (when given) the median
 * error and the share within ±5 minutes of the estimates shown on the phone while waiting.
 * A group measured by either appears; a figure it lacks is "—".
 */
export function groupRows(
  lang: Lang,
  groups: EstimateAccuracyGroup[],
  labelOf: (key: string) => string,
  shown?: EstimateAccuracyGroup[],
): EstimateRowText[] {
  const t = ESTIMATE_TEXT[lang];
  const measured = (list: EstimateAccuracyGroup[] = []) =>
    new Map(list.filter((g) => g.called > 0).map((g) => [g.key, g]));
  const atIssue = measured(groups);
  const onPhone = measured(shown);
  const keys = [...groups, ...(shown ?? [])]
    .map((g) => g.key)
    .filter((k, i, all) => all.indexOf(k) === i && (atIssue.has(k) || onPhone.has(k)));
  const order = (k: string) => (/^\d+$/.test(k) ? Number(k) : k);
  keys.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  return keys.map((key) => {
    const g = atIssue.get(key);
    const s = onPhone.get(key);
    const cells = [
      g ? formatCount(lang, g.called) : '—',
      g ? t.minutes(formatDecimal(lang, g.medianAbsErrorMinutes)) : '—',
      g ? formatShare(lang, g.within2) : '—',
      g ? formatShare(lang, g.within5) : '—',
      g ? formatShare(lang, g.waitedLonger) : '—',
      g ? formatShare(lang, g.waitedLess) : '—',
    ];
    if (shown)
      cells.push(
        s ? t.minutes(formatDecimal(lang, s.medianAbsErrorMinutes)) : '—',
        s ? formatShare(lang, s.within5) : '—',
      );
    return { key, label: labelOf(key), cells };
  });
}

export const serviceLabel = (lang: Lang, services: Service[]) => (key: string) =>
  services.find((s) => s.id === key)?.name[lang] ?? key;

/** "09:00–10:00". */
export const hourLabel = (key: string) => {
  const h = Number(key);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(h)}:00–${two((h + 1) % 24)}:00`;
};
