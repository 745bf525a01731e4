import type { Lang } from '../../../contract/domain.js';
import type { CsvDialect } from '../../../contract/stats.js';
import type { DayRange } from './date-range.js';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The same name the server gives: `siramatik-<hall>-<from>_<to>.<ext>`. */
export function exportFileName(hallId: string, range: DayRange, format: ExportFormat): string {
  return `siramatik-${hallId}-${range.from}_${range.to}.${format}`;
}

/** `/api/exports/tickets.<format>?from=…&to=…`, with `&dialect=…` for a CSV when one is given. */
export function exportUrl(range: DayRange, format: ExportFormat, dialect?: CsvDialect): string {
  const q = new URLSearchParams({ from: range.from, to: range.to });
  if (format === 'csv' && dialect) q.set('dialect', dialect);
  return `/api/exports/tickets.${format}?${q.toString()}`;
}

/**
 * The CSV a manager gets unless they choose: in Turkish the Excel dialect (`;`, `,` decimals),
 * which a Turkish Excel opens in columns; in English the comma dialect.
 */
export function defaultCsvDialect(lang: Lang): CsvDialect {
  return lang === 'tr' ? 'excel-tr' : 'rfc4180';
}

/**
 * The file name in a `Content-Disposition` header (`filename*=UTF-8''…` preferred over
 * `filename="…"`), reduced to a safe base name; null when there is none.
 */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  let name: string | null = null;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      name = decodeURIComponent(star[1]!.trim());
    } catch {
      name = null;
    }
  }
  if (name === null) {
    const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/i.exec(header);
    name = plain ? (plain[1] ?? plain[2] ?? '').replace(/\\(.)/g, '$1') : null;
  }
  if (!name) return null;
  const base = name.split(/[\\/]/).pop()!.trim();
  return base && base !== '.' && base !== '..' ? base : null;
}

/** How far a download has come: a fraction when the length is known, else null (indeterminate). */
export interface DownloadProgress {
  received: number;
  total: number | null;
  fraction: number | null;
}

export function downloadProgress(received: number, contentLength: string | null): DownloadProgress {
  const total =
    contentLength !== null && /^\d+$/.test(contentLength) ? Number(contentLength) : null;
  return {
    received,
    total: total && total > 0 ? total : null,
    fraction: total && total > 0 ? Math.min(1, received / total) : null,
  };
}
