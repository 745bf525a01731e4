import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
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
import { drained } from './stream-sink.js';
import type { TicketRecord } from './ticket-record.js';

const NUM_FMT: Partial<Record<ColumnKind, string>> = {
  day: 'dd.mm.yyyy',
  instant: 'dd.mm.yyyy hh:mm:ss',
  minutes: '0.00',
};

/**
 * One style object per column, set on every cell: exceljs looks styles up by object identity,
 * so shared objects cost nothing per cell, where its default per-cell copies cost half the time.
 */
const COLUMN_STYLES: Array<Partial<ExcelJS.Style>> = EXPORT_COLUMNS.map((c) =>
  NUM_FMT[c.kind] ? { numFmt: NUM_FMT[c.kind]! } : {},
);

type Cell = string | number | Date | null;

function cellValue(
  col: ExportColumn,
  r: TicketRecord,
  names: ExportNames,
  clock: LocalClock,
): Cell {
  const v = col.value(r, names);
  if (v === null) return null;
  switch (col.kind) {
    case 'day':
      return new Date(`${v as string}T00:00:00Z`);
    case 'instant':
      // exceljs writes a Date by its UTC fields: give it one whose UTC fields read local time.
      return clock.wall(v as number);
    case 'minutes':
      return minutes(v as number);
    case 'number':
      return v as number;
    case 'text':
    case 'boolean':
      return neutralise(displayText(col, v));
  }
}

/**
 * exceljs's worksheet buffer pushes its XML into the zip entry without heeding backpressure, so
 * behind a slow client (or a slow deflate) rows would pile up in memory: 1M rows reached 740 MB.
 * Waiting for the zip entry and the response to drain after each batch keeps memory flat.
 */
async function zipCaughtUp(sheet: ExcelJS.Worksheet, out: Writable): Promise<void> {
  const pipes = (sheet as unknown as { stream?: { pipes?: Writable[] } }).stream?.pipes ?? [];
  for (const pipe of pipes) await drained(pipe);
  await drained(out);
}

export interface XlsxMeta {
  hallName: string;
  from: string;
  to: string;
  /** When the export was made (shown on the definitions sheet). */
  at: number;
}

/**
 * Writes records as an XLSX workbook through exceljs's streaming writer: each row is committed
 * as it is added (so it leaves memory), and the writer waits for the response between batches.
 * Sheet "Ziyaretler" holds one row per visit with real dates and minute numbers; sheet
 * "Tanımlar" says what each column means. Text cells are neutralised like the CSV. Ends `out`.
 */
export async function writeXlsx(
  out: Writable,
  batches: AsyncIterable<TicketRecord[]>,
  names: ExportNames,
  meta: XlsxMeta,
): Promise<void> {
  const clock = new LocalClock(names.timeZone);
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  book.creator = 'Sıramatik';
  const sheet = book.addWorksheet('Ziyaretler', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const batch of batches) {
    for (const r of batch) {
      const row = sheet.addRow(EXPORT_COLUMNS.map((c) => cellValue(c, r, names, clock)));
      for (let i = 0; i < COLUMN_STYLES.length; i++) row.getCell(i + 1).style = COLUMN_STYLES[i]!;
      row.commit();
    }
    await zipCaughtUp(sheet, out);
  }
  sheet.commit();

  const about = book.addWorksheet('Tanımlar');
  about.columns = [
    { header: 'Sütun', key: 'header', width: 22 },
    { header: 'Açıklama', key: 'note', width: 70 },
    { header: 'JSON', key: 'key', width: 16 },
  ];
  about.getRow(1).font = { bold: true };
  for (const c of EXPORT_COLUMNS) about.addRow(c).commit();
  about.addRow([]).commit();
  for (const [label, value] of [
    ['Salon', meta.hallName],
    ['Dönem', `${meta.from} – ${meta.to}`],
    ['Saat dilimi', names.timeZone],
    ['Hazırlanma', clock.dateTime(meta.at)],
  ]) {
    about.addRow([neutralise(label!), neutralise(value!)]).commit();
  }
  about.commit();
  await book.commit();
}
