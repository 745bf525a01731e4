import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bookingServer, MONDAY_9, type Clock } from '../integration/bookings-support.js';
import { playBookingDay, tuesdayAt } from '../support/booking-day.js';
import { ARTIFACTS, launchBrowser, screenshot, seriousA11yViolations } from '../support/browser.js';
import { describeProblems, layoutProblems } from '../support/layout-check.js';
import { pdfPages } from '../support/pdf-text.js';
import type { TestServer } from '../support/test-server.js';

/**
 * The day of tests/support/booking-day.ts (five bookings, two walk-ins; the same day as
 * tests/integration/booking-stats.test.ts), on a real server, seen in the browser.
 * By hand: 5 made, 2 checked in, 1 no-show, 1 cancelled, 1 not yet due; show rate 2 / (2 + 1)
 * = 66.67 %, shown cut to a tenth as %66,6; citizens 3 (%60,0), staff 2 (%40,0). Lateness 0 and
 * 8 min: mean and median 4, p90 0 + 0.9 × 8 = 7.2; 1 of 2 within 5 minutes. Booked waits 0 and
 * 8 min (the same figures); walk-in waits 7 and 2 min: mean and median 4.5, p90 2 + 0.9 × 5 = 6.5.
 */
const clock: Clock = { at: MONDAY_9 };
let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  clock.at = MONDAY_9;
  server = await bookingServer(clock, { distDir: inject('distDir') });
  await playBookingDay(server, clock);
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'tr-TR' });
  // The page's "today" is the server's: Tuesday 10:45.
  await context.clock.setFixedTime(tuesdayAt('10:45'));
  page = await context.newPage();
  const manager = await server.addUser('manager');
  await page.goto(`${server.url}/manager#stats`);
  await page.getByLabel('Kullanıcı adı').fill(manager.username);
  await page.getByLabel('Parola').fill(manager.password);
  await page.getByRole('button', { name: 'Giriş yap' }).click();
  await page.getByTestId('report-title').waitFor({ timeout: 30_000 });
}, 180_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.dispose();
});

/** The texts of the cells of each row, keyed by the row's `data-*` attribute. */
async function rowsOf(table: Locator, key: string): Promise<Record<string, string[]>> {
  const rows: Record<string, string[]> = {};
  for (const row of await table.locator(`tr[${key}]`).all()) {
    rows[(await row.getAttribute(key))!] = (await row.locator('td').allInnerTexts()).map((s) =>
      s.trim(),
    );
  }
  return rows;
}

async function figuresOf(scope: Locator, selector: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const el of await scope.locator(selector).all()) {
    const id = (await el.getAttribute('data-id'))!;
    const value = el.locator('.figure-value');
    out[id] = ((await value.count()) ? await value.innerText() : await el.innerText()).trim();
  }
  return out;
}

const HAND_COUNT_TR = {
  made: '5',
  checkedIn: '2',
  noShows: '1',
  cancelled: '1',
  booked: '1',
  showRate: '%66,6',
};

/** The waits table by hand (booked, walk-in): 0 and 8 min against 7 and 2 min. */
const HAND_COUNT_WAITS_TR = {
  count: ['2', '2'],
  mean: ['4 dk', '4,5 dk'],
  median: ['4 dk', '4,5 dk'],
  p90: ['7,2 dk', '6,5 dk'],
};

async function expectNoSeriousA11yViolations(): Promise<void> {
  const violations = await seriousA11yViolations(page);
  expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
}

async function pickQuick(name: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
}

