import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConfigData } from '../../server/src/config/config-data.js';
import { defaultConfig } from '../../server/src/config/default-config.js';
import { localDay } from '../../server/src/domain/index.js';
import { openEmbeddedStore } from '../../server/src/store/embedded/open-embedded-store.js';
import { openConfiguredStore } from '../../server/src/store/open-store.js';
import { parseCsv } from '../support/csv.js';
import { kiosk, signedIn } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

type Agent = Awaited<ReturnType<typeof signedIn>>['agent'];

const binary = (res: NodeJS.ReadableStream, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** Issues a ticket and brings it to the clerk's desk at banko-1 (opened once). */
async function serving(server: TestServer, clerk: Agent): Promise<void> {
  await kiosk(server).issue('vezne');
  expect((await clerk.post('/api/counters/banko-1/call-next').send({})).status).toBe(200);
  expect((await clerk.post('/api/counters/banko-1/start').send({})).status).toBe(200);
}

describe('forwarded visits by directorate', () => {
  let server: TestServer;
  afterEach(async () => {
    await server.dispose();
  });

  describe('on a new install', () => {
    beforeEach(async () => {
      server = await startTestServer();
    });

    it('when the admin opens Ayarlar, then the usual directorates are there, Fen İşleri, Zabıta and Veteriner İşleri first', async () => {
      const { agent } = await signedIn(server, 'admin');
      const res = await agent.get('/api/settings');
      expect(res.status).toBe(200);
      const names = (res.body.directorates as { name: { tr: string } }[]).map((d) => d.name.tr);
      expect(names.slice(0, 3)).toEqual(['Fen İşleri', 'Zabıta', 'Veteriner İşleri']);
      expect(names).toContain('İmar ve Şehircilik');
      expect(names.length).toBeGreaterThanOrEqual(12);
    });

    it('when an admin adds, renames and retires directorates, then each is audited in Turkish and clerks see only active ones', async () => {
      const { agent: admin } = await signedIn(server, 'admin');
      const { agent: clerk } = await signedIn(server, 'clerk');
      const added = await admin
        .post('/api/directorates')
        .send({ name: { tr: 'Afet İşleri', en: 'Disaster Affairs' } });
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({ hallId: 'cankaya', active: true });
      const id = added.body.id as string;

      const renamed = await admin
        .patch(`/api/directorates/${id}`)
        .send({ name: { tr: 'Afet ve Acil Durum' } });
      expect(renamed.status).toBe(200);
      const retired = await admin.patch('/api/directorates/zabita').send({ active: false });
      expect(retired.status).toBe(200);

      const audit = await admin.get('/api/audit');
      const lines = (audit.body as { action: string; detail: string }[]).map(
        (e) => `${e.action}: ${e.detail}`,
      );
      expect(lines).toContain("directorate.update: Müdürlük 'Zabıta': kullanımdan kaldırıldı");
      expect(lines).toContain(
        "directorate.update: Müdürlük 'Afet İşleri': adı 'Afet İşleri' → 'Afet ve Acil Durum', İngilizce adı 'Disaster Affairs' → ''",
      );
      expect(lines).toContain("directorate.create: Müdürlük 'Afet İşleri' eklendi (kullanımda)");

      const choices = await clerk.get('/api/halls/cankaya/directorates');
      expect(choices.status).toBe(200);
      const ids = (choices.body as { id: string }[]).map((d) => d.id);
      expect(ids).toContain(id);
      expect(ids).not.toContain('zabita');
      // Retired, not deleted: the admin still sees it with its name.
      const settings = await admin.get('/api/settings');
      expect(settings.body.directorates).toContainEqual({
        id: 'zabita',
        hallId: 'cankaya',
        name: { tr: 'Zabıta', en: 'Municipal Police' },
        active: false,
      });
    });

    it('when the API is described, then the directorate routes and the complete body are in OpenAPI', async () => {
      const doc = (await request(server.app.app).get('/api/docs')).body as {
        paths: Record<string, Record<string, { requestBody?: unknown }>>;
      };
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/api/directorates',
          '/api/directorates/{directorateId}',
          '/api/halls/{hallId}/directorates',
        ]),
      );
      const complete = JSON.stringify(doc.paths['/api/counters/{counterId}/complete']!.post);
      expect(complete).toContain('directorateId');
    });

    it('when the request is bad or not an admin, then it is refused and nothing changes', async () => {
      const { agent: admin } = await signedIn(server, 'admin');
      const { agent: manager } = await signedIn(server, 'manager');
      const before = structuredClone(server.app.configStore.read().directorates);

      const byManager = await manager.post('/api/directorates').send({ name: { tr: 'Yeni' } });
      expect(byManager.status).toBe(403);
      const duplicate = await admin.post('/api/directorates').send({ name: { tr: 'zabıta' } });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.error).toMatchObject({ code: 'conflict', field: 'name.tr' });
      const empty = await admin.post('/api/directorates').send({ name: { tr: '  ' } });
      expect(empty.status).toBe(400);
      const unknownField = await admin
        .post('/api/directorates')
        .send({ name: { tr: 'Yeni' }, id: 'mine' });
      expect(unknownField.status).toBe(400);
      const missing = await admin.patch('/api/directorates/yok').send({ active: false });
      expect(missing.status).toBe(404);
      const nothing = await admin.patch('/api/directorates/zabita').send({});
      expect(nothing.status).toBe(400);
      const anonymous = await request(server.app.app).get('/api/halls/cankaya/directorates');
      expect(anonymous.status).toBe(401);

      expect(server.app.configStore.read().directorates).toEqual(before);
    });

    it('when a clerk forwards without a known active directorate, then it is refused and the visit stays open', async () => {
      const { agent: admin } = await signedIn(server, 'admin');
      const { agent: clerk } = await signedIn(server, 'clerk');
      await admin.patch('/api/directorates/zabita').send({ active: false });
      await clerk.post('/api/counters/banko-1/open').send({});
      await serving(server, clerk);
      const rev = server.app.queues.hall('cankaya')!.state.rev;

      const refusals = [
        { outcome: 'forwarded' },
        { outcome: 'forwarded', directorateId: 'yok-boyle-bir-mudurluk' },
        { outcome: 'forwarded', directorateId: 'zabita' },
        { outcome: 'resolved', directorateId: 'fen-isleri' },
      ];
      for (const body of refusals) {
        const res = await clerk.post('/api/counters/banko-1/complete').send(body);
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.body.error).toMatchObject({ code: 'validation', field: 'directorateId' });
      }
      expect(server.app.queues.hall('cankaya')!.state.rev).toBe(rev);
      const open = [...server.app.queues.hall('cankaya')!.state.tickets.values()][0]!;
      expect(open.status).toBe('serving');
    });

    it('when a clerk forwards to a directorate, then the ticket, the journal, a restart, the stats and every export carry it', async () => {
      const { agent: clerk } = await signedIn(server, 'clerk');
      await clerk.post('/api/counters/banko-1/open').send({});
      const forward = async (directorateId: string | null) => {
        await serving(server, clerk);
        const body = directorateId
          ? { outcome: 'forwarded', directorateId }
          : { outcome: 'resolved' };
        const res = await clerk.post('/api/counters/banko-1/complete').send(body);
        expect(res.status).toBe(200);
        return res.body.ticket as { number: string; directorateId?: string | null };
      };
      const first = await forward('fen-isleri');
      expect(first).toMatchObject({ number: 'V001', directorateId: 'fen-isleri' });
      await forward('fen-isleri');
      await forward('veteriner-isleri');
      const resolved = await forward(null);
      expect(resolved.directorateId).toBeNull();

      // The most forwarded today comes first in the clerk's list.
      const choices = await clerk.get('/api/halls/cankaya/directorates');
      expect(choices.body.slice(0, 2)).toMatchObject([
        { id: 'fen-isleri', forwardedToday: 2 },
        { id: 'veteriner-isleri', forwardedToday: 1 },
      ]);

      const journalDir = path.join(server.dataDir, 'journal', 'cankaya');
      const [file] = await readdir(journalDir);
      const events = (await readFile(path.join(journalDir, file!), 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { type: string; directorateId?: string | null });
      expect(
        events.filter((e) => e.type === 'ticket:completed').map((e) => e.directorateId),
      ).toEqual(['fen-isleri', 'fen-isleri', 'veteriner-isleri', null]);

      await server.restart();
      const replayed = server.app.queues.hall('cankaya')!.state;
      expect(replayed.tickets.get(replayed.ticketIdByNumber.get('V003')!)!.directorateId).toBe(
        'veteriner-isleri',
      );

      const { agent: mgr } = await signedIn(server, 'manager');
      const day = localDay(Date.now(), 'Europe/Istanbul');
      const stats = await mgr.get(`/api/stats?from=${day}&to=${day}&groupBy=service`);
      expect(stats.status).toBe(200);
      expect(stats.body.total).toMatchObject({ resolved: 1, forwarded: 3 });
      expect(stats.body.byDirectorate).toEqual([
        {
          directorateId: 'fen-isleri',
          name: 'Fen İşleri',
          nameEn: 'Public Works',
          count: 2,
          share: 0.6667,
        },
        {
          directorateId: 'veteriner-isleri',
          name: 'Veteriner İşleri',
          nameEn: 'Veterinary Services',
          count: 1,
          share: 0.3333,
        },
      ]);

      const column = (rows: string[][]) => {
        const i = rows[0]!.indexOf('Yönlendirilen müdürlük');
        expect(i).toBeGreaterThan(-1);
        return rows.slice(1).map((r) => r[i]);
      };
      const expected = ['Fen İşleri', 'Fen İşleri', 'Veteriner İşleri', ''];
      for (const [dialect, sep] of [
        ['rfc4180', ','],
        ['excel-tr', ';'],
      ] as const) {
        const csv = await mgr.get(
          `/api/exports/tickets.csv?from=${day}&to=${day}&dialect=${dialect}`,
        );
        expect(csv.status).toBe(200);
        expect(column(parseCsv(csv.text.replace(/^\uFEFF/, ''), sep))).toEqual(expected);
      }

      const json = await mgr.get(`/api/exports/tickets.json?from=${day}&to=${day}`);
      expect(json.status).toBe(200);
      const rows = JSON.parse(json.text) as { number: string; directorate: string | null }[];
      expect(rows.map((r) => [r.number, r.directorate])).toEqual([
        ['V001', 'Fen İşleri'],
        ['V002', 'Fen İşleri'],
        ['V003', 'Veteriner İşleri'],
        ['V004', null],
      ]);

      const xlsx = await mgr
        .get(`/api/exports/tickets.xlsx?from=${day}&to=${day}`)
        .buffer(true)
        .parse(binary as never);
      expect(xlsx.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.body as Parameters<typeof book.xlsx.load>[0]);
      const sheet = book.getWorksheet('Ziyaretler')!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      const col = header.indexOf('Yönlendirilen müdürlük') + 1;
      expect(col).toBeGreaterThan(0);
      expect([2, 3, 4, 5].map((n) => sheet.getRow(n).getCell(col).value ?? '')).toEqual(expected);
      const definitions = book.worksheets
        .flatMap((s) => s.getSheetValues())
        .flat()
        .filter((v): v is string => typeof v === 'string');
      expect(definitions.some((v) => v.includes('işin devredildiği müdürlük'))).toBe(true);
    });
  });

  describe('when a server starts on a data folder from before directorates', () => {
    it('then the start writes the usual directorates into config.json once and says so', async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'siramatik-directorates-'));
      try {
        const older = (): ConfigData => {
          const c = defaultConfig();
          delete c.directorates;
          return c;
        };
        const first = await openEmbeddedStore(dir, { log: () => undefined, initialConfig: older });
        await first.close();
        const lines: string[] = [];
        const log = (l: string) => lines.push(l);
        const { store } = await openConfiguredStore({ dataDir: dir, log, initialConfig: older });
        await store.close();

        const file = JSON.parse(
          await readFile(path.join(dir, 'config.json'), 'utf8'),
        ) as ConfigData;
        expect(file.directorates!.map((d) => d.id).slice(0, 3)).toEqual([
          'fen-isleri',
          'zabita',
          'veteriner-isleri',
        ]);
        expect(lines.filter((l) => l.includes('directorates'))).toEqual([
          'config: the usual directorates added for hall cankaya (Ayarlar → Müdürlükler)',
        ]);
        // Started again: nothing more to migrate, nothing said.
        const again = await openConfiguredStore({ dataDir: dir, log, initialConfig: older });
        await again.store.close();
        expect(lines.filter((l) => l.includes('directorates'))).toHaveLength(1);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });

  describe('on a config file from before directorates', () => {
    beforeEach(async () => {
      const old = (): ConfigData => {
        const c = defaultConfig();
        delete c.directorates;
        return c;
      };
      server = await startTestServer({ config: old });
    });

    it('when a clerk forwards and an admin retires one, then the seeded list is used and then written with the change', async () => {
      const { agent: clerk } = await signedIn(server, 'clerk');
      const { agent: admin } = await signedIn(server, 'admin');
      expect(server.app.configStore.read().directorates).toBeUndefined();
      await clerk.post('/api/counters/banko-1/open').send({});
      await serving(server, clerk);
      const done = await clerk
        .post('/api/counters/banko-1/complete')
        .send({ outcome: 'forwarded', directorateId: 'zabita' });
      expect(done.status).toBe(200);

      expect(
        (await admin.patch('/api/directorates/fen-isleri').send({ active: false })).status,
      ).toBe(200);
      const stored = server.app.configStore.read().directorates!;
      expect(stored.length).toBeGreaterThanOrEqual(12);
      expect(stored.find((d) => d.id === 'fen-isleri')!.active).toBe(false);
      expect(stored.find((d) => d.id === 'zabita')!.active).toBe(true);
    });
  });
});
