import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ServiceView } from '../../contract/api.js';
import { spokenTicket } from '../../contract/spoken-number.js';
import { launchBrowser, screenshot, seriousA11yViolations } from '../support/browser.js';
import { staffRequests } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const PORTRAIT = { width: 1080, height: 1920 };

let browser: Browser;
const contexts: BrowserContext[] = [];

/**
 * Replaces the page's speech synthesis with a recorder before any script runs: every sentence
 * the kiosk would say is kept, with its language, in `window.__spoken`.
 */
function recordSpeech(): void {
  const spoken: Array<{ text: string; lang: string }> = [];
  (window as unknown as { __spoken: typeof spoken }).__spoken = spoken;
  class Utterance {
    text: string;
    lang = '';
    rate = 1;
    voice: unknown = null;
    constructor(text: string) {
      this.text = text;
    }
  }
  Object.defineProperty(window, 'SpeechSynthesisUtterance', {
    value: Utterance,
    configurable: true,
  });
  Object.defineProperty(window, 'speechSynthesis', {
    configurable: true,
    value: {
      speak: (u: Utterance) => spoken.push({ text: u.text, lang: u.lang }),
      cancel: () => undefined,
      getVoices: () => [],
    },
  });
}

async function spoken(page: Page): Promise<Array<{ text: string; lang: string }>> {
  return page.evaluate(
    () => (window as unknown as { __spoken: Array<{ text: string; lang: string }> }).__spoken,
  );
}

async function lastSpoken(page: Page): Promise<string> {
  return (await spoken(page)).at(-1)?.text ?? '';
}

async function newPage(viewport = PORTRAIT, speech = false): Promise<Page> {
  const context = await browser.newContext({ viewport, hasTouch: true });
  contexts.push(context);
  if (speech) await context.addInitScript(recordSpeech);
  return context.newPage();
}

async function waiting(server: TestServer, serviceId: string): Promise<number> {
  const res = await fetch(`${server.url}/api/halls/cankaya/services`);
  const services = (await res.json()) as ServiceView[];
  return services.find((s) => s.id === serviceId)!.waiting;
}

async function openKiosk(server: TestServer, page: Page): Promise<void> {
  await page.goto(`${server.url}/kiosk#key=${server.kioskKey}`);
  await page.locator('button[data-service="vezne"]:not([disabled])').waitFor();
}

const isLarge = (page: Page) =>
  page.locator('kiosk-app').evaluate((el) => el.hasAttribute('large'));

