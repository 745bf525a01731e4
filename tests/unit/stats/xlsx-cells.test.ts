import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minutes } from '../../../server/src/stats/export-columns.js';
import {
  hundredthsText,
  serialDayText,
  serialText,
} from '../../../server/src/stats/xlsx/number-text.js';
import { SharedStrings } from '../../../server/src/stats/xlsx/shared-strings.js';
import {
  ColumnCells,
  columnName,
  textElement,
  xmlText,
} from '../../../server/src/stats/xlsx/sheet-xml.js';

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
    const styled = new ColumnCells('H', 3);
    const plain = new ColumnCells('B');

    expect(styled.number('12', '45418.5')).toBe('<c r="H12" s="3"><v>45418.5</v></c>');
    expect(plain.number('2', '7')).toBe('<c r="B2"><v>7</v></c>');
    expect(plain.shared('2', '14')).toBe('<c r="B2" t="s"><v>14</v></c>');
    expect(plain.inline('2', 'a<b')).toBe('<c r="B2" t="inlineStr"><is><t>a&lt;b</t></is></c>');
  });
});

describe('XLSX numbers', () => {
  it('when a day is written, then it is the serial day (1899-12-30 is 0)', () => {
    expect(serialDayText('2024-05-06')).toBe('45418');
    expect(serialDayText('1970-01-01')).toBe('25569');
  });

  it('when a wall-clock time is written, then exceljs reads back the same millisecond', () => {
    // exceljs: Math.round((serial − 25569) · 86 400 000).
    const ms = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) });
    fc.assert(
      fc.property(ms, (at) => {
        const serial = Number(serialText(at));
        expect(Math.round((serial - 25_569) * 86_400_000)).toBe(at);
        expect(Math.abs(serial - (at / 86_400_000 + 25_569))).toBeLessThan(2e-11);
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([
    [Date.UTC(2024, 4, 6), '45418'],
    [Date.UTC(2024, 4, 6, 12), '45418.500000'],
    [Date.UTC(2024, 4, 6, 9, 1), '45418.375694444444'],
    [Date.UTC(2024, 4, 6, 23, 59, 59, 999), '45418.999999988426'],
  ])('when the wall-clock time is %i, then the serial is %s', (at, want) => {
    expect(serialText(at)).toBe(want);
  });

  it('when a duration is written, then its text is what String gives for the minutes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 * 86_400_000 }), (ms) => {
        const m = minutes(ms);
        expect(hundredthsText(m)).toBe(String(m));
      }),
      { numRuns: 20_000 },
    );
    expect([0, 0.05, 0.5, 1.25, 12.1, 100].map(hundredthsText)).toEqual([
      '0',
      '0.05',
      '0.5',
      '1.25',
      '12.1',
      '100',
    ]);
    expect(hundredthsText(-1.5)).toBe('-1.5');
    expect(hundredthsText(1 / 3)).toBe(String(1 / 3));
  });
});

describe('XLSX shared strings', () => {
  it('when texts repeat, then they share one index each, and the table escapes them', () => {
    const strings = new SharedStrings();

    expect(['Vezne', 'Ruhsat & İzin', 'Vezne', ' boşluk'].map((t) => strings.indexOf(t))).toEqual([
      '0',
      '1',
      '0',
      '2',
    ]);
    expect(strings.xml()).toContain(
      'count="4" uniqueCount="3"><si><t>Vezne</t></si><si><t>Ruhsat &amp; İzin</t></si>' +
        '<si><t xml:space="preserve"> boşluk</t></si></sst>',
    );
  });

  it('when a text is too long or the table is full, then it is left to be written inline', () => {
    const strings = new SharedStrings({ entries: 2, chars: 10, longest: 5 });

    expect(strings.indexOf('uzun metin')).toBeUndefined();
    expect(strings.indexOf('a')).toBe('0');
    expect(strings.indexOf('bcdef')).toBe('1');
    expect(strings.indexOf('g')).toBeUndefined();
    // Texts already in the table are still shared.
    expect(strings.indexOf('a')).toBe('0');
  });

  it('when the table would pass its characters, then new texts go inline', () => {
    const strings = new SharedStrings({ entries: 100, chars: 6, longest: 5 });

    expect(strings.indexOf('abcde')).toBe('0');
    expect(strings.indexOf('fg')).toBeUndefined();
    expect(strings.indexOf('h')).toBe('1');
  });
});
