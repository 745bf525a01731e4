import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS, type ExportNames } from '../../../server/src/stats/export-columns.js';
import { ExportAborted } from '../../../server/src/stats/stream-sink.js';
import type { TicketRecord } from '../../../server/src/stats/ticket-record.js';
import { writeXlsx, type XlsxMeta } from '../../../server/src/stats/xlsx-export.js';
import { readZip } from '../../support/zip-entries.js';
import { local } from './stats-fixtures.js';

const NAMES: ExportNames = {
  hallId: 'cankaya',
  timeZone: 'Europe/Istanbul',
  service: (id) => ({ vezne: 'Vezne', ruhsat: 'Ruhsat & İzin <Yapı>' })[id] ?? id,
  counter: (id) => ({ 'banko-1': '=1+2', 'banko-2': 'Banko 2' })[id] ?? id,
  clerk: (id) => ({ sukru: 'Şükrü Öztürk', ayse: 'Ayşe Işık' })[id] ?? id,
  clerkUsername: (id) => id,
};
const META: XlsxMeta = {
  hallName: '@Çankaya "Merkez"',
  from: '2024-05-06',
  to: '2024-05-07',
  at: local(17, 30),
};
const LONG_NOTE = `${'Çok uzun bir yorum; '.repeat(8)}son.`;

function record(over: Partial<TicketRecord>): TicketRecord {
  return {
    hallId: 'cankaya',
    ticketId: 'cankaya-2024-05-06-V001',
    number: 'V001',
    segment: 0,
    last: true,
    day: '2024-05-06',
    hour: 9,
    weekday: 1,
    serviceId: 'vezne',
    targetMinutes: 4,
    priority: null,
    lang: 'tr',
    counterId: 'banko-1',
    clerkId: 'sukru',
    issuedAt: local(9, 0),
    queuedAt: local(9, 0),
    firstCalledAt: local(9, 1),
    lastCalledAt: local(9, 1),
    startedAt: local(9, 1, 30),
    completedAt: local(9, 5, 30),
    endedAt: local(9, 5, 30),
    waitMs: 60_000,
    walkMs: 30_000,
    serviceMs: 240_000,
    totalMs: 330_000,
    end: 'completed',
    outcome: 'resolved',
    transferredTo: null,
    cancelledBy: null,
    recalls: 0,
    transfers: 0,
    idle: [],
    rating: 5,
    note: 'Hızlı & güler yüzlü <3 "teşekkürler"',
    ...over,
  };
}

const RECORDS: TicketRecord[] = [
  record({}),
  record({
    number: 'İ001',
    serviceId: 'ruhsat',
    counterId: 'banko-2',
    clerkId: 'ayse',
    priority: 'elderly',
    end: 'transferred',
    transferredTo: 'vezne',
    outcome: null,
    totalMs: null,
    serviceMs: 150_001,
    completedAt: null,
    recalls: 1,
    transfers: 1,
    rating: null,
    note: '=HYPERLINK("http://x")',
  }),
  record({
    number: 'V002',
    end: 'open',
    counterId: null,
    clerkId: null,
    firstCalledAt: null,
    lastCalledAt: null,
    startedAt: null,
    completedAt: null,
    endedAt: null,
    waitMs: null,
    walkMs: null,
    serviceMs: null,
    totalMs: null,
    outcome: null,
    rating: null,
    note: ` kenarda boşluk\u0001\u0008 ve\r\nsatır `,
  }),
  record({ number: 'V003', day: '2024-05-07', issuedAt: local(0, 0, 0, 1), note: LONG_NOTE }),
];

async function* batches(records: TicketRecord[], size = 2): AsyncGenerator<TicketRecord[]> {
  for (let i = 0; i < records.length; i += size) yield records.slice(i, i + size);
}

/** The workbook's bytes, written to a sink that keeps up. */
async function exportBytes(records = RECORDS, zip64From?: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      done();
    },
  });
  await writeXlsx(out, batches(records), NAMES, META, { zip64From });
  return Buffer.concat(chunks);
}

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as Parameters<typeof book.xlsx.load>[0]);
  return book;
}

/** A row's cells by JSON key: value, type name and number format, as exceljs reads them. */
function cellsOf(sheet: ExcelJS.Worksheet, row: number) {
  const type = Object.fromEntries(Object.entries(ExcelJS.ValueType).map(([k, v]) => [v, k]));
  return Object.fromEntries(
    EXPORT_COLUMNS.map((c, i) => {
      const cell = sheet.getRow(row).getCell(i + 1);
      return [c.key, [cell.value, type[cell.type], cell.numFmt]];
    }),
  );
}

const wall = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) =>
  new Date(Date.UTC(y, mo - 1, d, h, mi, s));

