/**
 * Text for a receipt printer set to code page 857 (Turkish). Anything the printer's table lacks
 * would come out as `?`, so every character is either kept (ASCII and the letters below),
 * replaced by an ASCII look-alike, or dropped: what leaves here is always printable.
 */

/**
 * The non-ASCII characters we print, with their byte in code page 857 (the Turkish letters of
 * reference/cp857-turkish.json, plus the circumflex vowels of Turkish spelling: "hâlâ", "Kâtip").
 */
export const CP857_LETTERS: ReadonlyMap<string, number> = new Map([
  ['ç', 0x87],
  ['ğ', 0xa7],
  ['ı', 0x8d],
  ['İ', 0x98],
  ['ö', 0x94],
  ['ş', 0x9f],
  ['ü', 0x81],
  ['Ç', 0x80],
  ['Ğ', 0xa6],
  ['Ö', 0x99],
  ['Ş', 0x9e],
  ['Ü', 0x9a],
  ['â', 0x83],
  ['î', 0x8c],
  ['û', 0x96],
  ['Â', 0xb6],
  ['Î', 0xd7],
  ['Û', 0xea],
]);

/** Characters CP857 lacks (or that printer tables disagree on), and what is printed instead. */
const REPLACEMENTS: ReadonlyMap<string, string> = new Map([
  ['\u2010', '-'], // hyphen
  ['\u2011', '-'], // non-breaking hyphen
  ['\u2012', '-'], // figure dash
  ['\u2013', '-'], // en dash
  ['\u2014', '-'], // em dash
  ['\u2015', '-'], // horizontal bar
  ['\u2212', '-'], // minus sign
  ['\u2018', "'"],
  ['\u2019', "'"],
  ['\u201a', "'"],
  ['\u201b', "'"],
  ['\u2032', "'"],
  ['\u201c', '"'],
  ['\u201d', '"'],
  ['\u201e', '"'],
  ['\u201f', '"'],
  ['\u2033', '"'],
  ['«', '"'],
  ['»', '"'],
  ['…', '...'],
  ['€', 'EUR'], // some CP857 tables have it at D5, many printers do not
  ['₺', 'TL'],
  ['©', '(C)'],
  ['®', '(R)'],
  ['™', 'TM'],
  ['•', '*'],
  ['·', '.'],
  ['×', 'x'],
  ['÷', '/'],
  ['\u2044', '/'], // fraction slash, from NFKD of ½
  ['ß', 'ss'],
  ['ẞ', 'SS'],
  ['æ', 'ae'],
  ['Æ', 'AE'],
  ['œ', 'oe'],
  ['Œ', 'OE'],
  ['ø', 'o'],
  ['Ø', 'O'],
  ['ł', 'l'],
  ['Ł', 'L'],
  ['đ', 'd'],
  ['Đ', 'D'],
]);

/** Printed for a character with no sensible ASCII look-alike (a Cyrillic letter, say). */
export const FALLBACK = '_';

const SPACE = /^[\p{Zs}\p{Zl}\p{Zp}\p{Cc}]$/u;
const INVISIBLE = /^[\p{M}\p{Cf}\p{Cs}]$/u;
const PICTURE = /^[\p{Extended_Pictographic}\p{So}\p{Sk}]$/u;

function isPrintable(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return (ch.length === 1 && code >= 0x20 && code <= 0x7e) || CP857_LETTERS.has(ch);
}

/** ASCII-only look-alike through compatibility decomposition (`é` → `e`, `²` → `2`, `ﬁ` → `fi`). */
function decomposed(ch: string): string | null {
  let out = '';
  for (const part of ch.normalize('NFKD')) {
    if (INVISIBLE.test(part)) continue;
    const mapped = isPrintable(part) ? part : REPLACEMENTS.get(part);
    if (mapped === undefined) return null;
    out += mapped;
  }
  return out === '' ? null : out;
}

function mapChar(ch: string): string {
  if (isPrintable(ch)) return ch;
  const replaced = REPLACEMENTS.get(ch);
  if (replaced !== undefined) return replaced;
  // Control bytes become spaces: an ESC in a service name must never reach the printer.
  if (SPACE.test(ch)) return ' ';
  if (INVISIBLE.test(ch)) return '';
  return decomposed(ch) ?? (PICTURE.test(ch) ? '' : FALLBACK);
}

export interface PrintableOptions {
  /** Upper-case with this locale's rules (`tr-TR`: `i` → `İ`, `ı` → `I`). */
  upperCase?: 'tr-TR' | 'en';
}

/**
 * Text ready for a CP857 printer: NFC, optionally upper-cased, every character printable, runs
 * of spaces collapsed and the ends trimmed. The result holds only ASCII 0x20–0x7E and
 * {@link CP857_LETTERS}.
 */
export function printableText(text: string, options: PrintableOptions = {}): string {
  let s = text.normalize('NFC');
  if (options.upperCase) s = s.toLocaleUpperCase(options.upperCase).normalize('NFC');
  let out = '';
  for (const ch of s) out += mapChar(ch);
  return out.replace(/ {2,}/g, ' ').trim();
}
