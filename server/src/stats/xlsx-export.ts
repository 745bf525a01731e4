import type { Writable } from 'node:stream';
import { LocalClock } from './local-clock.js';
import {
  displayText,
  EXPORT_COLUMNS,
  minutes,
  neutralise,
  type ColumnKind,
  type ExportColumn,
  type ExportNames,
} from './export-columns.js';
import type { TicketRecord } from './ticket-record.js';
import { hundredthsText, serialDayText, serialText } from './xlsx/number-text.js';
import { ColumnCells, columnName, sheetEnd, sheetStart, textRow } from './xlsx/sheet-xml.js';
import { SharedStrings } from './xlsx/shared-strings.js';
import { workbookParts, type CellFormat } from './xlsx/workbook-parts.js';
import { ZipWriter } from './xlsx/zip-stream.js';

/** Cell formats by index (the cells' `s`): default, header, then one per formatted kind. */
const FORMATS: CellFormat[] = [
  {},
  { bold: true },
  { numFmt: 'dd.mm.yyyy' },
  { numFmt: 'dd.mm.yyyy hh:mm:ss' },
  { numFmt: '0.00' },
];
const HEADER = 1;
const KIND_FORMAT: Record<ColumnKind, number> = {
  day: 2,
  instant: 3,
  minutes: 4,
  number: 0,
  text: 0,
  boolean: 0,
};

/**
 * Level 1 by measurement over a million rows: deflating is about a third of the work (on the
 * thread pool), and levels 1 to 3 differ by a few percent in size but by a quarter in time.
 */
const DEFLATE_LEVEL = 1;

export interface XlsxMeta {
  hallName: string;
  from: string;
  to: string;
  /** When the export was made (shown on the definitions sheet). */
  at: number;
}

/** Internal knobs, for tests. */
export interface XlsxOptions {
  /** See `ZipOptions.zip64From`. */
  zip64From?: number;
}

/**
 * Writes records as an XLSX workbook, streamed: rows are built as XML text a batch at a time,
 * deflated into a ZIP entry, and the writer waits for the deflate stream and the response
 * between batches, so memory stays flat behind a slow client. Sheet "Ziyaretler" holds one row
 * per visit with real dates (local wall time) and minute numbers; sheet "Tanımlar" says what
 * each column means. Text cells are neutralised like the CSV. Ends `out`; rejects with
 * `ExportAborted` if `out` closes first.
 */
export async function writeXlsx(
  out: Writable,
  batches: AsyncIterable<TicketRecord[]>,
  names: ExportNames,
  meta: XlsxMeta,
  options: XlsxOptions = {},
): Promise<void> {
  const clock = new LocalClock(names.timeZone);
  const zip = new ZipWriter(out, {
    level: DEFLATE_LEVEL,
    modified: clock.wall(meta.at),
    zip64From: options.zip64From,
  });
  try {
    const parts = workbookParts({
      sheets: ['Ziyaretler', 'Tanımlar'],
      formats: FORMATS,
      sharedStrings: true,
      creator: 'Sıramatik',
      created: meta.at,
    });
    for (const [path, xml] of parts) await zip.addFile(path, xml);

    const sheet = zip.openEntry('xl/worksheets/sheet1.xml');
    const layout = { widths: EXPORT_COLUMNS.map((c) => c.width), freezeHeader: true };
    const headers = EXPORT_COLUMNS.map((c) => c.header);
    sheet.write(sheetStart(layout) + textRow(1, headers, HEADER));
    const strings = new SharedStrings();
    const cells = EXPORT_COLUMNS.map((c, i) => cellWriter(c, columnName(i), names, clock, strings));
    let row = 1;
    for await (const batch of batches) {
      for (const r of batch) {
        const n = String(++row);
        let xml = `<row r="${n}">`;
        for (const cell of cells) xml += cell(r, n);
        sheet.write(`${xml}</row>`);
      }
      await sheet.settle();
    }
    sheet.write(sheetEnd());
    await sheet.end();
    await zip.addFile('xl/sharedStrings.xml', strings.xml());

    await zip.addFile('xl/worksheets/sheet2.xml', definitionsSheet(names, meta, clock));
    await zip.finish();
  } catch (err) {
    zip.destroy();
    throw err;
  }
}

/** A column's cell as XML for a record and row number; '' for an empty cell. */
type CellXml = (r: TicketRecord, row: string) => string;

function cellWriter(
  col: ExportColumn,
  letter: string,
  names: ExportNames,
  clock: LocalClock,
  strings: SharedStrings,
): CellXml {
  const cells = new ColumnCells(letter, KIND_FORMAT[col.kind]);
  switch (col.kind) {
    case 'day': {
      // Rows come day by day: convert a day once.
      let day = '';
      let serial = '';
      return (r, row) => {
        const v = col.value(r, names) as string | null;
        if (v === null) return '';
        if (v !== day) [day, serial] = [v, serialDayText(v)];
        return cells.number(row, serial);
      };
    }
    case 'instant':
      return (r, row) => {
        const v = col.value(r, names) as number | null;
        return v === null ? '' : cells.number(row, serialText(v + clock.offsetMs(v)));
      };
    case 'minutes':
      return (r, row) => {
        const v = col.value(r, names) as number | null;
        return v === null ? '' : cells.number(row, hundredthsText(minutes(v)));
      };
    case 'number':
      return (r, row) => {
        const v = col.value(r, names) as number | null;
        return v === null || !Number.isFinite(v) ? '' : cells.number(row, String(v));
      };
    case 'text':
    case 'boolean':
      return (r, row) => {
        const v = col.value(r, names);
        if (v === null) return '';
        const text = neutralise(displayText(col, v));
        const index = strings.indexOf(text);
        return index === undefined ? cells.inline(row, text) : cells.shared(row, index);
      };
  }
}

/** Sheet "Tanımlar": each column's header, meaning and JSON key, then what the export covers. */
function definitionsSheet(names: ExportNames, meta: XlsxMeta, clock: LocalClock): string {
  const rows = [textRow(1, ['Sütun', 'Açıklama', 'JSON'], HEADER)];
  EXPORT_COLUMNS.forEach((c, i) => rows.push(textRow(i + 2, [c.header, c.note, c.key])));
  const about = [
    ['Salon', meta.hallName],
    ['Dönem', `${meta.from} – ${meta.to}`],
    ['Saat dilimi', names.timeZone],
    ['Hazırlanma', clock.dateTime(meta.at)],
  ];
  // One empty row between the columns and the export's details.
  const first = EXPORT_COLUMNS.length + 3;
  about.forEach((pair, i) => rows.push(textRow(first + i, pair.map(neutralise))));
  return sheetStart({ widths: [22, 70, 16], freezeHeader: false }) + rows.join('') + sheetEnd();
}
