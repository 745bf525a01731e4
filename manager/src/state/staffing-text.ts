import type { Lang } from '../../../contract/domain.js';

/** The forecast beside "same as last week", over the tested days that have a week before. */
export interface NaiveComparison {
  /** Tested days with the week before on record. */
  days: number;
  /** The forecast's error over those days, formatted. */
  mae: string;
  /** The naive forecast's error over the same days, formatted. */
  naive: string;
}

/** Words of the staffing plan tab (Turkish first), kept beside its page logic. */
const tr = {
  heading: 'Banko planlaması',
  intro:
    'Seçtiğiniz gün her saat kaç banko açılması gerektiğini, aynı günün son 8 haftasındaki kayıtlardan hesaplar.',
  dateLabel: 'Planlanacak gün',
  targetLabel: 'Hedef ortalama bekleme (dakika)',
  compute: 'Planı hesapla',
  loading: 'Plan hesaplanıyor…',
  targetProblem: 'Hedef bekleme 0,5 ile 120 dakika arasında olmalı.',
  dateProblem: 'Geçerli bir gün seçin: en çok 28 gün sonrası ya da 400 gün öncesi planlanabilir.',
  planFor: (day: string, target: string) =>
    `${day} için plan — hedef: ortalama bekleme en çok ${target} dakika`,
  tableCaption: 'Saat saat plan ve geçmişte açık olan bankolar',
  columns: {
    hour: 'Saat',
    arrivals: 'Beklenen ziyaretçi',
    hold: 'Bankoda geçen süre (ort.)',
    needed: 'Gereken banko',
    open: 'Geçmişte açık banko (ort.)',
    expected: 'Planla beklenen bekleme',
    measured: 'Geçmişte ölçülen bekleme',
  },
  notEnough: 'salonda yetmez',
  understaffedMark: 'banko az açılmış',
  chartTitle: 'Gereken ve geçmişte açık banko sayısı, saat saat',
  legendNeeded: 'Gereken banko',
  legendOpen: 'Geçmişte açık banko (ort.)',
  legendArrivals: 'Beklenen ziyaretçi (sağ eksen)',
  legendUnderstaffed: 'Bekleme uzun, banko az',
  chartSummary: (peakHour: string, needed: number, open: string | null) =>
    `En çok banko gereken saat ${peakHour}: ${needed} banko` +
    (open === null ? '.' : `; o saatte geçmişte ortalama ${open} banko açıktı.`),
  understaffedHeading: 'Banko az açıldığı için beklemenin uzadığı saatler',
  understaffedLine: (hour: string, wait: string, open: string, needed: string) =>
    `${hour}: ölçülen ortalama bekleme ${wait}; ortalama ${open} banko açıktı, plana göre ${needed} banko gerekirdi.`,
  noneUnderstaffed:
    'Geçmiş günlerde, hedefin üzerinde bekleme olup plandan az bankonun açık olduğu saat yok.',
  shortLine: (hour: string, services: string, needed: number, have: number) =>
    `${hour}: salondaki bankolar yetmiyor — ${services} için hedef tutturulamaz; en az ${needed} banko gerekir, salonda ${have} banko var.`,
  backtestHeading: 'Tahmin ne kadar tutuyor?',
  backtest: (days: number, mae: string, mape: string, naive: NaiveComparison | null) =>
    `Son ${days} haftanın aynı günü, her biri kendinden önceki 8 haftadan tahmin edildi: tahmin saatte ortalama ${mae} ziyaretçi (%${mape}) saptı.` +
    (naive === null
      ? ''
      : naive.days === days
        ? ` “Geçen haftanın aynısı” denseydi aynı ${days} günde sapma ${naive.naive} ziyaretçi olurdu.`
        : ` Önceki haftası kayıtlı ${naive.days} günde tahmin ${naive.mae} ziyaretçi saptı; “geçen haftanın aynısı” denseydi bu günlerde sapma ${naive.naive} ziyaretçi olurdu.`),
  noBacktest: 'Tahmini sınamak için yeterli geçmiş yok (en az iki aynı gün gerekir).',
  methodHeading: 'Nasıl hesaplanıyor?',
  method: [
    'Ziyaretçi tahmini: son 8 haftanın aynı gününden, her saat ve hizmet için en yüksek ve en düşük değer atılarak (en az 5 gün varsa) alınan ortalama. Ziyaretçisi olağan günün yarısından az olan günler (bayram, arife) ve kaydı olmayan günler hesaba katılmaz.',
    'Gereken banko: Erlang C (M/M/c) kuyruk modeli; her hizmetin ölçülen banko süresi (çağrıdan ziyaretin bitişine) kullanılır; açık unutulan bir ziyaret ortalamayı şişirmesin diye her ziyaretin süresi en çok hizmetin hedef süresinin 4 katı sayılır. Bankoların baktığı hizmetler dikkate alınır: her hizmet grubuna, ona bakan açık bankolar yetmelidir.',
    'Her saat ayrı hesaplanır: önceki saatten kalan kuyruk hesaba girmez; yoğun bir saatin ardından gerçek bekleme plandakinden uzun olabilir.',
  ],
  daysUsed: (list: string) => `Kullanılan günler: ${list}.`,
  outliers: (list: string) => `Tatil ya da yarım gün sayılıp dışarıda bırakılan: ${list}.`,
  missing: (list: string) => `Kaydı olmayan: ${list}.`,
  noHistory:
    'Bu gün için geçmiş kayıt yok: aynı günün son 8 haftasında ziyaretçi görünmüyor. Plan hesaplanamadı.',
  minutes: (m: string) => `${m} dk`,
};

