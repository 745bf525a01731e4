import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { IssuedTicket, ServiceView, TicketStatusView } from '../../contract/api.js';
import { launchBrowser, screenshot, seriousA11yViolations } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { addDevice } from '../../server/src/auth/users.js';

const PORTRAIT = { width: 1080, height: 1920 };
const LANDSCAPE = { width: 1920, height: 1080 };
const PHONE = { width: 390, height: 844 };

let browser: Browser;
const contexts: BrowserContext[] = [];

async function newPage(viewport: { width: number; height: number }, touch = true): Promise<Page> {
  const context = await browser.newContext({ viewport, hasTouch: touch, isMobile: false });
  contexts.push(context);
  return context.newPage();
}

async function waiting(server: TestServer, serviceId: string): Promise<number> {
  const res = await fetch(`${server.url}/api/halls/cankaya/services`);
  const services = (await res.json()) as ServiceView[];
  return services.find((s) => s.id === serviceId)!.waiting;
}

async function issueByApi(
  server: TestServer,
  serviceId: string,
  lang = 'tr',
): Promise<IssuedTicket> {
  const res = await fetch(`${server.url}/api/halls/cankaya/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.kioskKey}` },
    body: JSON.stringify({ serviceId, lang }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as IssuedTicket;
}

/** A signed-in clerk driving counters through REST, as the counter page would. */
async function clerk(server: TestServer) {
  const { username, password } = await server.addUser('clerk');
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  return async (counterId: string, action: string, body: unknown = {}) => {
    const res = await fetch(`${server.url}/api/counters/${counterId}/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(body),
    });
    expect(res.status, `${action}: ${await res.clone().text()}`).toBe(200);
    return res.json();
  };
}

async function pairedKiosk(server: TestServer, viewport = PORTRAIT): Promise<Page> {
  const page = await newPage(viewport);
  await page.goto(`${server.url}/kiosk#key=${server.kioskKey}`);
  await page.locator('button[data-service="vezne"]:not([disabled])').waitFor();
  return page;
}

/**
 * A paired kiosk whose clock stands still once it is ready: what a test checks against the
 * kiosk's timers then depends on the fake clock only, never on how busy the machine is.
 */
async function pausedKiosk(server: TestServer): Promise<Page> {
  const page = await newPage(PORTRAIT);
  await page.clock.install();
  await page.goto(`${server.url}/kiosk#key=${server.kioskKey}`);
  await page.locator('button[data-service="vezne"]:not([disabled])').waitFor();
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
  return page;
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
});

describe('kiosk', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ distDir: inject('distDir') });
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it('when the kiosk opens its pairing link, then the key leaves the address bar and survives a reload', async () => {
    const page = await pairedKiosk(server);

    expect(page.url()).toBe(`${server.url}/kiosk`);
    expect(await page.evaluate(() => localStorage.getItem('siramatik.kiosk.key'))).toBe(
      server.kioskKey,
    );
    await page.reload();
    await page.locator('button[data-service="vezne"]:not([disabled])').waitFor();
    await expect(page.locator('h1').first().textContent()).resolves.toBe('İşleminizi seçin');
  });

  it('when the start screen shows, then every service has a big button with waiting and estimate, and a separate priority path', async () => {
    const page = await pairedKiosk(server);

    const buttons = page.locator('kiosk-service-grid button.service');
    expect(await buttons.count()).toBe(6);
    const box = await buttons.first().boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(64);
    await expect(buttons.first().textContent()).resolves.toMatch(/Vezne.*(bekliyor|kimse yok)/s);
    await expect(page.locator('.priority-entry').textContent()).resolves.toContain(
      'Öncelikli sıra',
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'kiosk-portrait');

    const wide = await pairedKiosk(server, LANDSCAPE);
    const wideBox = await wide.locator('kiosk-service-grid button.service').last().boundingBox();
    const priority = await wide.locator('.priority-entry').boundingBox();
    expect(wideBox!.y + wideBox!.height).toBeLessThanOrEqual(LANDSCAPE.height);
    expect(priority!.y + priority!.height).toBeLessThanOrEqual(LANDSCAPE.height);
    expect(await seriousA11yViolations(wide)).toEqual([]);
    await screenshot(wide, 'kiosk-landscape');
  });

  it('when a visitor taps a service, then one ticket is issued and the confirmation shows its number and QR code', async () => {
    const page = await pairedKiosk(server);
    const before = await waiting(server, 'ruhsat');

    await page.locator('button[data-service="ruhsat"]').tap();

    const number = page.locator('[data-testid="ticket-number"]');
    await number.waitFor();
    await expect(number.textContent()).resolves.toMatch(/^R\d{3}$/);
    const qr = page.locator('qr-code img');
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    // The test hall has no printer: the server says so, and the visitor is told to note the number.
    await expect(page.locator('kiosk-confirmation .print').textContent()).resolves.toBe(
      'Numaranızı not alın veya QR kodu telefonunuzla okutun.',
    );
    expect(await waiting(server, 'ruhsat')).toBe(before + 1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'kiosk-confirmation');

    await page.waitForTimeout(900);
    await page.getByRole('button', { name: 'Tamam' }).tap();
    await page.locator('button[data-service="ruhsat"]').waitFor();

    const wide = await pairedKiosk(server, LANDSCAPE);
    await wide.getByRole('button', { name: 'English' }).tap();
    await wide.locator('.priority-entry').tap();
    await wide.locator('button[data-group="elderly"]').tap();
    await wide.locator('button[data-service="imar-durum"]').tap();
    await wide.locator('qr-code img').waitFor();
    await expect(wide.locator('kiosk-confirmation .priority').textContent()).resolves.toContain(
      'Aged 65 or over',
    );
    await screenshot(wide, 'kiosk-confirmation-landscape');
  });

  it('when a visitor double-taps a service, then exactly one ticket is issued', async () => {
    const page = await pausedKiosk(server);
    const before = await waiting(server, 'dilekce');

    // Both taps land before the first request can answer.
    await page.locator('button[data-service="dilekce"]').evaluate((b: HTMLElement) => {
      b.click();
      b.click();
    });
    await page.locator('[data-testid="ticket-number"]').waitFor();
    // The tail of a double tap landing on "Tamam" does not dismiss the confirmation.
    await page.getByRole('button', { name: 'Tamam' }).tap();
    await page.waitForTimeout(500);

    expect(await waiting(server, 'dilekce')).toBe(before + 1);
    expect(await page.locator('[data-testid="ticket-number"]').count()).toBe(1);
  });

  it('when another visitor takes a ticket, then the waiting count on the button goes up live', async () => {
    const page = await pairedKiosk(server);
    const figures = page.locator('button[data-service="imar-durum"] .figures');
    const before = await waiting(server, 'imar-durum');

    await issueByApi(server, 'imar-durum');

    await expect.poll(() => figures.textContent()).toContain(`${before + 1} kişi bekliyor`);
  });

  it('when the visitor switches to English, then the labels change, and the priority path lists the groups', async () => {
    const page = await pairedKiosk(server);

    await page.getByRole('button', { name: 'English' }).tap();

    await expect(page.locator('h1').first().textContent()).resolves.toBe('Choose your service');
    await expect(page.locator('button[data-service="vezne"]').textContent()).resolves.toContain(
      'Cashier',
    );
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.locator('.priority-entry').tap();
    await expect(page.locator('button[data-group="elderly"]').textContent()).resolves.toContain(
      'Aged 65 or over',
    );
    await screenshot(page, 'kiosk-priority-groups-en');
    await page.locator('button[data-group="pregnant"]').tap();
    await expect(page.locator('.priority-badge').textContent()).resolves.toContain('Pregnant');

    await page.getByRole('button', { name: 'Türkçe' }).tap();
    await expect(page.locator('.priority-badge').textContent()).resolves.toContain('Hamile');
    await screenshot(page, 'kiosk-priority-services');
  });

  it('when nobody touches the kiosk, then the confirmation counts down and gives way after 25 s (never under 20 s), and any other screen after 30 s, in Turkish', async () => {
    const page = await pausedKiosk(server);

    await page.locator('button[data-service="vezne"]').tap();
    await page.locator('[data-testid="ticket-number"]').waitFor();
    const returning = page.locator('[data-testid="returning"]');
    await expect.poll(() => returning.textContent()).toBe('25 saniye sonra ana ekrana dönülecek');
    // An elderly visitor still has the number in front of them after 20 s, with the time left.
    await page.clock.fastForward(20_000);
    await expect.poll(() => returning.textContent()).toBe('5 saniye sonra ana ekrana dönülecek');
    expect(await page.locator('[data-testid="ticket-number"]').count()).toBe(1);
    await page.clock.fastForward(5_500);
    await page.locator('button[data-service="vezne"]').waitFor();

    await page.getByRole('button', { name: 'English' }).tap();
    await page.locator('.priority-entry').tap();
    await page.locator('button[data-group="elderly"]').waitFor();
    await page.clock.fastForward(29_000);
    expect(await page.locator('button[data-group="elderly"]').count()).toBe(1);
    await page.clock.fastForward(1_500);
    await page.getByText('İşleminizi seçin').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('tr');
  });

  it('when the kiosk has no key, or a key the server does not know, then it says it is not paired', async () => {
    const page = await newPage(PORTRAIT);
    await page.goto(`${server.url}/kiosk`);
    await page.getByText('Bu kiosk eşleştirilmemiş').waitFor();
    expect(await page.locator('kiosk-service-grid').count()).toBe(0);

    const revoked = await newPage(PORTRAIT);
    await revoked.goto(`${server.url}/kiosk#key=not-a-real-key-0000000000`);
    await revoked.getByText('Bu kiosk eşleştirilmemiş').waitFor();
    await screenshot(revoked, 'kiosk-unpaired');
  });

  it('when the kiosk is revoked while in use, then the next tap issues nothing and says it is not paired', async () => {
    const device = await addDevice(
      server.app.configStore,
      { kind: 'kiosk', hallId: 'cankaya', name: 'Kiosk to revoke' },
      Date.now(),
    );
    const page = await newPage(PORTRAIT);
    await page.goto(`${server.url}/kiosk#key=${device.key}`);
    await page.locator('button[data-service="vezne"]:not([disabled])').waitFor();
    const before = await waiting(server, 'vezne');

    await server.app.configStore.update((d) => {
      d.devices.find((x) => x.id === device.id)!.revokedAt = Date.now();
    });
    await page.locator('button[data-service="vezne"]').tap();

    await page.getByText('Bu kiosk eşleştirilmemiş').waitFor();
    expect(await waiting(server, 'vezne')).toBe(before);
    expect(await page.locator('[data-testid="ticket-number"]').count()).toBe(0);
  });

  it('when the server stops, then the kiosk says it is unreachable and disables its buttons, and recovers when it is back', async () => {
    const page = await pairedKiosk(server);

    await server.stop();
    await page.getByText('Sunucuya ulaşılamıyor').first().waitFor();
    expect(await page.locator('button[data-service="vezne"]').isDisabled()).toBe(true);
    expect(await page.locator('.priority-entry').isDisabled()).toBe(true);
    await screenshot(page, 'kiosk-offline');

    await server.restart();
    await page.locator('button[data-service="vezne"]:not([disabled])').waitFor({ timeout: 30_000 });
    expect(await page.getByText('Sunucuya ulaşılamıyor').count()).toBe(0);
  });
});

