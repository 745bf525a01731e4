import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { parseWebhookAllowList } from '../../server/src/webhooks/webhook-address-policy.js';
import { launchBrowser, screenshot, seriousA11yViolations } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import {
  signatureValid,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../support/webhook-receiver.js';

const SHOTS = '/tmp/shots-helper-wh-ui';

let browser: Browser;
let server: TestServer;
let receiver: WebhookReceiver;
/** Moves the server's clock (a day of failures without waiting a day). */
let clockAhead = 0;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  await mkdir(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  receiver = await startWebhookReceiver();
  clockAhead = 0;
  // The receiver is on loopback: allowed here as WEBHOOK_ALLOW=127.0.0.1 allows it.
  server = await startTestServer({
    distDir: inject('distDir'),
    now: () => Date.now() + clockAhead,
    // A minute between tries: what catches a failed event up in time is "Şimdi dene".
    webhooks: { allow: parseWebhookAllowList('127.0.0.1'), backoffMs: () => 60_000 },
  });
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
  await server?.dispose();
  await receiver?.close();
});

async function newPage(viewport = { width: 1366, height: 768 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'tr-TR' });
  contexts.push(context);
  return context.newPage();
}

async function signIn(page: Page, role: 'admin' | 'manager'): Promise<void> {
  const user = await server.addUser(role);
  await page.goto(`${server.url}/manager`);
  await page.getByRole('heading', { name: 'Yönetici girişi' }).waitFor();
  await page.getByLabel('Kullanıcı adı').fill(user.username);
  await page.getByLabel('Parola').fill(user.password);
  await page.getByRole('button', { name: 'Giriş yap' }).click();
}

async function issue(): Promise<void> {
  const res = await fetch(`${server.url}/api/halls/cankaya/tickets`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.kioskKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ serviceId: 'vezne' }),
  });
  expect(res.status).toBe(201);
}

async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const violations = await seriousA11yViolations(page);
  expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
}

const shot = async (page: Page, name: string) => {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });
  await screenshot(page, name);
};

/** Opens Ayarlar → Entegrasyonlar as the signed-in admin. */
async function openSection(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Ayarlar' }).click();
  await page.getByRole('button', { name: 'Entegrasyonlar' }).click();
  await page.getByRole('heading', { name: 'Entegrasyonlar' }).waitFor();
}

const row = (page: Page) => page.locator('tr[data-webhook]').first();
const badge = (page: Page) => row(page).getByTestId('webhook-state');

