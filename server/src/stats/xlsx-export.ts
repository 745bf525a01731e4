import type { Writable } from 'node:stream';
import { LocalClock } from './local-clock.js';
import {
  displayText,
  exportColumns,
  minutes,
  neutralise,
  type ColumnKind,
  type ExportColumn,
  type ExportNames,
} from './export-columns.js';
import type { TicketRecord } from './ticket-record.js';
import {
  ColumnCells,
  columnName,
  rowEnd,
  rowStart,
  sheetEnd,
  sheetStart,
  textRow,
} from './xlsx/sheet-xml.js';
import { SharedStrings } from './xlsx/shared-strings.js';
import { SummaryTables, type SummaryFormats } from './xlsx/summary-sheet.js';
import { workbookParts, type CellFormat } from './xlsx/workbook-parts.js';
import { XmlBytes } from './xlsx/xml-bytes.js';
import { ZipWriter } from './xlsx/zip-stream.js';

/** Cell formats by index (the cells' `s`): default, header, then one per formatted kind. */
const FORMATS: CellFormat[] = [
  {},
  { bold: true },
  { numFmt: 'dd.mm.yyyy' },
  { numFmt: 'dd.mm.yyyy hh:mm:ss' },
  { numFmt: '0.00' },
  { numFmt: '[m]:ss' },
  { numFmt: '0.0%' },
];
const HEADER = 1;
const SUMMARY_FORMATS: SummaryFormats = { bold: 1, day: 2, duration: 5, share: 6, decimal: 4 };
const KIND_FORMAT: Record<ColumnKind, number> = {
  day: 2,
  instant: 3,
  minutes: 4,
  number: 0,
  text: 0,
  boolean: 0,
};

/**
 * By measurement on the million-row benchmark sheet (740 MB of XML): level 1 deflates about
 * 255 MB/s to 18.4 %, level 2 230 MB/s to 16.9 %, level 3 131 MB/s to 16.2 %, level 6 67 MB/s
 * to 14.1 %. Deflating runs on the thread pool beside the rows being built; at level 1 it keeps
 * up with them on two cores, and a smaller file is not worth falling behind.
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
 * Writes records as an XLSX workbook, streamed: rows are written as XML bytes, deflated into a
 * ZIP entry, and the writer waits for the deflate stream and the response after each batch,
 * so memory stays flat behind a slow client. Sheet "Özet" (the first tab) holds the totals and
 * the tables by service, day and clerk, with durations as Excel times and shares as percents;
 * sheet "Ziyaretler" holds one row per visit with real dates (local wall time) and minute
 * numbers; sheet "Tanımlar" says what each column means. Text cells are neutralised like the CSV. Ends `out`; rejects with
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
      // "Özet" is the first tab but the last part written: its tables fill as the rows pass.
      sheets: [
        { name: 'Özet', part: 3 },
        { name: 'Ziyaretler', part: 1 },
        { name: 'Tanımlar', part: 2 },
      ],
      formats: FORMATS,
      sharedStrings: true,
      creator: 'Sıramatik',
      created: meta.at,
    });
    for (const [path, xml] of parts) await zip.addFile(path, xml);

    const sheet = zip.openEntry('xl/worksheets/sheet1.xml');
    const xml = new XmlBytes(sheet);
    const columns = exportColumns(names);
    const layout = { widths: columns.map((c) => c.width), freezeHeader: true };
    const headers = columns.map((c) => c.header);
    xml.raw(sheetStart(layout) + textRow(1, headers, HEADER));
    const strings = new SharedStrings();
    const cells = columns.map((c, i) =>
      cellWriter(
        c,
        new ColumnCells(xml, columnName(i), KIND_FORMAT[c.kind]),
        names,
        clock,
        strings,
      ),
    );
    const summary = new SummaryTables();
    let row = 1;
    for await (const batch of batches) {
      summary.add(batch);
      for (const r of batch) {
        rowStart(xml, ++row);
        for (const cell of cells) cell(r, row);
        rowEnd(xml);
      }
      xml.flush();
      await sheet.settle();
    }
    xml.raw(sheetEnd());
    xml.flush();
    await sheet.end();
    await zip.addFile('xl/sharedStrings.xml', strings.xml());
    await zip.addFile('xl/worksheets/sheet2.xml', definitionsSheet(names, meta, clock));
    await zip.addFile('xl/worksheets/sheet3.xml', summary.sheetXml(names, meta, SUMMARY_FORMATS));
    await zip.finish();
  } catch (err) {
    zip.destroy();
    throw err;
  }
}

/** Writes a column's cell of a record into its row; nothing for an empty cell. */
type CellWriter = (r: TicketRecord, row: number) => void;

function cellWriter(
  col: ExportColumn,
  cells: ColumnCells,
  names: ExportNames,
  clock: LocalClock,
  strings: SharedStrings,
): CellWriter {
  switch (col.kind) {
    case 'day': {
      // Rows come day by day: parse a day once.
      let day = '';
      let midnight = 0;
      return (r, row) => {
        const v = col.value(r, names) as string | null;
        if (v === null) return;
        if (v !== day) [day, midnight] = [v, Date.parse(`${v}T00:00:00Z`)];
        cells.serial(row, midnight);
      };
    }
    case 'instant':
      return (r, row) => {
        const v = col.value(r, names) as number | null;
        if (v !== null) cells.serial(row, v + clock.offsetMs(v));
      };
    case 'minutes':
      return (r, row) => {
        const v = col.value(r, names) as number | null;
        if (v !== null) cells.hundredths(row, minutes(v));
      };
    case 'number':
      return (r, row) => {
        const v = col.value(r, names) as number | null;
        if (v !== null && Number.isFinite(v)) cells.number(row, v);
      };
    case 'text':
    case 'boolean':
      return (r, row) => {
        const v = col.value(r, names);
        if (v === null) return;
        const text = neutralise(displayText(col, v));
        const index = strings.indexOf(text);
        if (index === undefined) cells.inline(row, text);
        else cells.shared(row, index);
      };
  }
}

/** Sheet "Tanımlar": each column's header, meaning and JSON key, then what the export covers. */
function definitionsSheet(names: ExportNames, meta: XlsxMeta, clock: LocalClock): string {
  const rows = [textRow(1, ['Sütun', 'Açıklama', 'JSON'], HEADER)];
  const columns = exportColumns(names);
  columns.forEach((c, i) => rows.push(textRow(i + 2, [c.header, c.note, c.key])));
  const about = [
    ['Salon', meta.hallName],
    ['Dönem', `${meta.from} – ${meta.to}`],
    ['Saat dilimi', names.timeZone],
    ['Hazırlanma', clock.dateTime(meta.at)],
  ];
  // One empty row between the columns and the export's details.
  const first = columns.length + 3;
  about.forEach((pair, i) => rows.push(textRow(first + i, pair.map(neutralise))));
  return sheetStart({ widths: [22, 70, 16], freezeHeader: false }) + rows.join('') + sheetEnd();
}
