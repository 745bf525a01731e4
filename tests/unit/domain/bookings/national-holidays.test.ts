import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NATIONAL_HOLIDAYS } from '../../../../contract/bookings.js';
import { HALF_DAY_HOLIDAYS } from '../../../../server/src/domain/bookings/index.js';

const reference = readFileSync(
  new URL('../../../../reference/turkish-national-holidays.md', import.meta.url),
  'utf8',
);

/** The first column of the table under `## <heading>`, rows that start with a month-day. */
function tableUnder(heading: string): string[][] {
  const section = reference.split(`## ${heading}`)[1]!.split('\n## ')[0]!;
  return section
    .split('\n')
    .filter((line) => /^\|\s*\d{2}-\d{2}\s*\|/.test(line))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
}

describe('national holidays', () => {
  it('when compared with the reference (Law 2429 as amended), then NATIONAL_HOLIDAYS lists the same fixed days', () => {
    const days = tableUnder('Fixed days (month-day)').map((row) => row[0]);
    expect(days).toHaveLength(7);
    expect([...NATIONAL_HOLIDAYS]).toEqual(days);
  });

  it('when compared with the reference, then the half days are those the slots stop at', () => {
    const rows = tableUnder('Half days').map((row) => [row[0], row[1]]);
    expect([...HALF_DAY_HOLIDAYS]).toEqual(rows);
  });

  it('when reading the reference, then it names the law and the 2016 amendment of 15 July', () => {
    expect(reference).toContain('2429 sayılı Ulusal Bayram ve Genel Tatiller Hakkında Kanun');
    expect(reference).toMatch(/15 July.*\n?.*2016/);
  });
});
