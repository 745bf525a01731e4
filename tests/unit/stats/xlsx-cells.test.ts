import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minutes } from '../../../server/src/stats/export-columns.js';
import { SharedStrings } from '../../../server/src/stats/xlsx/shared-strings.js';
import {
  ColumnCells,
  columnName,
  rowEnd,
  rowStart,
  textElement,
  xmlText,
} from '../../../server/src/stats/xlsx/sheet-xml.js';
import { ascii, XmlBytes } from '../../../server/src/stats/xlsx/xml-bytes.js';

/** What `write` puts into an `XmlBytes`, as text. */
function written(write: (out: XmlBytes) => void): string {
  const chunks: Buffer[] = [];
  const out = new XmlBytes({ write: (data, done) => (chunks.push(Buffer.from(data)), done()) });
  write(out);
  out.flush();
  return Buffer.concat(chunks).toString('utf8');
}

describe('XLSX cell text', () => {
  it.each([
    ['Şükrü Öztürk', 'Şükrü Öztürk'],
    ['a & b', 'a &amp; b'],
    ['<script>', '&lt;script&gt;'],
    ['say "hi"', 'say &quot;hi&quot;'],
    [']]>', ']]&gt;'],
    ['bell\u0007 null\u0000 vt\u000b ff\u000c esc\u001b', 'bell null vt ff esc'],
    ['\uffff\ufffe', ''],
    ['tab\tlf\ncr\r', 'tab\tlf\ncr\r'],
    ['😀 İğdır', '😀 İğdır'],
  ])('when text is %j, then XML carries %j', (text, want) => {
    expect(xmlText(text)).toBe(want);
  });

  it('when text has a lone surrogate, then UTF-8 carries a replacement character', () => {
    const xml = written((out) => out.raw(xmlText('a\ud800b')));

    expect(xml).toBe('a\ufffdb');
  });

  it('when text has spaces at an end, then its element asks to keep them', () => {
    expect(textElement('kenar ')).toBe('<t xml:space="preserve">kenar </t>');
    expect(textElement('\tsekme')).toBe('<t xml:space="preserve">\tsekme</t>');
    expect(textElement('orta boşluk')).toBe('<t>orta boşluk</t>');
    expect(textElement('')).toBe('<t></t>');
  });

  it.each([
    [0, 'A'],
    [24, 'Y'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('when the column index is %i, then its letters are %s', (index, want) => {
    expect(columnName(index)).toBe(want);
  });

  it('when cells are written, then they carry the reference, the style and the type', () => {
    const xml = written((out) => {
      const styled = new ColumnCells(out, 'H', 3);
      const plain = new ColumnCells(out, 'B');
      rowStart(out, 12);
      styled.serial(12, Date.UTC(2024, 4, 6, 12));
      plain.number(12, 7);
      plain.shared(12, 14);
      plain.inline(12, 'a<b');
      new ColumnCells(out, 'L', 4).hundredths(12, 2.5);
      rowEnd(out);
    });

    expect(xml).toBe(
      '<row r="12"><c r="H12" s="3"><v>45418.500000</v></c><c r="B12"><v>7</v></c>' +
        '<c r="B12" t="s"><v>14</v></c><c r="B12" t="inlineStr"><is><t>a&lt;b</t></is></c>' +
        '<c r="L12" s="4"><v>2.5</v></c></row>',
    );
  });
});

describe('XLSX numbers', () => {
  const serial = (ms: number) => written((out) => out.serial(ms));
  const hundredths = (v: number) => written((out) => out.hundredths(v));

  it.each([
    [0, '0'],
    [7, '7'],
    [10, '10'],
    [999_999, '999999'],
    [1_000_000, '1000000'],
    [2 ** 53 - 1, '9007199254740991'],
  ])('when the integer is %i, then its digits are %s', (n, want) => {
    expect(written((out) => out.uint(n))).toBe(want);
  });

  it.each([
    [-3, '-3'],
    [1.5, '1.5'],
    [1e21, '1e+21'],
  ])('when a number is %d, then it is written as JavaScript prints it', (n, want) => {
    expect(written((out) => out.number(n))).toBe(want);
  });

  it.each([
    [Date.UTC(2024, 4, 6), '45418'],
    [Date.UTC(1970, 0, 1), '25569'],
    [Date.UTC(2024, 4, 6, 12), '45418.500000'],
    [Date.UTC(2024, 4, 6, 9, 1), '45418.375694444444'],
    [Date.UTC(2024, 4, 6, 23, 59, 59, 999), '45418.999999988426'],
    [Date.UTC(1899, 11, 29), String(Date.UTC(1899, 11, 29) / 86_400_000 + 25_569)],
  ])('when the wall-clock time is %i, then the serial is %s', (at, want) => {
    expect(serial(at)).toBe(want);
  });

  it('when a wall-clock time is written, then exceljs reads back the same millisecond', () => {
    // exceljs: Math.round((serial − 25569) · 86 400 000).
    const ms = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) });
    fc.assert(
      fc.property(ms, (at) => {
        const value = Number(serial(at));
        expect(Math.round((value - 25_569) * 86_400_000)).toBe(at);
        expect(Math.abs(value - (at / 86_400_000 + 25_569))).toBeLessThan(2e-11);
      }),
      { numRuns: 20_000 },
    );
  });

  it('when a duration is written, then its text is what String gives for the minutes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 * 86_400_000 }), (ms) => {
        const m = minutes(ms);
        expect(hundredths(m)).toBe(String(m));
      }),
      { numRuns: 20_000 },
    );
    expect([0, 0.05, 0.5, 1.25, 12.1, 100].map(hundredths)).toEqual([
      '0',
      '0.05',
      '0.5',
      '1.25',
      '12.1',
      '100',
    ]);
    expect(hundredths(-1.5)).toBe('-1.5');
    expect(hundredths(1 / 3)).toBe(String(1 / 3));
  });

  it('when more is written than a buffer holds, then it arrives whole and in order', () => {
    const long = 'İ'.repeat(200_000);
    const fragment = ascii('<x/>');

    const xml = written((out) => {
      for (let i = 0; i < 100_000; i++) out.ascii(fragment);
      out.raw(long);
      out.uint(42);
    });

    expect(xml).toBe('<x/>'.repeat(100_000) + long + '42');
  });
});

