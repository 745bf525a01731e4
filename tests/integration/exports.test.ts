import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import express, { type Request } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../server/src/auth/actor.js';
import type { ConfigData, UserRecord } from '../../server/src/config/config-data.js';
import { defaultConfig } from '../../server/src/config/default-config.js';
import type { RouteDeps } from '../../server/src/http/deps.js';
import { mountRoutes } from '../../server/src/http/route.js';
import { statsRoutes } from '../../server/src/http/stats-routes.js';
import { QueueService, type CounterCommand } from '../../server/src/queue/queue-service.js';
import { EXPORT_COLUMNS } from '../../server/src/stats/export-columns.js';
import { StatsService } from '../../server/src/stats/stats-service.js';
import { openEmbeddedStore } from '../../server/src/store/embedded/open-embedded-store.js';
import type { Store } from '../../server/src/store/store.js';
import { parseCsv } from '../support/csv.js';
import { readDaySummary } from '../support/day-summary.js';

const HALL = 'cankaya';
const MON = '2024-05-06';
const TUE = '2024-05-07';
/** Wall-clock time in Istanbul (UTC+3) on Monday 2024-05-06 + `dayOffset`. */
const local = (hh: number, mm: number, ss = 0, dayOffset = 0) =>
  Date.UTC(2024, 4, 6 + dayOffset, hh - 3, mm, ss);

const user = (id: string, displayName: string, role: UserRecord['role']): UserRecord => ({
  id,
  username: id,
  displayName,
  role,
  hallId: HALL,
  passwordHash: 'unused',
  active: true,
  createdAt: 0,
});

