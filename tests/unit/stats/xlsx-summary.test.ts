import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { aggregate } from '../../../server/src/stats/aggregate.js';
import type { ExportNames } from '../../../server/src/stats/export-columns.js';
import type { TicketRecord } from '../../../server/src/stats/ticket-record.js';
import { writeXlsx } from '../../../server/src/stats/xlsx-export.js';
import { firstSheet, headerIndex, rowOf, type Row } from '../../support/xlsx-sheets.js';
import { local } from './stats-fixtures.js';

const NAMES: ExportNames = {
  hallId: 'cankaya',
  timeZone: 'Europe/Istanbul',
  service: (id) => ({ vezne: 'Vezne', ruhsat: 'Ruhsat' })[id] ?? id,
  counter: (id) => id,
  clerk: (id) => ({ sukru: 'Şükrü Öztürk', ayse: '=Ayşe' })[id] ?? id,
  clerkUsername: (id) => id,
};

function visit(over: Partial<TicketRecord>): TicketRecord {
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
    startedAt: local(9, 1),
    completedAt: local(9, 5),
    endedAt: local(9, 5),
    waitMs: 60_000,
    walkMs: 0,
    serviceMs: 240_000,
    totalMs: 300_000,
    end: 'completed',
    outcome: 'resolved',
    transferredTo: null,
    cancelledBy: null,
    recalls: 0,
    transfers: 0,
    idle: [],
    rating: null,
    note: null,
    ...over,
  };
}

// Monday: two Vezne visits by Şükrü (4:00 and 5:00 of service, one rated 4), a Ruhsat visit
// by Ayşe forwarded after 3:00; Tuesday: a Vezne no-show that never reached a counter.
const RECORDS: TicketRecord[] = [
  visit({ rating: 4 }),
  visit({ number: 'V002', serviceMs: 300_000, waitMs: 180_000 }),
  visit({
    number: 'R001',
    serviceId: 'ruhsat',
    targetMinutes: 6,
    clerkId: 'ayse',
    counterId: 'banko-2',
    serviceMs: 180_000,
    outcome: 'forwarded',
  }),
  visit({
    number: 'V003',
    day: '2024-05-07',
    weekday: 2,
    counterId: null,
    clerkId: null,
    serviceMs: null,
    waitMs: null,
    startedAt: null,
    completedAt: null,
    end: 'no-show',
    outcome: null,
  }),
];

async function summarySheet(records: TicketRecord[]): Promise<{ names: string[]; rows: Row[] }> {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      done();
    },
  });
  async function* batches() {
    yield records.slice(0, 2);
    yield records.slice(2);
  }
  const meta = { hallName: 'Çankaya', from: '2024-05-06', to: '2024-05-07', at: local(17, 0) };
  await writeXlsx(out, batches(), NAMES, meta);
  return firstSheet(Buffer.concat(chunks));
}

describe('XLSX summary sheet "Özet"', () => {
  it('when the workbook opens, then "Özet" is the first tab, before the visits and definitions', async () => {
    const { names } = await summarySheet(RECORDS);
    expect(names).toEqual(['Özet', 'Ziyaretler', 'Tanımlar']);
  });

  it('when read back, then totals carry real numbers: counts, durations as [m]:ss times, shares as percents', async () => {
    const { rows } = await summarySheet(RECORDS);
    const total = rowOf(rows, 'Toplam');
    const col = (h: string) => total[headerIndex(rows, h)]!;
    expect(col('Alınan bilet')).toEqual({ value: 4, format: 'General' });
    expect(col('Hizmet verilen').value).toBe(3);
    expect(col('Gelmeyen').value).toBe(1);
    // (4:00 + 5:00 + 3:00) / 3 = 4:00, as a fraction of a day.
    expect(col('Ort. hizmet süresi (dk:sn)')).toEqual({ value: 240 / 86_400, format: '[m]:ss' });
    // (1 + 3 + 1) / 3 minutes = 1:40.
    expect(col('Ort. bekleme (dk:sn)').value).toBeCloseTo(100 / 86_400, 12);
    expect(col('Masada çözülen (%)')).toEqual({ value: 0.6667, format: '0.0%' });
    expect(col('Müdürlüğe yönlendirilen').value).toBe(1);
    expect(col('Ort. puan (1–5)')).toEqual({ value: 4, format: '0.00' });
  });

  it('when compared with the stats aggregates, then each service, day and clerk row has the same figures', async () => {
    const { rows } = await summarySheet(RECORDS);
    const served = headerIndex(rows, 'Hizmet verilen');
    const mean = headerIndex(rows, 'Ort. hizmet süresi (dk:sn)');
    const within = headerIndex(rows, 'Hedef süre içinde (%)');
    const check = (label: string | number, g: ReturnType<typeof aggregate>['groups'][number]) => {
      const row = rowOf(rows, label);
      expect(row[served]!.value).toBe(g.served);
      if (g.serviceTime.meanSeconds === null) expect(row[mean]).toBeUndefined();
      else expect(row[mean]!.value).toBeCloseTo(g.serviceTime.meanSeconds / 86_400, 12);
    };
    const byService = aggregate(RECORDS, 'service').groups;
    check(
      'Vezne',
      byService.find((g) => g.key === 'vezne')!,
    );
    check(
      'Ruhsat',
      byService.find((g) => g.key === 'ruhsat')!,
    );
    expect(rowOf(rows, 'Vezne')[within]!.value).toBe(0.5);
    // Days are real dates (Excel serials) in dd.mm.yyyy.
    const monday = rowOf(rows, 45_418);
    expect(monday[0]!.format).toBe('dd.mm.yyyy');
    check(45_418, aggregate(RECORDS, 'day').groups[0]!);
    check(45_419, aggregate(RECORDS, 'day').groups[1]!);
    const byClerk = aggregate(RECORDS, 'clerk').groups;
    check(
      'Şükrü Öztürk (sukru)',
      byClerk.find((g) => g.key === 'sukru')!,
    );
    // A name that looks like a formula is neutralised, as on the visits sheet.
    check(
      "'=Ayşe (ayse)",
      byClerk.find((g) => g.key === 'ayse')!,
    );
    check(
      'Bankoya çağrılmadı',
      byClerk.find((g) => g.key === null)!,
    );
  });

  it('when the range holds no visits, then the tables are there with zero totals and no rows', async () => {
    const { rows } = await summarySheet([]);
    const total = rowOf(rows, 'Toplam');
    expect(total[headerIndex(rows, 'Alınan bilet')]!.value).toBe(0);
    expect(rows.map((r) => r[0]!.value)).toContain('Personele göre');
  });
});
