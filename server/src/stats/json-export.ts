import type { Writable } from 'node:stream';
import {
  EXPORT_COLUMNS,
  exportColumns,
  minutes,
  type ExportColumn,
  type ExportNames,
} from './export-columns.js';
import { LocalClock } from './local-clock.js';
import { TextSink } from './stream-sink.js';
import type { TicketRecord } from './ticket-record.js';

/** `"key":` of each column, JSON-escaped once. */
const keysOf = (columns: readonly ExportColumn[]) =>
  columns.map((c, i) => `${i === 0 ? '{' : ','}${JSON.stringify(c.key)}:`);
const KEYS = keysOf(EXPORT_COLUMNS);

/**
 * One export row as JSON text: English keys, codes as codes (`completed`, `elderly`), names
 * as they are (JSON is not run as a formula, so nothing is neutralised), durations in minutes,
 * times ISO 8601 with the hall's offset. Built as text: it is the hot loop of a long export.
 */
export function jsonRow(
  r: TicketRecord,
  names: ExportNames,
  clock: LocalClock,
  columns: readonly ExportColumn[] = EXPORT_COLUMNS,
  keys: readonly string[] = KEYS,
): string {
  let out = '';
  for (let i = 0; i < columns.length; i++) {
    const col = columns[i]!;
    const v = col.value(r, names);
    out += keys[i];
    if (v === null) out += 'null';
    else if (col.kind === 'instant') out += `"${clock.iso(v as number)}"`;
    else if (col.kind === 'minutes') out += String(minutes(v as number));
    else out += typeof v === 'string' ? JSON.stringify(v) : String(v);
  }
  return `${out}}`;
}

/** Writes records as one JSON array, a row at a time; ends `out`. */
export async function writeJson(
  out: Writable,
  batches: AsyncIterable<TicketRecord[]>,
  names: ExportNames,
): Promise<void> {
  const clock = new LocalClock(names.timeZone);
  const columns = exportColumns(names);
  const keys = columns === EXPORT_COLUMNS ? KEYS : keysOf(columns);
  const sink = new TextSink(out);
  let first = true;
  sink.write('[');
  for await (const batch of batches) {
    for (const r of batch) {
      sink.write(`${first ? '\n' : ',\n'}${jsonRow(r, names, clock, columns, keys)}`);
      first = false;
    }
    await sink.settle();
  }
  sink.write(first ? ']\n' : '\n]\n');
  await sink.end();
}
