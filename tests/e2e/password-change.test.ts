import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { UserWithPassword } from '../../contract/settings.js';
import { bootstrapFirstStart } from '../../server/src/bootstrap.js';
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

/** The first start's lines, as `npm start` prints them; returns the admin's password. */
async function firstStartPassword(): Promise<string> {
  const lines = await bootstrapFirstStart(server.app.configStore, server.url, Date.now());
  const password = /^admin password: (\S+)/m.exec(lines.join('\n'))?.[1];
  if (!password) throw new Error(`no admin password in ${lines.join('\n')}`);
  return password;
}

async function signIn(page: Page, path: string, username: string, password: string) {
  await page.goto(`${server.url}${path}`);
  await page.getByLabel('Kullanıcı adı').fill(username);
  await page.getByLabel('Parola', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Giriş yap' }).click();
}

async function fillChange(page: Page, current: string, next: string, repeat = next) {
  await page.getByLabel('Şu anki parola').fill(current);
  await page.getByLabel('Yeni parola', { exact: true }).fill(next);
  await page.getByLabel('Yeni parola (tekrar)').fill(repeat);
  await page.getByRole('button', { name: 'Parolayı değiştir' }).click();
}

async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const violations = await seriousA11yViolations(page);
  expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
}

describe('one-time passwords in the staff pages', () => {
  it('when the admin signs in with the printed password, then the manager page asks for a new one first, and then shows the live monitor', async () => {
    const printed = await firstStartPassword();
    const page = await newPage();
    await signIn(page, '/manager', 'admin', printed);

    await page.getByRole('heading', { name: 'Parolanızı değiştirin' }).waitFor();
    await page
      .getByText('Tek kullanımlık bir parolayla giriş yaptınız.', { exact: false })
      .waitFor();
    // No way around it: no cancel, no tabs, and no voluntary "change password" in the header.
    expect(await page.getByRole('button', { name: 'Vazgeç' }).count()).toBe(0);
    expect(await page.getByRole('tab').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Parolamı değiştir' }).count()).toBe(0);
    await screenshot(page, 'password-change-required-manager-1366');
    await expectNoSeriousA11yViolations(page);

    await fillChange(page, printed, 'Salon-parolası-2026', 'Salon-parolası-2027');
    await page.getByRole('alert').filter({ hasText: 'İki yeni parola aynı değil.' }).waitFor();
    expect(await page.getByLabel('Yeni parola (tekrar)').getAttribute('aria-invalid')).toBe('true');
    await fillChange(page, printed, 'admin');
    await page.getByRole('alert').filter({ hasText: 'Yeni parola çok kısa.' }).waitFor();
    await fillChange(page, 'yanlış-parola', 'Salon-parolası-2026');
    await page.getByRole('alert').filter({ hasText: 'Şu anki parola hatalı.' }).waitFor();

    await fillChange(page, printed, 'Salon-parolası-2026');
    await page.getByRole('heading', { name: 'Bankolar' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Parolanız değiştirildi' }).waitFor();
    await screenshot(page, 'password-changed-manager-live-1366');

    // The printed password, still in the log, opens nothing now.
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: printed }),
    });
    expect(login.status).toBe(401);
  });

  it('when a signed-in manager chooses to change their password, then the header offers it, cancel goes back, and the change signs the new one in', async () => {
    const manager = await server.addUser('manager');
    const page = await newPage();
    await signIn(page, '/manager', manager.username, manager.password);
    await page.getByRole('heading', { name: 'Bankolar' }).waitFor();

    await page.getByRole('button', { name: 'Parolamı değiştir' }).click();
    await page.getByRole('heading', { name: 'Parolanızı değiştirin' }).waitFor();
    await page.getByRole('button', { name: 'Vazgeç' }).click();
    await page.getByRole('heading', { name: 'Bankolar' }).waitFor();

    await page.getByRole('button', { name: 'Parolamı değiştir' }).click();
    await fillChange(page, manager.password, 'Yönetici-parolası-1');
    await page.getByRole('heading', { name: 'Bankolar' }).waitFor();
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: manager.username, password: 'Yönetici-parolası-1' }),
    });
    expect(login.status).toBe(200);
  });

  it('when a clerk signs in to the counter page with the password an admin handed over, then they choose their own and reach the counters', async () => {
    const admin = await server.addUser('admin');
    const adminLogin = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: admin.username, password: admin.password }),
    });
    const cookie = adminLogin.headers.get('set-cookie')!.split(';')[0]!;
    const created = await fetch(`${server.url}/api/users`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: server.url },
      body: JSON.stringify({ username: 'sule', displayName: 'Şule Yılmaz', role: 'clerk' }),
    });
    expect(created.status).toBe(201);
    const { password } = (await created.json()) as UserWithPassword;

    const page = await newPage();
    await signIn(page, '/counter', 'sule', password);
    await page.getByRole('heading', { name: 'Parolanızı değiştirin' }).waitFor();
    await screenshot(page, 'password-change-required-counter-1366');
    await expectNoSeriousA11yViolations(page);
    await fillChange(page, password, 'Şule-kendi-parolası');
    await page.getByRole('heading', { name: 'Banko seçin' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Parolanız değiştirildi' }).waitFor();
  });
});
