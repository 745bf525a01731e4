import type { Writable } from 'node:stream';
import type { CsvDialect } from '../../../contract/stats.js';
import { LocalClock } from './local-clock.js';
import {
  displayText,
  exportColumns,
  minutes,
  neutralise,
  type ExportColumn,
  type ExportNames,
} from './export-columns.js';
import { TextSink } from './stream-sink.js';
import type { TicketRecord } from './ticket-record.js';

const BOM = '\uFEFF';
const CRLF = '\r\n';

/** RFC 4180: a field with a comma, quote, CR or LF is quoted, and its quotes doubled. */
export function csvField(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** The same quoting with `;` as the separator (a comma needs no quotes there). */
export function excelTrField(cell: string): string {
  return /[";\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export type { CsvDialect };

/**
 * How the parts of a row are written in one dialect. Turkish Excel reads `;` as its list
 * separator and `,` as its decimal mark, and types dates `GG.AA.YYYY SS:DD:ss`.
 */
interface DialectWriter {
  separator: string;
  field: (cell: string) => string;
  /** A duration in ms as minutes with two decimals. */
  minutes: (ms: number) => string;
  /** A whole number or a decimal as written. */
  number: (text: string) => string;
  dateTime: (at: number) => string;
  day: (day: string) => string;
}

/** `2024-05-06` → `06.05.2024`. */
const turkishDay = (day: string) => `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;

/** One export's writer of `dialect`; it remembers the last day, as rows come day by day. */
function dialectWriter(dialect: CsvDialect, clock: LocalClock): DialectWriter {
  if (dialect === 'rfc4180') {
    return {
      separator: ',',
      field: csvField,
      minutes: (ms) => minutesText(ms),
      number: (text) => text,
      dateTime: (at) => clock.dateTime(at),
      day: (day) => day,
    };
  }
  let isoDay = '';
  let trDay = '';
  return {
    separator: ';',
    field: excelTrField,
    minutes: (ms) => minutesText(ms, ','),
    number: (text) => text.replace('.', ','),
    dateTime: (at) => {
      const local = clock.dateTime(at);
      const day = local.slice(0, 10);
      if (day !== isoDay) trDay = turkishDay((isoDay = day));
      return trDay + local.slice(10);
    },
    day: (day) => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? turkishDay(day) : day),
  };
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

/**
 * `minutes(ms).toFixed(2)` from integers (`toFixed` costs more than the rest of a cell), with
 * `mark` as the decimal mark.
 */
export function minutesText(ms: number, mark = '.'): string {
  const hundredths = Math.round(ms / 600);
  if (!(hundredths >= 0 && hundredths < 2 ** 31)) return minutes(ms).toFixed(2).replace('.', mark);
  const whole = Math.floor(hundredths / 100);
  return `${whole}${mark}${TWO_DIGITS[hundredths - whole * 100]!}`;
}

/** Text cells remembered per column: labels and names repeat on every row. */
const TEXT_CACHE_LIMIT = 4096;

/**
 * How one column's CSV field is written, chosen once per export. Only text can hold a comma,
 * quote or line break, or start like a formula.
 */
function fieldWriter(
  col: ExportColumn,
  names: ExportNames,
  dialect: DialectWriter,
): (r: TicketRecord) => string {
  switch (col.kind) {
    case 'instant':
      return (r) => {
        const v = col.value(r, names) as number | null;
        return v === null ? '' : dialect.dateTime(v);
      };
    case 'minutes':
      return (r) => {
        const v = col.value(r, names) as number | null;
        return v === null ? '' : dialect.minutes(v);
      };
    // Numbers and days hold no separator, quote or line break: no quoting needed.
    case 'day':
      return (r) => {
        const v = col.value(r, names);
        return v === null ? '' : neutralise(dialect.day(String(v)));
      };
    case 'number':
      return (r) => {
        const v = col.value(r, names);
        return v === null ? '' : neutralise(dialect.number(String(v)));
      };
    case 'text':
    case 'boolean': {
      const cache = new Map<string | number | boolean, string>();
      return (r) => {
        const v = col.value(r, names);
        if (v === null) return '';
        let field = cache.get(v);
        if (field === undefined) {
          field = dialect.field(neutralise(displayText(col, v)));
          if (cache.size < TEXT_CACHE_LIMIT) cache.set(v, field);
        }
        return field;
      };
    }
  }
}

/**
 * Writes records as CSV in `dialect` (see `CsvDialect`): CRLF, a UTF-8 BOM so Excel reads
 * Turkish letters, one Turkish header row, and every cell that a spreadsheet could run as a
 * formula neutralised. Streams batch by batch; ends `out`.
 */
export async function writeCsv(
  out: Writable,
  batches: AsyncIterable<TicketRecord[]>,
  names: ExportNames,
  dialectName: CsvDialect = 'rfc4180',
): Promise<void> {
  const dialect = dialectWriter(dialectName, new LocalClock(names.timeZone));
  const sep = dialect.separator;
  const columns = exportColumns(names);
  const fields = columns.map((c) => fieldWriter(c, names, dialect));
  const sink = new TextSink(out);
  sink.write(BOM + columns.map((c) => dialect.field(neutralise(c.header))).join(sep) + CRLF);
  for await (const batch of batches) {
    for (const r of batch) {
      let line = fields[0]!(r);
      for (let i = 1; i < fields.length; i++) line += sep + fields[i]!(r);
      sink.write(line + CRLF);
    }
    await sink.settle();
  }
  await sink.end();
}
