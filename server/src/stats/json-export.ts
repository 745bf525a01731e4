import type { Writable } from 'node:stream';
import { LocalClock } from './local-clock.js';
import { EXPORT_COLUMNS, minutes, type ExportNames } from './export-columns.js';
import { TextSink } from './stream-sink.js';
import type { TicketRecord } from './ticket-record.js';

/** One export row with English keys, codes as codes, times as ISO 8601 with the hall's offset. */
export function jsonRow(
  r: TicketRecord,
  names: ExportNames,
  clock: LocalClock,
): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const col of EXPORT_COLUMNS) {
    const v = col.value(r, names);
    row[col.key] =
      v === null
        ? null
        : col.kind === 'instant'
          ? clock.iso(v as number)
          : col.kind === 'minutes'
            ? minutes(v as number)
            : v;
  }
  return row;
}

/** Writes records as one JSON array, a row at a time; ends `out`. */
export async function writeJson(
  out: Writable,
  batches: AsyncIterable<TicketRecord[]>,
  names: ExportNames,
): Promise<void> {
  const clock = new LocalClock(names.timeZone);
  const sink = new TextSink(out);
  let first = true;
  sink.write('[');
  for await (const batch of batches) {
    for (const r of batch) {
      sink.write(`${first ? '\n' : ',\n'}${JSON.stringify(jsonRow(r, names, clock))}`);
      first = false;
    }
    await sink.settle();
  }
  sink.write(first ? ']\n' : '\n]\n');
  await sink.end();
}
