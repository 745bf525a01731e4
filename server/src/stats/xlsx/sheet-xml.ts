import { ascii, type XmlBytes } from './xml-bytes.js';

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

const V_CLOSE = ascii('</v></c>');
const IS_CLOSE = ascii('</is></c>');
const ROW_OPEN = ascii('<row r="');
const TAG_CLOSE = ascii('">');
const ROW_CLOSE = ascii('</row>');

/** `<row r="n">` */
export function rowStart(out: XmlBytes, row: number): void {
  out.ascii(ROW_OPEN);
  out.uint(row);
  out.ascii(TAG_CLOSE);
}

export function rowEnd(out: XmlBytes): void {
  out.ascii(ROW_CLOSE);
}

/** The cells of one column, written into `out` for a row number: markup prepared once. */
export class ColumnCells {
  private readonly open: Uint8Array;
  private readonly valueOpen: Uint8Array;
  private readonly sharedOpen: Uint8Array;
  private readonly inlineOpen: Uint8Array;

  constructor(
    private readonly out: XmlBytes,
    letter: string,
    style = 0,
  ) {
    const s = style === 0 ? '' : ` s="${style}"`;
    this.open = ascii(`<c r="${letter}`);
    this.valueOpen = ascii(`"${s}><v>`);
    this.sharedOpen = ascii(`"${s} t="s"><v>`);
    this.inlineOpen = ascii(`"${s} t="inlineStr"><is>`);
  }

  /** A date and time: Excel's serial number of a wall-clock time (see `XmlBytes.serial`). */
  serial(row: number, wallMs: number): void {
    this.start(row, this.valueOpen);
    this.out.serial(wallMs);
    this.out.ascii(V_CLOSE);
  }

  /** A number of hundredths, such as minutes (see `XmlBytes.hundredths`). */
  hundredths(row: number, value: number): void {
    this.start(row, this.valueOpen);
    this.out.hundredths(value);
    this.out.ascii(V_CLOSE);
  }

  number(row: number, value: number): void {
    this.start(row, this.valueOpen);
    this.out.number(value);
    this.out.ascii(V_CLOSE);
  }

  /** A string cell holding an index into the shared-string table. */
  shared(row: number, index: number): void {
    this.start(row, this.sharedOpen);
    this.out.uint(index);
    this.out.ascii(V_CLOSE);
  }

  /** A string cell holding its (raw) text inline: nothing to collect, so it streams. */
  inline(row: number, text: string): void {
    this.start(row, this.inlineOpen);
    this.out.raw(textElement(text));
    this.out.ascii(IS_CLOSE);
  }

  private start(row: number, rest: Uint8Array): void {
    this.out.ascii(this.open);
    this.out.uint(row);
    this.out.ascii(rest);
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
  const s = style === 0 ? '' : ` s="${style}"`;
  const cells = texts.map((t, i) =>
    t === null
      ? ''
      : `<c r="${columnName(i)}${row}"${s} t="inlineStr"><is>${textElement(t)}</is></c>`,
  );
  const rowStyle = style === 0 ? '' : ` s="${style}" customFormat="1"`;
  return `<row r="${row}"${rowStyle}>${cells.join('')}</row>`;
}
