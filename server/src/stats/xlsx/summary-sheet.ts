import { clerkLabel } from '../../../../contract/clerk-label.js';
import { StatsAggregator } from '../aggregate.js';
import { neutralise, type ExportNames } from '../export-columns.js';
import type { StatsRow } from '../record-columns.js';
import type { GroupBy, GroupStats } from '../stats-types.js';
import { columnName, sheetEnd, sheetStart, textElement, textRow } from './sheet-xml.js';

/** Cell formats the summary sheet uses: indexes into the workbook's format list. */
export interface SummaryFormats {
  bold: number;
  day: number;
  /** A duration as a fraction of a day, shown `[m]:ss`. */
  duration: number;
  /** A share 0–1 shown as a percentage with one decimal. */
  share: number;
  /** A decimal such as a mean rating. */
  decimal: number;
}

export interface SummaryMeta {
  hallName: string;
  from: string;
  to: string;
}

type Value = { text: string } | { number: number; format?: number } | null;

interface Column {
  header: string;
  width: number;
  value: (g: GroupStats, f: SummaryFormats) => Value;
}

const DAY_S = 86_400;
const duration = (seconds: number | null, f: SummaryFormats): Value =>
  seconds === null ? null : { number: seconds / DAY_S, format: f.duration };
const share = (s: number | null, f: SummaryFormats): Value =>
  s === null ? null : { number: s, format: f.share };
const count = (n: number): Value => ({ number: n });

/** The figures of every table, after its label column; the headers say each unit. */
export const SUMMARY_COLUMNS: readonly Column[] = [
  { header: 'Alınan bilet', width: 12, value: (g) => count(g.issued) },
  { header: 'Hizmet verilen', width: 14, value: (g) => count(g.served) },
  { header: 'Gelmeyen', width: 10, value: (g) => count(g.noShows) },
  { header: 'İptal', width: 8, value: (g) => count(g.cancelled) },
  { header: 'Başka hizmete aktarılan', width: 14, value: (g) => count(g.transferred) },
  { header: 'Ort. bekleme (dk:sn)', width: 14, value: (g, f) => duration(g.wait.meanSeconds, f) },
  {
    header: 'Ort. hizmet süresi (dk:sn)',
    width: 16,
    value: (g, f) => duration(g.serviceTime.meanSeconds, f),
  },
  {
    header: 'Ortanca hizmet süresi (dk:sn)',
    width: 16,
    value: (g, f) => duration(g.serviceTime.medianSeconds, f),
  },
  {
    header: 'Hedef süre içinde (%)',
    width: 12,
    value: (g, f) => share(g.serviceTime.withinTargetShare, f),
  },
  { header: 'Masada çözülen (%)', width: 12, value: (g, f) => share(g.resolvedShare, f) },
  { header: 'Müdürlüğe yönlendirilen', width: 14, value: (g) => count(g.forwarded) },
  { header: 'Puan sayısı', width: 10, value: (g) => count(g.ratings) },
  {
    header: 'Ort. puan (1–5)',
    width: 10,
    value: (g, f) => (g.meanRating === null ? null : { number: g.meanRating, format: f.decimal }),
  },
];

const TABLES: ReadonlyArray<{ groupBy: GroupBy; title: string; label: string }> = [
  { groupBy: 'service', title: 'Hizmete göre', label: 'Hizmet' },
  { groupBy: 'day', title: 'Güne göre', label: 'Gün' },
  { groupBy: 'clerk', title: 'Personele göre', label: 'Personel' },
];

/**
 * The "Özet" sheet's tables, gathered while the visit rows stream past (no second read of the
 * history): totals, then by service, by day and by clerk, as `GET /api/stats` gives them.
 */
export class SummaryTables {
  private readonly aggregators = TABLES.map((t) => new StatsAggregator(t.groupBy));

  add(records: readonly StatsRow[]): void {
    for (const agg of this.aggregators) agg.add(records);
  }

  /** The worksheet XML: a title, the period, then each table with its header row. */
  sheetXml(names: ExportNames, meta: SummaryMeta, f: SummaryFormats): string {
    const rows: string[] = [];
    let r = 0;
    const text = (texts: Array<string | null>, style = 0) =>
      rows.push(
        textRow(
          ++r,
          texts.map((t) => (t === null ? null : neutralise(t))),
          style,
        ),
      );
    text([`Özet — ${meta.hallName}`], f.bold);
    text(['Dönem', `${meta.from} – ${meta.to}`]);
    text([
      'Süreler',
      'dakika:saniye (Excel süresi); paylar yüzde; bekleme ve süreler bilete göre ortalama',
    ]);
    const header = (label: string) =>
      text([label, ...SUMMARY_COLUMNS.map((c) => c.header)], f.bold);
    const results = this.aggregators.map((agg, i) =>
      agg.result((key) => labelOf(TABLES[i]!.groupBy, key, names)),
    );
    r += 1;
    text(['Dönem toplamı'], f.bold);
    header('Dönem');
    rows.push(figuresRow(++r, { text: 'Toplam' }, results[0]!.total, f));
    TABLES.forEach((t, i) => {
      r += 1;
      text([t.title], f.bold);
      header(t.label);
      for (const g of results[i]!.groups) {
        const label: Value =
          t.groupBy === 'day' && g.key !== null
            ? { number: Date.parse(`${g.key}T00:00:00Z`) / (DAY_S * 1000) + 25_569, format: f.day }
            : { text: g.label };
        rows.push(figuresRow(++r, label, g, f));
      }
    });
    const widths = [32, ...SUMMARY_COLUMNS.map((c) => c.width)];
    return sheetStart({ widths, freezeHeader: false }) + rows.join('') + sheetEnd();
  }
}

function figuresRow(row: number, label: Value, g: GroupStats, f: SummaryFormats): string {
  const cells = [label, ...SUMMARY_COLUMNS.map((c) => c.value(g, f))].map((v, i) =>
    cell(`${columnName(i)}${row}`, v),
  );
  return `<row r="${row}">${cells.join('')}</row>`;
}

function cell(ref: string, v: Value): string {
  if (v === null) return '';
  if ('text' in v)
    return `<c r="${ref}" t="inlineStr"><is>${textElement(neutralise(v.text))}</is></c>`;
  const s = v.format ? ` s="${v.format}"` : '';
  return `<c r="${ref}"${s}><v>${String(v.number)}</v></c>`;
}

/** The labels `GET /api/stats` gives these groupings (see the stats service). */
function labelOf(groupBy: GroupBy, key: string | null, names: ExportNames): string {
  if (key === null) return 'Bankoya çağrılmadı';
  if (groupBy === 'service') return names.service(key);
  if (groupBy === 'clerk') return clerkLabel(names.clerk(key), names.clerkUsername?.(key) ?? null);
  return key;
}
