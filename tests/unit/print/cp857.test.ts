import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CP857_LETTERS, FALLBACK, printableText } from '../../../server/src/print/cp857.js';
import { newReceipt } from '../../../server/src/print/ticket-layout.js';
// The test vector, cross-checked with two independent encoders (source: reference/README.md).
import REFERENCE from '../../../reference/cp857-turkish.json' with { type: 'json' };

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** The text bytes the encoder sends for `text` on an Epson (ESC t 13), without reset and LF. */
function encodedText(text: string): string {
  const header = hex(newReceipt({ paperWidth: 80, codePage: 13 }).encode());
  const all = hex(newReceipt({ paperWidth: 80, codePage: 13 }).text(text).encode());
  expect(all.startsWith(header + REFERENCE.selectCodePageEpson)).toBe(true);
  expect(all.endsWith('0a')).toBe(true);
  return all.slice(header.length + REFERENCE.selectCodePageEpson.length, -2);
}

describe('code page 857 bytes', () => {
  it('when each Turkish letter of the reference is encoded, then its byte is the reference byte', () => {
    for (const [letter, byte] of Object.entries(REFERENCE.letters)) {
      expect(CP857_LETTERS.get(letter), letter).toBe(parseInt(byte, 16));
      expect(encodedText(letter), letter).toBe(byte);
    }
  });

  it('when every letter we let through is encoded, then the encoder sends our byte, never "?"', () => {
    for (const [letter, byte] of CP857_LETTERS) {
      expect(encodedText(letter), letter).toBe(byte.toString(16).padStart(2, '0'));
    }
  });

  it('when the reference sample is made printable and encoded, then the bytes equal it exactly', () => {
    const text = printableText(REFERENCE.sample.text);
    expect(text).toBe(REFERENCE.sample.text);
    // 55 characters wrap on 48 columns: encode two halves, each on one line.
    const cut = text.indexOf('önünüzde');
    const bytes = encodedText(text.slice(0, cut)) + encodedText(text.slice(cut));
    expect(bytes).toBe(REFERENCE.sample.cp857);
  });
});

describe('printableText', () => {
  it.each([
    ['em and en dashes', 'İmar — Ruhsat – Vezne', 'İmar - Ruhsat - Vezne'],
    ['curly double quotes', '“Dilekçe” „Kabul”', '"Dilekçe" "Kabul"'],
    ['curly single quotes', '‘Vezne’ Ankara’da', "'Vezne' Ankara'da"],
    ['ellipsis', 'Bekleyiniz…', 'Bekleyiniz...'],
    ['euro sign', 'Harç 5 €', 'Harç 5 EUR'],
    ['Turkish lira sign', 'Harç 5 ₺', 'Harç 5 TL'],
    ['emoji dropped, spaces collapsed', 'Vezne 😀 👍🏽 🇹🇷 işlemleri', 'Vezne işlemleri'],
    ['control bytes become spaces', 'Vezne\x1b@\x1dV\x00\tKabul\r\n', 'Vezne @ V Kabul'],
    ['non-breaking and thin spaces', 'Mali\u00a0Hizmetler\u202fBirimi', 'Mali Hizmetler Birimi'],
    ['zero-width and soft hyphen dropped', 'Dilek\u200bçe\u00adKabul\ufeff', 'DilekçeKabul'],
    ['decomposed Turkish letters composed', 'I\u0307mar c\u0327ıkıs\u0327', 'İmar çıkış'],
    [
      'accented Latin letters lose the accent',
      'Café Müller São Paulo Łódź',
      'Cafe Müller Sao Paulo Lodz',
    ],
    ['compatibility forms', 'ﬁrma № 2² ½', 'firma No 22 1/2'],
    ['circumflex vowels kept', 'Kâtip hâlâ Îslami Ûmran', 'Kâtip hâlâ Îslami Ûmran'],
    ['letters without a look-alike', 'Паспорт', FALLBACK.repeat(7)],
  ])('when the text has %s, then it is mapped', (_what, input, expected) => {
    expect(printableText(input)).toBe(expected);
  });

  it.each([
    ['tr-TR' as const, 'istanbul ılıca çarşı', 'İSTANBUL ILICA ÇARŞI'],
    ['en' as const, 'zoning information', 'ZONING INFORMATION'],
    ['tr-TR' as const, 'büyükşehir strasse', 'BÜYÜKŞEHİR STRASSE'],
  ])('when upper-cased with %s, then the letters follow that locale', (locale, input, expected) => {
    expect(printableText(input, { upperCase: locale })).toBe(expected);
  });

  it('when any string at all is made printable, then only ASCII and CP857 letters remain', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        for (const ch of printableText(s, { upperCase: 'tr-TR' })) {
          const code = ch.codePointAt(0)!;
          expect((code >= 0x20 && code <= 0x7e) || CP857_LETTERS.has(ch)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  }, 30_000);
});