/** axe finds nothing serious or critical; the message names the state and the rules broken. */
async function expectAccessible(page: Page, state: string): Promise<void> {
  const violations = await seriousA11yViolations(page);
  expect(violations, `${state}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
});

describe('kiosk accessibility', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ distDir: inject('distDir') });
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it('when every kiosk state is visited in the normal and in the large-text/high-contrast mode, then axe finds no serious or critical violation', async () => {
    for (const mode of ['normal', 'large'] as const) {
      const page = await newPage();
      await openKiosk(server, page);
      if (mode === 'large') {
        await page.getByRole('button', { name: 'Büyük yazı / Yüksek karşıtlık' }).tap();
        expect(await isLarge(page)).toBe(true);
      }
      await expectAccessible(page, `${mode} start`);
      await screenshot(page, `kiosk-a11y-${mode}-start`);

      await page.getByRole('button', { name: 'English' }).tap();
      await expectAccessible(page, `${mode} start, English`);
      await page.getByRole('button', { name: 'Türkçe' }).tap();

      await page.locator('.priority-entry').tap();
      await page.locator('button[data-group="disabled"]').waitFor();
      await expectAccessible(page, `${mode} priority groups`);
      await screenshot(page, `kiosk-a11y-${mode}-priority`);

      await page.locator('button[data-group="disabled"]').tap();
      await page.locator('.priority-badge').waitFor();
      await expectAccessible(page, `${mode} services after a priority group`);

      await page.locator('button[data-service="dilekce"]').tap();
      await page.locator('[data-testid="ticket-number"]').waitFor();
      await expect(page.locator('[data-testid="call-method"]').textContent()).resolves.toBe(
        'Numaranız ekranda ve anonsla çağrılacak',
      );
      await expectAccessible(page, `${mode} confirmation`);
      await screenshot(page, `kiosk-a11y-${mode}-confirmation`);

      // The choosing is over: no help switches on a plain ticket.
      if (mode === 'normal') expect(await page.locator('kiosk-help-bar').count()).toBe(0);

      await page.waitForTimeout(900);
      await page.getByRole('button', { name: 'Tamam' }).tap();
      await page.locator('button[data-service="vezne"]').waitFor();
      await page.getByRole('button', { name: 'Sesli yardım' }).tap();
      await page.locator('kiosk-audio-guide').waitFor();
      await expectAccessible(page, `${mode} audio guide on the start screen`);
      await screenshot(page, `kiosk-a11y-${mode}-audio`);
    }
  });

  it('when a visitor turns on large text, then it stays through language, priority and back, shows on the ticket, and is off for the next visitor', async () => {
    const page = await newPage();
    await openKiosk(server, page);
    const normalSize = await page
      .locator('button[data-service="vezne"] .name')
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

    await page.getByRole('button', { name: 'Büyük yazı / Yüksek karşıtlık' }).tap();
    expect(
      await page
        .getByRole('button', { name: 'Büyük yazı / Yüksek karşıtlık' })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    const largeSize = await page
      .locator('button[data-service="vezne"] .name')
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(largeSize).toBeGreaterThanOrEqual(normalSize * 1.3);
    // Light on black: the page itself turns dark.
    expect(
      await page.locator('kiosk-app').evaluate((el) => getComputedStyle(el).backgroundColor),
    ).toBe('rgb(0, 0, 0)');

    await page.getByRole('button', { name: 'English' }).tap();
    await page.locator('.priority-entry').tap();
    await page.getByRole('button', { name: /Back/ }).tap();
    await page.getByRole('button', { name: 'Türkçe' }).tap();
    expect(await isLarge(page)).toBe(true);

    await page.locator('button[data-service="vezne"]').tap();
    await page.locator('[data-testid="ticket-number"]').waitFor();
    expect(await isLarge(page)).toBe(true);
    await page.waitForTimeout(900);
    await page.getByRole('button', { name: 'Tamam' }).tap();
    await page.locator('button[data-service="vezne"]').waitFor();
    expect(await isLarge(page)).toBe(false);
  });

  it('when large text is on, then the kiosk waits two minutes without a touch before it starts over (30 s otherwise)', async () => {
    const page = await newPage();
    await page.clock.install();
    await openKiosk(server, page);
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);

    await page.getByRole('button', { name: 'Büyük yazı / Yüksek karşıtlık' }).tap();
    await page.locator('.priority-entry').tap();
    await page.locator('button[data-group="elderly"]').waitFor();
    await page.clock.fastForward(60_000);
    expect(await page.locator('button[data-group="elderly"]').count()).toBe(1);
    expect(await isLarge(page)).toBe(true);
    await page.clock.fastForward(61_000);
    await page.locator('button[data-service="vezne"]').waitFor();
    expect(await isLarge(page)).toBe(false);
  });

  it('when a visitor uses the audio guide alone, then every step is spoken in Turkish and a ticket is taken by touching large zones only', async () => {
    const page = await newPage(PORTRAIT, true);
    await openKiosk(server, page);
    const before = await waiting(server, 'imar-durum');
    // The kiosk is silent until the guide is asked for (a hall does not want a talking kiosk).
    expect(await spoken(page)).toEqual([]);

    // The button spans the left half of the bar along the bottom edge: touch there.
    const bar = (await page.locator('kiosk-help-bar').boundingBox())!;
    await page.touchscreen.tap(bar.x + bar.width * 0.25, bar.y + bar.height / 2);
    await page.locator('kiosk-audio-guide').waitFor();
    const intro = (await spoken(page)).at(-1)!;
    expect(intro.lang).toBe('tr-TR');
    expect(intro.text).toContain('Sesli yardım açıldı');
    expect(intro.text).toContain('İşleminizi seçin.');
    expect(intro.text).toMatch(/\d+ seçenekten 1\. Vezne\. (\d+ kişi bekliyor|Sırada kimse yok), /);

    // Four zones, each a quarter of the area above the bar: touched near their middles.
    const area = (await page.locator('kiosk-audio-guide').boundingBox())!;
    const zone = async (col: 0 | 1, row: 0 | 1) =>
      page.touchscreen.tap(
        area.x + area.width * (col ? 0.8 : 0.2),
        area.y + area.height * (row ? 0.9 : 0.1),
      );
    const next = () => zone(1, 0);
    const previous = () => zone(0, 0);
    const repeat = () => zone(0, 1);
    const choose = () => zone(1, 1);

    await next();
    await expect.poll(() => lastSpoken(page)).toMatch(/seçenekten 2\. Ruhsat/);
    await previous();
    await expect.poll(() => lastSpoken(page)).toMatch(/seçenekten 1\. Vezne/);
    await repeat();
    await expect.poll(async () => (await spoken(page)).length).toBeGreaterThan(3);
    expect(await lastSpoken(page)).toMatch(/seçenekten 1\. Vezne/);

    // Around the list to the priority path, then the group "Engelli".
    let guard = 0;
    while (!(await lastSpoken(page)).includes('Öncelikli sıra') && guard++ < 12) await next();
    expect(await lastSpoken(page)).toContain('Öncelikli sıra: 65 yaş üstü');
    await choose();
    await expect
      .poll(() => lastSpoken(page))
      .toMatch(/^Öncelik durumunuzu seçin\..*65 yaş ve üstü/);
    await next();
    await expect.poll(() => lastSpoken(page)).toMatch(/seçenekten 2\. Engelli\./);
    await choose();
    await expect
      .poll(() => lastSpoken(page))
      .toMatch(/^Öncelikli sıra: Engelli\. Şimdi işleminizi seçin\./);

    // Then the zoning service, by name, with its line and estimate said aloud.
    guard = 0;
    while (!(await lastSpoken(page)).includes('İmar Durum') && guard++ < 12) await next();
    expect(await lastSpoken(page)).toMatch(
      /İmar Durum[^.]*\. (\d+ kişi bekliyor|Sırada kimse yok), (yaklaşık [\d–]+ dakika|Beklemeden|Şu an açık banko yok)/,
    );
    await choose();

    const current = page.locator('[data-testid="audio-current"]');
    await expect.poll(() => current.textContent()).toMatch(/İ\d{3}/);
    const number = /İ\d{3}/.exec((await current.textContent())!)![0];
    await expect
      .poll(async () => (await spoken(page)).some((s) => s.text.includes('Biletiniz alındı')))
      .toBe(true);
    const ticket = (await spoken(page)).findLast((s) => s.text.includes('Biletiniz alındı'))!;
    expect(ticket.text).toContain(`Sıra numaranız: ${spokenTicket(number)}.`);
    expect(ticket.text).toContain('Numaranız ekranda ve anonsla çağrılacak.');
    expect(await waiting(server, 'imar-durum')).toBe(before + 1);
    // The test hall has no printer: that is said too, after the ticket.
    await expect
      .poll(() => lastSpoken(page))
      .toBe('Numaranızı not alın veya QR kodu telefonunuzla okutun.');
    await screenshot(page, 'kiosk-audio-ticket');

    await repeat();
    await expect.poll(() => lastSpoken(page)).toContain(spokenTicket(number));
    await page.waitForTimeout(900);
    await choose();
    await page.locator('button[data-service="vezne"]').waitFor();
    // The next visitor finds the kiosk silent and in its normal mode.
    expect(await page.locator('kiosk-audio-guide').count()).toBe(0);
  });

  it('when the visitor switches the audio guide to English, then it speaks English with an English voice', async () => {
    const page = await newPage(PORTRAIT, true);
    await openKiosk(server, page);
    await page.getByRole('button', { name: 'Sesli yardım' }).tap();
    await page.locator('kiosk-audio-guide').waitFor();
    const area = (await page.locator('kiosk-audio-guide').boundingBox())!;
    let guard = 0;
    while (!(await lastSpoken(page)).includes('English') && guard++ < 12)
      await page.touchscreen.tap(area.x + area.width * 0.8, area.y + area.height * 0.1);
    await page.touchscreen.tap(area.x + area.width * 0.8, area.y + area.height * 0.9);

    await expect
      .poll(() => lastSpoken(page))
      .toMatch(/^Choose your service\. Choice 1 of \d+\. Cashier\./);
    expect((await spoken(page)).at(-1)!.lang).toBe('en-GB');
  });
});

describe('audio guide when the ticket is refused', () => {
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

  it('when the error and the offline banners show, in the normal and the large-text mode, then axe finds no serious or critical violation', async () => {
    for (const mode of ['normal', 'large'] as const) {
      const page = await newPage();
      await openKiosk(server, page);
      if (mode === 'large')
        await page.getByRole('button', { name: 'Büyük yazı / Yüksek karşıtlık' }).tap();
      // Use up this kiosk's tickets for the minute, then ask for one more on the screen.
      for (let i = 0; i < 3; i++) {
        const res = await fetch(`${server.url}/api/halls/cankaya/tickets`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${server.kioskKey}`,
          },
          body: JSON.stringify({ serviceId: 'dilekce', lang: 'tr' }),
        });
        if (res.status === 429) break;
      }
      await page.locator('button[data-service="vezne"]').tap();
      await page.getByText('Çok sayıda istek yapıldı', { exact: false }).waitFor();
      await expectAccessible(page, `${mode} error banner`);
      await screenshot(page, `kiosk-a11y-${mode}-error`);

      await server.stop();
      await page.getByText('Sunucuya ulaşılamıyor').first().waitFor();
      await expectAccessible(page, `${mode} offline`);
      await screenshot(page, `kiosk-a11y-${mode}-offline`);
      await server.restart();
      await page
        .locator('button[data-service="vezne"]:not([disabled])')
        .waitFor({ timeout: 30_000 });
    }
  });

  it('when the server refuses the ticket, then the guide says why before reading the choices again', async () => {
    const page = await newPage(PORTRAIT, true);
    await openKiosk(server, page);
    // This kiosk's one ticket of the minute is taken (here, or by the test before).
    const res = await fetch(`${server.url}/api/halls/cankaya/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.kioskKey}` },
      body: JSON.stringify({ serviceId: 'vezne', lang: 'tr' }),
    });
    // 429 when an earlier test of this server already used the minute's ticket.
    expect([201, 429]).toContain(res.status);
    const before = await waiting(server, 'vezne');

    await page.getByRole('button', { name: 'Sesli yardım' }).tap();
    const area = (await page.locator('kiosk-audio-guide').boundingBox())!;
    await page.touchscreen.tap(area.x + area.width * 0.8, area.y + area.height * 0.9);

    await expect
      .poll(() => lastSpoken(page))
      .toMatch(
        /^Çok sayıda istek yapıldı\. Lütfen bir dakika sonra tekrar deneyin\. İşleminizi seçin\. \d+ seçenekten 1\. Vezne\./,
      );
    expect(await waiting(server, 'vezne')).toBe(before);
    expect(await page.locator('[data-testid="ticket-number"]').count()).toBe(0);
  });
});

