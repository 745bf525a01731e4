import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { StaffSnapshot } from '../../contract/api.js';
import { launchBrowser, screenshot, seriousA11yViolations } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let browser: Browser;
let server: TestServer;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  server = await startTestServer({ distDir: inject('distDir') });
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
  await server?.dispose();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'tr-TR',
  });
  contexts.push(context);
  return context.newPage();
}

async function issue(): Promise<string> {
  const res = await fetch(`${server.url}/api/halls/cankaya/tickets`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.kioskKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ serviceId: 'vezne' }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { number: string }).number;
}

async function signIn(page: Page, path: string, user: { username: string; password: string }) {
  await page.goto(`${server.url}${path}`);
  await page.getByLabel('Kullanıcı adı').fill(user.username);
  await page.getByLabel('Parola').fill(user.password);
  await page.getByRole('button', { name: 'Giriş yap' }).click();
}

async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const violations = await seriousA11yViolations(page);
  expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
}

const ticketOf = (page: Page, number: string) =>
  page.evaluate(async (n) => {
    const r = await fetch('/api/halls/cankaya/queue');
    return ((await r.json()) as StaffSnapshot).tickets.find((t) => t.number === n)!;
  }, number);

describe('forwarded visits by directorate in the pages', () => {
  it('when a clerk completes as forwarded by keyboard, then they must pick the directorate from a searchable list, and it is recorded', async () => {
    const clerk = await server.addUser('clerk');
    const page = await newPage();
    await signIn(page, '/counter', clerk);
    await page.getByRole('heading', { name: 'Banko seçin' }).waitFor();
    await page.getByRole('button', { name: /^Banko 1 / }).click();
    await page.getByRole('heading', { name: 'Banko 1', exact: true }).waitFor();

    const first = await issue();
    const second = await issue();
    const status = page.getByTestId('current-status');
    await page.keyboard.press('n');
    await expect.poll(() => page.getByTestId('current-number').innerText()).toBe(first);
    await page.keyboard.press('s');
    await expect.poll(() => status.innerText()).toBe('Hizmet veriliyor');

    // F opens the form on "forwarded" with the focus in the directorate search.
    await page.keyboard.press('f');
    const search = page.getByRole('combobox', { name: 'Yönlendirilen müdürlük' });
    await expect
      .poll(() => search.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement))
      .toBe(true);
    const options = page.getByRole('option');
    await expect.poll(() => options.count()).toBeGreaterThanOrEqual(12);
    expect(await options.first().innerText()).toContain('Fen İşleri');

    // Enter on the untouched list forwards nowhere: it asks for the directorate.
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Yönlendirilen müdürlüğü seçin.' }).waitFor();
    expect(await status.innerText()).toBe('Hizmet veriliyor');

    // Typing without Turkish letters still finds it; the first match is chosen.
    await page.keyboard.type('zabita');
    await expect.poll(() => options.count()).toBe(1);
    await expect
      .poll(() => page.getByRole('option', { selected: true }).innerText())
      .toContain('Zabıta');
    await page.getByRole('button', { name: /Tamamla: Yönlendirildi → Zabıta/ }).waitFor();
    await screenshot(page, 'counter-forward-directorate');
    await expectNoSeriousA11yViolations(page);
    await page.keyboard.press('Enter');
    await page.getByText('Şu an çağrılmış kimse yok.').waitFor();
    expect(await ticketOf(page, first)).toMatchObject({
      status: 'done',
      outcome: 'forwarded',
      directorateId: 'zabita',
    });

    // Next visit, in English: the directorate used today comes first; ↓ chooses from the list.
    await page.keyboard.press('n');
    await expect.poll(() => page.getByTestId('current-number').innerText()).toBe(second);
    await page.keyboard.press('s');
    await expect.poll(() => status.innerText()).toBe('Hizmet veriliyor');
    await page.getByRole('button', { name: 'English' }).click();
    await page.keyboard.press('f');
    await page.getByRole('combobox', { name: 'Forwarded to' }).waitFor();
    await expect.poll(() => options.count()).toBeGreaterThanOrEqual(12);
    expect(await options.first().innerText()).toMatch(/^Municipal Police\s+1 today$/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => page.getByRole('option', { selected: true }).innerText())
      .toBe('Public Works');
    await page.getByRole('button', { name: /Complete: Forwarded → Public Works/ }).waitFor();
    await screenshot(page, 'counter-forward-directorate-en');
    await page.keyboard.press('Enter');
    await page.getByText('Nobody called right now.').waitFor();
    expect(await ticketOf(page, second)).toMatchObject({ directorateId: 'fen-isleri' });
  });

  it('when an admin edits the directorates and visits were forwarded, then Ayarlar and the statistics show them by name', async () => {
    const clerk = await server.addUser('clerk');
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: clerk.username, password: clerk.password }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const desk = async (action: string, body: object = {}) => {
      const r = await fetch(`${server.url}/api/counters/banko-1/${action}`, {
        method: 'POST',
        headers: { Cookie: cookie, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(r.status, `${action} ${await r.clone().text()}`).toBe(200);
    };
    await desk('open');
    for (const d of ['fen-isleri', 'fen-isleri', 'veteriner-isleri', null]) {
      await issue();
      await desk('call-next');
      await desk('start');
      await desk(
        'complete',
        d ? { outcome: 'forwarded', directorateId: d } : { outcome: 'resolved' },
      );
    }

    const admin = await server.addUser('admin');
    const page = await newPage();
    await signIn(page, '/manager', admin);
    await page.getByRole('tab', { name: 'Ayarlar' }).click();
    await page.getByRole('button', { name: 'Müdürlükler' }).click();
    await page.getByRole('heading', { name: 'Müdürlükler', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Yeni müdürlük' }).click();
    await page.getByLabel('Ad (Türkçe)').fill('zabıta');
    await page.getByRole('button', { name: 'Kaydet' }).click();
    await page.getByText('Bu adda bir müdürlük zaten var.').waitFor();
    await page.getByLabel('Ad (Türkçe)').fill('Afet İşleri');
    await page.getByRole('button', { name: 'Kaydet' }).click();
    await page.getByRole('status').filter({ hasText: 'Kaydedildi.' }).waitFor();
    const row = (name: string) =>
      page.locator('manager-settings-directorates tr', { hasText: name });
    await row('Afet İşleri').waitFor();
    await page.getByRole('button', { name: 'Kullanımdan kaldır: Veteriner İşleri' }).click();
    await expect.poll(() => row('Veteriner İşleri').innerText()).toContain('Kullanım dışı');
    await screenshot(page, 'manager-settings-directorates');
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('tab', { name: 'İstatistik' }).click();
    const table = page.getByTestId('directorate-table');
    await table.waitFor();
    const rows = await table.locator('tbody tr').allInnerTexts();
    expect(
      rows.map((r) =>
        r
          .split('\t')
          .map((c) => c.trim())
          .slice(0, 3),
      ),
    ).toEqual([
      ['Fen İşleri', '2', '%66,6'],
      // Retired since, it keeps its name in the figures.
      ['Veteriner İşleri', '1', '%33,3'],
    ]);
    await table.scrollIntoViewIfNeeded();
    await screenshot(page, 'manager-stats-directorates');
    await expectNoSeriousA11yViolations(page);
  });
});
