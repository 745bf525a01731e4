import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let browser: Browser;
let server: TestServer;

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer({ distDir: inject('distDir') });
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('the counter’s phone-booking panel', () => {
  it('when the counter loads, then the panel’s code is not there until the clerk opens it; a failed fetch says so and the next open loads it', async () => {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'tr-TR',
    });
    try {
      const page = await context.newPage();
      const clerk = await server.addUser('clerk');
      await page.goto(`${server.url}/counter`);
      await page.getByLabel('Kullanıcı adı').fill(clerk.username);
      await page.getByLabel('Parola').fill(clerk.password);
      await page.getByRole('button', { name: 'Giriş yap' }).click();
      await page.getByRole('button', { name: /^Banko 1 / }).click();
      await page.getByRole('heading', { name: 'Banko 1', exact: true }).waitFor();

      const defined = () => page.evaluate(() => customElements.get('staff-booking') !== undefined);
      expect(await defined()).toBe(false);

      // Every script the counter needs to start is loaded by now: the next one is the panel's.
      let refused = 0;
      await page.route('**/*.js', async (route) => {
        refused += 1;
        await route.abort();
      });
      await page.getByRole('button', { name: 'Telefonla randevu' }).click();
      await page.getByRole('alert').filter({ hasText: 'Randevu paneli yüklenemedi' }).waitFor();
      expect(refused).toBeGreaterThan(0);
      expect(await defined()).toBe(false);

      await page.unroute('**/*.js');
      await page.getByRole('button', { name: 'Randevuları kapat' }).click();
      await page.getByRole('button', { name: 'Telefonla randevu' }).click();
      await page.getByRole('heading', { name: 'Telefonla randevu' }).waitFor();
      expect(await defined()).toBe(true);
    } finally {
      await context.close();
    }
  });
});
