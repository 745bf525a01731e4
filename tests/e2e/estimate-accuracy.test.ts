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

async function newPage(locale: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale });
  contexts.push(context);
  return context.newPage();
}

async function issue(): Promise<IssuedTicket> {
  const res = await fetch(`${server.url}/api/halls/cankaya/tickets`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.kioskKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ serviceId: 'vezne' }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as IssuedTicket;
}

async function clerkAt(counterId: string) {
  const { username, password } = await server.addUser('clerk');
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const command = async (action: string) => {
    const res = await fetch(`${server.url}/api/counters/${counterId}/${action}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', cookie },
      body: '{}',
    });
    expect(res.status, `${action}: ${await res.clone().text()}`).toBe(200);
  };
  await command('open');
  return command;
}

describe('manager statistics: the accuracy of wait estimates', () => {
  it('when a ticket told "no wait" is called, then the statistics tab shows it measured at issue and on the phone, by service and by hour', async () => {
    const clerk = await clerkAt('banko-1');
    const ticket = await issue();
    expect(ticket.estimate).toEqual({ kind: 'minutes', minutes: 0 });
    // The queue's timer samples what the waiting visitor's phone page shows ("no wait").
    await server.app.queues.checkRollover();
    await clerk('call-next');

    const manager = await server.addUser('manager');
    const page = await newPage('tr-TR');
    await page.goto(`${server.url}/manager`);
    await page.getByLabel('Kullanıcı adı').fill(manager.username);
    await page.getByLabel('Parola').fill(manager.password);
    await page.getByRole('button', { name: 'Giriş yap' }).click();
    await page.getByRole('tab', { name: 'İstatistik' }).click();

    const section = page.getByTestId('estimates');
    await section.getByRole('heading', { name: 'Bekleme tahminleri tuttu mu?' }).waitFor();
    await expect.poll(() => section.getByTestId('estimate-tendency').innerText()).toBe('Dengeli');
    const text = await section.innerText();
    expect(text).toContain('Ölçülen bilet');
    expect(text).toContain('%100,0');
    // Beside it, the estimate the phone showed while the visitor waited.
    await section.getByRole('heading', { name: 'Sırada beklerken telefonda gösterilen' }).waitFor();
    expect(await section.getByTestId('estimate-shown-tendency').innerText()).toBe('Dengeli');
    expect(text).toContain('Ölçülen kayıt');
    expect(text).toContain('(kaydedilen 1)');
    const vezne = section.getByRole('row', { name: /Vezne/ });
    expect(await vezne.count()).toBe(1);
    expect(await vezne.getByRole('cell').allInnerTexts()).toHaveLength(8);
    expect(
      await section.getByRole('columnheader', { name: 'Telefonda ortanca sapma' }).count(),
    ).toBe(2);
    expect(await section.getByRole('table').count()).toBe(2);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'manager-estimates');
    const violations = await seriousA11yViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  });
});
