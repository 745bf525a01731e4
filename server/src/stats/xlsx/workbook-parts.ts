import { xmlText } from './sheet-xml.js';

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/** A cell format of the styles part; its index in the list is the cells' `s` attribute. */
export interface CellFormat {
  numFmt?: string;
  bold?: boolean;
}

/** Number formats Excel knows by id; others get ids from 164 on, as the format requires. */
const BUILT_IN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2 };

/**
 * A sheet of the workbook: its name alone is `xl/worksheets/sheet<n>.xml` for its place n in
 * the tab order (from 1); `part` names another file, so a sheet written last (a summary made
 * while the rows stream) can still be the first tab.
 */
export type SheetEntry = string | { name: string; part: number };

export interface WorkbookDescription {
  /** Sheets in tab order; the first is the one Excel opens on. */
  sheets: readonly SheetEntry[];
  /** Cell formats; the first is the default (index 0). */
  formats: readonly CellFormat[];
  /** Whether there is an `xl/sharedStrings.xml`. */
  sharedStrings: boolean;
  creator: string;
  /** When the workbook was made, epoch ms. */
  created: number;
}

/**
 * Every part of the package except the worksheets, as `[path, xml]`: content types, package
 * and workbook relationships, core properties, the workbook and its styles.
 */
export function workbookParts(book: WorkbookDescription): Array<[string, string]> {
  const sheets = book.sheets.map((s, i) =>
    typeof s === 'string' ? { name: s, n: i + 1 } : { name: s.name, n: s.part },
  );
  const worksheet = (n: number) => `worksheets/sheet${n}.xml`;
  return [
    [
      '[Content_Types].xml',
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>` +
        sheets
          .map(
            (s) => `<Override PartName="/xl/${worksheet(s.n)}" ContentType="${CT}.worksheet+xml"/>`,
          )
          .join('') +
        `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>` +
        (book.sharedStrings
          ? `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/>`
          : '') +
        `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
        `</Types>`,
    ],
    [
      '_rels/.rels',
      `${XML}<Relationships xmlns="${PKG_RELS}">` +
        `<Relationship Id="rId1" Type="${DOC_RELS}/officeDocument" Target="xl/workbook.xml"/>` +
        `<Relationship Id="rId2" Type="${PKG_RELS}/metadata/core-properties" Target="docProps/core.xml"/>` +
        `</Relationships>`,
    ],
    ['docProps/core.xml', coreXml(book.creator, book.created)],
    [
      'xl/workbook.xml',
      `${XML}<workbook xmlns="${MAIN}" xmlns:r="${DOC_RELS}">` +
        `<bookViews><workbookView/></bookViews><sheets>` +
        sheets
          .map((s) => `<sheet name="${xmlText(s.name)}" sheetId="${s.n}" r:id="rId${s.n}"/>`)
          .join('') +
        `</sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${XML}<Relationships xmlns="${PKG_RELS}">` +
        sheets
          .map(
            (s) =>
              `<Relationship Id="rId${s.n}" Type="${DOC_RELS}/worksheet" Target="${worksheet(s.n)}"/>`,
          )
          .join('') +
        `<Relationship Id="rId${sheets.length + 1}" Type="${DOC_RELS}/styles" Target="styles.xml"/>` +
        (book.sharedStrings
          ? `<Relationship Id="rId${sheets.length + 2}" Type="${DOC_RELS}/sharedStrings" Target="sharedStrings.xml"/>`
          : '') +
        `</Relationships>`,
    ],
    ['xl/styles.xml', stylesXml(book.formats)],
  ];
}

function coreXml(creator: string, created: number): string {
  // W3CDTF without milliseconds, as Office writes it.
  const when = `${new Date(created).toISOString().slice(0, 19)}Z`;
  return (
    `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
    `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>${xmlText(creator)}</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    `</cp:coreProperties>`
  );
}

const FONT = '<sz val="11"/><name val="Calibri"/><family val="2"/>';

/** The styles part: two fonts (regular, bold), the custom number formats and the cell formats. */
function stylesXml(formats: readonly CellFormat[]): string {
  const custom = new Map<string, number>();
  const fmtId = (code: string | undefined) => {
    if (code === undefined) return 0;
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    if (!custom.has(code)) custom.set(code, 164 + custom.size);
    return custom.get(code)!;
  };
  const xfs = formats.map((f) => {
    const id = fmtId(f.numFmt);
    const font = f.bold ? 1 : 0;
    const apply = `${id ? ' applyNumberFormat="1"' : ''}${font ? ' applyFont="1"' : ''}`;
    return `<xf numFmtId="${id}" fontId="${font}" fillId="0" borderId="0" xfId="0"${apply}/>`;
  });
  const numFmts = [...custom]
    .map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`)
    .join('');
  return (
    `${XML}<styleSheet xmlns="${MAIN}">` +
    (custom.size ? `<numFmts count="${custom.size}">${numFmts}</numFmts>` : '') +
    `<fonts count="2"><font>${FONT}</font><font><b/>${FONT}</font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
    `</styleSheet>`
  );
}
