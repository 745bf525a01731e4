// The text of each page of a PDF that Chromium printed, for tests: written from the format
// (ISO 32000) for what Chromium's Skia writer produces (plain objects, Flate content streams,
// Type 0 fonts with a ToUnicode map), so a test needs no PDF tool on the machine.
import zlib from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const out = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\b/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const s = body.search(/stream\r?\n/);
    let stream: Buffer | null = null;
    let dict = body;
    if (s >= 0 && body.slice(0, s).trim().endsWith('>>')) {
      dict = body.slice(0, s);
      const dataStart = start + s + (body[s + 6] === '\r' ? 8 : 7);
      const dataEnd = text.lastIndexOf('endstream', end);
      const raw = pdf.subarray(dataStart, dataEnd);
      try {
        stream = /\/FlateDecode/.test(dict) ? zlib.inflateSync(raw) : raw;
      } catch {
        stream = raw;
      }
    }
    out.set(Number(m[1]), { dict, stream });
    re.lastIndex = end;
  }
  return out;
}

const refs = (s: string) => [...s.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));

/** A ToUnicode CMap: glyph code (hex) to text. */
function cmapOf(data: string): Map<string, string> {
  const map = new Map<string, string>();
  const utf16 = (hex: string) =>
    String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of data.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      map.set(m[1]!.toUpperCase(), utf16(m[2]!));
  for (const block of data.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]+)>|\[([^\]]*)\])/g,
    )) {
      const lo = parseInt(m[1]!, 16);
      const hi = parseInt(m[2]!, 16);
      const width = m[1]!.length;
      const list = m[4] ? [...m[4].matchAll(/<([0-9A-Fa-f]+)>/g)].map((x) => x[1]!) : null;
      for (let c = lo; c <= hi; c++) {
        const key = c.toString(16).toUpperCase().padStart(width, '0');
        if (list) map.set(key, utf16(list[c - lo] ?? ''));
        else {
          const base = parseInt(m[3]!, 16) + (c - lo);
          map.set(key, utf16(base.toString(16).padStart(m[3]!.length, '0')));
        }
      }
    }
  }
  return map;
}

/**
 * Each page's text in page order: runs of a text object joined, text objects on new lines,
 * ligatures (ﬁ) written out as their letters.
 */
export function pdfPages(pdf: Buffer): string[] {
  const objs = objects(pdf);
  const root = [...objs.values()].find(
    (o) => /\/Type\s*\/Pages\b/.test(o.dict) && !/\/Parent\b/.test(o.dict),
  );
  if (!root) throw new Error('pdf: no page tree');
  const pages: PdfObject[] = [];
  const walk = (o: PdfObject) => {
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(o.dict);
    if (!kids) return void pages.push(o);
    for (const id of refs(kids[1]!)) walk(objs.get(id)!);
  };
  walk(root);
  const cmaps = new Map<number, Map<string, string>>();
  const fontMap = (id: number) => {
    if (!cmaps.has(id)) {
      const font = objs.get(id)!;
      const tu = /\/ToUnicode\s+(\d+) 0 R/.exec(font.dict);
      cmaps.set(id, tu ? cmapOf(objs.get(Number(tu[1]))!.stream!.toString('latin1')) : new Map());
    }
    return cmaps.get(id)!;
  };
  return pages.map((page) => {
    const resources = resourcesOf(page.dict, objs);
    const fontsDict = /\/Font\s*(<<[^>]*>>|\d+ 0 R)/.exec(resources);
    const fonts = new Map<string, number>();
    if (fontsDict) {
      const inline = fontsDict[1]!.startsWith('<<')
        ? fontsDict[1]!
        : objs.get(refs(fontsDict[1]!)[0]!)!.dict;
      for (const m of inline.matchAll(/\/([\w.+-]+)\s+(\d+) 0 R/g)) fonts.set(m[1]!, Number(m[2]));
    }
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(page.dict);
    const streams = contents ? refs(contents[1]!).map((id) => objs.get(id)!.stream!) : [];
    return streams
      .map((s) => contentText(s.toString('latin1'), fonts, fontMap))
      .join('\n')
      .normalize('NFKC');
  });
}

function resourcesOf(dict: string, objs: Map<number, PdfObject>): string {
  const ref = /\/Resources\s+(\d+) 0 R/.exec(dict);
  if (ref) return objs.get(Number(ref[1]))!.dict;
  const at = dict.indexOf('/Resources');
  return at < 0 ? '' : dict.slice(at);
}

function contentText(
  content: string,
  fonts: Map<string, number>,
  fontMap: (id: number) => Map<string, string>,
): string {
  let cmap = new Map<string, string>();
  let out = '';
  const tokens = /\/([\w.+-]+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>|\bET\b/g;
  for (let m = tokens.exec(content); m; m = tokens.exec(content)) {
    if (m[1] !== undefined) {
      const id = fonts.get(m[1]);
      cmap = id === undefined ? new Map() : fontMap(id);
    } else if (m[2] !== undefined) {
      for (const code of m[2].match(/.{4}/g) ?? []) out += cmap.get(code.toUpperCase()) ?? '';
    } else out += '\n';
  }
  return out;
}
