import type { Writable } from 'node:stream';
import { LocalClock } from './local-clock.js';
import {
  displayText,
  EXPORT_COLUMNS,
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

/** One CSV field. Only text can hold a comma, quote or line break, or start like a formula. */
function csvCell(
  col: ExportColumn,
  r: TicketRecord,
  names: ExportNames,
  clock: LocalClock,
): string {
  const v = col.value(r, names);
  if (v === null) return '';
  switch (col.kind) {
    case 'instant':
      return clock.dateTime(v as number);
    case 'minutes':
      return minutes(v as number).toFixed(2);
    case 'number':
    case 'day':
      return neutralise(String(v));
    case 'text':
    case 'boolean':
      return csvField(neutralise(displayText(col, v)));
  }
}

/**
 * Writes records as CSV: RFC 4180 with CRLF, a UTF-8 BOM so Excel reads Turkish letters, one
 * Turkish header row, and every cell that a spreadsheet could run as a formula neutralised.
 * Streams batch by batch; ends `out`.
 */
export async function writeCsv(
  out: Writable,
  batches: AsyncIterable<TicketRecord[]>,
  names: ExportNames,
): Promise<void> {
  const clock = new LocalClock(names.timeZone);
  const sink = new TextSink(out);
  sink.write(BOM + EXPORT_COLUMNS.map((c) => csvField(neutralise(c.header))).join(',') + CRLF);
  for await (const batch of batches) {
    for (const r of batch) {
      let line = '';
      for (let i = 0; i < EXPORT_COLUMNS.length; i++) {
        if (i > 0) line += ',';
        line += csvCell(EXPORT_COLUMNS[i]!, r, names, clock);
      }
      sink.write(line + CRLF);
    }
    await sink.settle();
  }
  await sink.end();
}
