import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express, { type Request } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../server/src/auth/actor.js';
import type { ConfigData } from '../../server/src/config/config-data.js';
import { defaultConfig } from '../../server/src/config/default-config.js';
import type { RouteDeps } from '../../server/src/http/deps.js';
import { openApiDocument } from '../../server/src/http/openapi.js';
import { mountRoutes, type RouteDef } from '../../server/src/http/route.js';
import { statsRoutes } from '../../server/src/http/stats-routes.js';
import { QueueService, type CounterCommand } from '../../server/src/queue/queue-service.js';
import { EXPORT_COLUMNS } from '../../server/src/stats/export-columns.js';
import { StatsService } from '../../server/src/stats/stats-service.js';
import { openEmbeddedStore } from '../../server/src/store/embedded/open-embedded-store.js';
import type { Store } from '../../server/src/store/store.js';
import { parseCsv } from '../support/csv.js';

const HALL = 'cankaya';
const DAY = '2024-05-06';
/** Wall-clock time in Istanbul (UTC+3) on Monday 2024-05-06. */
const local = (hh: number, mm: number, ss = 0) => Date.UTC(2024, 4, 6, hh - 3, mm, ss);

/** A hall whose names hold both separators, a quote and a formula start. */
function config(): ConfigData {
  const c = defaultConfig();
  c.counters.find((k) => k.id === 'banko-1')!.name = '=1+2';
  c.services.find((s) => s.id === 'vezne')!.name.tr = 'Vezne; "Tahsilat", Harç';
  c.users = [
    {
      id: 'mudur',
      username: 'mudur',
      displayName: 'Müdür',
      role: 'manager',
      hallId: HALL,
      passwordHash: 'unused',
      active: true,
      createdAt: 0,
    },
    {
      id: 'sukru',
      username: 'sukru',
      displayName: '-Şükrü; Öztürk',
      role: 'clerk',
      hallId: HALL,
      passwordHash: 'unused',
      active: true,
      createdAt: 0,
    },
  ];
  return c;
}

const FORMULA_START = /^[=+\-@\t\r]/;

