import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { launchBrowser, screenshot, seriousA11yViolations } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { spokenCall } from '../../display/src/state/spoken-call.js';

const VIEWPORT = { width: 1920, height: 1080 };
const HALL = 'cankaya';

/** Replaces speech with a recorder: each utterance "speaks" for 400 ms, overlaps are counted. */
function stubSpeech(page: Page) {
  return page.addInitScript(() => {
    const w = window as unknown as { __spoken: string[]; __overlaps: number };
    w.__spoken = [];
    w.__overlaps = 0;
    let speaking = 0;
    const stub = {
      speak(u: SpeechSynthesisUtterance) {
        if (speaking > 0) w.__overlaps++;
        speaking++;
        w.__spoken.push(u.text);
        setTimeout(() => {
          speaking--;
          u.onend?.(new Event('end') as SpeechSynthesisEvent);
        }, 400);
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

/** A clerk signed in through the API, holding one counter. */
async function clerkAt(server: TestServer, counterId: string) {
  const { username, password } = await server.addUser('clerk');
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const command = async (action: string, body: object = {}) => {
    const res = await fetch(`${server.url}/api/counters/${counterId}/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(body),
    });
    expect(res.status, `${action}: ${await res.clone().text()}`).toBe(200);
    return (await res.json()) as { ticket: { number: string } | null };
  };
  await command('open');
  return command;
}

async function issueTicket(server: TestServer, serviceId = 'vezne'): Promise<string> {
  const res = await fetch(`${server.url}/api/halls/${HALL}/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.kioskKey}` },
    body: JSON.stringify({ serviceId }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { number: string }).number;
}

const ticketAt = (page: Page, counterNumber: number) =>
  page
    .locator('display-counter-card', {
      has: page.locator(`[data-counter]:text-is("${counterNumber}")`),
    })
    .locator('[data-ticket]');

async function waitForSpoken(page: Page, count: number) {
  await page.waitForFunction(
    (n) => (window as unknown as { __spoken: string[] }).__spoken.length >= n,
    count,
    { timeout: 20_000 },
  );
}

describe('lobby display', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer({ distDir: inject('distDir') });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  async function openDisplay(hash: string): Promise<Page> {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await stubSpeech(page);
    await page.goto(`${server.url}/display${hash}`);
    return page;
  }

  it('when the display has no key or a wrong one, then it says it is not paired', async () => {
    const page = await openDisplay('');
    await expect
      .poll(() => page.locator('display-message-screen h1').textContent())
      .toContain('Bu ekran eşleştirilmemiş');
    await page.close();

    const wrong = await openDisplay('#key=not-a-real-key');
    await expect
      .poll(() => wrong.locator('display-message-screen h1').textContent())
      .toContain('This display is not paired');
    expect(new URL(wrong.url()).hash).toBe('');
    expect(await seriousA11yViolations(wrong)).toEqual([]);
    await screenshot(wrong, 'display-unpaired');
    await wrong.close();
  });

  it('when a clerk calls, recalls and calls again, then the display shows and speaks each call once, in order, and survives a restart', async () => {
    const page = await openDisplay(`#key=${server.displayKey}`);
    await page.locator('display-app header h1').waitFor();
    expect(await page.locator('display-app header h1').textContent()).toContain('Çankaya');
    expect(new URL(page.url()).hash).toBe('');
    expect(await page.evaluate(() => localStorage.getItem('siramatik.display.key'))).toBe(
      server.displayKey,
    );
    await screenshot(page, 'display-idle');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A call: shown at counter 3 and spoken exactly.
    expect(await issueTicket(server)).toBe('V001');
    const banko3 = await clerkAt(server, 'banko-3');
    await banko3('call-next');
    await expect.poll(() => ticketAt(page, 3).textContent()).toBe('V001');
    await waitForSpoken(page, 1);
    expect(await spoken(page)).toEqual([
      've sıfır sıfır bir numaralı sıra, üç numaralı bankoya lütfen.',
    ]);

    // A recall is spoken again.
    await banko3('recall');
    await waitForSpoken(page, 2);
    expect(await spoken(page)).toEqual([
      've sıfır sıfır bir numaralı sıra, üç numaralı bankoya lütfen.',
      've sıfır sıfır bir numaralı sıra, üç numaralı bankoya lütfen.',
    ]);

    // Two quick calls at two counters: both spoken, in order, never at the same time.
    await issueTicket(server);
    await issueTicket(server);
    for (const [serviceId, count] of [
      ['ruhsat', 1],
      ['imar-durum', 2],
      ['dilekce', 4],
      ['imar-evrak', 11],
    ] as const)
      for (let i = 0; i < count; i++) await issueTicket(server, serviceId);
    const banko1 = await clerkAt(server, 'banko-1');
    await banko3('start');
    await banko3('complete', { outcome: 'resolved' });
    await banko3('call-next');
    await banko1('call-next');
    await expect.poll(() => ticketAt(page, 1).textContent()).toBe('V003');
    expect(await ticketAt(page, 3).textContent()).toBe('V002');
    await screenshot(page, 'display-calls');
    await waitForSpoken(page, 4);
    expect((await spoken(page)).slice(2)).toEqual([
      've sıfır sıfır iki numaralı sıra, üç numaralı bankoya lütfen.',
      've sıfır sıfır üç numaralı sıra, bir numaralı bankoya lütfen.',
    ]);
    expect(
      await page.evaluate(() => (window as unknown as { __overlaps: number }).__overlaps),
    ).toBe(0);
    // Once the highlights are over, the board passes the accessibility check.
    await expect
      .poll(() => page.locator('display-counter-card .flashing').count(), { timeout: 10_000 })
      .toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A server restart: the badge shows over the last known board, then the same calls come
    // back and nothing is spoken again. Holding the page's reconnect attempts (Socket.IO starts
    // with HTTP long-polling) until the screenshot is taken keeps the outage long enough to see.
    await page.route('**/socket.io/**', (route) => route.abort());
    await server.restart();
    await page.locator('display-connection-badge').waitFor({ timeout: 5_000 });
    expect(await ticketAt(page, 3).textContent()).toBe('V002');
    await screenshot(page, 'display-reconnecting');
    // A ticket issued while the screen is away shows up only through the new snapshot.
    expect(await issueTicket(server)).toBe('V004');
    const vezneWaiting = page.locator('display-waiting-list li[data-service="vezne"] .count');
    expect(await vezneWaiting.count()).toBe(0);
    await page.unroute('**/socket.io/**');
    await page.locator('display-connection-badge').waitFor({ state: 'detached', timeout: 15_000 });
    await expect.poll(() => vezneWaiting.textContent()).toBe('1 kişi');
    expect(await ticketAt(page, 3).textContent()).toBe('V002');
    expect(await ticketAt(page, 1).textContent()).toBe('V003');
    await page.waitForTimeout(3_000);
    expect(await spoken(page)).toHaveLength(4);

    // A call after the restart is announced.
    await banko1('start');
    await banko1('complete', { outcome: 'resolved' });
    await banko1('call-next');
    await expect.poll(() => ticketAt(page, 1).textContent()).toBe('V004');
    await waitForSpoken(page, 5);
    expect((await spoken(page))[4]).toBe(
      've sıfır sıfır dört numaralı sıra, bir numaralı bankoya lütfen.',
    );
    await page.close();
  });

  it('when the browser blocks sound, then a tap overlay asks for a touch and goes away after it', async () => {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.addInitScript(() => {
      const Real = window.AudioContext;
      // As Chromium without the autoplay flag: resume() starts the audio only inside a tap.
      class BlockedUntilTapped extends Real {
        private tapped = false;
        override get state(): AudioContextState {
          return this.tapped ? super.state : 'suspended';
        }
        override resume(): Promise<void> {
          if (!navigator.userActivation.isActive) return new Promise(() => undefined);
          this.tapped = true;
          const done = super.resume();
          this.onstatechange?.(new Event('statechange'));
          return done;
        }
      }
      Object.defineProperty(window, 'AudioContext', { value: BlockedUntilTapped });
    });
    await stubSpeech(page);
    await page.goto(`${server.url}/display#key=${server.displayKey}`);
    const overlay = page.locator('display-sound-overlay button');
    await overlay.waitFor();
    expect(await overlay.textContent()).toContain('Sesi açmak için dokunun');
    await page.locator('display-app header h1').waitFor();
    await screenshot(page, 'display-sound-overlay');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await overlay.click();
    await page.locator('display-sound-overlay').waitFor({ state: 'detached' });
    await page.close();
  });

  it('when all six counters are calling, then each tile shows its own ticket and counter', async () => {
    const own = await startTestServer({ distDir: inject('distDir') });
    const page = await browser.newPage({ viewport: VIEWPORT });
    try {
      await stubSpeech(page);
      await page.goto(`${own.url}/display#key=${own.displayKey}`);
      await page.locator('display-app header h1').waitFor();
      const expected = new Map<number, string>();
      for (const [n, serviceId] of [
        [1, 'mali-hizmetler'],
        [2, 'vezne'],
        [3, 'dilekce'],
        [4, 'ruhsat'],
        [5, 'imar-durum'],
        [6, 'imar-evrak'],
      ] as const) {
        const number = await issueTicket(own, serviceId);
        const counter = await clerkAt(own, `banko-${n}`);
        await counter('call-next');
        expected.set(n, number);
      }
      for (const [n, number] of expected) {
        await expect.poll(() => ticketAt(page, n).textContent()).toBe(number);
      }
      await waitForSpoken(page, 6);
      expect(await spoken(page)).toEqual([...expected].map(([n, number]) => spokenCall(number, n)));
      await screenshot(page, 'display-six-counters');
    } finally {
      await page.close();
      await own.dispose();
    }
  });
});

/** Records whether the tap overlay was ever put on screen, from the page's first script on. */
function watchOverlay(page: Page) {
  return page.addInitScript(() => {
    const w = window as unknown as { __overlayShown: boolean };
    w.__overlayShown = false;
    void customElements.whenDefined('display-sound-overlay').then(() => {
      const proto = customElements.get('display-sound-overlay')!.prototype as HTMLElement & {
        connectedCallback(): void;
      };
      const connected = proto.connectedCallback;
      proto.connectedCallback = function (this: HTMLElement) {
        w.__overlayShown = true;
        connected.call(this);
      };
    });
  });
}

describe('sound on an unattended TV', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ distDir: inject('distDir') });
  });
  afterAll(async () => {
    await server?.dispose();
  });

  async function openIn(browser: Browser): Promise<Page> {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await watchOverlay(page);
    await stubSpeech(page);
    await page.goto(`${server.url}/display#key=${server.displayKey}`);
    await page.locator('display-app header h1').waitFor();
    return page;
  }

  it('when Chromium runs with --autoplay-policy=no-user-gesture-required, then the display never asks for a tap', async () => {
    const browser = await launchBrowser();
    try {
      const page = await openIn(browser);
      const banko2 = await clerkAt(server, 'banko-2');
      await issueTicket(server, 'vezne');
      await banko2('call-next');
      await waitForSpoken(page, 1);
      // Well past the display's audio probe: still no overlay, ever.
      await page.waitForTimeout(3_000);
      expect(await page.locator('display-sound-overlay').count()).toBe(0);
      expect(
        await page.evaluate(
          () => (window as unknown as { __overlayShown: boolean }).__overlayShown,
        ),
      ).toBe(false);
    } finally {
      await browser.close();
    }
  });

  it('when the browser allows sound but starts the audio suspended (as WebKit TV browsers do), then the display starts it itself and never asks for a tap', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: VIEWPORT });
      await page.addInitScript(() => {
        // Allowed to play, but suspended until someone calls resume(), gesture or not.
        const Real = window.AudioContext;
        class StartsSuspended extends Real {
          private resumed = false;
          override get state(): AudioContextState {
            return this.resumed ? super.state : 'suspended';
          }
          override resume(): Promise<void> {
            this.resumed = true;
            const done = super.resume();
            this.onstatechange?.(new Event('statechange'));
            return done;
          }
        }
        Object.defineProperty(window, 'AudioContext', { value: StartsSuspended });
      });
      await watchOverlay(page);
      await stubSpeech(page);
      await page.goto(`${server.url}/display#key=${server.displayKey}`);
      await page.locator('display-app header h1').waitFor();
      await page.waitForTimeout(3_000);
      expect(await page.locator('display-sound-overlay').count()).toBe(0);
      expect(
        await page.evaluate(
          () => (window as unknown as { __overlayShown: boolean }).__overlayShown,
        ),
      ).toBe(false);
    } finally {
      await browser.close();
    }
  });

  it('when Chromium runs without the autoplay flag, then the display asks for a tap', async () => {
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    try {
      const page = await openIn(browser);
      await page.locator('display-sound-overlay button').waitFor({ timeout: 10_000 });
      expect(await page.locator('display-sound-overlay button').textContent()).toContain(
        'Sesi açmak için dokunun',
      );
    } finally {
      await browser.close();
    }
  });
});