describe('XLSX export', () => {
  it('when a completed visit is read back, then each cell has its value, type and format', async () => {
    const sheet = (await load(await exportBytes())).getWorksheet('Ziyaretler')!;

    expect(cellsOf(sheet, 2)).toEqual({
      day: [wall(2024, 5, 6), 'Date', 'dd.mm.yyyy'],
      number: ['V001', 'String', undefined],
      segment: [1, 'Number', undefined],
      service: ['Vezne', 'String', undefined],
      priority: [null, 'Null', undefined],
      counter: ["'=1+2", 'String', undefined],
      clerk: ['Şükrü Öztürk', 'String', undefined],
      clerkUsername: ['sukru', 'String', undefined],
      issuedAt: [wall(2024, 5, 6, 9, 0), 'Date', 'dd.mm.yyyy hh:mm:ss'],
      calledAt: [wall(2024, 5, 6, 9, 1), 'Date', 'dd.mm.yyyy hh:mm:ss'],
      startedAt: [wall(2024, 5, 6, 9, 1, 30), 'Date', 'dd.mm.yyyy hh:mm:ss'],
      endedAt: [wall(2024, 5, 6, 9, 5, 30), 'Date', 'dd.mm.yyyy hh:mm:ss'],
      waitMinutes: [1, 'Number', '0.00'],
      walkMinutes: [0.5, 'Number', '0.00'],
      serviceMinutes: [4, 'Number', '0.00'],
      totalMinutes: [5.5, 'Number', '0.00'],
      targetMinutes: [4, 'Number', undefined],
      withinTarget: ['Evet', 'String', undefined],
      status: ['Tamamlandı', 'String', undefined],
      outcome: ['Masada çözüldü', 'String', undefined],
      directorate: [null, 'Null', undefined],
      transferredTo: [null, 'Null', undefined],
      recalls: [0, 'Number', undefined],
      transfers: [0, 'Number', undefined],
      cancelledBy: [null, 'Null', undefined],
      rating: [5, 'Number', undefined],
      ratingComment: ['Hızlı & güler yüzlü <3 "teşekkürler"', 'String', undefined],
      appointment: ['Hayır', 'String', undefined],
      slotTime: [null, 'Null', undefined],
      calledAfterSlotMinutes: [null, 'Null', undefined],
    });
  });

  it('when a visit was transferred, then labels, names with XML characters and a formula are text', async () => {
    const sheet = (await load(await exportBytes())).getWorksheet('Ziyaretler')!;

    expect(cellsOf(sheet, 3)).toMatchObject({
      number: ['İ001', 'String', undefined],
      service: ['Ruhsat & İzin <Yapı>', 'String', undefined],
      priority: ['65 yaş üstü', 'String', undefined],
      clerk: ['Ayşe Işık', 'String', undefined],
      serviceMinutes: [2.5, 'Number', '0.00'],
      totalMinutes: [null, 'Null', undefined],
      withinTarget: ['Evet', 'String', undefined],
      status: ['Aktarıldı', 'String', undefined],
      transferredTo: ['Vezne', 'String', undefined],
      recalls: [1, 'Number', undefined],
      ratingComment: ['\'=HYPERLINK("http://x")', 'String', undefined],
    });
  });

  it('when a ticket is still open, then its missing times and durations are empty cells', async () => {
    const sheet = (await load(await exportBytes())).getWorksheet('Ziyaretler')!;
    const cells = cellsOf(sheet, 4);

    for (const key of ['counter', 'clerk', 'calledAt', 'startedAt', 'endedAt', 'waitMinutes']) {
      expect(cells[key]).toEqual([null, 'Null', undefined]);
    }
    expect(cells.withinTarget).toEqual([null, 'Null', undefined]);
    expect(cells.status).toEqual(['Devam ediyor', 'String', undefined]);
    // Control characters XML cannot carry are dropped; spaces at the ends stay; CR LF reads as LF.
    expect(cells.ratingComment![0]).toBe(' kenarda boşluk ve\nsatır ');
  });

  it('when a comment is long, then it is written inline and the short texts are shared', async () => {
    const bytes = await exportBytes();
    const book = await load(bytes);
    const files = Object.fromEntries(
      readZip(bytes).entries.map((e) => [e.name, e.data.toString('utf8')]),
    );
    const sheetXml = files['xl/worksheets/sheet1.xml']!;

    // The comment is the last column: its letter follows the column list (Z, AA, …).
    const n = EXPORT_COLUMNS.findIndex((c) => c.key === 'ratingComment');
    const cell = `${n >= 26 ? String.fromCharCode(64 + Math.floor(n / 26)) : ''}${String.fromCharCode(65 + (n % 26))}5`;
    expect(book.getWorksheet('Ziyaretler')!.getCell(cell).value).toBe(LONG_NOTE);
    expect(sheetXml).toContain(`<c r="${cell}" t="inlineStr"><is><t>${LONG_NOTE}</t></is></c>`);
    expect(sheetXml).toMatch(/<c r="D2" t="s"><v>\d+<\/v><\/c>/);
    expect(files['xl/sharedStrings.xml']).toContain(
      '<si><t>Ruhsat &amp; İzin &lt;Yapı&gt;</t></si>',
    );
    // A day's midnight is a whole serial day; the next day is one more.
    expect(sheetXml).toContain('<c r="A5" s="2"><v>45419</v></c><c r="B5" t="s">');
    expect(sheetXml).toContain('<c r="I5" s="3"><v>45419</v></c>');
  });

  it('when opened, then the header is bold and frozen, with the column widths', async () => {
    const sheet = (await load(await exportBytes())).getWorksheet('Ziyaretler')!;

    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(
      EXPORT_COLUMNS.map((c) => c.header),
    );
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, topLeftCell: 'A2' });
    expect(EXPORT_COLUMNS.map((_, i) => sheet.getColumn(i + 1).width)).toEqual(
      EXPORT_COLUMNS.map((c) => c.width),
    );
    expect(sheet.rowCount).toBe(RECORDS.length + 1);
  });

  it('when the definitions sheet is read, then it explains each column and the export', async () => {
    const book = await load(await exportBytes());
    const about = book.getWorksheet('Tanımlar')!;
    const row = (n: number) => (about.getRow(n).values as unknown[]).slice(1);

    expect(book.worksheets.map((s) => s.name)).toEqual(['Özet', 'Ziyaretler', 'Tanımlar']);
    expect(row(1)).toEqual(['Sütun', 'Açıklama', 'JSON']);
    expect(row(2)).toEqual([EXPORT_COLUMNS[0]!.header, EXPORT_COLUMNS[0]!.note, 'day']);
    const first = EXPORT_COLUMNS.length + 2;
    expect(row(first)).toEqual([]);
    expect([1, 2, 3, 4].map((i) => row(first + i))).toEqual([
      ['Salon', '\'@Çankaya "Merkez"'],
      ['Dönem', '2024-05-06 – 2024-05-07'],
      ['Saat dilimi', 'Europe/Istanbul'],
      ['Hazırlanma', '2024-05-06 17:30:00'],
    ]);
    expect(book.creator).toBe('Sıramatik');
  });

  it('when there are no records, then the workbook has the header row only', async () => {
    const sheet = (await load(await exportBytes([]))).getWorksheet('Ziyaretler')!;

    expect(sheet.rowCount).toBe(1);
  });

  it('when the archive passes the ZIP64 threshold, then exceljs still reads every row', async () => {
    const bytes = await exportBytes(RECORDS, 1000);

    expect(readZip(bytes, 1000).zip64End).toBe(true);
    const sheet = (await load(bytes)).getWorksheet('Ziyaretler')!;
    expect(sheet.getCell('B5').value).toBe('V003');
  });
});