describe('audio guide when the services change while the visitor listens', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ distDir: inject('distDir') });
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it('when a service closes after the visitor heard another one, then the list is read again and "choose" takes the service just heard', async () => {
    const admin = await staffRequests(server, 'admin');
    await admin('PATCH', '/halls/cankaya', { whenNoCounterOpen: 'refuse' });
    const cashier = await staffRequests(server, 'clerk');
    await cashier('POST', '/counters/banko-1/open'); // vezne, mali-hizmetler
    const licensing = await staffRequests(server, 'clerk');
    await licensing('POST', '/counters/banko-4/open'); // ruhsat, dilekce

    const page = await newPage(PORTRAIT, true);
    await openKiosk(server, page);
    await page.getByRole('button', { name: 'Sesli yardım' }).tap();
    const area = (await page.locator('kiosk-audio-guide').boundingBox())!;
    const next = () => page.touchscreen.tap(area.x + area.width * 0.8, area.y + area.height * 0.1);
    const choose = () =>
      page.touchscreen.tap(area.x + area.width * 0.8, area.y + area.height * 0.9);
    await expect.poll(() => lastSpoken(page)).toMatch(/seçenekten 1\. Vezne/);
    await next();
    await expect.poll(() => lastSpoken(page)).toMatch(/seçenekten 2\. Ruhsat/);
    const ruhsat = await waiting(server, 'ruhsat');
    const dilekce = await waiting(server, 'dilekce');

    // The cashier closes: Vezne and Mali Hizmetler can no longer be chosen.
    await cashier('POST', '/counters/banko-1/close');
    await expect
      .poll(() => lastSpoken(page))
      .toMatch(/İşleminizi seçin\. \d+ seçenekten 1\. Ruhsat/);
    await choose();

    await expect
      .poll(async () => (await spoken(page)).some((s) => s.text.includes('Biletiniz alındı')))
      .toBe(true);
    expect(await waiting(server, 'ruhsat')).toBe(ruhsat + 1);
    expect(await waiting(server, 'dilekce')).toBe(dilekce);
  });
});
