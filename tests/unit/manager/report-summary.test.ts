import { describe, expect, it } from 'vitest';
import type { GroupStats } from '../../../manager/src/state/stats-report.js';
import { compare, headlines, heatMap } from '../../../manager/src/state/report-model.js';
import {
  defaultReportRange,
  lastSpokenWord,
  lastYearRange,
  periodPhrase,
  previousRange,
  turkishSuffix,
} from '../../../manager/src/state/report-period.js';
import { durationWords, summarySentences } from '../../../manager/src/state/report-summary.js';

function stats(
  over: Partial<GroupStats> & { mean?: number | null; waitMean?: number | null },
): GroupStats {
  const { mean = 244, waitMean = 372, ...rest } = over;
  return {
    key: 'all',
    label: 'Toplam',
    issued: 9_500,
    served: 9_320,
    noShows: 143,
    cancelled: 0,
    transferred: 0,
    wait: { count: 9_400, meanSeconds: waitMean, medianSeconds: null, p90Seconds: null },
    serviceTime: {
      count: 9_320,
      meanSeconds: mean,
      medianSeconds: null,
      p90Seconds: null,
      withinTarget: 0,
      withinTargetShare: null,
    },
    resolved: 9_127,
    forwarded: 193,
    resolvedShare: 0.9793,
    forwardedShare: 0.0207,
    idleSeconds: 0,
    ratings: 812,
    meanRating: 4.63,
    ...rest,
  };
}

const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };
const OCTOBER = { from: '2026-10-01', to: '2026-10-31' };
const hour = (key: string, issued: number, wait: number): GroupStats => ({
  ...stats({ waitMean: wait }),
  key,
  issued,
});

