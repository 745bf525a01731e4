// Reads an XLSX written by the export back from its XML, for tests: the sheets in tab order
// and, for one sheet, its cells by column with their number format codes.
import { readZip } from './zip-entries.js';

/** A cell as read from the sheet XML: its text or number, and its number format code. */
export interface Cell {
  value: string | number;
  format: string;
}
/** Cells by column index (A = 0); a cell the XML leaves out is undefined. */
export type Row = Cell[];

/** Sheet names in tab order, and the rows of the first tab. */
export function firstSheet(xlsx: Buffer): { names: string[]; rows: Row[] } {
  const files = Object.fromEntries(
    readZip(xlsx).entries.map((e) => [e.name, e.data.toString('utf8')]),
  );
  const book = files['xl/workbook.xml']!;
  const rels = files['xl/_rels/workbook.xml.rels']!;
  const sheets = [...book.matchAll(/<sheet name="([^"]+)" sheetId="\d+" r:id="(rId\d+)"\/>/g)];
  const target = (rId: string) => new RegExp(`Id="${rId}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
  const first = files[`xl/${target(sheets[0]![2]!)}`]!;
  return {
    names: sheets.map((s) => s[1]!),
    rows: parseRows(first, files['xl/styles.xml']!),
  };
}

const XML_ENTITY: Record<string, string> = { lt: '<', gt: '>', quot: '"', amp: '&' };

function parseRows(sheet: string, styles: string): Row[] {
  const custom = new Map(
    [...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]+)"\/>/g)].map((m) => [
      m[1]!,
      m[2]!,
    ]),
  );
  const builtIn: Record<string, string> = { '0': 'General', '1': '0', '2': '0.00' };
  const xfs = [...styles.split('<cellXfs')[1]!.matchAll(/<xf numFmtId="(\d+)"/g)].map(
    (m) => custom.get(m[1]!) ?? builtIn[m[1]!]!,
  );
  return [...sheet.matchAll(/<row r="(\d+)"[^>]*>(.*?)<\/row>/g)].map((row) => {
    const cells: Row = [];
    for (const c of row[2]!.matchAll(
      /<c r="([A-Z])\d+"(?: s="(\d+)")?( t="inlineStr")?>(.*?)<\/c>/g,
    )) {
      cells[c[1]!.charCodeAt(0) - 65] = {
        value: c[3]
          ? /<t[^>]*>(.*?)<\/t>/
              .exec(c[4]!)![1]!
              .replace(/&(lt|gt|quot|amp);/g, (_, e: string) => XML_ENTITY[e]!)
          : Number(/<v>(.*)<\/v>/.exec(c[4]!)![1]),
        format: xfs[Number(c[2] ?? 0)]!,
      };
    }
    return cells;
  });
}

/** The first row whose first cell is `label`. */
export function rowOf(rows: Row[], label: string | number): Row {
  const row = rows.find((r) => r[0]?.value === label);
  if (!row) throw new Error(`no row ${label}`);
  return row;
}

/** The column of a header (the first header row that has it). */
export function headerIndex(rows: Row[], header: string): number {
  return rows
    .find((r) => r.some((c) => c?.value === header))!
    .findIndex((c) => c?.value === header);
}
