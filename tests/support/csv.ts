/**
 * A strict RFC 4180 parser for tests: CRLF records, fields optionally in double quotes with
 * quotes doubled inside. Throws on anything else (a bare LF, a quote inside an unquoted field,
 * text after a closing quote), so a sloppy writer cannot pass by accident. `separator` is `;`
 * for the Turkish Excel dialect.
 */
export function parseCsv(text: string, separator = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`CSV: ${why} at offset ${i}`);
  };
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        if (i >= text.length) fail('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        field += text[i];
        i += 1;
      }
    } else {
      while (i < text.length && text[i] !== separator && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') fail('quote inside an unquoted field');
        field += text[i];
        i += 1;
      }
    }
    row.push(field);
    if (text[i] === separator) {
      i += 1;
    } else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else if (i < text.length) {
      fail(`unexpected ${JSON.stringify(text[i])}`);
    }
  }
  if (row.length > 0) fail('last record without CRLF');
  return rows;
}