/** The default hall, with names that try formula injection and Turkish letters everywhere. */
function config(): ConfigData {
  const c = defaultConfig();
  const rename: Record<string, string> = {
    'banko-1': '=1+2',
    'banko-3': '+1',
    'banko-4': '-1',
    'banko-5': '@SUM(1)',
    'banko-6': '\t=1',
  };
  for (const counter of c.counters) counter.name = rename[counter.id] ?? counter.name;
  c.services.find((s) => s.id === 'mali-hizmetler')!.name.tr = 'Mali "Hizmetler", Vergi';
  c.users = [
    user('sukru', 'Şükrü Öztürk', 'clerk'),
    user('ayse', 'Ayşe Işık', 'clerk'),
    user('gulsen', 'Gülşen Çiğdem', 'clerk'),
    user('evil', '\r=cmd', 'clerk'),
    user('mudur', 'Müdür', 'manager'),
  ];
  return c;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** A supertest body parser that keeps the raw bytes (BOM included, XLSX intact). */
type BodyParser = Extract<Parameters<request.Test['parse']>[0], (res: never, cb: never) => void>;
const binary: BodyParser = (res, done) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('stats and exports over a real embedded store', () => {
  let dir: string;
  let store: Store;
  let queues: QueueService;
  let now = local(9, 0);
  let app: express.Express;
  let tightApp: express.Express;
  let exactApp: express.Express;
  let codes = 0;

  const at = async (time: number, work: () => Promise<unknown>) => {
    now = time;
    const r = (await work()) as { ok: boolean; error?: unknown };
    if (!r.ok) throw new Error(`arrange failed: ${JSON.stringify(r.error)}`);
  };
  const issue = (time: number, serviceId: string) =>
    at(time, () => queues.issue(HALL, { serviceId, priority: null, lang: 'tr' }));
  const counter = (time: number, counterId: string, clerk: string, command: CounterCommand) =>
    at(time, () =>
      queues.counterCommand(counterId, { userId: clerk, mayOverride: false }, command),
    );
  const as = (userId: string | null) => ({ 'x-test-user': userId ?? '' });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'siramatik-exports-'));
    store = await openEmbeddedStore(dir, { log: () => undefined, initialConfig: config });
    queues = new QueueService({
      store,
      now: () => now,
      log: () => undefined,
      publicUrl: 'http://127.0.0.1',
      newTicketCode: () => `code${String(++codes).padStart(20, '0')}`,
    });
    await queues.start();

    // Monday: a visit, a transfer, a no-show, and a ticket still open at midnight.
    for (const [c, clerk] of [
      ['banko-1', 'sukru'],
      ['banko-5', 'ayse'],
      ['banko-4', 'gulsen'],
      ['banko-3', 'evil'],
    ] as const)
      await counter(local(9, 0), c, clerk, { type: 'open' });
    await issue(local(9, 0), 'vezne');
    await counter(local(9, 1), 'banko-1', 'sukru', { type: 'call-next' });
    await counter(local(9, 1, 30), 'banko-1', 'sukru', { type: 'start' });
    await counter(local(9, 5, 30), 'banko-1', 'sukru', {
      type: 'complete',
      outcome: 'resolved',
      note: null,
    });
    await issue(local(9, 2), 'imar-durum');
    await counter(local(9, 3), 'banko-5', 'ayse', { type: 'call-next' });
    await counter(local(9, 3, 30), 'banko-5', 'ayse', { type: 'start' });
    await counter(local(9, 6), 'banko-5', 'ayse', {
      type: 'transfer',
      serviceId: 'ruhsat',
      position: 'back',
    });
    await counter(local(9, 7), 'banko-4', 'gulsen', { type: 'call-next' });
    await counter(local(9, 7, 30), 'banko-4', 'gulsen', { type: 'start' });
    await counter(local(9, 12), 'banko-4', 'gulsen', {
      type: 'complete',
      outcome: 'forwarded',
      directorateId: 'fen-isleri',
      note: 'Fen İşleri',
    });
    await issue(local(9, 10), 'dilekce');
    await counter(local(9, 11), 'banko-3', 'evil', { type: 'call-next' });
    await counter(local(9, 13), 'banko-3', 'evil', { type: 'no-show' });
    await issue(local(23, 58), 'vezne');
    await counter(local(23, 59), 'banko-1', 'sukru', { type: 'call-next' });
    // Past midnight the day closes: V002 is cancelled and the day summary written.
    now = local(0, 1, 0, 1);
    await queues.checkRollover();
    // Tuesday (live): one visit, one ticket waiting.
    await counter(local(9, 0, 0, 1), 'banko-6', 'ayse', { type: 'open' });
    await issue(local(9, 0, 0, 1), 'imar-evrak');
    await counter(local(9, 1, 0, 1), 'banko-6', 'ayse', { type: 'call-next' });
    await counter(local(9, 1, 0, 1), 'banko-6', 'ayse', { type: 'start' });
    await counter(local(9, 4, 0, 1), 'banko-6', 'ayse', {
      type: 'complete',
      outcome: 'resolved',
      note: null,
    });
    await issue(local(9, 5, 0, 1), 'mali-hizmetler');

    const statsWith = (xlsxMaxRows?: number) =>
      new StatsService({
        journal: store.journal,
        summaries: store.summaries,
        hallConfig: (id) => queues.hallConfig(id),
        liveDay: (id) => queues.hall(id)?.state.day,
        clerkName: queues.clerkDisplayName,
        clerkUsername: (id) => store.config.read().users.find((u) => u.id === id)?.username ?? null,
        now: () => now,
        log: () => undefined,
        xlsxMaxRows,
      });
    const actorOf = (req: Request): Actor => {
      const found = store.config.read().users.find((u) => u.id === req.headers['x-test-user']);
      return found ? { kind: 'user', user: found, sessionIdHash: 'test' } : { kind: 'anonymous' };
    };
    // The stats routes use only `queues` of the shared route dependencies.
    const deps = { queues, now: () => now, actorOf } as unknown as RouteDeps;
    const appWith = (stats: StatsService) => {
      const api = express.Router();
      mountRoutes(api, statsRoutes({ ...deps, stats }), { actorOf, queues });
      return express().use('/api', api);
    };
    app = appWith(statsWith());
    // Monday and Tuesday hold 7 visit rows: one sheet row too few, and just enough.
    tightApp = appWith(statsWith(6));
    exactApp = appWith(statsWith(7));
  });

  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('when the day closes, then its summary (version 3, by column, ASCII) holds the folded records', async () => {
    const file = path.join(dir, 'days', HALL, `${MON}.json`);
    const summary = await readDaySummary(dir, HALL, MON);

    expect(summary.version).toBe(3);
    expect(summary.decoded.map((r) => [r.number, r.segment, r.end])).toEqual([
      ['V001', 0, 'completed'],
      ['İ001', 0, 'transferred'],
      ['İ001', 1, 'completed'],
      ['D001', 0, 'no-show'],
      ['V002', 0, 'cancelled'],
    ]);
    // İ001 is written escaped: the file is ASCII, which Node decodes many times faster.
    expect([...(await readFile(file))].every((byte) => byte < 0x80)).toBe(true);
  });

  describe('CSV', () => {
    let raw: Buffer;
    let rows: string[][];
    let headers: Record<string, string>;
    beforeAll(async () => {
      const res = await request(app)
        .get(`/api/exports/tickets.csv?from=${MON}&to=${TUE}`)
        .set(as('mudur'))
        .buffer(true)
        .parse(binary);
      expect(res.status).toBe(200);
      headers = res.headers as Record<string, string>;
      raw = res.body as Buffer;
      rows = parseCsv(raw.subarray(3).toString('utf8'));
    });
    const row = (number: string, stage = '1') =>
      Object.fromEntries(
        rows[0]!.map((h, i) => [h, rows.find((r) => r[1] === number && r[2] === stage)![i]]),
      );

    it('when exported, then it is an attachment named after the range, with a UTF-8 BOM', () => {
      expect(headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(headers['content-disposition']).toBe(
        `attachment; filename="siramatik-cankaya-${MON}_${TUE}.csv"`,
      );
      expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    });

    it('when parsed back as RFC 4180, then there is a Turkish header and one row per visit', () => {
      expect(rows[0]).toEqual(EXPORT_COLUMNS.map((c) => c.header));
      expect(rows.slice(1).map((r) => `${r[0]} ${r[1]}/${r[2]}`)).toEqual([
        `${MON} V001/1`,
        `${MON} İ001/1`,
        `${MON} İ001/2`,
        `${MON} D001/1`,
        `${MON} V002/1`,
        `${TUE} E001/1`,
        `${TUE} M001/1`,
      ]);
      expect(rows.every((r) => r.length === EXPORT_COLUMNS.length)).toBe(true);
    });

    it('when a visit is read back, then its times are local and durations are minutes', () => {
      expect(row('V001')).toEqual({
        Tarih: MON,
        'Sıra No': 'V001',
        Aşama: '1',
        Hizmet: 'Vezne',
        Öncelik: '',
        Banko: "'=1+2",
        Personel: 'Şükrü Öztürk',
        'Personel kullanıcı adı': 'sukru',
        'Sıra alma': `${MON} 09:00:00`,
        'İlk çağrı': `${MON} 09:01:00`,
        Başlama: `${MON} 09:01:30`,
        Bitiş: `${MON} 09:05:30`,
        'Bekleme (dk)': '1.00',
        'Yürüme (dk)': '0.50',
        'Hizmet süresi (dk)': '4.00',
        'Toplam süre (dk)': '5.50',
        'Hedef (dk)': '4',
        'Hedef içinde': 'Evet',
        Durum: 'Tamamlandı',
        Sonuç: 'Masada çözüldü',
        'Yönlendirilen müdürlük': '',
        'Aktarıldığı hizmet': '',
        'Tekrar çağrı': '0',
        'Aktarma sayısı': '0',
        'İptal eden': '',
        Puan: '',
        'Vatandaş yorumu': '',
        Randevu: 'Hayır',
        'Randevu saati': '',
        'Randevuya göre çağrılma (dk)': '',
      });
    });

    it('when a visit was transferred, then each desk has its row and the total is on the last', () => {
      expect(row('İ001', '1')).toMatchObject({
        Hizmet: 'İmar Durum Bilgisi',
        Personel: 'Ayşe Işık',
        'Hizmet süresi (dk)': '2.50',
        Durum: 'Aktarıldı',
        'Aktarıldığı hizmet': 'Ruhsat',
        'Toplam süre (dk)': '',
      });
      expect(row('İ001', '2')).toMatchObject({
        Hizmet: 'Ruhsat',
        Personel: 'Gülşen Çiğdem',
        'Bekleme (dk)': '1.00',
        'Toplam süre (dk)': '10.00',
        Sonuç: 'Müdürlüğe yönlendirildi',
        'Yönlendirilen müdürlük': 'Fen İşleri',
        'Aktarma sayısı': '1',
      });
    });

    it('when a ticket was open at midnight, then it counts on its issue day, cancelled at day end', () => {
      expect(row('V002')).toMatchObject({
        Tarih: MON,
        Bitiş: `${TUE} 00:01:00`,
        Durum: 'İptal',
        'İptal eden': 'Gün sonu',
      });
      expect(row('D001')).toMatchObject({ Durum: 'Gelmedi', 'Bekleme (dk)': '1.00' });
      expect(row('M001')).toMatchObject({
        Hizmet: 'Mali "Hizmetler", Vergi',
        Durum: 'Devam ediyor',
      });
    });

    it('when names start with = + - @ tab or CR, then the cells are neutralised with a quote', () => {
      expect(row('V001').Banko).toBe("'=1+2");
      expect(row('D001').Banko).toBe("'+1");
      expect(row('İ001', '2').Banko).toBe("'-1");
      expect(row('İ001', '1').Banko).toBe("'@SUM(1)");
      expect(row('E001').Banko).toBe("'\t=1");
      expect(row('D001').Personel).toBe("'\r=cmd");
      expect(rows.flat().filter((cell) => FORMULA_START.test(cell))).toEqual([]);
    });
  });

  it('when the range is the live day only, then its rows come from the journal', async () => {
    const res = await request(app)
      .get(`/api/exports/tickets.csv?from=${TUE}&to=${TUE}`)
      .set(as('mudur'));

    expect(parseCsv(res.text.replace(/^\uFEFF/, '')).map((r) => r[1])).toEqual([
      'Sıra No',
      'E001',
      'M001',
    ]);
  });

  it('when an XLSX sheet could not hold the range, then the export is refused before a byte and CSV still works', async () => {
    const url = (format: string) => `/api/exports/tickets.${format}?from=${MON}&to=${TUE}`;

    const refused = await request(tightApp).get(url('xlsx')).set(as('mudur'));
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('too-many-rows');
    expect(refused.body.error.message).toContain('7 visits');
    expect(refused.headers['content-disposition']).toBeUndefined();

    expect((await request(tightApp).get(url('csv')).set(as('mudur'))).status).toBe(200);
    const exact = await request(exactApp)
      .get(url('xlsx'))
      .set(as('mudur'))
      .buffer(true)
      .parse(binary);
    expect(exact.status).toBe(200);
  });

  it('when exported as XLSX, then exceljs reads back dates, minutes and neutralised text', async () => {
    const res = await request(app)
      .get(`/api/exports/tickets.xlsx?from=${MON}&to=${TUE}`)
      .set(as('mudur'))
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="siramatik-cankaya-${MON}_${TUE}.xlsx"`,
    );

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as Parameters<typeof book.xlsx.load>[0]);
    const sheet = book.getWorksheet('Ziyaretler')!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);

    expect(values(1)).toEqual(EXPORT_COLUMNS.map((c) => c.header));
    expect(sheet.rowCount).toBe(8);
    const v001 = Object.fromEntries(EXPORT_COLUMNS.map((c, i) => [c.key, values(2)[i]]));
    expect(v001).toMatchObject({
      day: new Date(Date.UTC(2024, 4, 6)),
      number: 'V001',
      segment: 1,
      service: 'Vezne',
      counter: "'=1+2",
      clerk: 'Şükrü Öztürk',
      clerkUsername: 'sukru',
      issuedAt: new Date(Date.UTC(2024, 4, 6, 9, 0, 0)),
      waitMinutes: 1,
      walkMinutes: 0.5,
      serviceMinutes: 4,
      totalMinutes: 5.5,
      withinTarget: 'Evet',
      status: 'Tamamlandı',
    });
    const texts = sheet
      .getSheetValues()
      .flatMap((r) => (Array.isArray(r) ? r : []))
      .filter((v): v is string => typeof v === 'string');
    // XML reads a raw CR back as LF; the quote in front is what matters.
    expect(texts).toContain("'\n=cmd");
    expect(texts.filter((t) => FORMULA_START.test(t))).toEqual([]);
    expect(book.getWorksheet('Tanımlar')!.getRow(2).getCell(1).value).toBe('Tarih');
  });

  it('when exported as JSON, then it is one array of rows with codes and offset times', async () => {
    const res = await request(app)
      .get(`/api/exports/tickets.json?from=${MON}&to=${TUE}`)
      .set(as('mudur'));
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain(`${MON}_${TUE}.json`);

    const rows = JSON.parse(res.text) as Array<Record<string, unknown>>;

    expect(rows).toHaveLength(7);
    expect(rows[0]).toMatchObject({
      day: MON,
      number: 'V001',
      segment: 1,
      counter: '=1+2',
      clerk: 'Şükrü Öztürk',
      clerkUsername: 'sukru',
      issuedAt: '2024-05-06T09:00:00+03:00',
      waitMinutes: 1,
      serviceMinutes: 4,
      withinTarget: true,
      status: 'completed',
      outcome: 'resolved',
      rating: null,
    });
    expect(rows[4]).toMatchObject({ number: 'V002', status: 'cancelled', cancelledBy: 'day-end' });
  });

  it('when stats are asked by day, then the closed day and the live day are both there', async () => {
    const res = await request(app)
      .get(`/api/stats?from=${MON}&to=${TUE}&groupBy=day`)
      .set(as('mudur'));

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ hallId: HALL, timeZone: 'Europe/Istanbul', groupBy: 'day' });
    expect(
      res.body.groups.map((g: Record<string, unknown>) => [
        g.key,
        g.issued,
        g.served,
        g.noShows,
        g.cancelled,
        g.transferred,
      ]),
    ).toEqual([
      [MON, 4, 2, 1, 1, 1],
      [TUE, 2, 1, 0, 0, 0],
    ]);
    // 240 s vezne, 150 s imar-durum, 270 s ruhsat (over its 4 minutes), 180 s imar-evrak.
    expect(res.body.total.serviceTime).toMatchObject({
      count: 4,
      meanSeconds: 210,
      withinTarget: 3,
      withinTargetShare: 0.75,
    });
    expect(res.body.total).toMatchObject({ resolved: 2, forwarded: 1 });
  });

  it('when groupBy is left out, then stats are by day; by clerk, then clerks carry their names and user names', async () => {
    const byDay = await request(app).get(`/api/stats?from=${MON}&to=${MON}`).set(as('mudur'));
    const byClerk = await request(app)
      .get(`/api/stats?from=${MON}&to=${MON}&groupBy=clerk`)
      .set(as('mudur'));

    expect(byDay.body.groupBy).toBe('day');
    expect(byClerk.body.groups.map((g: { label: string }) => g.label)).toEqual(
      expect.arrayContaining([
        'Şükrü Öztürk (sukru)',
        'Ayşe Işık (ayse)',
        'Gülşen Çiğdem (gulsen)',
      ]),
    );
  });

  it.each([
    '/api/stats',
    '/api/exports/tickets.csv',
    '/api/exports/tickets.xlsx',
    '/api/exports/tickets.json',
  ])('when a clerk asks for %s, then it is 403; anonymous, 401', async (url) => {
    const q = `?from=${MON}&to=${TUE}`;

    const clerk = await request(app)
      .get(url + q)
      .set(as('sukru'));
    const anonymous = await request(app).get(url + q);

    expect(clerk.status).toBe(403);
    expect(clerk.body.error.code).toBe('forbidden');
    expect(anonymous.status).toBe(401);
  });

  it.each([
    ['from=2024-02-30&to=2024-03-01', 'from'],
    ['from=2024-05-06', 'to'],
    ['from=2024-05-07&to=2024-05-06', 'to'],
    ['from=2023-01-01&to=2024-05-06', 'to'],
    ['from=2024-05-06&to=2024-05-07&groupBy=year', 'groupBy'],
    ['from=06.05.2024&to=2024-05-07', 'from'],
  ])('when the stats query is %s, then it is 400 naming %s', async (query, field) => {
    const res = await request(app).get(`/api/stats?${query}`).set(as('mudur'));

    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation', field });
  });

  it('when a day summary in the range is damaged, then the export is a 500 error, not a file', async () => {
    await writeFile(path.join(dir, 'days', HALL, '2024-05-01.json'), '{"version":2,"rec');

    const res = await request(app)
      .get('/api/exports/tickets.csv?from=2024-05-01&to=2024-05-01')
      .set(as('mudur'));

    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe('internal');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toBeUndefined();
  });

  it('when an export query has an unknown field, then it is 400', async () => {
    const res = await request(app)
      .get(`/api/exports/tickets.csv?from=${MON}&to=${TUE}&groupBy=day`)
      .set(as('mudur'));

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation');
  });
});
