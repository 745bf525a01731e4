import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, seriousA11yViolations } from '../support/browser.js';
import { describeProblems, layoutProblems } from '../support/layout-check.js';
import {
  adminCookie,
  setSign,
  signDevice,
  signReads,
  signTicket,
} from '../support/counter-signs.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** Replaces speech with a recorder, so a test can tell whether the page spoke. */
function recordSpeech(page: Page) {
  return page.addInitScript(() => {
    const w = window as unknown as { __spoken: string[] };
    w.__spoken = [];
    const stub = {
      speak(u: SpeechSynthesisUtterance) {
        w.__spoken.push(u.text);
        setTimeout(() => u.onend?.(new Event('end') as SpeechSynthesisEvent), 50);
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

const spoken = (page: Page) =>
  page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken);

/** A clerk signed in through the API who opens `counterId`; returns a command sender. */
async function clerkAt(server: TestServer, counterId: string) {
  const { username, password } = await server.addUser('clerk');
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  const command = async (action: string) => {
    const res = await fetch(`${server.url}/api/counters/${counterId}/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: '{}',
    });
    expect(res.status, `${action}: ${await res.clone().text()}`).toBe(200);
    return (await res.json()) as { ticket: { number: string } | null };
  };
  await command('open');
  return command;
}

async function issueTicket(server: TestServer, serviceId = 'vezne'): Promise<string> {
  const res = await fetch(`${server.url}/api/halls/cankaya/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.kioskKey}` },
    body: JSON.stringify({ serviceId }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { number: string }).number;
}

/** How long a push may take to reach a page on a loaded machine (a poll's default is 1 s). */
const SOON = { timeout: 10_000 };

/** Marks the element now flashing, so a later flash can be told apart (a new element). */
const markFlash = (page: Page) =>
  signTicket(page).evaluate((el) => el.setAttribute('data-seen', ''));

describe('counter-top sign', () => {
  let server: TestServer;
  let browser: Browser;
  let cookie: string;

  beforeAll(async () => {
    server = await startTestServer({ distDir: inject('distDir') });
    browser = await launchBrowser();
    cookie = await adminCookie(server);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  async function openSign(key: string, width: number, height: number): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height } });
    await recordSpeech(page);
    await page.goto(`${server.url}/display#key=${key}`);
    await signTicket(page).waitFor();
    return page;
  }

  it("when a clerk calls and recalls at counter 1, then counter 1's sign shows the number and flashes each time, silently, and counter 2's sign does not change", async () => {
    const one = await signDevice(server, cookie, 'banko-1');
    const two = await signDevice(server, cookie, 'banko-2');
    const signOne = await openSign(one.key, 800, 480);
    const signTwo = await openSign(two.key, 1024, 600);
    try {
      await expect.poll(() => signReads(signOne), SOON).toMatchObject({ state: 'closed' });
      expect(await signOne.locator('display-counter-sign [data-counter]').textContent()).toBe('1');
      expect(await signTwo.locator('display-counter-sign [data-counter]').textContent()).toBe('2');
      const clerk = await clerkAt(server, 'banko-1');
      await expect
        .poll(() => signReads(signOne), SOON)
        .toEqual({ text: 'Bekleyiniz Please wait', flashing: false, state: 'waiting' });
      const twoBefore = await signReads(signTwo);
      expect(twoBefore).toEqual({ text: 'Kapalı Closed', flashing: false, state: 'closed' });

      const number = await issueTicket(server);
      expect((await clerk('call-next')).ticket?.number).toBe(number);
      await expect
        .poll(() => signReads(signOne), SOON)
        .toMatchObject({ flashing: true, state: 'called' });
      expect(await signOne.locator('display-counter-sign [data-ticket]').textContent()).toBe(
        number,
      );
      // The flash is a running animation, not only a class.
      expect(
        await signTicket(signOne).evaluate((el) =>
          el.getAnimations().some((a) => a.playState === 'running'),
        ),
      ).toBe(true);
      await screenshot(signOne, 'counter-sign-800x480-called');

      await markFlash(signOne);
      await clerk('recall');
      // A recall flashes again: a new highlight, started over.
      await signOne
        .locator('display-counter-sign section.ticket[data-flashing]:not([data-seen])')
        .waitFor();
      expect(await signOne.locator('display-counter-sign [data-ticket]').textContent()).toBe(
        number,
      );

      await clerk('start');
      await expect
        .poll(() => signReads(signOne), SOON)
        .toMatchObject({ state: 'serving', text: expect.stringContaining(number) });
      // Counter 2 never changed, and no sign spoke or asked for a tap.
      expect(await signReads(signTwo)).toEqual(twoBefore);
      expect(
        await signTwo
          .locator('display-counter-sign section.ticket')
          .evaluate((el) => el.getAnimations().length),
      ).toBe(0);
      for (const page of [signOne, signTwo]) {
        expect(await spoken(page)).toEqual([]);
        expect(await page.locator('display-sound-overlay').count()).toBe(0);
        expect(await seriousA11yViolations(page)).toEqual([]);
      }
      expect(await signOne.title()).toContain('1 numaralı banko');
    } finally {
      await signOne.close();
      await signTwo.close();
    }
  });

  it('when the screen asks for reduced motion, then a call is highlighted without any animation', async () => {
    const device = await signDevice(server, cookie, 'banko-5');
    const page = await browser.newPage({
      viewport: { width: 1024, height: 600 },
      reducedMotion: 'reduce',
    });
    try {
      await page.goto(`${server.url}/display#key=${device.key}`);
      await signTicket(page).waitFor();
      const clerk = await clerkAt(server, 'banko-5');
      await issueTicket(server, 'ruhsat');
      await clerk('call-next');
      // One sample of the box: whether it flashes, how, and its colours, at the same moment.
      const sample = () =>
        signTicket(page).evaluate((el) => ({
          flashing: el.hasAttribute('data-flashing'),
          animations: el.getAnimations().length,
          background: getComputedStyle(el).backgroundColor,
        }));
      let seen: Awaited<ReturnType<typeof sample>> | undefined;
      await expect.poll(async () => (seen = await sample()).flashing, SOON).toBe(true);
      // Held still in the highlight's colours (--display-accent), not blinking.
      expect(seen).toEqual({ flashing: true, animations: 0, background: 'rgb(255, 210, 63)' });
      await screenshot(page, 'counter-sign-1024x600-called-reduced-motion');
    } finally {
      await page.close();
    }
  });

  it('when an admin sets a running lobby display to a counter and back, then it turns into the sign and back without a reload', async () => {
    const device = await signDevice(server, cookie, 'banko-3');
    await setSign(server, cookie, device.id, null);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(`${server.url}/display#key=${device.key}`);
      await page.locator('display-app header h1').waitFor();
      await page.evaluate(() => ((window as unknown as { __same: boolean }).__same = true));

      await setSign(server, cookie, device.id, 'banko-3');
      await signTicket(page).waitFor();
      expect(await page.locator('display-counter-sign [data-counter]').textContent()).toBe('3');
      await setSign(server, cookie, device.id, null);
      await page.locator('display-app header h1').waitFor();
      expect(await page.locator('display-counter-sign').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __same?: boolean }).__same)).toBe(
        true,
      );
    } finally {
      await page.close();
    }
  });

  it("when an admin sets a display to one counter in Ayarlar → Cihazlar, then the list shows it and the running display becomes that counter's sign", async () => {
    const device = await signDevice(server, cookie, 'banko-4');
    await setSign(server, cookie, device.id, null);
    const display = await browser.newPage({ viewport: { width: 1024, height: 600 } });
    const admin = await server.addUser('admin');
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    try {
      await display.goto(`${server.url}/display#key=${device.key}`);
      await display.locator('display-app header h1').waitFor();
      await page.goto(`${server.url}/manager`);
      await page.getByLabel('Kullanıcı adı').fill(admin.username);
      await page.getByLabel('Parola').fill(admin.password);
      await page.getByRole('button', { name: 'Giriş yap' }).click();
      await page.getByRole('tab', { name: 'Ayarlar' }).click();
      await page.getByRole('button', { name: 'Cihazlar' }).click();
      const row = page.locator(`tr[data-device="${device.id}"]`);
      await expect.poll(() => row.locator('[data-shows]').innerText(), SOON).toBe('Tüm salon');
      await page.getByRole('button', { name: `Düzenle: Sign banko-4` }).click();
      await page.getByLabel('Gösterim').selectOption({ label: 'Tek banko: 4 — Banko 4' });
      await page.getByRole('button', { name: 'Kaydet' }).click();
      await expect
        .poll(() => row.locator('[data-shows]').innerText(), SOON)
        .toBe('Tek banko: 4 — Banko 4');
      await signTicket(display).waitFor();
      expect(await display.locator('display-counter-sign [data-counter]').textContent()).toBe('4');
      await page.getByRole('button', { name: `Düzenle: Sign banko-4` }).click();
      expect(await page.getByLabel('Gösterim').inputValue()).toBe('banko-4');
      await screenshot(page, 'manager-device-sign-form');
      expect(await seriousA11yViolations(page)).toEqual([]);
    } finally {
      await display.close();
      await page.close();
    }
  });

  it('when the display cannot ask what to show at first, then it shows the hall and asks again until it learns it is a sign', async () => {
    const device = await signDevice(server, cookie, 'banko-2');
    const page = await browser.newPage({ viewport: { width: 800, height: 480 } });
    try {
      let refused = 0;
      await page.route('**/api/devices/me', (route) =>
        refused++ === 0 ? route.abort('connectionreset') : route.continue(),
      );
      await page.goto(`${server.url}/display#key=${device.key}`);
      await page.locator('display-app header h1').waitFor();
      await signTicket(page).waitFor({ timeout: 30_000 });
      expect(refused).toBeGreaterThanOrEqual(2);
      expect(await page.locator('display-counter-sign [data-counter]').textContent()).toBe('2');
    } finally {
      await page.close();
    }
  });

  it('when the server is out of reach, then the sign keeps its ticket and shows the reconnecting badge beneath it, covering nothing', async () => {
    const own = await startTestServer({ distDir: inject('distDir') });
    const device = await signDevice(own, await adminCookie(own), 'banko-1');
    const page = await browser.newPage({ viewport: { width: 800, height: 480 } });
    try {
      await page.goto(`${own.url}/display#key=${device.key}`);
      const clerk = await clerkAt(own, 'banko-1');
      const number = await issueTicket(own);
      await clerk('call-next');
      await page.locator('display-counter-sign [data-ticket]').waitFor();
      await own.stop();
      await page.locator('display-counter-sign display-connection-badge').waitFor();
      expect(await page.locator('display-counter-sign [data-ticket]').textContent()).toBe(number);
      await screenshot(page, 'counter-sign-800x480-offline');
      const problems = await layoutProblems(page, { minFontPx: 12 });
      expect(problems, describeProblems(problems)).toEqual([]);
    } finally {
      await page.close();
      await own.dispose();
    }
  });

  it('when the counter of a sign is removed, then the sign says so plainly', async () => {
    const device = await signDevice(server, cookie, 'banko-6');
    const page = await openSign(device.key, 800, 480);
    try {
      await server.app.configStore.update((d) => {
        d.counters = d.counters.filter((c) => c.id !== 'banko-6');
      });
      await server.restart();
      await expect
        .poll(() => page.locator('display-message-screen h1').textContent(), { timeout: 20_000 })
        .toContain('Bu banko artık yok');
      await screenshot(page, 'counter-sign-800x480-missing');
      expect(await seriousA11yViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
