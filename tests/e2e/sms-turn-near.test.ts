import { copyFile, mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { IssuedTicket, TicketStatusView } from '../../contract/api.js';
import { launchBrowser, screenshot, seriousA11yViolations } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/*
 * The SMS when the turn nears, as visitors meet it: the phone page's form (360×640, the
 * smallest common phone) and the kiosk's keypad over the ticket confirmation (1280×1024), with
 * the confirmation's return timer held while the keypad is open.
 */

const SHOTS = '/tmp/shots-helper-wh-sms';
const SMALL_PHONE = { width: 360, height: 640 };
const KIOSK = { width: 1280, height: 1024 };

let browser: Browser;
const contexts: BrowserContext[] = [];

async function newPage(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, hasTouch: true });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  const file = await screenshot(page, name);
  await mkdir(SHOTS, { recursive: true });
  await copyFile(file, `${SHOTS}/${name}.png`);
}

async function issueByApi(server: TestServer): Promise<IssuedTicket> {
  const res = await fetch(`${server.url}/api/halls/cankaya/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.kioskKey}` },
    body: JSON.stringify({ serviceId: 'vezne' }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as IssuedTicket;
}

async function statusOf(server: TestServer, code: string): Promise<TicketStatusView> {
  return (await (await fetch(`${server.url}/api/tickets/${code}`)).json()) as TicketStatusView;
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
});

