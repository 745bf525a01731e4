import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * The whole hall in one browser: a visitor takes a ticket at the kiosk, a clerk calls, starts
 * and completes it at the counter, and the lobby display shows and speaks the call.
 */
let browser: Browser;
let server: TestServer;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer({ distDir: inject('distDir') });
});
afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await browser?.close();
  await server?.dispose();
});

async function newPage(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'tr-TR' });
  contexts.push(context);
  return context.newPage();
}

/** Records what the display says instead of speaking it. */
async function recordSpeech(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __spoken: string[] };
    w.__spoken = [];
    const stub = {
      speak(u: SpeechSynthesisUtterance) {
        w.__spoken.push(u.text);
        setTimeout(() => u.onend?.(new Event('end') as SpeechSynthesisEvent), 200);
      },
      cancel() {},
      getVoices: () => [],
      speaking: false,
      pending: false,
      paused: false,
    };
    Object.defineProperty(window, 'speechSynthesis', { value: stub, configurable: true });
  });
}

describe('hall flow', () => {
  it('when a visitor takes a ticket at the kiosk and a clerk serves it, then the display shows and speaks the call', async () => {
    const clerk = await server.addUser('clerk');

    const kiosk = await newPage({ width: 1080, height: 1920 });
    await kiosk.goto(`${server.url}/kiosk#key=${server.kioskKey}`);
    const vezne = kiosk.getByRole('button', { name: /Vezne/ });
    await vezne.and(kiosk.locator(':not([disabled])')).waitFor();

    const display = await newPage({ width: 1920, height: 1080 });
    await recordSpeech(display);
    await display.goto(`${server.url}/display#key=${server.displayKey}`);
    await display
      .getByText(/Çankaya/)
      .first()
      .waitFor();

    const counter = await newPage({ width: 1366, height: 768 });
    await counter.goto(`${server.url}/counter`);
    await counter.getByLabel('Kullanıcı adı').fill(clerk.username);
    await counter.getByLabel('Parola').fill(clerk.password);
    await counter.getByRole('button', { name: 'Giriş yap' }).click();
    await counter.getByRole('button', { name: /^Banko 1 / }).click();
    await counter.getByRole('heading', { name: 'Banko 1', exact: true }).waitFor();

    // The visitor.
    await vezne.click();
    const issued = kiosk.getByTestId('ticket-number');
    await issued.waitFor();
    const number = (await issued.innerText()).trim();
    expect(number).toMatch(/^V\d{3}$/);
    await screenshot(kiosk, 'hall-flow-kiosk');

    // The clerk: call next, start, complete as resolved.
    const waiting = counter.locator('tr[data-service="vezne"] [data-testid="waiting-count"]');
    await expect.poll(async () => (await waiting.innerText()).split(/\s/)[0]).toBe('1');
    await counter.getByRole('button', { name: /Sıradakini çağır/ }).click();
    const current = counter.getByTestId('current-number');
    await expect.poll(() => current.innerText()).toBe(number);

    // The display: the call is on the board and spoken in Turkish.
    await display.getByText(number).first().waitFor();
    await display.waitForFunction(
      () => (window as unknown as { __spoken: string[] }).__spoken.length > 0,
      undefined,
      { timeout: 20_000 },
    );
    const spoken = await display.evaluate(
      () => (window as unknown as { __spoken: string[] }).__spoken,
    );
    // Letter and digits spelled as printed, the counter as a Turkish number (V001 at counter 1).
    expect(number).toBe('V001');
    expect(spoken).toContain('ve sıfır sıfır bir numaralı sıra, bir numaralı bankoya lütfen.');
    await screenshot(display, 'hall-flow-display');

    await counter.getByRole('button', { name: /Başlat/ }).click();
    await expect
      .poll(() => counter.getByTestId('current-status').innerText())
      .toBe('Hizmet veriliyor');
    await counter.getByRole('button', { name: /^Tamamla/ }).click();
    await counter.getByRole('button', { name: /Tamamla: Çözüldü/ }).click();
    await counter.getByText('Şu an çağrılmış kimse yok.').waitFor();
    await expect.poll(() => counter.getByTestId('own-completed').innerText()).toBe('1');
    await screenshot(counter, 'hall-flow-counter');
  });
});
