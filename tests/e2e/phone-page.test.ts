import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { IssuedTicket } from '../../contract/api.js';
import { launchBrowser, screenshot, seriousA11yViolations } from '../support/browser.js';
import { describeProblems, layoutProblems } from '../support/layout-check.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let browser: Browser;
const contexts: BrowserContext[] = [];

async function newPage(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, hasTouch: true, isMobile: true });
  contexts.push(context);
  return context.newPage();
}

async function issueByApi(server: TestServer, serviceId: string): Promise<IssuedTicket> {
  const res = await fetch(`${server.url}/api/halls/cankaya/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.kioskKey}` },
    body: JSON.stringify({ serviceId, lang: 'tr' }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as IssuedTicket;
}

/** A signed-in clerk driving a counter through REST, as the counter page would. */
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
  };
}

/**
 * The phone's own text size at 200% (Android "Yazı tipi boyutu", iOS "Daha Büyük Metin"): the
 * root font doubles, and everything sized in rem with it.
 */
async function textSize200(page: Page): Promise<void> {
  await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
});

describe('phone page for screen readers and large text', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ distDir: inject('distDir') });
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it('when the line moves and then the visitor is called, then the place in line is in a polite live region and the call in an assertive alert, each said once', async () => {
    await issueByApi(server, 'vezne');
    const mine = await issueByApi(server, 'vezne');
    const page = await newPage({ width: 390, height: 844 });
    await page.goto(mine.statusUrl);

    const place = page.getByRole('status').filter({ hasText: /Önünüzde|Sıradaki/ });
    await expect.poll(() => place.textContent()).toContain('Önünüzde 1 kişi var.');
    expect(await place.getAttribute('aria-live')).toBe('polite');
    expect(await place.getAttribute('aria-atomic')).toBe('true');
    expect(await place.textContent()).toMatch(/Tahmini bekleme: /);
    const call = page.locator('[data-testid="phone-live-call"]');
    expect(await call.getAttribute('role')).toBe('alert');
    expect(await call.getAttribute('aria-live')).toBe('assertive');
    expect((await call.textContent())!.trim()).toBe('');
    // The visible card is not itself live: a screen reader would otherwise say everything twice.
    const card = page.locator('[data-testid="phone-status"]');
    expect(await card.getAttribute('aria-live')).toBeNull();
    expect(await card.getAttribute('role')).toBeNull();
    // A heading to land on, the page language, and the number with its label.
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sıra durumunuz');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('tr');
    expect(await page.evaluate(() => document.title)).toBe(`${mine.number} — Sıra durumunuz`);

    const counter = await clerk(server);
    await counter('banko-1', 'open');
    await counter('banko-1', 'call-next');
    await expect.poll(() => place.textContent()).toContain('Sıradaki sizsiniz');
    expect((await call.textContent())!.trim()).toBe('');

    await counter('banko-1', 'start');
    await counter('banko-1', 'complete', { outcome: 'resolved' });
    await counter('banko-1', 'call-next');
    await expect
      .poll(async () => (await call.textContent())!.replace(/\s+/g, ' ').trim())
      .toBe('Sıranız geldi! 1 numaralı bankoya gelin');
    // The place-in-line region falls silent once the call is announced.
    expect((await page.locator('[data-testid="phone-live-place"]').textContent())!.trim()).toBe('');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('when the phone is 360×800 or 390×844, at normal and at 200% text size, then the page fits with nothing cut or overlapping and axe finds nothing serious', async () => {
    await issueByApi(server, 'ruhsat');
    const mine = await issueByApi(server, 'ruhsat');
    for (const [width, height] of [
      [360, 800],
      [390, 844],
    ] as const) {
      for (const zoom of [100, 200] as const) {
        const cell = `phone ${width}×${height} text ${zoom}%`;
        const page = await newPage({ width, height });
        await page.goto(mine.statusUrl);
        await page.locator('[data-testid="phone-number"]').waitFor();
        await expect
          .poll(() => page.locator('[data-testid="phone-status"]').textContent())
          .toContain('Önünüzde 1 kişi var');
        if (zoom === 200) await textSize200(page);
        const headline = await page
          .locator('[data-testid="phone-status"] .headline')
          .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
        expect(headline, cell).toBeGreaterThanOrEqual(zoom === 200 ? 54 : 27);
        const problems = await layoutProblems(page, {
          minFontPx: zoom === 200 ? 30 : 15,
          minTargetPx: 44,
        });
        expect(problems, `${cell}\n${describeProblems(problems)}`).toEqual([]);
        expect(await seriousA11yViolations(page), cell).toEqual([]);
        await screenshot(page, `phone-${width}x${height}-text${zoom}`);
        await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        await screenshot(page, `phone-${width}x${height}-text${zoom}-end`);
      }
    }
  });
});
