import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { IssuedTicket } from '../../contract/api.js';
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

async function newPage(viewport = { width: 1366, height: 768 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'tr-TR', acceptDownloads: true });
  contexts.push(context);
  return context.newPage();
}

async function signIn(page: Page, user: { username: string; password: string }): Promise<void> {
  await page.goto(`${server.url}/manager`);
  await page.getByRole('heading', { name: 'Yönetici girişi' }).waitFor();
  await page.getByLabel('Kullanıcı adı').fill(user.username);
  await page.getByLabel('Parola').fill(user.password);
  await page.getByRole('button', { name: 'Giriş yap' }).click();
}

/** Issues a ticket as the paired kiosk does. */
async function issue(serviceId = 'vezne'): Promise<IssuedTicket> {
  const res = await fetch(`${server.url}/api/halls/cankaya/tickets`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.kioskKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ serviceId }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as IssuedTicket;
}

/** A clerk signed in through the API, holding `counterId`; returns a command sender. */
async function clerkAt(counterId: string) {
  const { username, password } = await server.addUser('clerk');
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const command = async (action: string, body: object = {}) => {
    const res = await fetch(`${server.url}/api/counters/${counterId}/${action}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', cookie },
      body: JSON.stringify(body),
    });
    expect(res.status, `${action}: ${await res.clone().text()}`).toBe(200);
  };
  await command('open');
  return command;
}

/** A clerk with a chosen user name and display name, holding `counterId`. */
async function namedClerkAt(counterId: string, username: string, displayName: string) {
  const { id, password } = await server.addUser('clerk', username);
  await server.app.configStore.update((d) => {
    d.users.find((u) => u.id === id)!.displayName = displayName;
  });
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const command = async (action: string, body: object = {}) => {
    const res = await fetch(`${server.url}/api/counters/${counterId}/${action}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', cookie },
      body: JSON.stringify(body),
    });
    expect(res.status, `${action}: ${await res.clone().text()}`).toBe(200);
  };
  await command('open');
  return command;
}

async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const violations = await seriousA11yViolations(page);
  expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
}

const counterCard = (page: Page, counterId: string) =>
  page.locator(`[data-testid="counter-card"][data-counter="${counterId}"]`);

