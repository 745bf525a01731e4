import { LocalClock } from './local-clock.js';
import type { TicketRecord } from './ticket-record.js';

/** Names to show for the ids in records (current configuration; the id if it was removed). */
export interface ExportNames {
  hallId: string;
  timeZone: string;
  service: (id: string) => string;
  counter: (id: string) => string;
  clerk: (id: string) => string;
  /** The clerk's user name, which tells apart two clerks with the same name; null if removed. */
  clerkUsername?: (id: string) => string | null;
  /**
   * A forwarded visit's directorate by id (null: not recorded), Turkish and English name; a
   * retired directorate keeps its name, one no longer in the list shows as its id.
   */
  directorate?: (id: string | null) => { name: string; nameEn: string | null };
  /**
   * The name on a booking, only in an export a manager asked for with names (audited); empty
   * once erased. Without it the export has no name column.
   */
  bookingName?: (bookingId: string) => string;
}

/** What a forwarded visit whose directorate was not recorded (older journals) shows. */
export const UNKNOWN_DIRECTORATE = 'Müdürlük belirtilmemiş';

/**
 * How a column's value is written: `text` as is (codes through `labels` in CSV and XLSX);
 * `day` a local date; `instant` epoch ms shown as local date and time; `minutes` a duration
 * in ms shown in minutes with two decimals; `number` as is; `boolean` Evet/Hayır.
 */
export type ColumnKind = 'text' | 'day' | 'instant' | 'minutes' | 'number' | 'boolean';

export interface ExportColumn {
  /** The JSON key (English). */
  key: string;
  /** The spreadsheet header (Turkish). */
  header: string;
  /** What the column means, for the definitions sheet. */
  note: string;
  kind: ColumnKind;
  width: number;
  /** Turkish words for codes in CSV and XLSX; JSON keeps the codes. */
  labels?: Record<string, string>;
  value: (r: TicketRecord, names: ExportNames) => string | number | boolean | null;
}

const PRIORITY: Record<string, string> = {
  elderly: '65 yaş üstü',
  disabled: 'Engelli',
  pregnant: 'Hamile',
  veteran: 'Gazi / şehit yakını',
};
const END: Record<string, string> = {
  completed: 'Tamamlandı',
  transferred: 'Aktarıldı',
  'no-show': 'Gelmedi',
  cancelled: 'İptal',
  open: 'Devam ediyor',
};
const OUTCOME: Record<string, string> = {
  resolved: 'Masada çözüldü',
  forwarded: 'Müdürlüğe yönlendirildi',
};
const CANCELLED_BY: Record<string, string> = {
  visitor: 'Vatandaş',
  staff: 'Personel',
  'day-end': 'Gün sonu',
};