describe('report period', () => {
  it('when the tab opens in December, then the report covers the whole of November', () => {
    expect(defaultReportRange('2026-12-04')).toEqual(NOVEMBER);
    expect(defaultReportRange('2026-01-15')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });

  it('when a whole month is compared, then the previous period is the month before and last year the same month', () => {
    expect(previousRange(NOVEMBER)).toEqual(OCTOBER);
    expect(previousRange({ from: '2026-03-01', to: '2026-03-31' })).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(lastYearRange({ from: '2024-02-01', to: '2024-02-29' })).toEqual({
      from: '2023-02-01',
      to: '2023-02-28',
    });
    expect(lastYearRange({ from: '2024-02-10', to: '2024-02-29' })).toEqual({
      from: '2023-02-10',
      to: '2023-02-28',
    });
  });

  it('when a range is not a month, then the previous period is as many days just before it', () => {
    expect(previousRange({ from: '2026-11-10', to: '2026-11-16' })).toEqual({
      from: '2026-11-03',
      to: '2026-11-09',
    });
  });

  it('when a period starts a sentence, then Turkish gives it the right suffix and English a preposition', () => {
    expect(periodPhrase('tr', NOVEMBER)).toBe("Kasım 2026'da");
    expect(periodPhrase('tr', { from: '2023-11-01', to: '2023-11-30' })).toBe("Kasım 2023'te");
    expect(periodPhrase('tr', { from: '2030-04-01', to: '2030-04-30' })).toBe("Nisan 2030'da");
    expect(periodPhrase('tr', { from: '2026-01-01', to: '2026-12-31' })).toBe('2026 yılında');
    expect(periodPhrase('tr', { from: '2026-11-03', to: '2026-11-03' })).toBe('3 Kasım 2026 günü');
    expect(periodPhrase('tr', { from: '2026-11-01', to: '2026-11-15' })).toBe(
      '1–15 Kasım 2026 döneminde',
    );
    expect(periodPhrase('en', NOVEMBER)).toBe('In November 2026');
    expect(periodPhrase('en', { from: '2026-11-03', to: '2026-11-03' })).toBe('On 3 November 2026');
  });
});

describe('Turkish suffixes after numbers', () => {
  it.each([
    ['2026', 'altı'],
    ['2020', 'yirmi'],
    ['2000', 'bin'],
    ['1900', 'yüz'],
    ['40', 'kırk'],
    ['3000000', 'milyon'],
    ['0', 'sıfır'],
  ])('when %s is read aloud, then its last word is %s', (n, word) => {
    expect(lastSpokenWord(n)).toBe(word);
  });

  it.each([
    ['2026', 'locative', 'da'],
    ['2023', 'locative', 'te'],
    ['2024', 'locative', 'te'],
    ['2040', 'locative', 'ta'],
    ['2000', 'locative', 'de'],
    ['%97,9', 'possessive', 'u'],
    ['%98', 'possessive', 'i'],
    ['%1,5', 'possessive', 'i'],
    ['%40', 'possessive', 'ı'],
    ['%100', 'possessive', 'ü'],
    ['%2,6', 'possessive', 'sı'],
    ['%12,2', 'possessive', 'si'],
    ['9', 'dative', 'a'],
    ['7', 'dative', 'ye'],
    ['Kasım', 'locative', 'da'],
  ] as const)('when %s takes the %s, then it is %s', (word, kind, suffix) => {
    expect(turkishSuffix(word, kind)).toBe(suffix);
  });
});

describe('report summary sentences', () => {
  const input = {
    range: NOVEMBER,
    total: stats({}),
    targetMinutes: 4,
    byHour: [hour('09', 800, 300), hour('12', 1_204, 1_325), hour('15', 600, 200)],
    previous: compare(stats({}), null, OCTOBER),
  };

  it('when November is summarised in Turkish, then numbers are grouped with dots and suffixes are right', () => {
    const s = summarySentences('tr', input);
    expect(s[0]).toBe(
      "Kasım 2026'da 9.320 vatandaşa hizmet verildi; ortalama hizmet süresi 4:04, 4 dakikalık hedefin 4 saniye üzerinde.",
    );
    expect(s[1]).toBe("İşlerin %97,9'u bankoda çözüldü; %98,0 hedefi tutturulamadı.");
    expect(s[2]).toBe(
      'Ortalama bekleme süresi 6:12; en yoğun saat 12:00–13:00 (1.204 bilet, ortalama bekleme 22:05).',
    );
    expect(s[3]).toBe("Çağrıldığında gelmeyen 143 bilet oldu (alınan biletlerin %1,5'i).");
    expect(s[4]).toBe(
      'Ziyaretini değerlendiren 812 vatandaşın verdiği ortalama puan 5 üzerinden 4,6.',
    );
    expect(s).toHaveLength(5);
  });

  it('when the same is summarised in English, then numbers use commas and nouns agree with their counts', () => {
    const s = summarySentences('en', {
      ...input,
      total: stats({ served: 1, mean: 229, noShows: 1 }),
    });
    expect(s[0]).toBe(
      'In November 2026, 1 citizen was served; the mean service time was 3:49, 11 seconds below the 4-minute target.',
    );
    expect(s[3]).toBe('1 ticket was not answered when called (0.0% of tickets issued).');
    expect(summarySentences('en', input)[0]).toContain('9,320 citizens were served');
  });

  it('when a mean is more than a minute off, then the gap is in minutes and seconds', () => {
    expect(durationWords('tr', 65)).toBe('1 dakika 5 saniye');
    expect(durationWords('en', -61)).toBe('1 minute 1 second');
    expect(durationWords('en', 120)).toBe('2 minutes');
  });

  it('when data is missing, then there is no sentence about it', () => {
    const s = summarySentences('tr', {
      ...input,
      total: stats({ mean: null, waitMean: null, resolvedShare: null, noShows: 0, ratings: 19 }),
      byHour: [],
    });
    expect(s).toEqual(["Kasım 2026'da 9.320 vatandaşa hizmet verildi."]);
    expect(summarySentences('tr', { ...input, total: stats({ issued: 0, served: 0 }) })).toEqual([
      "Kasım 2026'da kayıtlı ziyaret yok.",
    ]);
  });

  it('when the previous period has data, then the change is a sentence; when not, none', () => {
    const before = stats({ served: 8_944, mean: 250 });
    const withPrevious = { ...input, previous: compare(stats({}), before, OCTOBER) };
    expect(summarySentences('tr', withPrevious).at(-1)).toBe(
      'Bir önceki döneme (Ekim 2026) göre hizmet verilen vatandaş sayısı %4,2 arttı; ortalama hizmet süresi 6 saniye kısaldı.',
    );
    expect(summarySentences('en', withPrevious).at(-1)).toBe(
      'Compared with the previous period (October 2026), citizens served rose by 4.2% and the mean service time was 6 seconds shorter.',
    );
    expect(summarySentences('tr', input).join(' ')).not.toContain('önceki');
  });

  it('when the previous period has data on fewer days, then the sentence says so', () => {
    const before = stats({ served: 1_200, mean: 250 });
    const partial = {
      ...input,
      previous: compare(stats({}), before, OCTOBER, { current: 20, other: 3 }),
    };
    expect(summarySentences('tr', partial).at(-1)).toMatch(
      /^Bir önceki döneme \(Ekim 2026; yalnız 3 günün verisi var\) göre /,
    );
    expect(summarySentences('en', partial).at(-1)).toMatch(
      /^Compared with the previous period \(October 2026; data on 3 days only\), /,
    );
    const full = compare(stats({}), before, OCTOBER, { current: 20, other: 21 });
    expect(full.kind === 'ready' && full.fewerDays).toBeNull();
  });
});

describe('report comparison, headlines and heat map', () => {
  it('when the other period issued no ticket, then there is nothing to compare', () => {
    expect(compare(stats({}), stats({ issued: 0, served: 0 }), OCTOBER).kind).toBe('none');
  });

  it('when compared, then each row has the change and whether it is for the better', () => {
    const c = compare(stats({ mean: 240 }), stats({ mean: 250, noShows: 100 }), OCTOBER);
    if (c.kind !== 'ready') throw new Error('expected a comparison');
    const row = (id: string) => c.rows.find((r) => r.id === id)!;
    expect(row('mean-service')).toMatchObject({ delta: -10, better: true });
    expect(row('no-shows')).toMatchObject({ delta: 43, better: false });
    expect(row('served')).toMatchObject({ delta: 0, better: null });
  });

  it('when headlines are made, then the mean is held against the target and resolved against 98%', () => {
    const h = headlines(stats({}), 4);
    expect(h.find((x) => x.id === 'mean-service')).toMatchObject({ goal: 240, met: false });
    expect(h.find((x) => x.id === 'resolved')).toMatchObject({ goal: 0.98, met: false });
    expect(headlines(stats({ mean: 240.4, resolvedShare: 0.98 }), 4).map((x) => x.met)).toEqual([
      true,
      true,
      null,
      null,
      null,
    ]);
  });

  it('when weekday-hour groups are mapped, then the grid spans the busy hours, weekdays always, weekends with data', () => {
    const m = heatMap([hour('1-09', 40, 60), hour('1-12', 100, 900), hour('3-10', 10, 30)]);
    expect(m.hours).toEqual(['09', '10', '11', '12']);
    expect(m.rows.map((r) => r.weekday)).toEqual([1, 2, 3, 4, 5]);
    expect(m.rows[0]!.cells.map((c) => c.level)).toEqual([2, 0, 0, 4]);
    expect(m.rows[2]!.cells[1]).toMatchObject({ issued: 10, level: 1, meanWaitSeconds: 30 });
    expect(heatMap([hour('6-10', 5, 0)]).rows.map((r) => r.weekday)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(heatMap([])).toEqual({ hours: [], rows: [], maxIssued: 0 });
  });
});