describe('manager page: Ayarlar → Entegrasyonlar', () => {
  it('when an admin adds an endpoint, then the secret shows once, a test arrives signed, a ticket shows in the log, and a receiver answering 500 is retried and caught up with "Şimdi dene"', async () => {
    const page = await newPage();
    await signIn(page, 'admin');
    await openSection(page);
    await page.getByRole('button', { name: 'Yeni uç nokta' }).click();
    await page.getByLabel('Ad', { exact: true }).fill('Çağrı merkezi');
    await page.getByLabel('Adres (URL)').fill(receiver.url);
    await page.getByLabel('Sıra: hepsi').check();
    await page.getByLabel('Banko açıldı').check();
    // Personal data needs the named confirmation, not only the tick.
    await page.getByLabel(/Kişisel verileri de gönder/).check();
    await page.getByText(/KVKK: Açıksa/).waitFor();
    await shot(page, 'webhooks-form-1366');
    await page.getByRole('button', { name: 'Kaydet' }).click();
    await page
      .getByText('Kişisel veri gönderimini açmak için onay kutusunu işaretleyin.')
      .waitFor();
    await page.getByLabel(/Kişisel verilerin bu adrese gönderilmesini onaylıyorum/).check();
    await page.getByRole('button', { name: 'Kaydet' }).click();

    const secretBox = page.getByTestId('secret-value');
    await secretBox.waitFor();
    const secret = await secretBox.inputValue();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await page.getByText(/siramatik-signature başlığı/).waitFor();
    await expect.poll(() => badge(page).innerText()).toBe('Henüz gönderim yok');
    await shot(page, 'webhooks-secret-1366');
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Kaydettim, kapat' }).click();
    // Shown once: gone from the page, never in the list.
    expect(await page.getByTestId('secret-value').count()).toBe(0);
    expect(await page.content()).not.toContain(secret);

    // A test event reaches the receiver, signed with the secret the page showed.
    await row(page)
      .getByRole('button', { name: /^Test gönder/ })
      .click();
    await page.getByText(/Çağrı merkezi: alıcı kabul etti \(HTTP 200\)/).waitFor();
    const test = receiver.got.find((g) => g.headers['siramatik-event-type'] === 'webhook.test');
    expect(test).toBeDefined();
    expect(signatureValid(secret, test!)).toBe(true);
    const log = page.getByTestId('webhook-log');
    await log.getByText('Test', { exact: true }).waitFor();

    // A ticket issued now goes out and shows in the log.
    await issue();
    await log.getByText('Sıra alındı').first().waitFor({ timeout: 15_000 });
    await expect.poll(() => badge(page).innerText(), { timeout: 15_000 }).toBe('Çalışıyor');
    const issued = receiver.got.find((g) => g.headers['siramatik-event-type'] === 'ticket.issued');
    expect(signatureValid(secret, issued!)).toBe(true);

    // The receiver fails: the endpoint retries, with the next try shown; "Şimdi dene" catches up.
    receiver.status = 500;
    await issue();
    await expect.poll(() => badge(page).innerText(), { timeout: 15_000 }).toBe('Yeniden deneniyor');
    await row(page)
      .getByText(/Sonraki deneme: \d\d:\d\d/)
      .waitFor();
    await log.getByText('500').first().waitFor({ timeout: 15_000 });
    await shot(page, 'webhooks-retrying-1366');
    await expectNoSeriousA11yViolations(page);
    const failedId = receiver.got.at(-1)!.headers['siramatik-event-id'];
    receiver.status = 200;
    await row(page)
      .getByRole('button', { name: /^Şimdi dene/ })
      .click();
    await expect.poll(() => badge(page).innerText(), { timeout: 15_000 }).toBe('Çalışıyor');
    expect(
      receiver.got.some(
        (g) =>
          g.headers['siramatik-event-id'] === failedId &&
          Number(g.headers['siramatik-delivery-attempt']) >= 2,
      ),
    ).toBe(true);

    // "Yeniden gönder" on a logged event sends it again with the same id.
    const before = receiver.got.length;
    await log
      .locator('tr[data-delivery]')
      .filter({ hasText: 'Sıra alındı' })
      .first()
      .getByRole('button', { name: /^Yeniden gönder/ })
      .click();
    await log.getByText(/alıcı kabul etti/).waitFor();
    expect(receiver.got.length).toBe(before + 1);

    await page.setViewportSize({ width: 1920, height: 1080 });
    await shot(page, 'webhooks-section-1920');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Integrations' }).waitFor();
    expect(await badge(page).innerText()).toBe('Working');
    await page.getByRole('columnheader', { name: 'Time taken' }).waitFor();
    await shot(page, 'webhooks-section-en-1920');
  });

  it('when an endpoint retries, then the live page warns; the admin is taken to the section; a day later it is failing and a manager reads it in place without change controls', async () => {
    const admin = await newPage();
    await signIn(admin, 'admin');
    await admin.getByRole('tab', { name: 'Canlı izleme' }).waitFor();
    const made = await admin.evaluate(async (url) => {
      const res = await fetch('/api/webhooks', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'e-Belediye', url, events: ['ticket.issued'] }),
      });
      return res.status;
    }, receiver.url);
    expect(made).toBe(201);
    receiver.status = 503;
    await issue();
    await expect.poll(() => receiver.got.length, { timeout: 15_000 }).toBeGreaterThan(0);
    await admin.reload();
    const alert = admin.getByTestId('webhooks-alert');
    await alert.waitFor({ timeout: 15_000 });
    expect(await alert.innerText()).toContain('Bir entegrasyon yeniden deneniyor: e-Belediye');
    await shot(admin, 'webhooks-live-alert-1366');
    await expectNoSeriousA11yViolations(admin);
    await alert.click();
    await admin.getByRole('heading', { name: 'Entegrasyonlar' }).waitFor();
    expect(await admin.getByRole('tab', { name: 'Ayarlar' }).getAttribute('aria-selected')).toBe(
      'true',
    );

    // A day later the receiver still fails: the endpoint is failing, in red, for the manager.
    clockAhead = 25 * 60 * 60_000;
    const manager = await newPage({ width: 1920, height: 1080 });
    await signIn(manager, 'manager');
    const warning = manager.getByTestId('webhooks-alert');
    await warning.waitFor({ timeout: 15_000 });
    expect(await warning.innerText()).toContain('Bir entegrasyon hata veriyor: e-Belediye');
    expect(await warning.getAttribute('data-state')).toBe('failing');
    await warning.click();
    await manager.getByRole('heading', { name: 'Entegrasyonlar' }).waitFor();
    await manager.getByText('Hata veriyor').first().waitFor();
    expect(await manager.getByRole('button', { name: 'Yeni uç nokta' }).count()).toBe(0);
    expect(await manager.getByRole('button', { name: /^Test gönder/ }).count()).toBe(0);
    await manager.getByRole('button', { name: /^Gönderim kaydı/ }).click();
    await manager.getByTestId('webhook-log').getByText('Sıra alındı').first().waitFor();
    expect(await manager.getByRole('button', { name: /^Yeniden gönder/ }).count()).toBe(0);
    await shot(manager, 'webhooks-manager-readonly-1920');
    await expectNoSeriousA11yViolations(manager);
  });
});