/** One row per service segment (see `foldRecords`); times local to the hall. */
export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  {
    key: 'day',
    header: 'Tarih',
    note: 'Sıranın alındığı gün (salonun saat diliminde); ziyaret bu güne sayılır.',
    kind: 'day',
    width: 12,
    value: (r) => r.day,
  },
  {
    key: 'number',
    header: 'Sıra No',
    note: 'Biletteki sıra numarası.',
    kind: 'text',
    width: 9,
    value: (r) => r.number,
  },
  {
    key: 'segment',
    header: 'Aşama',
    note: '1: bilet alınan hizmet; her aktarmada bir artar.',
    kind: 'number',
    width: 7,
    value: (r) => r.segment + 1,
  },
  {
    key: 'service',
    header: 'Hizmet',
    note: 'Bu aşamanın hizmeti.',
    kind: 'text',
    width: 24,
    value: (r, n) => n.service(r.serviceId),
  },
  {
    key: 'priority',
    header: 'Öncelik',
    note: 'Yasal öncelik grubu; boş ise öncelik yok.',
    kind: 'text',
    width: 18,
    labels: PRIORITY,
    value: (r) => r.priority,
  },
  {
    key: 'counter',
    header: 'Banko',
    note: 'Ziyaretin yapıldığı banko.',
    kind: 'text',
    width: 12,
    value: (r, n) => (r.counterId === null ? null : n.counter(r.counterId)),
  },
  {
    key: 'clerk',
    header: 'Personel',
    note: 'Ziyareti yapan personel.',
    kind: 'text',
    width: 20,
    value: (r, n) => (r.clerkId === null ? null : n.clerk(r.clerkId)),
  },
  {
    key: 'clerkUsername',
    header: 'Personel kullanıcı adı',
    note: 'Ziyareti yapan personelin kullanıcı adı (aynı adlı iki personeli ayırır).',
    kind: 'text',
    width: 16,
    value: (r, n) => (r.clerkId === null ? null : (n.clerkUsername?.(r.clerkId) ?? null)),
  },
  {
    key: 'issuedAt',
    header: 'Sıra alma',
    note: 'Biletin alındığı an.',
    kind: 'instant',
    width: 19,
    value: (r) => r.issuedAt,
  },
  {
    key: 'calledAt',
    header: 'İlk çağrı',
    note: 'Bu aşamada ilk çağrılma anı.',
    kind: 'instant',
    width: 19,
    value: (r) => r.firstCalledAt,
  },
  {
    key: 'startedAt',
    header: 'Başlama',
    note: 'Vatandaşın bankoya gelip hizmetin başladığı an.',
    kind: 'instant',
    width: 19,
    value: (r) => r.startedAt,
  },
  {
    key: 'endedAt',
    header: 'Bitiş',
    note: 'Aşamanın bittiği an (tamamlama, aktarma, gelmedi, iptal).',
    kind: 'instant',
    width: 19,
    value: (r) => r.endedAt,
  },
  {
    key: 'waitMinutes',
    header: 'Bekleme (dk)',
    note: 'İlk çağrı − sıraya girme (bilet ya da aktarma).',
    kind: 'minutes',
    width: 12,
    value: (r) => r.waitMs,
  },
  {
    key: 'walkMinutes',
    header: 'Yürüme (dk)',
    note: 'Başlama − son çağrı.',
    kind: 'minutes',
    width: 11,
    value: (r) => r.walkMs,
  },
  {
    key: 'serviceMinutes',
    header: 'Hizmet süresi (dk)',
    note: 'Bitiş − başlama; tamamlanan ya da aktarılan ziyaretlerde.',
    kind: 'minutes',
    width: 16,
    value: (r) => r.serviceMs,
  },
  {
    key: 'totalMinutes',
    header: 'Toplam süre (dk)',
    note: 'Tamamlama − sıra alma; yalnızca tamamlanan aşamada.',
    kind: 'minutes',
    width: 15,
    value: (r) => r.totalMs,
  },
  {
    key: 'targetMinutes',
    header: 'Hedef (dk)',
    note: 'Hizmetin hedef süresi.',
    kind: 'number',
    width: 10,
    value: (r) => r.targetMinutes,
  },
  {
    key: 'withinTarget',
    header: 'Hedef içinde',
    note: 'Hizmet süresi hedefi aşmadı mı.',
    kind: 'boolean',
    width: 12,
    value: (r) => (r.serviceMs === null ? null : r.serviceMs <= r.targetMinutes * 60_000),
  },
  {
    key: 'status',
    header: 'Durum',
    note: 'Aşamanın nasıl bittiği.',
    kind: 'text',
    width: 13,
    labels: END,
    value: (r) => r.end,
  },
  {
    key: 'outcome',
    header: 'Sonuç',
    note: 'Masada çözüldü ya da ilgili müdürlüğe yönlendirildi.',
    kind: 'text',
    width: 22,
    labels: OUTCOME,
    value: (r) => r.outcome,
  },
  {
    key: 'directorate',
    header: 'Yönlendirilen müdürlük',
    note: `Müdürlüğe yönlendirilen ziyarette, işin devredildiği müdürlük (Ayarlar → Müdürlükler'deki adıyla; kaldırılmış olsa da adı korunur). Müdürlük kaydından önce yönlendirilenlerde "${UNKNOWN_DIRECTORATE}". Masada çözülen ziyarette boş.`,
    kind: 'text',
    width: 26,
    value: (r, n) =>
      r.outcome !== 'forwarded'
        ? null
        : (n.directorate?.(r.directorateId ?? null).name ?? r.directorateId ?? UNKNOWN_DIRECTORATE),
  },
  {
    key: 'transferredTo',
    header: 'Aktarıldığı hizmet',
    note: 'Aktarılan aşamada, vatandaşın gönderildiği hizmet.',
    kind: 'text',
    width: 24,
    value: (r, n) => (r.transferredTo === null ? null : n.service(r.transferredTo)),
  },
  {
    key: 'recalls',
    header: 'Tekrar çağrı',
    note: 'Bu aşamada kaç kez yeniden çağrıldı.',
    kind: 'number',
    width: 12,
    value: (r) => r.recalls,
  },
  {
    key: 'transfers',
    header: 'Aktarma sayısı',
    note: 'Biletin toplam aktarma sayısı.',
    kind: 'number',
    width: 14,
    value: (r) => r.transfers,
  },
  {
    key: 'cancelledBy',
    header: 'İptal eden',
    note: 'İptal edilen aşamada: vatandaş, personel ya da gün sonu.',
    kind: 'text',
    width: 11,
    labels: CANCELLED_BY,
    value: (r) => r.cancelledBy,
  },
  {
    key: 'rating',
    header: 'Puan',
    note: 'Vatandaşın 1–5 puanı (varsa).',
    kind: 'number',
    width: 6,
    value: (r) => r.rating,
  },
  {
    key: 'ratingComment',
    header: 'Vatandaş yorumu',
    note: 'Puanla birlikte bırakılan yorum; not saklama süresi dolunca silinir.',
    kind: 'text',
    width: 30,
    value: (r) => r.note,
  },
  {
    key: 'appointment',
    header: 'Randevu',
    note: 'Randevuyla gelip kioskta giriş yapan vatandaş mı (değilse sırasız gelen).',
    kind: 'boolean',
    width: 9,
    value: (r) => r.appointment === true,
  },
  {
    key: 'slotTime',
    header: 'Randevu saati',
    note: 'Randevunun saati (salonun saatiyle SS:DD); randevusuz ziyarette boş.',
    kind: 'text',
    width: 13,
    value: (r, n) => (r.appointment && r.slotAt != null ? slotTime(r.slotAt, n) : null),
  },
  {
    key: 'calledAfterSlotMinutes',
    header: 'Randevuya göre çağrılma (dk)',
    note: 'İlk çağrı − randevu saati (ilk aşamada); eksi ise randevu saatinden önce çağrıldı.',
    kind: 'minutes',
    width: 16,
    value: (r) => (r.appointment ? (r.slotCallMs ?? null) : null),
  },
];