describe('appointments on the statistics page and in the printable report', () => {
  it('when a manager opens today’s statistics, then the appointments section shows the hand count', async () => {
    await pickQuick('Bugün');
    const section = page.getByTestId('booking-stats');
    await section.getByRole('heading', { name: 'Randevular' }).waitFor();
    expect(await figuresOf(section, 'li[data-id]')).toEqual(HAND_COUNT_TR);
    expect(await rowsOf(section.getByTestId('booking-channels'), 'data-channel')).toEqual({
      citizen: ['3', '%60,0'],
      staff: ['2', '%40,0'],
    });
    expect(await section.getByTestId('booking-punctuality').innerText()).toBe(
      'Randevulu ziyaretçiler saatlerinden ortalama 4 dk sonra çağrıldı.',
    );
    expect(await rowsOf(section.getByTestId('booking-lateness'), 'data-row')).toEqual({
      mean: ['4 dk'],
      median: ['4 dk'],
      p90: ['7,2 dk'],
      'on-time': ['1 / 2 (%50,0)'],
    });
    expect(await section.getByTestId('booking-waits-sentence').innerText()).toBe(
      'Randevulu ziyaretçiler ortalama 4 dk, randevusuz ziyaretçiler 4,5 dk bekledi.',
    );
    expect(await rowsOf(section.getByTestId('booking-waits'), 'data-row')).toEqual(
      HAND_COUNT_WAITS_TR,
    );

    await expectNoSeriousA11yViolations();
    for (const viewport of [
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(viewport);
      await section.scrollIntoViewIfNeeded();
      const problems = (await layoutProblems(page, { minFontPx: 12 })).filter((p) =>
        p.path.includes('manager-booking-stats'),
      );
      expect(problems, describeProblems(problems)).toEqual([]);
      await screenshot(page, `booking-stats-${viewport.width}x${viewport.height}`);
      await section.screenshot({
        path: path.join(ARTIFACTS, `booking-stats-section-${viewport.width}.png`),
      });
    }
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('when the range holds no appointment, then one quiet line replaces the section', async () => {
    await pickQuick('Geçen ay');
    const none = page.getByTestId('booking-stats-none');
    await none.waitFor();
    expect(await none.innerText()).toBe('Bu aralıkta randevu yok.');
    expect(await page.getByTestId('booking-stats').locator('table, li').count()).toBe(0);
  });

  it('when the page is in English, then the section is in English with English numbers', async () => {
    await pickQuick('Bugün');
    await page.getByRole('button', { name: 'English' }).click();
    const section = page.getByTestId('booking-stats');
    await section.getByRole('heading', { name: 'Appointments' }).waitFor();
    await expect
      .poll(() => figuresOf(section, 'li[data-id]'))
      .toEqual({ ...HAND_COUNT_TR, showRate: '66.6%' });
    expect(await section.getByTestId('booking-punctuality').innerText()).toBe(
      'Booked visitors were called on average 4 min after their time.',
    );
    expect(await rowsOf(section.getByTestId('booking-waits'), 'data-row')).toMatchObject({
      p90: ['7.2 min', '6.5 min'],
    });
    await page.getByRole('button', { name: 'Türkçe' }).click();
    await section.getByRole('heading', { name: 'Randevular' }).waitFor();
  });

  it('when the printable report covers a month without appointments, then it says so in one line', async () => {
    await page.getByRole('tab', { name: 'Rapor' }).click();
    await page.getByTestId('report-document').waitFor({ timeout: 30_000 });
    const none = page.getByTestId('report-bookings-none');
    await none.waitFor();
    expect(await none.innerText()).toBe('Bu aralıkta randevu yok.');
  });

  it('when the report covers today and is printed to A4, then the appointments section shows the hand count, black on white, and the PDF carries it', async () => {
    await pickQuick('Bugün');
    const section = page.getByTestId('report-bookings');
    await section.waitFor({ timeout: 30_000 });
    const figures: Record<string, string> = {};
    for (const td of await section.locator('table.figures td[data-id]').all())
      figures[(await td.getAttribute('data-id'))!] = (await td.innerText()).trim();
    expect(figures).toEqual(HAND_COUNT_TR);
    expect(await page.getByTestId('report-bookings-punctuality').innerText()).toBe(
      'Randevulu ziyaretçiler saatlerinden ortalama 4 dk sonra çağrıldı.',
    );
    expect(await rowsOf(page.getByTestId('report-bookings-waits'), 'data-row')).toEqual(
      HAND_COUNT_WAITS_TR,
    );
    await expectNoSeriousA11yViolations();

    await page.emulateMedia({ media: 'print' });
    // At the printed width (182 mm ≈ 690 px): nothing of the section overflows, and its text is
    // dark on a white sheet.
    await page.setViewportSize({ width: 690, height: 1000 });
    const problems = (await layoutProblems(page, { minFontPx: 9 })).filter((p) =>
      p.path.includes('manager-report-bookings'),
    );
    expect(problems, describeProblems(problems)).toEqual([]);
    const colours = await section.evaluate((root) => {
      const seen = new Set<string>();
      for (const el of root.querySelectorAll('th, td, p')) seen.add(getComputedStyle(el).color);
      return [...seen];
    });
    for (const c of colours) {
      const [r, g, b] = c.match(/\d+/g)!.map(Number);
      expect(Math.max(r!, g!, b!), `text colour ${c}`).toBeLessThan(110);
    }
    await section.screenshot({ path: path.join(ARTIFACTS, 'report-bookings-print-media.png') });
    await page.screenshot({
      path: path.join(ARTIFACTS, 'report-bookings-print-page.png'),
      fullPage: true,
    });
    const pdf = await page.pdf({ format: 'A4' });
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1366, height: 768 });
    await mkdir(ARTIFACTS, { recursive: true });
    await writeFile(path.join(ARTIFACTS, 'report-bookings.pdf'), pdf);
    const text = pdfPages(pdf).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Randevulu ziyaretçiler saatlerinden ortalama 4 dk sonra çağrıldı.');
    expect(text).toContain('Gelme oranı');
    expect(text).toContain('%66,6');
  });

  it('when the report is switched to English, then the appointments section is in English', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => page.getByTestId('report-bookings-punctuality').innerText())
      .toBe('Booked visitors were called on average 4 min after their time.');
    expect(await page.getByTestId('report-bookings').innerText()).toContain('Show rate');
    await page
      .getByTestId('report-bookings')
      .screenshot({ path: path.join(ARTIFACTS, 'report-bookings-en.png') });
  });
});
