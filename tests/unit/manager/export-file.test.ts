import { describe, expect, it } from 'vitest';
import {
  defaultCsvDialect,
  downloadProgress,
  exportFileName,
  exportUrl,
  fileNameFromDisposition,
} from '../../../manager/src/state/export-file.js';

describe('export file names', () => {
  it('when a range is exported, then the file is named like the server names it', () => {
    const range = { from: '2026-11-01', to: '2026-11-30' };
    expect(exportFileName('cankaya', range, 'csv')).toBe(
      'siramatik-cankaya-2026-11-01_2026-11-30.csv',
    );
    expect(exportUrl(range, 'xlsx')).toBe(
      '/api/exports/tickets.xlsx?from=2026-11-01&to=2026-11-30',
    );
  });

  it('when the page is Turkish, then the CSV asks for the Turkish Excel dialect; in English, RFC 4180', () => {
    const range = { from: '2026-11-01', to: '2026-11-30' };
    expect(exportUrl(range, 'csv', defaultCsvDialect('tr'))).toBe(
      '/api/exports/tickets.csv?from=2026-11-01&to=2026-11-30&dialect=excel-tr',
    );
    expect(exportUrl(range, 'csv', defaultCsvDialect('en'))).toBe(
      '/api/exports/tickets.csv?from=2026-11-01&to=2026-11-30&dialect=rfc4180',
    );
    // Only the CSV route takes a dialect; the others refuse unknown fields.
    expect(exportUrl(range, 'xlsx', 'excel-tr')).toBe(
      '/api/exports/tickets.xlsx?from=2026-11-01&to=2026-11-30',
    );
  });

  it.each([
    [
      'attachment; filename="siramatik-cankaya-2026-11-01_2026-11-30.csv"',
      'siramatik-cankaya-2026-11-01_2026-11-30.csv',
    ],
    ['attachment; filename=rapor.csv', 'rapor.csv'],
    ['attachment; filename="a.csv"; filename*=UTF-8\'\'%C3%A7ankaya.csv', 'çankaya.csv'],
    ['attachment; filename="../../etc/passwd"', 'passwd'],
    ['attachment', null],
    [null, null],
  ])('when the header is %s, then the name is %s', (header, name) => {
    expect(fileNameFromDisposition(header)).toBe(name);
  });
});

describe('downloadProgress', () => {
  it('when the length is known, then the fraction is given', () => {
    expect(downloadProgress(250, '1000')).toEqual({ received: 250, total: 1000, fraction: 0.25 });
  });

  it('when the server streams without a length, then the progress is indeterminate', () => {
    expect(downloadProgress(4096, null)).toEqual({ received: 4096, total: null, fraction: null });
    expect(downloadProgress(10, 'abc').fraction).toBeNull();
  });
});