describe('XLSX shared strings', () => {
  it('when texts repeat, then they share one index each, and the table escapes them', () => {
    const strings = new SharedStrings();

    expect(['Vezne', 'Ruhsat & İzin', 'Vezne', ' boşluk'].map((t) => strings.indexOf(t))).toEqual([
      0, 1, 0, 2,
    ]);
    expect(strings.xml()).toContain(
      'count="4" uniqueCount="3"><si><t>Vezne</t></si><si><t>Ruhsat &amp; İzin</t></si>' +
        '<si><t xml:space="preserve"> boşluk</t></si></sst>',
    );
  });

  it('when a text is too long or the table is full, then it is left to be written inline', () => {
    const strings = new SharedStrings({ entries: 2, chars: 10, longest: 5 });

    expect(strings.indexOf('uzun metin')).toBeUndefined();
    expect(strings.indexOf('a')).toBe(0);
    expect(strings.indexOf('bcdef')).toBe(1);
    expect(strings.indexOf('g')).toBeUndefined();
    // Texts already in the table are still shared.
    expect(strings.indexOf('a')).toBe(0);
  });

  it('when the table would pass its characters, then new texts go inline', () => {
    const strings = new SharedStrings({ entries: 100, chars: 6, longest: 5 });

    expect(strings.indexOf('abcde')).toBe(0);
    expect(strings.indexOf('fg')).toBeUndefined();
    expect(strings.indexOf('h')).toBe(1);
  });
});