/** The name column of an export a manager asked for with names (see `exportColumns`). */
export const BOOKING_NAME_COLUMN: ExportColumn = {
  key: 'appointmentName',
  header: 'Randevu adı',
  note: 'Randevuyu alanın adı (yalnızca adlarıyla istenen dışa aktarımda; saklama süresi dolup silinmişse boş).',
  kind: 'text',
  width: 24,
  value: (r, n) => (r.bookingId && n.bookingName ? n.bookingName(r.bookingId) || null : null),
};

/** The columns of one export: `EXPORT_COLUMNS`, and the booking name when names were asked. */
export function exportColumns(names: ExportNames): readonly ExportColumn[] {
  return names.bookingName ? [...EXPORT_COLUMNS, BOOKING_NAME_COLUMN] : EXPORT_COLUMNS;
}

/** One clock per export's names (a million rows, one zone). */
const clocks = new WeakMap<ExportNames, LocalClock>();

/** A slot's local time `HH:MM` in the hall's zone. */
function slotTime(at: number, names: ExportNames): string {
  let clock = clocks.get(names);
  if (!clock) clocks.set(names, (clock = new LocalClock(names.timeZone)));
  return clock.dateTime(at).slice(11, 16);
}

/** A duration in ms as minutes with two decimals. */
export function minutes(ms: number): number {
  return Math.round(ms / 600) / 100;
}

/** First characters that make Excel or LibreOffice read a cell as a formula: = + - @ tab CR. */
const FORMULA_START = new Set([0x3d, 0x2b, 0x2d, 0x40, 0x09, 0x0d]);

/** Cells a spreadsheet would run as a formula are prefixed with a quote (OWASP). */
export function neutralise(cell: string): string {
  return FORMULA_START.has(cell.charCodeAt(0)) ? `'${cell}` : cell;
}

/** The text of a `text` or `boolean` cell in CSV and XLSX: its Turkish label, or the value. */
export function displayText(col: ExportColumn, v: string | number | boolean): string {
  if (typeof v === 'boolean') return v ? 'Evet' : 'Hayır';
  const s = String(v);
  return col.labels?.[s] ?? s;
}

/** A file name for the range: `siramatik-<hall>-<from>_<to>.<ext>`. */
export function exportFileName(hallId: string, from: string, to: string, ext: string): string {
  return `siramatik-${hallId}-${from}_${to}.${ext}`;
}