export type StaffingText = typeof tr;

const en: StaffingText = {
  heading: 'Staffing plan',
  intro:
    'How many counters each hour of the chosen day needs, from the records of the same weekday over the last 8 weeks.',
  dateLabel: 'Day to plan',
  targetLabel: 'Target mean wait (minutes)',
  compute: 'Calculate plan',
  loading: 'Calculating the plan…',
  targetProblem: 'The target wait must be between 0.5 and 120 minutes.',
  dateProblem: 'Choose a valid day: at most 28 days ahead or 400 days back.',
  planFor: (day, target) => `Plan for ${day} — target: mean wait at most ${target} minutes`,
  tableCaption: 'Hour by hour: the plan and the counters open before',
  columns: {
    hour: 'Hour',
    arrivals: 'Expected visitors',
    hold: 'Time at the counter (mean)',
    needed: 'Counters needed',
    open: 'Counters open before (mean)',
    expected: 'Expected wait with the plan',
    measured: 'Wait measured before',
  },
  notEnough: 'more than the hall has',
  understaffedMark: 'too few counters',
  chartTitle: 'Counters needed and counters open before, by hour',
  legendNeeded: 'Counters needed',
  legendOpen: 'Counters open before (mean)',
  legendArrivals: 'Expected visitors (right axis)',
  legendUnderstaffed: 'Long wait, too few counters',
  chartSummary: (peakHour, needed, open) =>
    `The busiest hour is ${peakHour}: ${needed} counters needed` +
    (open === null ? '.' : `; on past days ${open} were open on average.`),
  understaffedHeading: 'Hours where waits were long because too few counters were open',
  understaffedLine: (hour, wait, open, needed) =>
    `${hour}: measured mean wait ${wait}; ${open} counters were open on average, the plan needs ${needed}.`,
  noneUnderstaffed:
    'On the past days, no hour had a wait over the target with fewer counters open than the plan.',
  shortLine: (hour, services, needed, have) =>
    `${hour}: the hall's counters are not enough — ${services} cannot meet the target; at least ${needed} counters are needed, the hall has ${have}.`,
  backtestHeading: 'How good is the forecast?',
  backtest: (days, mae, mape, naive) =>
    `The same weekday of the last ${days} weeks, each forecast from the 8 weeks before it: the forecast was off by ${mae} visitors an hour on average (${mape}%).` +
    (naive === null
      ? ''
      : naive.days === days
        ? ` On the same ${days} days, “same as last week” would have been off by ${naive.naive}.`
        : ` On the ${naive.days === 1 ? 'one day' : `${naive.days} days`} whose week before is on record, the forecast was off by ${naive.mae} and “same as last week” would have been off by ${naive.naive}.`),
  noBacktest: 'Not enough history to test the forecast (at least two same weekdays are needed).',
  methodHeading: 'How it is calculated',
  method: [
    'Visitor forecast: for each hour and service, the mean of the same weekday over the last 8 weeks, leaving out the highest and the lowest (when there are at least 5 days). Days with under half a normal day’s visitors (holidays, half days) and days without records are left out.',
    'Counters needed: the Erlang C (M/M/c) queueing model with each service’s measured time at the counter (from the call to the end of the visit); so that a visit left open by mistake does not inflate the mean, each visit counts at most 4 times the service’s target time. Which services each counter covers is taken into account: every group of services must have enough open counters that cover it.',
    'Each hour is computed on its own: a queue left over from the hour before is not counted, so after a busy hour the real wait can be longer than planned.',
  ],
  daysUsed: (list) => `Days used: ${list}.`,
  outliers: (list) => `Left out as holidays or half days: ${list}.`,
  missing: (list) => `No records: ${list}.`,
  noHistory:
    'No history for this day: no visitors on the same weekday over the last 8 weeks. No plan could be made.',
  minutes: (m) => `${m} min`,
};

export function staffingText(lang: Lang): StaffingText {
  return lang === 'en' ? en : tr;
}