describe('SMS when the turn nears', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ distDir: inject('distDir') });
    const { username, password } = await server.addUser('admin');
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const on = await fetch(`${server.url}/api/halls/cankaya`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie, origin: server.url },
      body: JSON.stringify({ smsNotifyAhead: 2 }),
    });
    expect(on.status).toBe(200);
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it('when a visitor fills the phone page form at 360×640, then wrong input is named, the request is taken and can be withdrawn', async () => {
    for (let i = 0; i < 4; i++) await issueByApi(server);
    const ticket = await issueByApi(server);
    const page = await newPage(SMALL_PHONE);
    await page.goto(`${server.url}/t/${ticket.code}`);
    const offer = page.getByRole('button', { name: 'Sıranız yaklaşınca SMS ile haber verelim' });
    await offer.click();

    const send = page.getByRole('button', { name: 'SMS ile haber ver' });
    await page.getByLabel('Cep telefonu numaranız').fill('0312 123 45 67');
    await send.click();
    await expect
      .poll(() => page.locator('phone-sms-form .problem').textContent())
      .toContain('cep telefonu numarası');
    expect(await page.getByLabel('Cep telefonu numaranız').getAttribute('aria-invalid')).toBe(
      'true',
    );
    await page.getByLabel('Cep telefonu numaranız').fill('0532 123 45 67');
    await send.click();
    await expect
      .poll(() => page.locator('phone-sms-form .problem').textContent())
      .toContain('onay');
    // Nothing reached the server yet.
    expect((await statusOf(server, ticket.code)).smsRequested).toBe(false);

    await page.getByRole('checkbox').check();
    expect(await page.locator('phone-sms-form .kvkk').textContent()).toContain(
      'gün sonunda silinir',
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.locator('phone-sms-form').scrollIntoViewIfNeeded();
    await shot(page, 'sms-phone-form-360');
    // Everything the visitor needs is within the small screen's width.
    const box = await page.locator('phone-sms-form form').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(SMALL_PHONE.width);

    await send.click();
    await page.locator('[data-testid="sms-requested"]').waitFor();
    expect(await statusOf(server, ticket.code)).toMatchObject({
      smsRequested: true,
      smsSent: false,
    });
    // The page shows that a number was given, never the number.
    expect(
      await page.locator('kiosk-ticket-page').evaluate((el) => el.shadowRoot!.innerHTML),
    ).not.toContain('123 45 67');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'sms-phone-requested-360');

    await page.getByRole('button', { name: 'SMS isteğini geri al' }).click();
    await expect.poll(async () => (await statusOf(server, ticket.code)).smsRequested).toBe(false);
    await offer.waitFor();
  });

  it('when a visitor asks at the kiosk at 1280×1024, then the keypad takes the number while the return timer waits', async () => {
    const page = await newPage(KIOSK);
    await page.clock.install();
    await page.goto(`${server.url}/kiosk#key=${server.kioskKey}`);
    await page.locator('button[data-service="vezne"]:not([disabled])').waitFor();
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
    await page.locator('button[data-service="vezne"]').tap();
    const number = await page.locator('[data-testid="ticket-number"]').textContent();

    // The optional button fits under "Tamam" without pushing anything off the screen.
    const smsButton = page.getByRole('button', { name: 'SMS ile haber ver' });
    for (const button of [smsButton, page.getByRole('button', { name: 'Tamam' })]) {
      const box = await button.boundingBox();
      expect(box!.y + box!.height).toBeLessThanOrEqual(KIOSK.height);
      expect(box!.height).toBeGreaterThanOrEqual(56);
    }
    const returning = await page.locator('[data-testid="returning"]').boundingBox();
    expect(returning!.y + returning!.height).toBeLessThanOrEqual(KIOSK.height);
    await shot(page, 'sms-kiosk-confirmation-1280');
    await smsButton.tap();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    // Longer than the whole confirmation (25 s): the keypad is still open, the ticket still shown.
    await page.clock.fastForward(40_000);
    expect(await dialog.isVisible()).toBe(true);
    expect(await page.locator('[data-testid="ticket-number"]').textContent()).toBe(number);

    for (const digit of '05321234567')
      await dialog.getByRole('button', { name: `Rakam ${digit}` }).tap();
    expect((await page.locator('[data-testid="sms-entry"]').textContent())?.trim()).toBe(
      '0532 123 45 67',
    );
    await dialog.getByRole('button', { name: 'SMS ile haber ver' }).tap();
    expect(await dialog.locator('.problem').textContent()).toContain('onay');
    await dialog.getByRole('checkbox').check();
    // axe waits on timers: let the page's clock run meanwhile (the keypad holds the countdown).
    await page.clock.resume();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
    await shot(page, 'sms-kiosk-keypad-1280');
    await dialog.getByRole('button', { name: 'SMS ile haber ver' }).tap();
    await page.locator('[data-testid="sms-done"]').waitFor();
    await shot(page, 'sms-kiosk-done-1280');
    await dialog.getByRole('button', { name: 'Tamam' }).tap();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('kiosk-confirmation .sms-taken').waitFor();

    // The countdown goes on from where it stood: still the ticket after 20 s, the start after 27 s.
    await page.clock.fastForward(20_000);
    expect(await page.locator('[data-testid="ticket-number"]').count()).toBe(1);
    await page.clock.fastForward(7_000);
    await page.locator('button[data-service="vezne"]').waitFor();
    expect(await page.locator('[data-testid="ticket-number"]').count()).toBe(0);
  });

  it('when a visitor types part of a number at the kiosk and walks away, then after a minute without a tap the kiosk starts over and the number is gone', async () => {
    const page = await newPage(KIOSK);
    await page.clock.install();
    await page.goto(`${server.url}/kiosk#key=${server.kioskKey}`);
    await page.locator('button[data-service="vezne"]:not([disabled])').waitFor();
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
    await page.locator('button[data-service="vezne"]').tap();
    await page.getByRole('button', { name: 'SMS ile haber ver' }).tap();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    for (const digit of '0532987')
      await dialog.getByRole('button', { name: `Rakam ${digit}` }).tap();
    await dialog.getByRole('checkbox').check();
    // A number too short: the send is refused and the digits stay for the visitor to fix.
    await dialog.getByRole('button', { name: 'SMS ile haber ver' }).tap();
    await dialog.locator('.problem').waitFor();
    const closing = page.locator('[data-testid="sms-closing"]');
    expect(await closing.count()).toBe(0);

    // A slow typist is warned in the last 15 s, and any tap gives the whole minute again.
    await page.clock.fastForward(48_000);
    await expect.poll(() => closing.textContent()).toContain('Ekran 12 sn içinde kapanacak');
    // The warning pushes nothing out of the panel: the send and cancel buttons stay in view.
    const panel = await page.locator('kiosk-sms-keypad .panel').boundingBox();
    for (const name of ['SMS ile haber ver', 'Vazgeç']) {
      const box = await dialog.getByRole('button', { name }).boundingBox();
      expect(box!.y + box!.height).toBeLessThanOrEqual(panel!.y + panel!.height);
    }
    await shot(page, 'sms-kiosk-closing-1280');
    // axe waits on timers: the page's clock runs meanwhile (a second or so of the 12 left).
    await page.clock.resume();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 100);
    await dialog.getByRole('button', { name: 'Rakam 6' }).tap();
    await expect.poll(() => closing.count()).toBe(0);
    await page.clock.fastForward(59_000);
    expect(await dialog.isVisible()).toBe(true);
    expect((await page.locator('[data-testid="sms-entry"]').textContent())?.trim()).toBe(
      '0532 987 6',
    );

    // Left alone for the rest of the minute: the start screen, with no trace of the number.
    await page.clock.fastForward(1_500);
    await page.locator('button[data-service="vezne"]').waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.locator('[data-testid="ticket-number"]').count()).toBe(0);
    const everything = await page.evaluate(() => {
      const texts: string[] = [];
      const walk = (root: Document | ShadowRoot): void => {
        for (const el of root.querySelectorAll('*')) {
          if (el.shadowRoot) {
            texts.push(el.shadowRoot.innerHTML);
            walk(el.shadowRoot);
          }
        }
      };
      texts.push(document.documentElement.outerHTML);
      walk(document);
      return texts.join('\n');
    });
    expect(everything).not.toMatch(/0532|987/);

    // The next visitor's keypad starts empty, the consent unticked.
    await page.locator('button[data-service="vezne"]').tap();
    await page.getByRole('button', { name: 'SMS ile haber ver' }).tap();
    await dialog.waitFor();
    expect((await page.locator('[data-testid="sms-entry"]').textContent())?.trim()).toBe('');
    expect(await dialog.getByRole('checkbox').isChecked()).toBe(false);
  });
});