describe('kiosk errors', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      distDir: inject('distDir'),
      rateLimits: { loginPerMinute: 10, issuePerMinute: 1 },
    });
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it('when the server refuses a ticket (rate limit), then the visitor reads why in plain words and no ticket shows', async () => {
    const page = await pairedKiosk(server);
    await page.locator('button[data-service="vezne"]').tap();
    await page.locator('[data-testid="ticket-number"]').waitFor();
    await page.waitForTimeout(900);
    await page.getByRole('button', { name: 'Tamam' }).tap();

    await page.locator('button[data-service="vezne"]').tap();

    const alert = page.getByText(
      'Çok sayıda istek yapıldı. Lütfen bir dakika sonra tekrar deneyin.',
    );
    await alert.waitFor();
    expect(await page.locator('[data-testid="ticket-number"]').count()).toBe(0);
    await page.getByRole('button', { name: 'English' }).tap();
    await page.getByText('Too many requests. Please try again in a minute.').waitFor();
    await screenshot(page, 'kiosk-error');
  });
});

describe('phone page', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ distDir: inject('distDir') });
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it('when the visitor follows their ticket, then the page shows their position live and then the counter that calls them', async () => {
    const first = await issueByApi(server, 'mali-hizmetler');
    const mine = await issueByApi(server, 'mali-hizmetler');
    const page = await newPage(PHONE);
    const sent: string[] = [];
    page.on('websocket', (ws) => ws.on('framesent', (f) => sent.push(String(f.payload))));
    page.on('request', (r) => sent.push(r.postData() ?? ''));
    await page.goto(mine.statusUrl);

    const status = page.locator('[data-testid="phone-status"]');
    await expect.poll(() => status.textContent()).toContain('Önünüzde 1 kişi var');
    // The phone wakes up: the page asks for a fresh status.
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await expect.poll(() => sent.some((f) => f.includes('ticket:refresh'))).toBe(true);
    await expect(page.locator('[data-testid="phone-number"]').textContent()).resolves.toBe(
      mine.number,
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'kiosk-phone');

    const counter = await clerk(server);
    await counter('banko-1', 'open');
    await counter('banko-1', 'call-next');
    await expect.poll(() => status.textContent()).toContain('Sıradaki sizsiniz');
    await counter('banko-1', 'start');
    await counter('banko-1', 'complete', { outcome: 'resolved' });
    await counter('banko-1', 'call-next');

    await expect.poll(() => status.textContent()).toContain('1 numaralı bankoya gelin');
    expect(first.number).not.toBe(mine.number);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'kiosk-phone-called');

    // After the visit the visitor rates it, once.
    await counter('banko-1', 'start');
    await counter('banko-1', 'complete', { outcome: 'resolved' });
    await page.getByRole('button', { name: /4 \/ 5/ }).click();
    await page.getByLabel('Yorumunuz (isteğe bağlı)').fill('Çok hızlıydı');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'kiosk-phone-rating');
    await page.getByRole('button', { name: 'Gönder' }).click();
    await expect
      .poll(() => page.locator('main').textContent())
      .toContain('Değerlendirmeniz için teşekkür ederiz.');
    expect(server.app.queues.ticketByCode(mine.code)!.ticket.rating).toBe(4);
    await expect(page.getByRole('button', { name: 'Gönder' }).count()).resolves.toBe(0);
  });

  it('when the ticket was taken in English, then the phone page is in English', async () => {
    const ticket = await issueByApi(server, 'imar-evrak', 'en');
    const page = await newPage(PHONE);
    // The link in the QR code the kiosk draws for an English ticket.
    await page.goto(`${ticket.statusUrl}?lang=en`);

    await expect
      .poll(() => page.locator('[data-testid="phone-status"]').textContent())
      .toMatch(/You are next|ahead of you/);
  });

  it('when the visitor confirms leaving, then the ticket is cancelled', async () => {
    const ticket = await issueByApi(server, 'dilekce');
    const page = await newPage(PHONE);
    await page.goto(ticket.statusUrl);

    await page.getByRole('button', { name: 'Sıradan çık' }).tap();
    await page.getByRole('button', { name: 'Evet, sıradan çık' }).tap();

    await expect
      .poll(() => page.locator('[data-testid="phone-status"]').textContent())
      .toContain('Sıradan çıktınız');
    const res = await fetch(`${server.url}/api/tickets/${ticket.code}`);
    expect(((await res.json()) as TicketStatusView).status).toBe('cancelled');
  });

  it('when the code is unknown, then the page says the ticket was not found', async () => {
    const page = await newPage(PHONE);
    await page.goto(`${server.url}/t/AAAAAAAAAAAAAAAAAAAAAA`);

    await page.getByText('Bilet bulunamadı').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