describe('manager page', () => {
  it('when a visit at banko-1 runs past its target, then the live monitor shows the overrun as it happens, and the statistics tab downloads a CSV with it', async () => {
    // A 3-second target, so the overrun comes without waiting 4 minutes.
    await server.app.configStore.update((d) => {
      d.services.find((s) => s.id === 'vezne')!.targetMinutes = 0.05;
    });
    const manager = await server.addUser('manager');
    const page = await newPage();
    await signIn(page, manager);
    await page.getByRole('heading', { name: 'Bankolar' }).waitFor();
    await expect
      .poll(() => counterCard(page, 'banko-1').getByTestId('counter-status').innerText())
      .toBe('Kapalı');
    await screenshot(page, 'manager-live-idle');
    await expectNoSeriousA11yViolations(page);

    const ticket = await issue('vezne');
    await expect.poll(() => page.getByTestId('summary-waiting').innerText()).toBe('1');
    const clerk = await clerkAt('banko-1');
    await clerk('call-next');
    await clerk('start');

    const card = counterCard(page, 'banko-1');
    const visit = card.getByTestId('counter-visit');
    await expect.poll(() => card.getByTestId('visit-number').innerText()).toBe(ticket.number);
    expect(await card.getByTestId('counter-status').innerText()).toBe('Açık');
    // The clock ticks on the page: past 3 s amber ("over"), past 4.5 s red ("far-over").
    await expect.poll(() => visit.getAttribute('data-level'), { timeout: 10_000 }).toBe('far-over');
    expect(await card.getByTestId('overrun-label').innerText()).toBe('Hedef çok aşıldı (1,5 katı)');
    expect(await page.getByTestId('summary-over').innerText()).toBe('1');
    await screenshot(page, 'manager-live-overrun');
    await expectNoSeriousA11yViolations(page);

    await clerk('complete', { outcome: 'resolved' });
    await expect.poll(() => card.getByTestId('counter-visit').count()).toBe(0);

    await page.getByRole('tab', { name: 'İstatistik' }).click();
    await expect.poll(() => page.getByTestId('kpi-served').innerText()).toBe('1');
    await expect.poll(() => page.getByTestId('kpi-resolved').innerText()).toBe('%100,0');
    await page.getByTestId('stats-table').waitFor();
    await screenshot(page, 'manager-stats');
    await expectNoSeriousA11yViolations(page);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'CSV indir' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^siramatik-cankaya-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const file = await readFile((await download.path())!);
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = file.toString('utf8');
    // In Turkish the export bar chooses the Turkish Excel dialect: ';' between fields.
    expect(text).toContain(`;${ticket.number};`);
    expect(text).toContain('Masada çözüldü');
    await page.getByText(/indirildi/).waitFor();
    await screenshot(page, 'manager-stats-downloaded');
  });

  it('when a visitor called 7 minutes ago has not come, then the live monitor shows the walk apart from a real overrun; shares have one decimal; two clerks named Ayşe Yılmaz are told apart', async () => {
    // The hall's clock runs 7 minutes ahead once the visits are under way (no waiting).
    let skewMs = 0;
    await server.dispose();
    server = await startTestServer({ distDir: inject('distDir'), now: () => Date.now() + skewMs });
    const first = await namedClerkAt('banko-1', 'ayse', 'Ayşe Yılmaz');
    const second = await namedClerkAt('banko-2', 'ayseyilmaz2', 'Ayşe Yılmaz');
    await issue('vezne');
    await issue('vezne');
    await first('call-next');
    await first('start');
    await second('call-next');
    skewMs = 7 * 60_000;

    const manager = await server.addUser('manager');
    const page = await newPage();
    await signIn(page, manager);
    const served = counterCard(page, 'banko-1');
    const called = counterCard(page, 'banko-2');
    // In service for 7 minutes on a 4-minute target: a real overrun.
    await expect
      .poll(() => served.getByTestId('counter-visit').getAttribute('data-level'))
      .toBe('far-over');
    expect(await served.getByTestId('overrun-label').innerText()).toBe(
      'Hedef çok aşıldı (1,5 katı)',
    );
    // Called 7 minutes ago, never started: a walk with a no-show hint, not an overrun.
    const walk = called.getByTestId('counter-visit');
    expect(await walk.getAttribute('data-level')).toBe('walk-long');
    expect(await called.getByTestId('overrun-label').innerText()).toBe('Çağrıldı, gelmedi');
    expect(await called.getByTestId('visit-clock').innerText()).toMatch(/^7:\d\d$/);
    expect(await called.getByTestId('walk-hint').innerText()).toBe('3 dk geçti, gelmeyebilir');
    expect(await page.getByTestId('summary-over').innerText()).toBe('1');
    expect(await page.getByTestId('summary-walking-long').innerText()).toBe('1');
    // Same display name, told apart by user name.
    expect(await served.getByTestId('counter-clerk').innerText()).toBe('Ayşe Yılmaz (ayse)');
    expect(await called.getByTestId('counter-clerk').innerText()).toBe('Ayşe Yılmaz (ayseyilmaz2)');
    await screenshot(page, 'manager-live-walk-1366');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'manager-live-walk-1920');
    await expectNoSeriousA11yViolations(page);

    await second('start');
    await first('complete', { outcome: 'resolved' });
    await second('complete', { outcome: 'forwarded', directorateId: 'fen-isleri' });
    await page.getByRole('tab', { name: 'İstatistik' }).click();
    await expect.poll(() => page.getByTestId('kpi-served').innerText()).toBe('2');
    expect(await page.getByTestId('kpi-resolved').innerText()).toBe('%50,0');
    await page.getByLabel('Gruplama').selectOption('clerk');
    const table = page.getByTestId('stats-table');
    await expect
      .poll(() => table.locator('tbody th[scope="row"]').allInnerTexts())
      .toEqual(['Ayşe Yılmaz (ayse)', 'Ayşe Yılmaz (ayseyilmaz2)']);
    await table.scrollIntoViewIfNeeded();
    await screenshot(page, 'manager-stats-clerks-1920');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page
      .getByRole('heading', { name: 'Personele göre ortalama hizmet süresi' })
      .scrollIntoViewIfNeeded();
    await screenshot(page, 'manager-stats-clerks-1366');
    await expectNoSeriousA11yViolations(page);
  });

  it('when an admin changes settings, then bad input is refused naming the field, changes reach the live monitor, one-time secrets show once, and the change log has them', async () => {
    const admin = await server.addUser('admin');
    const page = await newPage();
    await signIn(page, admin);
    await page.getByRole('tab', { name: 'Ayarlar' }).click();
    await page.getByRole('heading', { name: 'Salon', exact: true }).waitFor();
    await screenshot(page, 'manager-settings');
    await expectNoSeriousA11yViolations(page);

    // A ticket of today carries the prefix V.
    await issue('vezne');
    await page.getByRole('button', { name: 'Hizmetler' }).click();
    await page.getByRole('button', { name: 'Düzenle: Vezne' }).click();
    await page.getByLabel('Önek').fill('R');
    await page.getByLabel('Hedef süre (dk)').fill('0');
    await page.getByRole('button', { name: 'Kaydet' }).click();
    await page.getByText('Bu önek başka bir hizmette kullanılıyor.').waitFor();
    await page.getByText('İzin verilen aralığın dışında.').waitFor();
    await page.getByLabel('Önek').fill('W');
    await page.getByLabel('Hedef süre (dk)').fill('5');
    await page.getByRole('button', { name: 'Kaydet' }).click();
    await page.getByRole('status').filter({ hasText: 'Kaydedildi.' }).waitFor();

    // Only the server knows V is printed on today's tickets: its refusal names the field.
    await page.getByRole('button', { name: 'Yeni hizmet' }).click();
    await page.getByLabel('Ad (Türkçe)').fill('Nikah');
    await page.getByLabel('Ad (İngilizce)').fill('Marriage');
    await page.getByLabel('Önek').fill('v');
    await page.getByRole('button', { name: 'Kaydet' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: /^Önek: / });
    await refusal.waitFor();
    expect(await page.getByLabel('Önek').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'manager-settings-refused');
    await page.getByRole('button', { name: 'Vazgeç' }).click();

    await page.getByRole('tab', { name: 'Canlı izleme' }).click();
    await expect
      .poll(() => page.locator('manager-service-table tr[data-service="vezne"] th').innerText())
      .toMatch(/^W\s*Vezne/);
    await page.getByRole('tab', { name: 'Ayarlar' }).click();

    await page.getByRole('button', { name: 'Kullanıcılar' }).click();
    await page.getByRole('button', { name: 'Yeni kullanıcı' }).click();
    await page.getByLabel('Kullanıcı adı').fill('sule');
    await page.getByLabel('Görünen ad').fill('Şule Yılmaz');
    await page.getByRole('button', { name: 'Kaydet' }).click();
    const secret = page.getByTestId('secret');
    await secret.getByText('Yalnızca bir kez gösterilir.', { exact: false }).waitFor();
    await secret.getByRole('button', { name: 'Kopyala' }).waitFor();
    const password = await page.getByTestId('secret-value').inputValue();
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'sule', password }),
    });
    expect(login.status).toBe(200);
    await secret.getByRole('button', { name: 'Kaydettim, kapat' }).click();
    expect(await page.getByTestId('secret').count()).toBe(0);

    await page.getByRole('button', { name: 'Cihazlar' }).click();
    await page.getByRole('button', { name: 'Yeni cihaz' }).click();
    await page.getByLabel('Tür').selectOption('display');
    await page.getByLabel('Ad', { exact: true }).fill('Salon ekranı');
    await page.getByRole('button', { name: 'Kaydet' }).click();
    await secret.waitFor();
    expect(await page.getByTestId('secret-value').inputValue()).toMatch(
      new RegExp(`^${server.url}/display#key=[A-Za-z0-9_-]+$`),
    );
    await screenshot(page, 'manager-settings-pairing-link');
    await expectNoSeriousA11yViolations(page);

    // The log reads as Turkish sentences naming what changed; codes and ids are secondary.
    await page.getByRole('button', { name: 'Değişiklik kaydı' }).click();
    await page.getByText('“Vezne” hizmeti değiştirildi').waitFor();
    expect(await page.getByText('“Şule Yılmaz” kullanıcısı eklendi').count()).toBe(1);
    expect(await page.getByText('“Salon ekranı” cihazı eklendi').count()).toBe(1);
    expect(await page.getByText('device.create', { exact: true }).count()).toBe(0);
    expect(await page.locator('td[data-action="device.create"]').getAttribute('title')).toMatch(
      /^device\.create · [0-9a-f-]{36}$/,
    );
  });

  it('when the page is switched to English at 1920×1080, then each tab reads in English', async () => {
    const admin = await server.addUser('admin');
    const page = await newPage({ width: 1920, height: 1080 });
    await signIn(page, admin);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Counters' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await screenshot(page, 'manager-live-en-1920');
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('tab', { name: 'Statistics' }).click();
    await page.getByTestId('stats-table').waitFor();
    await screenshot(page, 'manager-stats-en-1920');
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Hall', exact: true }).waitFor();
    await screenshot(page, 'manager-settings-en-1920');
  });

  it('when a manager signs in, then there is no settings tab; and when a clerk signs in, then the page says it is for managers', async () => {
    const manager = await server.addUser('manager');
    const page = await newPage();
    await signIn(page, manager);
    await page.getByRole('tab', { name: 'Canlı izleme' }).waitFor();
    expect(await page.getByRole('tab').allInnerTexts()).toEqual([
      'Canlı izleme',
      'İstatistik',
      'Rapor',
      'Planlama',
      'Randevular',
    ]);
    await page.getByRole('button', { name: 'Çıkış yap' }).click();

    const clerk = await server.addUser('clerk');
    await signIn(page, clerk);
    await page.getByRole('heading', { name: 'Bu sayfa yöneticiler içindir' }).waitFor();
    expect(await page.getByRole('tab').count()).toBe(0);
    await screenshot(page, 'manager-not-for-clerks');
    await expectNoSeriousA11yViolations(page);
  });
});
