import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { StaffingPlan } from '../../contract/staffing.js';
import { addDays, localDay } from '../../manager/src/state/date-range.js';
import { formatDay } from '../../manager/src/state/format.js';
import { hourRange } from '../../manager/src/state/staffing.js';
import { weeksBefore } from '../../server/src/stats/staffing/staffing-plan.js';
import { ARTIFACTS, launchBrowser, screenshot, seriousA11yViolations } from '../support/browser.js';
import { seedHistory } from '../support/staffing-history.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const today = localDay(Date.now(), 'Europe/Istanbul');
const tomorrow = addDays(today, 1);

let browser: Browser;
let server: TestServer;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  // Twelve weeks of tomorrow's weekday: the plan's eight and the back-test's four more.
  const dataDir = await mkdtemp(path.join(tmpdir(), 'siramatik-plan-'));
  await seedHistory(
    dataDir,
    weeksBefore(tomorrow, today, 12)
      .reverse()
      .map((day) => ({ day, visitors: 500 })),
  );
  server = await startTestServer({ dataDir, distDir: inject('distDir') });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'tr-TR' });
  page = await context.newPage();
  const manager = await server.addUser('manager');
  await page.goto(`${server.url}/manager#plan`);
  await page.getByLabel('Kullanıcı adı').fill(manager.username);
  await page.getByLabel('Parola').fill(manager.password);
  await page.getByRole('button', { name: 'Giriş yap' }).click();
  await page.getByTestId('plan-table').waitFor({ timeout: 30_000 });
}, 180_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.dispose();
});

/** The plan the API gives for the same day and target, with the page's session. */
async function apiPlan(target: number): Promise<StaffingPlan> {
  return page.evaluate(async (url) => {
    const res = await fetch(url);
    return (await res.json()) as StaffingPlan;
  }, `/api/stats/staffing?date=${tomorrow}&targetWaitMinutes=${target}`);
}

/** The table's rows: hour and counters needed. */
async function tableRows(): Promise<Array<{ hour: string; needed: string }>> {
  return page.getByTestId('plan-table').evaluate((table) =>
    [...table.querySelectorAll('tbody tr')].map((tr) => ({
      // The first line: a flag ("banko az açılmış") may follow on the next.
      hour: (tr.querySelector('th') as HTMLElement).innerText.split('\n')[0]!.trim(),
      needed: (tr.querySelectorAll('td')[2] as HTMLElement).innerText.split('\n')[0]!.trim(),
    })),
  );
}

describe('staffing plan (#plan)', () => {
  it('when a manager opens #plan, then tomorrow is planned for a 5-minute wait, hour by hour as the API says', async () => {
    await expect
      .poll(() => page.getByRole('tab', { name: 'Planlama' }).getAttribute('aria-selected'))
      .toBe('true');
    expect(await page.getByLabel('Planlanacak gün').inputValue()).toBe(tomorrow);
    expect(await page.getByLabel('Hedef ortalama bekleme (dakika)').inputValue()).toBe('5');
    expect(await page.getByTestId('plan-title').innerText()).toContain(
      formatDay('tr', tomorrow, true),
    );
    const plan = await apiPlan(5);
    expect(plan.usedDays).toHaveLength(8);
    const rows = await tableRows();
    expect(rows).toEqual(
      plan.hours.map((h) => ({ hour: hourRange(h.hour), needed: String(h.countersNeeded) })),
    );
    // The demo's lunch hour: waits long and counters closed for lunch, named in words.
    const under = await page.getByTestId('understaffed').innerText();
    expect(plan.hours.find((h) => h.hour === 12)!.understaffed).toBe(true);
    expect(under).toMatch(
      /12:00–13:00: ölçülen ortalama bekleme \d+ dk; ortalama [\d,]+ banko açıktı/,
    );
    expect(await page.getByTestId('backtest').innerText()).toMatch(
      /^Son 4 haftanın aynı günü, her biri kendinden önceki 8 haftadan tahmin edildi: tahmin saatte ortalama [\d,]+ ziyaretçi \(%[\d,]+\) saptı\./,
    );
    await expect
      .poll(() => page.locator('manager-staffing-chart svg rect.needed').count())
      .toBe(plan.hours.length);
    await screenshot(page, 'manager-staffing');
    await page.screenshot({
      path: path.join(ARTIFACTS, 'manager-staffing-full.png'),
      fullPage: true,
    });
    const violations = await seriousA11yViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  });

  it('when the target is raised to 15 minutes, then the table shows the API plan for 15', async () => {
    await page.getByLabel('Hedef ortalama bekleme (dakika)').fill('15');
    await page.getByRole('button', { name: 'Planı hesapla' }).click();
    await expect
      .poll(() => page.getByTestId('plan-title').innerText(), { timeout: 20_000 })
      .toContain('15 dakika');
    const plan = await apiPlan(15);
    expect(await tableRows()).toEqual(
      plan.hours.map((h) => ({ hour: hourRange(h.hour), needed: String(h.countersNeeded) })),
    );
  });

  it('when the target is not a number the page takes, then it says so and asks nothing', async () => {
    const before = await page.getByTestId('plan-title').innerText();
    const target = page.getByLabel('Hedef ortalama bekleme (dakika)');
    await target.fill('0');
    await page.getByRole('button', { name: 'Planı hesapla' }).click();
    await expect
      .poll(() => page.getByRole('alert').innerText())
      .toBe('Hedef bekleme 0,5 ile 120 dakika arasında olmalı.');
    expect(await target.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('plan-title').innerText()).toBe(before);
  });

  it('when the page is switched to English, then the plan reads in English', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Staffing plan' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Staffing' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    expect(await page.getByTestId('backtest').innerText()).toMatch(
      /^The same weekday of the last 4 weeks, each forecast from the 8 weeks before it: the forecast was off by [\d.]+ visitors an hour on average \([\d.]+%\)\./,
    );
    expect(await page.getByTestId('understaffed').innerText()).toContain(
      '12:00–13:00: measured mean wait',
    );
    await screenshot(page, 'manager-staffing-en');
  });
});
