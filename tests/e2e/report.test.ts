import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { StatsReport } from '../../contract/stats.js';
import { addDays, isoWeekday, localDay, quickRange } from '../../manager/src/state/date-range.js';
import { formatCount, formatSeconds, formatShare } from '../../manager/src/state/format.js';
import { ARTIFACTS, launchBrowser, screenshot, seriousA11yViolations } from '../support/browser.js';
import { pdfPages } from '../support/pdf-text.js';
import { seedHistory } from '../support/staffing-history.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const today = localDay(Date.now(), 'Europe/Istanbul');
const lastMonth = quickRange('last-month', today);
const monthBefore = quickRange('last-month', lastMonth.from);
const weekdaysOf = (range: { from: string; to: string }) => {
  const days: string[] = [];
  for (let d = range.from; d <= range.to; d = addDays(d, 1)) if (isoWeekday(d) <= 5) days.push(d);
  return days;
};

let browser: Browser;
let server: TestServer;
let context: BrowserContext;
let page: Page;
let hallName: string;

beforeAll(async () => {
  // Demo-like history: every weekday of last month, and a few days of the month before (so
  // there is a previous period to compare with, and no data a year ago).
  const dataDir = await mkdtemp(path.join(tmpdir(), 'siramatik-report-'));
  await seedHistory(dataDir, [
    ...weekdaysOf(monthBefore)
      .slice(0, 3)
      .map((day) => ({ day, visitors: 100 })),
    ...weekdaysOf(lastMonth).map((day) => ({ day, visitors: 120 })),
  ]);
  server = await startTestServer({ dataDir, distDir: inject('distDir') });
  hallName = server.app.configStore.read().halls[0]!.name;
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'tr-TR' });
  page = await context.newPage();
  const manager = await server.addUser('manager');
  await page.goto(`${server.url}/manager#report`);
  await page.getByLabel('Kullanıcı adı').fill(manager.username);
  await page.getByLabel('Parola').fill(manager.password);
  await page.getByRole('button', { name: 'Giriş yap' }).click();
  await page.getByTestId('report-document').waitFor({ timeout: 30_000 });
}, 180_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.dispose();
});

/** `/api/stats` for the same range, fetched with the page's session. */
async function stats(range: { from: string; to: string }, groupBy: string): Promise<StatsReport> {
  return page.evaluate(async (url) => {
    const res = await fetch(url);
    return (await res.json()) as StatsReport;
  }, `/api/stats?from=${range.from}&to=${range.to}&groupBy=${groupBy}`);
}

describe('printable report (#report)', () => {
  it('when a manager opens #report, then last month is shown with the hall name and the headline figures of /api/stats', async () => {
    await expect
      .poll(() => page.getByRole('tab', { name: 'Rapor' }).getAttribute('aria-selected'))
      .toBe('true');
    await expect.poll(() => page.getByTestId('report-hall').innerText()).toBe(hallName);
    const total = (await stats(lastMonth, 'none')).total;
    expect(total.served).toBeGreaterThan(1_000);
    const tile = (id: string) =>
      page.locator(`[data-testid="report-headlines"] [data-id="${id}"] .tile-value`).innerText();
    expect(await tile('served')).toBe(formatCount('tr', total.served));
    expect(await tile('mean-service')).toBe(formatSeconds(total.serviceTime.meanSeconds));
    expect(await tile('resolved')).toBe(formatShare('tr', total.resolvedShare));
    expect(await tile('mean-wait')).toBe(formatSeconds(total.wait.meanSeconds));
    expect(await tile('no-shows')).toBe(formatCount('tr', total.noShows));

    const summary = await page.getByTestId('report-summary').innerText();
    const month = new Intl.DateTimeFormat('tr-TR', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(Date.parse(`${lastMonth.from}T12:00:00Z`));
    expect(summary).toMatch(
      new RegExp(
        `^${month}'(da|de|ta|te) ${formatCount('tr', total.served).replace('.', '\\.')} vatandaşa hizmet verildi; ortalama hizmet süresi ${formatSeconds(total.serviceTime.meanSeconds)}, `,
      ),
    );
    // The month before has data on three days only, and says so; a year ago has none.
    expect(summary).toContain('; yalnız 3 günün verisi var) göre hizmet verilen vatandaş sayısı');
    await expect.poll(() => page.getByTestId('no-comparison').count()).toBe(1);
    await screenshot(page, 'manager-report');
    const violations = await seriousA11yViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  });

  it('when printed to an A4 PDF, then no row, tile or chart can be cut by a page edge, and the PDF has several numbered pages with the hall name and headline and no tabs or buttons', async () => {
    await page.emulateMedia({ media: 'print' });
    // What keeps a row, tile, chart or sentence from being cut by a page edge: each avoids
    // breaks inside and is shorter than an A4 page's content (265 mm ≈ 1,000 px), measured at
    // the printed width (182 mm ≈ 690 px).
    await page.setViewportSize({ width: 690, height: 1000 });
    const unbreakable = await page.evaluate(() => {
      const found: Array<{ tag: string; avoid: string; height: number }> = [];
      const walk = (root: Document | ShadowRoot) => {
        for (const el of root.querySelectorAll<HTMLElement>('*')) {
          if (el.shadowRoot) walk(el.shadowRoot);
          if (!el.matches('tr, figure, .tile, .summary p')) continue;
          const inReport = (el.getRootNode() as ShadowRoot).host?.tagName.startsWith(
            'MANAGER-REPORT',
          );
          if (!inReport) continue;
          found.push({
            tag: `${el.tagName.toLowerCase()}.${el.className}`,
            avoid: getComputedStyle(el).breakInside,
            height: el.getBoundingClientRect().height,
          });
        }
      };
      walk(document);
      return found;
    });
    expect(unbreakable.length).toBeGreaterThan(60);
    expect(unbreakable.filter((e) => e.avoid !== 'avoid' || e.height > 1_000)).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({
      path: path.join(ARTIFACTS, 'manager-report-print-media.png'),
      fullPage: true,
    });
    const pdf = await page.pdf({ format: 'A4' });
    await page.emulateMedia({ media: 'screen' });
    await mkdir(ARTIFACTS, { recursive: true });
    await writeFile(path.join(ARTIFACTS, 'manager-report.pdf'), pdf);
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(4);
    const total = (await stats(lastMonth, 'none')).total;
    expect(pages[0]).toContain(hallName);
    expect(pages[0]).toContain(formatCount('tr', total.served));
    // The page-margin boxes: one text run per piece of `Sayfa N / M`.
    const oneLine = pages.map((p) => p.replace(/\n/g, ''));
    oneLine.forEach((p, i) => expect(p).toContain(`Sayfa ${i + 1} / ${pages.length}`));
    expect(oneLine[1]).toContain(`${hallName} — Hizmet raporu`);
    const all = pages.join('\n');
    expect(all).not.toContain('Yazdır / PDF');
    expect(all).not.toContain('Canlı izleme');
  });

  it('when the page is switched to English, then the report and its summary are in English with English numbers', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('tab', { name: 'Report' }).waitFor();
    const total = (await stats(lastMonth, 'none')).total;
    const month = new Intl.DateTimeFormat('en-GB', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(Date.parse(`${lastMonth.from}T12:00:00Z`));
    await expect
      .poll(() => page.getByTestId('report-summary').innerText())
      .toContain(`In ${month}, ${formatCount('en', total.served)} citizens were served;`);
    await expect
      .poll(() => page.getByTestId('no-comparison').innerText())
      .toBe('no data to compare with');
    await screenshot(page, 'manager-report-en');
  });
});
