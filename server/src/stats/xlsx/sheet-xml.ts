// Control characters are what these two look for: XML 1.0 allows them nowhere, not even as
// references, so they are dropped.
/* eslint-disable no-control-regex */
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const SPECIAL = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
/* eslint-enable no-control-regex */
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Text for XML content or attributes: & < > " escaped, control characters XML cannot carry
 * dropped (as exceljs did). Tab, LF and CR stay (a reader turns a raw CR into LF). A lone
 * surrogate is left to UTF-8 encoding, which writes U+FFFD for it.
 */
export function xmlText(s: string): string {
  if (!SPECIAL.test(s)) return s;
  return s.replace(INVALID, '').replace(/[&<>"]/g, (c) => ENTITY[c]!);
}

/** Spreadsheet column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * The cells of one column, for rows given as their number's text: the markup around the
 * value is built once, so a cell costs a few concatenations.
 */
export class ColumnCells {
  private readonly open: string;
  private readonly valueOpen: string;
  private readonly stringOpen: string;
  private readonly inlineOpen: string;

  constructor(letter: string, style = 0) {
    const s = style === 0 ? '' : ` s="${style}"`;
    this.open = `<c r="${letter}`;
    this.valueOpen = `"${s}><v>`;
    this.stringOpen = `"${s} t="s"><v>`;
    this.inlineOpen = `"${s} t="inlineStr"><is>`;
  }

  /** A number cell of the value's text (see `number-text.ts`). */
  number(row: string, text: string): string {
    return this.open + row + this.valueOpen + text + '</v></c>';
  }

  /** A string cell holding an index into the shared-string table. */
  shared(row: string, index: string): string {
    return this.open + row + this.stringOpen + index + '</v></c>';
  }

  /** A string cell holding its (raw) text inline: nothing to collect, so it streams. */
  inline(row: string, text: string): string {
    return this.open + row + this.inlineOpen + textElement(text) + '</is></c>';
  }
}

/** `<t>` of escaped text; spaces at either end kept, which readers trim without the flag. */
export function textElement(text: string): string {
  const xml = xmlText(text);
  const padded = isSpace(text.charCodeAt(0)) || isSpace(text.charCodeAt(text.length - 1));
  return padded ? `<t xml:space="preserve">${xml}</t>` : `<t>${xml}</t>`;
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

export interface SheetLayout {
  /** Column widths in characters, from column A. */
  widths: readonly number[];
  /** Keeps the first row in view while scrolling. */
  freezeHeader: boolean;
}

/** The worksheet up to and including `<sheetData>`; rows follow, then `sheetEnd`. */
export function sheetStart(layout: SheetLayout): string {
  const view = layout.freezeHeader
    ? '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView>'
    : '<sheetView workbookViewId="0"/>';
  const cols = layout.widths
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<sheetViews>${view}</sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    `<cols>${cols}</cols><sheetData>`
  );
}

export function sheetEnd(): string {
  return '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
}

/** A row of plain text cells (headers, the definitions sheet); `null` leaves a cell empty. */
export function textRow(row: number, texts: ReadonlyArray<string | null>, style = 0): string {
  const n = String(row);
  const cells = texts.map((t, i) =>
    t === null ? '' : new ColumnCells(columnName(i), style).inline(n, t),
  );
  const rowStyle = style === 0 ? '' : ` s="${style}" customFormat="1"`;
  return `<row r="${row}"${rowStyle}>${cells.join('')}</row>`;
}
