import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupStats, StatsReport } from '../../contract/stats.js';
import { signedIn } from '../support/http.js';
import { seedHistory } from '../support/staffing-history.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { firstSheet, headerIndex, rowOf, type Row } from '../support/xlsx-sheets.js';

const DAYS = ['2026-03-02', '2026-03-03', '2026-03-04'];
const RANGE = `from=${DAYS[0]}&to=${DAYS.at(-1)}`;
const DAY_S = 86_400;

describe('XLSX "Özet" sheet against GET /api/stats', () => {
  let server: TestServer;
  let agent: Awaited<ReturnType<typeof signedIn>>['agent'];
  let rows: Row[];
  let names: string[];

  beforeAll(async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'siramatik-xlsx-summary-'));
    await seedHistory(
      dataDir,
      DAYS.map((day) => ({ day, visitors: 150 })),
    );
    server = await startTestServer({ dataDir });
    agent = (await signedIn(server, 'manager')).agent;
    const res = await agent
      .get(`/api/exports/tickets.xlsx?${RANGE}`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    ({ rows, names } = firstSheet(res.body as Buffer));
  }, 120_000);

  afterAll(async () => {
    await server?.dispose();
  });

  const stats = async (groupBy: string) =>
    (await agent.get(`/api/stats?${RANGE}&groupBy=${groupBy}`)).body as StatsReport;

  /** The figures of a row against the stats group they summarise. */
  function expectSame(row: Row, g: GroupStats): void {
    const cell = (h: string) => row[headerIndex(rows, h)]?.value ?? null;
    const time = (s: number | null) => (s === null ? null : s / DAY_S);
    expect(cell('Alınan bilet')).toBe(g.issued);
    expect(cell('Hizmet verilen')).toBe(g.served);
    expect(cell('Gelmeyen')).toBe(g.noShows);
    expect(cell('İptal')).toBe(g.cancelled);
    expect(cell('Başka hizmete aktarılan')).toBe(g.transferred);
    expect(cell('Ort. bekleme (dk:sn)')).toBeCloseTo(time(g.wait.meanSeconds)!, 12);
    expect(cell('Ort. hizmet süresi (dk:sn)')).toBeCloseTo(time(g.serviceTime.meanSeconds)!, 12);
    expect(cell('Hedef süre içinde (%)')).toBe(g.serviceTime.withinTargetShare);
    expect(cell('Masada çözülen (%)')).toBe(g.resolvedShare);
    expect(cell('Müdürlüğe yönlendirilen')).toBe(g.forwarded);
  }

  it('when a manager downloads the XLSX, then "Özet" is the first tab and the per-visit sheet stays', () => {
    expect(names).toEqual(['Özet', 'Ziyaretler', 'Tanımlar']);
  });

  it('when the totals and the per-service rows are read back, then they equal /api/stats', async () => {
    const byService = await stats('service');
    expect(byService.total.issued).toBeGreaterThan(300);
    expectSame(rowOf(rows, 'Toplam'), byService.total);
    for (const g of byService.groups) expectSame(rowOf(rows, g.label), g);
  });

  it('when the per-day and per-clerk rows are read back, then they equal /api/stats', async () => {
    for (const g of (await stats('day')).groups) {
      const serial = Date.parse(`${g.key}T00:00:00Z`) / (DAY_S * 1000) + 25_569;
      const row = rowOf(rows, serial);
      expect(row[0]!.format).toBe('dd.mm.yyyy');
      expectSame(row, g);
    }
    const byClerk = (await stats('clerk')).groups;
    expect(byClerk.length).toBeGreaterThan(1);
    for (const g of byClerk) expectSame(rowOf(rows, g.label), g);
  });

  it('when durations and shares are formatted, then times are [m]:ss and shares 0.0%', () => {
    const total = rowOf(rows, 'Toplam');
    expect(total[headerIndex(rows, 'Ort. hizmet süresi (dk:sn)')]!.format).toBe('[m]:ss');
    expect(total[headerIndex(rows, 'Masada çözülen (%)')]!.format).toBe('0.0%');
  });
});