describe('CSV export dialects: Turkish Excel and RFC 4180', () => {
  let dir: string;
  let store: Store;
  let routes: RouteDef[];
  let app: express.Express;
  let now = local(9, 0);

  const at = async (time: number, work: () => Promise<unknown>) => {
    now = time;
    const r = (await work()) as { ok: boolean; error?: unknown };
    if (!r.ok) throw new Error(`arrange failed: ${JSON.stringify(r.error)}`);
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'siramatik-csv-dialects-'));
    store = await openEmbeddedStore(dir, { log: () => undefined, initialConfig: config });
    let codes = 0;
    const queues = new QueueService({
      store,
      now: () => now,
      log: () => undefined,
      publicUrl: 'http://127.0.0.1',
      newTicketCode: () => `code${String(++codes).padStart(20, '0')}`,
    });
    await queues.start();
    const desk = (time: number, command: CounterCommand) =>
      at(time, () =>
        queues.counterCommand('banko-1', { userId: 'sukru', mayOverride: false }, command),
      );
    await desk(local(9, 0), { type: 'open' });
    await at(local(9, 0), () =>
      queues.issue(HALL, { serviceId: 'vezne', priority: null, lang: 'tr' }),
    );
    await desk(local(9, 1, 15), { type: 'call-next' });
    await desk(local(9, 2), { type: 'start' });
    await desk(local(9, 6, 30), { type: 'complete', outcome: 'resolved', note: null });

    const stats = new StatsService({
      journal: store.journal,
      summaries: store.summaries,
      hallConfig: (id) => queues.hallConfig(id),
      liveDay: (id) => queues.hall(id)?.state.day,
      clerkName: queues.clerkDisplayName,
      now: () => now,
      log: () => undefined,
    });
    const actorOf = (req: Request): Actor => {
      const found = store.config.read().users.find((u) => u.id === req.headers['x-test-user']);
      return found ? { kind: 'user', user: found, sessionIdHash: 'test' } : { kind: 'anonymous' };
    };
    const deps = { queues, now: () => now, actorOf } as unknown as RouteDeps;
    routes = statsRoutes({ ...deps, stats });
    const api = express.Router();
    mountRoutes(api, routes, { actorOf, queues });
    app = express().use('/api', api);
  });

  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const download = async (query: string) => {
    const res = await request(app)
      .get(`/api/exports/tickets.csv?from=${DAY}&to=${DAY}${query}`)
      .set({ 'x-test-user': 'mudur' });
    expect(res.status).toBe(200);
    expect(res.text.startsWith('\uFEFF')).toBe(true);
    return res.text.slice(1);
  };
  const asRecord = (rows: string[][]) =>
    Object.fromEntries(rows[0]!.map((h, i) => [h, rows[1]![i]!]));

  it('when dialect=excel-tr, then fields are split by ; with comma decimals and Turkish dates, and parse back', async () => {
    const text = await download('&dialect=excel-tr');
    const rows = parseCsv(text, ';');

    expect(rows[0]).toEqual(EXPORT_COLUMNS.map((c) => c.header));
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.length === EXPORT_COLUMNS.length)).toBe(true);
    expect(asRecord(rows)).toMatchObject({
      Tarih: '06.05.2024',
      Hizmet: 'Vezne; "Tahsilat", Harç',
      Banko: "'=1+2",
      Personel: "'-Şükrü; Öztürk",
      'Sıra alma': '06.05.2024 09:00:00',
      'İlk çağrı': '06.05.2024 09:01:15',
      'Bekleme (dk)': '1,25',
      'Yürüme (dk)': '0,75',
      'Hizmet süresi (dk)': '4,50',
      'Toplam süre (dk)': '6,50',
    });
    // The service name with a ; is quoted; the comma decimals are not.
    expect(text).toContain(';"Vezne; ""Tahsilat"", Harç";');
    expect(text).toContain(';1,25;0,75;4,50;6,50;');
    expect(rows.flat().filter((cell) => FORMULA_START.test(cell))).toEqual([]);
  });

  it('when dialect=rfc4180, then fields are split by , with dot decimals, and parse back', async () => {
    const rows = parseCsv(await download('&dialect=rfc4180'), ',');

    expect(rows[0]).toEqual(EXPORT_COLUMNS.map((c) => c.header));
    expect(rows.every((r) => r.length === EXPORT_COLUMNS.length)).toBe(true);
    expect(asRecord(rows)).toMatchObject({
      Tarih: DAY,
      Hizmet: 'Vezne; "Tahsilat", Harç',
      Banko: "'=1+2",
      Personel: "'-Şükrü; Öztürk",
      'Sıra alma': `${DAY} 09:00:00`,
      'Bekleme (dk)': '1.25',
      'Hizmet süresi (dk)': '4.50',
    });
    expect(rows.flat().filter((cell) => FORMULA_START.test(cell))).toEqual([]);
  });

  it('when no dialect is given, then the API answers RFC 4180 as before', async () => {
    expect(await download('')).toBe(await download('&dialect=rfc4180'));
  });

  it('when the dialect is unknown, then it is 400', async () => {
    const res = await request(app)
      .get(`/api/exports/tickets.csv?from=${DAY}&to=${DAY}&dialect=excel-de`)
      .set({ 'x-test-user': 'mudur' });
    expect(res.status).toBe(400);
  });

  it('when the OpenAPI document is generated, then the CSV export lists the dialect choice', () => {
    const doc = openApiDocument(routes, 'test') as {
      paths: Record<
        string,
        { get: { parameters: Array<{ name: string; schema: { enum?: string[] } }> } }
      >;
    };
    const params = doc.paths['/api/exports/tickets.csv']!.get.parameters;
    expect(params.find((p) => p.name === 'dialect')?.schema.enum).toEqual(['rfc4180', 'excel-tr']);
    const xlsx = doc.paths['/api/exports/tickets.xlsx']!.get.parameters;
    expect(xlsx.map((p) => p.name)).toEqual(['from', 'to', 'names']);
  });
});
