import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { IssuedTicket } from '../../contract/api.js';
import { launchBrowser } from '../support/browser.js';
import { staffRequests } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * Issue 15: with no counter serving a service open, no screen promises a time or "no wait";
 * a hall set to refuse shows the service as unavailable, with the reason.
 */
let browser: Browser;
const contexts: BrowserContext[] = [];

async function newPage(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, hasTouch: true });
  contexts.push(context);
  return context.newPage();
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
});

describe('every counter closed', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ distDir: inject('distDir') });
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it('when a visitor takes the first vezne ticket, then kiosk, confirmation, phone page and display say no counter is open, never no wait', async () => {
    const display = await newPage({ width: 1920, height: 1080 });
    await display.goto(`${server.url}/display#key=${server.displayKey}`);
    const kiosk = await newPage({ width: 1080, height: 1920 });
    await kiosk.goto(`${server.url}/kiosk#key=${server.kioskKey}`);
    const vezne = kiosk.locator('button[data-service="vezne"]:not([disabled])');
    await vezne.waitFor();
    await expect(vezne.textContent()).resolves.toContain('Şu an açık banko yok');

    await vezne.tap();

    // Everything the confirmation lists (the component's own shadow tree).
    const facts = () => kiosk.locator('kiosk-confirmation dd').allTextContents();
    await kiosk.locator('[data-testid="ticket-number"]').waitFor();
    await expect.poll(facts).toContain('Şu an açık banko yok');
    expect((await facts()).join(' ')).not.toContain('Beklemeden');
    const issued = await fetch(`${server.url}/api/halls/cankaya/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.kioskKey}` },
      body: JSON.stringify({ serviceId: 'dilekce' }),
    });
    const ticket = (await issued.json()) as IssuedTicket;
    expect(ticket.estimate).toEqual({ kind: 'no-open-counter' });
    const phone = await newPage({ width: 390, height: 844 });
    await phone.goto(ticket.statusUrl);
    const status = phone.locator('[data-testid="phone-status"]');
    await expect.poll(() => status.textContent()).toContain('Şu an açık banko yok');
    expect(await status.textContent()).not.toContain('Beklemeden');
    const row = display.locator('display-waiting-list li[data-service="vezne"]');
    await expect.poll(() => row.textContent()).toContain('Şu anda açık banko yok');
    expect(await row.textContent()).not.toMatch(/≈/);
  });

  it('when the hall refuses tickets then, then the kiosk shows the service as unavailable with the reason, until a counter opens', async () => {
    const admin = await staffRequests(server, 'admin');
    await admin('PATCH', '/halls/cankaya', { whenNoCounterOpen: 'refuse' });
    const kiosk = await newPage({ width: 1080, height: 1920 });
    await kiosk.goto(`${server.url}/kiosk#key=${server.kioskKey}`);
    const ruhsat = kiosk.locator('button[data-service="ruhsat"]');

    await kiosk.locator('button[data-service="ruhsat"][disabled]').waitFor();
    await expect(ruhsat.textContent()).resolves.toContain('Şu an açık banko yok · Sıra verilmiyor');

    const clerk = await staffRequests(server, 'clerk');
    await clerk('POST', '/counters/banko-4/open');
    await kiosk.locator('button[data-service="ruhsat"]:not([disabled])').waitFor();
    await expect.poll(() => ruhsat.textContent()).toContain('Sırada kimse yok');
    expect(await ruhsat.textContent()).not.toContain('açık banko yok');
  });
});