describe('XLSX export against a slow or vanished client', () => {
  /** A day of visits, `days` times over: enough rows to fill any buffer many times. */
  const history = (days: number) =>
    Array.from({ length: days * 500 }, (_, i) =>
      record({ number: `V${i}`, note: `yorum ${i} ${'x'.repeat(i % 50)}` }),
    );

  it('when the client stops reading, then rows wait for it and memory stays bounded', async () => {
    let pulled = 0;
    async function* counted(): AsyncGenerator<TicketRecord[]> {
      for await (const b of batches(history(40), 500)) {
        pulled++;
        yield b;
      }
    }
    let open = false;
    const waiting: Array<() => void> = [];
    let received = 0;
    const out = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _enc, done) {
        received += chunk.length;
        // Takes the first 64 KB, then nothing until opened again.
        if (open || received < 64 * 1024) done();
        else waiting.push(done);
      },
    });

    const finished = writeXlsx(out, counted(), NAMES, META);
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    while (waiting.length === 0) await sleep(10);
    // Time for rows to run ahead if nothing held them back.
    await sleep(300);
    const stalledAt = pulled;
    await sleep(200);

    expect(stalledAt).toBeLessThan(5);
    expect(pulled).toBe(stalledAt);
    expect(out.writableLength).toBeLessThan(512 * 1024);
    open = true;
    waiting.splice(0).forEach((done) => done());
    await finished;
    expect(pulled).toBe(40);
  });

  it('when the client goes away, then the export rejects with ExportAborted and stops reading', async () => {
    let pulled = 0;
    let closed = false;
    async function* counted(): AsyncGenerator<TicketRecord[]> {
      try {
        for await (const b of batches(history(40), 500)) {
          pulled++;
          yield b;
        }
      } finally {
        closed = true;
      }
    }
    let received = 0;
    const out = new Writable({
      write(chunk: Buffer, _enc, done) {
        received += chunk.length;
        if (received > 100 * 1024) this.destroy();
        done();
      },
    });

    await expect(writeXlsx(out, counted(), NAMES, META)).rejects.toBeInstanceOf(ExportAborted);
    expect(pulled).toBeLessThan(40);
    expect(closed).toBe(true);
  });
});
